#pragma once
// Training as it runs (or as it was left): the three-stage stepper, the loss chart, the newest
// previews with the product token's attention heat map, the history of previews, and pause /
// resume / stop.
#include "ui/jobs/engine_types.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace rashisa::ui {

class AppController;
class LossChart;
class PreviewListModel;
class ScaledImage;
class StageStepper;
class TryPanel;

class TrainingPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingPanel(AppController& controller, QWidget* parent = nullptr);

  /// Shows a product's saved state: its stage and step, its stored previews.
  void showProduct(const Product& product);
  void refresh();

  StageStepper* stepper() const { return stepper_; }
  LossChart* chart() const { return chart_; }
  PreviewListModel* previews() const { return previews_; }
  QListView* previewStrip() const { return strip_; }
  QCheckBox* heatToggle() const { return heat_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* stopButton() const { return stop_; }
  TryPanel* tryPanel() const { return try_; }
  /// The preview shown large (tests).
  ScaledImage* largePreview(int i) const { return large_[i]; }

 private:
  void onPreview(const TrainingPreview& preview);
  void showLarge(int stage, qint64 step);
  void updateLarge();

  AppController& controller_;
  qint64 productId_ = 0;
  StageStepper* stepper_;
  LossChart* chart_;
  PreviewListModel* previews_;
  QListView* strip_;
  QCheckBox* heat_;
  std::array<ScaledImage*, 2> large_{};
  QLabel* largeCaption_;
  QLabel* waiting_;
  QLabel* lossValue_;
  QStackedWidget* right_;
  TryPanel* try_;
  QPushButton* pause_;
  QPushButton* stop_;
  int seenRun_ = 0;
  int shownStage_ = 0;
  qint64 shownStep_ = -1;
};

}  // namespace rashisa::ui
