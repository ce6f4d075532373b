#pragma once
// The Generate page: choose products x templates x seeds, see the summary (images, prompts,
// time on this computer), start; the gallery fills as each image is stored in the project.
// While the batch runs: the image in flight and the whole batch with time left, pause, stop
// (what was made is kept). A batch left unfinished (stopped, window closed, crash, power cut)
// offers to continue after its last stored image.
#include "ui/jobs/catalogue_types.h"
#include "ui/pages/page.h"

#include <optional>

class QLabel;
class QListView;
class QPushButton;
class QTimer;

namespace rashisa::ui {

class BatchProgressPanel;
class BatchSummaryCard;
class GenerateSetupPanel;
class ImageListModel;

class GeneratePage : public Page {
  Q_OBJECT

 public:
  enum class State { NoProduct, Setup, Running, Interrupted };

  explicit GeneratePage(AppController& controller, QWidget* parent = nullptr);

  State state() const { return state_; }
  GenerateSetupPanel* setupPanel() const { return setup_; }
  BatchSummaryCard* summary() const { return summary_; }
  BatchProgressPanel* progress() const { return progress_; }
  ImageListModel* gallery() const { return gallery_; }
  QListView* galleryView() const { return galleryView_; }
  QLabel* galleryTitle() const { return galleryTitle_; }
  /// "The last batch stopped after 12 of 48 images." with "Continue from there".
  MessageBar* interruptedBar() const { return interruptedBar_; }
  QPushButton* reviewButton() const { return review_; }
  QPushButton* startButton() const { return start_; }
  QLabel* startReason() const { return reason_; }
  /// The batch whose images the gallery shows (0: none).
  qint64 shownBatch() const { return shownBatch_; }
  /// The last plan counted (nullopt before the first answer).
  const std::optional<BatchPlan>& plan() const { return plan_; }
  /// The plan answers the choices as they are now.
  bool planReady() const { return plan_.has_value() && !stale_ && plansPending_ == 0; }

 Q_SIGNALS:
  /// "Review these images": the window shows the Review page.
  void reviewRequested();

 private:
  QWidget* buildGallery();
  void connectController();
  void refresh();
  void schedulePlan();
  void onPlanned(const BatchPlan& plan);
  void onImageMade(const ImageItem& image);
  void updateSummary();
  void updateStart();
  void showInterrupted(const BatchItem* batch);
  void showBatch(qint64 batchId);
  /// The newest batch that stopped before its end (nullptr when none, or while one runs).
  const BatchItem* unfinishedBatch() const;
  /// What the plan depends on in the project (products trained, templates' settings).
  QString planInputs() const;

  State state_ = State::NoProduct;
  GenerateSetupPanel* setup_;
  BatchSummaryCard* summary_;
  BatchProgressPanel* progress_;
  ImageListModel* gallery_;
  QListView* galleryView_;
  QLabel* galleryTitle_;
  MessageBar* interruptedBar_;
  QPushButton* review_;
  QLabel* reason_;
  QPushButton* start_;
  QTimer* planTimer_;
  std::optional<BatchPlan> plan_;
  BatchRequest planned_;
  int plansPending_ = 0;
  QString inputs_;
  qint64 shownBatch_ = 0;
  qint64 runningBatch_ = 0;
  bool stale_ = true;
  bool starting_ = false;
  bool measuring_ = false;
};

}  // namespace rashisa::ui
