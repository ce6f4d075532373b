#include "ui/pages/review_page.h"

#include "ui/models/image_delegate.h"
#include "ui/models/image_list_model.h"
#include "ui/models/photo_list_model.h"
#include "ui/pages/image_info_panel.h"
#include "ui/pages/review_filters.h"
#include "ui/text/batch_text.h"
#include "ui/widgets/image_viewer.h"
#include "ui/window/app_controller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {
constexpr int kTile = 100;
constexpr int kStrip = 64;
}  // namespace

ReviewPage::ReviewPage(AppController& controller, QWidget* parent) : Page(controller, tr("Review the images"), parent) {
  images_ = new ImageListModel(this);
  photos_ = new PhotoListModel(this);
  auto* top = new QHBoxLayout;
  filters_ = new ReviewFilters(this);
  count_ = new QLabel(this);
  count_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  auto* reviewerLabel = new QLabel(tr("Reviewer"), this);
  reviewer_ = new QLineEdit(this);
  reviewer_->setAccessibleName(tr("Reviewer's name"));
  reviewer_->setPlaceholderText(tr("Your name"));
  reviewer_->setToolTip(tr("Recorded with every review in the project's audit log."));
  reviewer_->setMaximumWidth(160);
  reviewerLabel->setBuddy(reviewer_);
  top->addWidget(filters_);
  top->addSpacing(8);
  top->addWidget(count_, 1);
  top->addWidget(reviewerLabel);
  top->addWidget(reviewer_);
  body()->addLayout(top);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setChildrenCollapsible(false);
  grid_ = makeImageGrid(images_, kTile, splitter);
  grid_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  grid_->setAccessibleName(tr("Generated images"));
  grid_->setMinimumWidth(3 * (kTile + 6) + 24);
  info_ = new ImageInfoPanel(splitter);
  info_->setMinimumWidth(250);
  info_->setMaximumWidth(300);
  splitter->addWidget(grid_);
  splitter->addWidget(buildCentre());
  splitter->addWidget(info_);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setStretchFactor(2, 0);
  body()->addWidget(splitter, 1);
  body()->addWidget(buildBottom());

  grid_->installEventFilter(this);
  viewer_->installEventFilter(this);
  strip_->installEventFilter(this);
  connect(grid_->selectionModel(), &QItemSelectionModel::currentChanged, this, &ReviewPage::onCurrentChanged);
  connect(grid_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReviewPage::updateButtons);
  connect(filters_, &ReviewFilters::changed, this, &ReviewPage::onFiltersChanged);
  connect(strip_, &QListView::clicked, this, [this](const QModelIndex& index) { comparePhoto(index.row()); });
  connect(reviewer_, &QLineEdit::editingFinished, this, &ReviewPage::commitReviewer);
  connect(info_, &ImageInfoPanel::regenerateRequested, this, [this](qint64 id) {
    regenerating_ = id;
    info_->showRegenerating();
    this->controller().regenerate(id);
  });
  connect(info_, &ImageInfoPanel::moreRequested, this, [this](qint64 id) {
    this->controller().moreLikeThis(id, ImageInfoPanel::kMoreCount);
    showNotice({MessageLevel::Info, tr("Making %n more like this.", nullptr, ImageInfoPanel::kMoreCount),
                tr("They appear here as they are made; the Generate page shows the batch."), {}, {}, {}, {}, {}});
  });
  connect(&controller, &AppController::projectChanged, this, &ReviewPage::refresh);
  connect(&controller, &AppController::batchChanged, this, &ReviewPage::updateButtons);
  connect(&controller, &AppController::trainingChanged, this, &ReviewPage::updateButtons);
  connect(&controller, &AppController::busyChanged, this, [this] {
    if (!this->controller().jobs().isBusy()) regenerating_ = 0;
    updateButtons();
  });
  connect(&controller, &AppController::imageMade, this, &ReviewPage::onImageMade);
  connect(&controller, &AppController::imageLoaded, this, &ReviewPage::onImageLoaded);
  connect(&controller, &AppController::photoLoaded, this, &ReviewPage::onPhotoLoaded);
  connect(&controller, &AppController::regenerated, this, &ReviewPage::onRegenerated);
  refresh();
}

QWidget* ReviewPage::buildCentre() {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(8, 0, 8, 0);
  layout->setSpacing(6);
  viewer_ = new ImageViewer(box);
  viewer_->setAccessibleName(tr("The chosen image, large"));
  strip_ = new QListView(box);
  strip_->setViewMode(QListView::IconMode);
  strip_->setFlow(QListView::LeftToRight);
  strip_->setWrapping(false);
  strip_->setMovement(QListView::Static);
  strip_->setUniformItemSizes(true);
  strip_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  strip_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  strip_->setFixedHeight(kStrip + 22);
  strip_->setModel(photos_);
  strip_->setItemDelegate(new ThumbnailDelegate(kStrip, strip_));
  strip_->setAccessibleName(tr("Training photos to compare with"));
  strip_->hide();
  hint_ = new QLabel(tr("←/→ move · A approve · R reject · U undo · Space zoom · C compare with a photo"), box);
  hint_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  hint_->setWordWrap(true);
  layout->addWidget(viewer_, 1);
  layout->addWidget(strip_);
  layout->addWidget(hint_);
  return box;
}

