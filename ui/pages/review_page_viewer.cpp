// ReviewPage: the large viewer (loading, zoom), the keyboard, comparing with a training photo
// and making an image again.
#include "ui/models/image_list_model.h"
#include "ui/models/photo_list_model.h"
#include "ui/pages/image_info_panel.h"
#include "ui/pages/review_page.h"
#include "ui/text/batch_text.h"
#include "ui/widgets/image_viewer.h"
#include "ui/window/app_controller.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>

namespace rashisa::ui {

namespace {
constexpr int kKeepFull = 12;  // full-size images kept for going back and forth
}  // namespace

bool ReviewPage::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent*>(event))) return true;
  return Page::eventFilter(watched, event);
}

bool ReviewPage::handleKey(QKeyEvent* event) {
  // Plain keys only: Shift/Ctrl with arrows extend the selection, Ctrl+A selects all.
  if (event->modifiers() & ~Qt::KeypadModifier) return false;
  switch (event->key()) {
    case Qt::Key_Left: move(-1); return true;
    case Qt::Key_Right: move(1); return true;
    case Qt::Key_A: mark(ReviewState::Approved); return true;
    case Qt::Key_R: mark(ReviewState::Rejected); return true;
    case Qt::Key_U: mark(ReviewState::New); return true;
    case Qt::Key_Space: viewer_->setActualSize(!viewer_->actualSize()); return true;
    case Qt::Key_C:
      if (comparing_)
        comparePhoto(photoIndex_ + 1);
      else
        openCompare();
      return true;
    case Qt::Key_Escape:
      if (comparing_ || remade_)
        closeSide();
      else if (viewer_->actualSize())
        viewer_->setActualSize(false);
      else
        return false;
      return true;
    default: return false;
  }
}

const ImageItem* ReviewPage::currentImage() const { return images_->imageAt(grid_->currentIndex().row()); }

void ReviewPage::move(int delta) {
  const int rows = images_->rowCount();
  if (rows == 0) return;
  const int row = std::clamp(grid_->currentIndex().row() + delta, 0, rows - 1);
  grid_->selectionModel()->setCurrentIndex(images_->index(row), QItemSelectionModel::ClearAndSelect);
  grid_->scrollTo(images_->index(row));
}

void ReviewPage::mark(ReviewState state) {
  const QList<qint64> ids = chosenIds();
  if (ids.isEmpty()) return;
  if (controller().reviewer().trimmed().isEmpty()) {
    reviewer_->setFocus();  // the line beside the buttons says to enter the name first
    return;
  }
  for (qint64 id : ids) keep_.insert(id);
  controller().setReview(ids, state);  // the project changes at once; the file follows
  // One image marked: go on to the next, so a whole batch is reviewed with A and R alone.
  if (ids.size() == 1 && state != ReviewState::New) move(1);
}

void ReviewPage::onCurrentChanged() {
  const ImageItem* image = currentImage();
  const qint64 id = image ? image->id : 0;
  if (id != shown_) {
    shown_ = id;
    remade_.reset();
    if (!comparing_) viewer_->clearSide();
  }
  showCurrent();
  updateButtons();
}

void ReviewPage::showCurrent() {
  const ImageItem* image = currentImage();
  if (!image) {
    shown_ = 0;
    viewer_->setImage({});
    viewer_->clearSide();
    info_->showImage(nullptr, controller().project());
    return;
  }
  info_->showImage(image, controller().project());
  const QString caption = remade_ ? tr("Stored · seed %1").arg(image->seed) : captionOf(*image);
  if (full_.contains(image->id)) {
    viewer_->setImage(full_[image->id], caption);
  } else {
    // The thumbnail stands in until the full image arrives.
    viewer_->setImage(image->thumbnail, caption);
    requestFull(image->id);
  }
  const ImageItem* next = images_->imageAt(grid_->currentIndex().row() + 1);
  if (next) requestFull(next->id);
}

void ReviewPage::requestFull(qint64 id) {
  if (!isVisible() || full_.contains(id) || loading_.contains(id)) return;
  loading_.insert(id);
  controller().loadImage(id);
}

QString ReviewPage::captionOf(const ImageItem& image) const {
  return tr("%1 · seed %2").arg(image.templateLabel).arg(image.seed);
}

void ReviewPage::onImageLoaded(qint64 id, const QImage& image) {
  loading_.remove(id);
  if (image.isNull()) return;
  full_.insert(id, image);
  fullOrder_.removeAll(id);
  fullOrder_.push_back(id);
  while (fullOrder_.size() > kKeepFull) full_.remove(fullOrder_.takeFirst());
  if (id == shown_) showCurrent();
}

void ReviewPage::openCompare() {
  if (!currentImage()) return;
  if (photos_->rowCount() == 0) {
    showNotice({MessageLevel::Info, tr("This project has no training photos to compare with."), {}, {}, {}, {}, {}, {}});
    return;
  }
  remade_.reset();
  comparing_ = true;
  strip_->show();
  comparePhoto(0);
}

void ReviewPage::comparePhoto(int index) {
  const int count = photos_->rowCount();
  if (count == 0) return;
  comparing_ = true;
  strip_->show();
  photoIndex_ = ((index % count) + count) % count;
  photoId_ = photos_->idAt(photoIndex_);
  strip_->setCurrentIndex(photos_->index(photoIndex_));
  const QModelIndex photo = photos_->index(photoIndex_);
  viewer_->setSideImage(photo.data(Qt::DecorationRole).value<QPixmap>().toImage(),
                        tr("Photo %1 of %2 · %3")
                            .arg(photoIndex_ + 1)
                            .arg(count)
                            .arg(photo.data(Qt::DisplayRole).toString()));
  controller().loadPhoto(photoId_);
  showCurrent();
}

void ReviewPage::onPhotoLoaded(qint64 id, const QImage& image) {
  if (!comparing_ || id != photoId_ || image.isNull()) return;
  viewer_->setSideImage(image, viewer_->sideCaption());
}

void ReviewPage::closeSide() {
  comparing_ = false;
  photoIndex_ = -1;
  photoId_ = 0;
  remade_.reset();
  strip_->hide();
  viewer_->clearSide();
  showCurrent();
}

void ReviewPage::onRegenerated(const RegenerateResult& result) {
  if (result.imageId == regenerating_) regenerating_ = 0;
  updateButtons();
  if (result.imageId != shown_) return;
  comparing_ = false;
  photoId_ = 0;
  strip_->hide();
  remade_ = result;
  viewer_->setSideImage(result.image, result.identical ? tr("Made again · identical") : tr("Made again · differs"));
  info_->showRegenerated(result.identical);
  showCurrent();
}

}  // namespace rashisa::ui
