#pragma once
// The Review page: a grid of the generated images and a large viewer side by side, keyboard
// first (←/→ move, A approve, R reject, U back to not reviewed, Space zoom fit/100 %, C compare
// with a training photo, Esc closes the comparison), multi-select with bulk approve / reject,
// filters by state, template, product and variable value, and an info panel with every setting
// of the image, "make again with these settings" and "more like this". Marks are saved at once
// (with the reviewer's name) and work while a batch runs; new images appear as they are made.
#include "ui/jobs/engine_types.h"
#include "ui/pages/page.h"

#include <QHash>
#include <QSet>

#include <optional>

class QKeyEvent;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace rashisa::ui {

class ImageInfoPanel;
class ImageListModel;
class ImageViewer;
class PhotoListModel;
class ReviewFilters;

class ReviewPage : public Page {
  Q_OBJECT

 public:
  explicit ReviewPage(AppController& controller, QWidget* parent = nullptr);

  ImageListModel* images() const { return images_; }
  QListView* grid() const { return grid_; }
  ImageViewer* viewer() const { return viewer_; }
  ImageInfoPanel* info() const { return info_; }
  ReviewFilters* filters() const { return filters_; }
  QListView* photoStrip() const { return strip_; }
  PhotoListModel* photos() const { return photos_; }
  QLineEdit* reviewerEdit() const { return reviewer_; }
  QPushButton* approveButton() const { return approve_; }
  QPushButton* rejectButton() const { return reject_; }
  QPushButton* undoButton() const { return undo_; }
  QPushButton* selectAllButton() const { return selectAll_; }
  QLabel* countLabel() const { return count_; }
  QLabel* reasonLabel() const { return reason_; }

  /// The image shown large (0: none).
  qint64 currentId() const { return shown_; }
  /// The chosen images (the selection, else the current one).
  QList<qint64> chosenIds() const;
  /// Makes `id` the current, only chosen image (false when the filters hide it).
  bool selectImage(qint64 id);
  bool comparing() const { return comparing_; }
  /// The training photo beside the image while comparing (0: none).
  qint64 comparedPhoto() const { return photoId_; }
  /// The image made again of the current one, shown beside it.
  const std::optional<RegenerateResult>& remade() const { return remade_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildCentre();
  QWidget* buildBottom();
  void refresh();
  void onFiltersChanged();
  void onImageMade(const ImageItem& image);
  void updateCount();
  void updateButtons();
  void commitReviewer();

  // review_page_viewer.cpp: what the viewer shows, the keyboard, comparing and making again.
  bool handleKey(QKeyEvent* event);
  void onCurrentChanged();
  void showCurrent();
  void move(int delta);
  void mark(ReviewState state);
  void openCompare();
  void comparePhoto(int index);
  void closeSide();
  void onImageLoaded(qint64 id, const QImage& image);
  void onPhotoLoaded(qint64 id, const QImage& image);
  void onRegenerated(const RegenerateResult& result);
  void requestFull(qint64 id);
  QString captionOf(const ImageItem& image) const;
  const ImageItem* currentImage() const;

  ImageListModel* images_;
  PhotoListModel* photos_;
  ReviewFilters* filters_;
  QListView* grid_;
  ImageViewer* viewer_;
  QListView* strip_;
  QLabel* hint_;
  ImageInfoPanel* info_;
  QLineEdit* reviewer_;
  QLabel* count_;
  QLabel* reason_;
  QPushButton* selectAll_;
  QPushButton* undo_;
  QPushButton* reject_;
  QPushButton* approve_;

  QSet<qint64> keep_;            // marked since the filters last changed: they stay in view
  QHash<qint64, QImage> full_;   // full-size images loaded lately
  QList<qint64> fullOrder_;      // oldest first, for dropping
  QSet<qint64> loading_;
  qint64 shown_ = 0;
  bool comparing_ = false;
  int photoIndex_ = -1;
  qint64 photoId_ = 0;
  qint64 regenerating_ = 0;
  std::optional<RegenerateResult> remade_;
};

}  // namespace rashisa::ui