QWidget* ReviewPage::buildBottom() {
  auto* box = new QWidget(this);
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  selectAll_ = new QPushButton(tr("Select all"), box);
  selectAll_->setToolTip(tr("Chooses every image shown (Ctrl+A)."));
  undo_ = new QPushButton(tr("Undo the mark"), box);
  undo_->setToolTip(tr("Puts the chosen images back to not reviewed (U)."));
  reject_ = new QPushButton(tr("Reject"), box);
  reject_->setToolTip(tr("Rejects the chosen images (R). Rejected images are kept but never exported."));
  reason_ = new QLabel(box);
  reason_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  approve_ = makePrimaryButton(tr("Approve"), box);
  approve_->setToolTip(tr("Approves the chosen images (A)."));
  row->addWidget(selectAll_);
  row->addWidget(undo_);
  row->addWidget(reject_);
  row->addStretch(1);
  row->addWidget(reason_);
  row->addSpacing(8);
  row->addWidget(approve_);
  connect(selectAll_, &QPushButton::clicked, this, [this] {
    grid_->selectAll();
    grid_->setFocus();
  });
  connect(undo_, &QPushButton::clicked, this, [this] { mark(ReviewState::New); });
  connect(reject_, &QPushButton::clicked, this, [this] { mark(ReviewState::Rejected); });
  connect(approve_, &QPushButton::clicked, this, [this] { mark(ReviewState::Approved); });
  return box;
}

void ReviewPage::showEvent(QShowEvent* event) {
  Page::showEvent(event);
  refresh();
  grid_->setFocus();
}

void ReviewPage::refresh() {
  const ProjectSnapshot& p = controller().project();
  if (!filters_->refresh(p)) keep_.clear();
  QList<ImageItem> shown;
  for (const ImageItem& i : p.images)
    if (filters_->passes(i) || keep_.contains(i.id)) shown.push_back(BatchText::labelled(i, p.templates));
  images_->setImages(shown);
  photos_->setPhotos(p.photos, {});
  // The image shown large is always one of the chosen: a removed row leaves the current one alone.
  const QModelIndex current = grid_->currentIndex();
  if (!current.isValid() && images_->rowCount() > 0)
    grid_->selectionModel()->setCurrentIndex(images_->index(0), QItemSelectionModel::ClearAndSelect);
  else if (current.isValid() && !grid_->selectionModel()->hasSelection())
    grid_->selectionModel()->select(current, QItemSelectionModel::Select);
  if (!reviewer_->hasFocus()) reviewer_->setText(controller().reviewer());
  viewer_->setPlaceholder(p.images.isEmpty()
                              ? tr("No images yet. Make some on the Generate page; they appear here as they are made.")
                              : tr("No image matches these filters."));
  showCurrent();
  updateCount();
  updateButtons();
}

void ReviewPage::onFiltersChanged() {
  keep_.clear();
  refresh();
}

void ReviewPage::onImageMade(const ImageItem& image) {
  const ProjectSnapshot& p = controller().project();
  if (!filters_->refresh(p)) {
    refresh();
    return;
  }
  if (filters_->passes(image)) images_->addImage(BatchText::labelled(image, p.templates));
  if (!grid_->currentIndex().isValid() && images_->rowCount() > 0)
    grid_->selectionModel()->setCurrentIndex(images_->index(0), QItemSelectionModel::ClearAndSelect);
  updateCount();
}

void ReviewPage::updateCount() {
  qint64 open = 0;
  for (const ImageItem& i : controller().project().images) open += i.review == ReviewState::New ? 1 : 0;
  count_->setText(tr("%n image(s) shown", nullptr, images_->rowCount()) + QStringLiteral(" · ") +
                  tr("%n not reviewed", nullptr, static_cast<int>(open)));
}

QList<qint64> ReviewPage::chosenIds() const {
  QList<qint64> ids;
  for (const QModelIndex& i : grid_->selectionModel()->selectedIndexes()) ids.push_back(images_->idAt(i.row()));
  if (ids.isEmpty() && shown_ != 0) ids.push_back(shown_);
  return ids;
}

bool ReviewPage::selectImage(qint64 id) {
  const int row = images_->rowOf(id);
  if (row < 0) return false;
  grid_->selectionModel()->setCurrentIndex(images_->index(row), QItemSelectionModel::ClearAndSelect);
  grid_->scrollTo(images_->index(row));
  return true;
}

void ReviewPage::updateButtons() {
  const int chosen = static_cast<int>(chosenIds().size());
  QString why;
  if (images_->rowCount() == 0)
    why = controller().project().images.isEmpty() ? tr("No images yet.") : QString();
  else if (controller().isReadOnly())
    why = controller().readOnlyNote();
  else if (chosen == 0)
    why = tr("Choose an image first.");
  else if (controller().reviewer().trimmed().isEmpty())
    why = tr("Enter your name as the reviewer.");
  for (QPushButton* b : {approve_, reject_, undo_}) b->setEnabled(chosen > 0 && why.isEmpty());
  selectAll_->setEnabled(images_->rowCount() > 0);
  approve_->setText(chosen > 1 ? tr("Approve %n image(s)", nullptr, chosen) : tr("Approve"));
  reject_->setText(chosen > 1 ? tr("Reject %n image(s)", nullptr, chosen) : tr("Reject"));
  reason_->setText(why);
  QString busy;
  if (controller().isBatchRunning())
    busy = tr("Available when the batch in progress has finished.");
  else if (controller().isTraining())
    busy = tr("Available when the product has finished learning.");
  else if (regenerating_ != 0)
    busy = tr("Making it again…");
  info_->setActionsEnabled(busy.isEmpty(), regenerating_ != 0 ? QString() : busy);
}

void ReviewPage::commitReviewer() {
  const QString name = reviewer_->text().trimmed();
  if (name == controller().reviewer()) return;
  controller().setReviewer(name);
  updateButtons();
}

}  // namespace rashisa::ui
