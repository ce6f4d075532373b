#include "ui/pages/generate_page.h"

#include "ui/models/image_delegate.h"
#include "ui/models/image_list_model.h"
#include "ui/pages/batch_progress_panel.h"
#include "ui/pages/batch_summary_card.h"
#include "ui/pages/generate_setup_panel.h"
#include "ui/text/batch_text.h"
#include "ui/widgets/card.h"
#include "ui/widgets/message_bar.h"
#include "ui/window/app_controller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {
constexpr int kTile = 120;
}  // namespace

GeneratePage::GeneratePage(AppController& controller, QWidget* parent)
    : Page(controller, tr("Make catalogue images"), parent) {
  gallery_ = new ImageListModel(this);
  interruptedBar_ = new MessageBar(this);
  body()->addWidget(interruptedBar_);
  auto* row = new QHBoxLayout;
  row->setSpacing(18);
  setup_ = new GenerateSetupPanel(controller, this);
  setup_->setMinimumWidth(360);
  setup_->setMaximumWidth(400);
  row->addWidget(setup_);
  auto* right = new QVBoxLayout;
  right->setSpacing(10);
  summary_ = new BatchSummaryCard(this);
  progress_ = new BatchProgressPanel(controller, this);
  right->addWidget(summary_);
  right->addWidget(progress_);
  right->addWidget(buildGallery(), 1);
  row->addLayout(right, 1);
  body()->addLayout(row, 1);
  auto* bottom = new QHBoxLayout;
  reason_ = new QLabel(this);
  reason_->setWordWrap(true);
  reason_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  reason_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  start_ = makePrimaryButton(tr("Make images"), this);
  bottom->addWidget(reason_, 1);
  bottom->addSpacing(8);
  bottom->addWidget(start_);
  body()->addLayout(bottom);

  planTimer_ = new QTimer(this);
  planTimer_->setSingleShot(true);
  planTimer_->setInterval(120);
  connect(planTimer_, &QTimer::timeout, this, [this] {
    if (!this->controller().hasProject()) return;
    planned_ = setup_->request();
    ++plansPending_;
    this->controller().planBatch(planned_);
  });
  connect(setup_, &GenerateSetupPanel::changed, this, &GeneratePage::schedulePlan);
  connect(summary_, &BatchSummaryCard::measureRequested, this, [this] {
    measuring_ = true;
    this->controller().measureGeneration(setup_->estimateSize());
    updateSummary();
  });
  connect(start_, &QPushButton::clicked, this, [this] {
    starting_ = true;
    this->controller().startBatch(setup_->request());
    updateStart();
  });
  connect(review_, &QPushButton::clicked, this, &GeneratePage::reviewRequested);
  connectController();
  refresh();
}

void GeneratePage::connectController() {
  AppController* c = &controller();
  connect(c, &AppController::projectChanged, this, &GeneratePage::refresh);
  // batchChanged comes with every denoising step: the progress panel follows it by itself; the
  // page changes only when a batch starts or ends.
  connect(c, &AppController::batchChanged, this, [this] {
    const auto& live = controller().liveBatch();
    const qint64 running = live ? live->batchId : 0;
    if (running == runningBatch_) return;
    runningBatch_ = running;
    refresh();
  });
  connect(c, &AppController::trainingChanged, this, &GeneratePage::updateStart);
  connect(c, &AppController::batchPlanned, this, &GeneratePage::onPlanned);
  connect(c, &AppController::imageMade, this, &GeneratePage::onImageMade);
  connect(c, &AppController::environmentChanged, this, &GeneratePage::updateSummary);
  connect(c, &AppController::generationSpeedChanged, this, [this] {
    measuring_ = false;
    updateSummary();
  });
  connect(c, &AppController::busyChanged, this, [this] {
    if (controller().jobs().isBusy()) return;
    starting_ = false;
    measuring_ = false;
    updateSummary();
    updateStart();
  });
}

QWidget* GeneratePage::buildGallery() {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  auto* header = new QHBoxLayout;
  galleryTitle_ = headingLabel({}, box);
  review_ = new QPushButton(tr("Review these images"), box);
  header->addWidget(galleryTitle_, 1);
  header->addWidget(review_);
  layout->addLayout(header);
  galleryView_ = makeImageGrid(gallery_, kTile, box);
  galleryView_->setSelectionMode(QAbstractItemView::SingleSelection);
  galleryView_->setAccessibleName(tr("Images of the batch"));
  connect(galleryView_, &QListView::activated, this, &GeneratePage::reviewRequested);
  layout->addWidget(galleryView_, 1);
  return box;
}

const BatchItem* GeneratePage::unfinishedBatch() const {
  if (controller().isBatchRunning()) return nullptr;
  const auto& batches = controller().project().batches;
  for (auto it = batches.rbegin(); it != batches.rend(); ++it)
    if (it->status != BatchStatus::Done && it->done < it->total) return &*it;
  return nullptr;
}

QString GeneratePage::planInputs() const {
  const ProjectSnapshot& p = controller().project();
  QStringList parts;
  for (const Product& product : p.products) parts << QString::number(product.id) + (product.trained ? u't' : u'u');
  for (const TemplateItem& t : p.templates) {
    QStringList values;
    for (const TemplateVariable& v : t.variables) values << v.name + QLatin1Char('=') + QString::number(v.values.size());
    parts << QString::number(t.id) + QLatin1Char('|') + t.prompt + QLatin1Char('|') + QString::number(t.steps) +
                 QLatin1Char('|') + QString::number(t.width) + QLatin1Char('x') + QString::number(t.height) +
                 QLatin1Char('|') + QString::number(t.imagesPerPrompt) + QLatin1Char('|') + values.join(QLatin1Char(','));
  }
  return parts.join(QLatin1Char('\n'));
}

void GeneratePage::refresh() {
  const ProjectSnapshot& p = controller().project();
  setup_->refresh();
  const QString inputs = planInputs();
  if (inputs != inputs_) {
    inputs_ = inputs;
    schedulePlan();
  }
  bool trained = false;
  for (const Product& product : p.products) trained = trained || product.trained;
  const auto& live = controller().liveBatch();
  if (live) starting_ = false;
  const BatchItem* unfinished = unfinishedBatch();
  state_ = live ? State::Running : !trained ? State::NoProduct : unfinished ? State::Interrupted : State::Setup;
  setup_->setEnabled(!live && trained);
  showInterrupted(state_ == State::Interrupted ? unfinished : nullptr);
  progress_->refresh();
  qint64 batch = 0;
  if (live)
    batch = live->batchId;
  else if (unfinished)
    batch = unfinished->id;
  else if (!p.batches.isEmpty())
    batch = p.batches.back().id;
  showBatch(batch);
  updateSummary();
  updateStart();
}

void GeneratePage::showInterrupted(const BatchItem* batch) {
  if (!batch) {
    interruptedBar_->clear();
    return;
  }
  const QString title = tr("The last batch stopped after %1 of %n image(s).", nullptr, static_cast<int>(batch->total))
                            .arg(batch->done);
  if (interruptedBar_->isVisibleTo(this) && interruptedBar_->notice().title == title) return;
  Notice n;
  n.level = MessageLevel::Warning;
  n.title = title;
  n.text = tr("The images made so far are kept. Continue after the last one, or make a new batch.");
  n.actionText = tr("Continue from there");
  const qint64 id = batch->id;
  n.action = [this, id] { controller().resumeBatch(id); };
  n.closable = false;
  interruptedBar_->showNotice(n);
}

void GeneratePage::showBatch(qint64 batchId) {
  const ProjectSnapshot& p = controller().project();
  if (batchId != shownBatch_) {
    gallery_->setImages({});
    shownBatch_ = batchId;
  }
  QList<ImageItem> images;
  for (const ImageItem& i : p.images)
    if (batchId != 0 && i.jobId == batchId) images.push_back(BatchText::labelled(i, p.templates));
  gallery_->setImages(images);
  const int n = gallery_->rowCount();
  if (state_ == State::Running)
    galleryTitle_->setText(tr("This batch: %n image(s) so far", nullptr, n));
  else if (state_ == State::Interrupted)
    galleryTitle_->setText(tr("Made before it stopped: %n image(s)", nullptr, n));
  else if (batchId != 0)
    galleryTitle_->setText(tr("The last batch: %n image(s)", nullptr, n));
  else
    galleryTitle_->setText(tr("The images appear here as they are made."));
  review_->setVisible(n > 0);
}

void GeneratePage::onImageMade(const ImageItem& image) {
  if (image.jobId != shownBatch_ || shownBatch_ == 0) return;
  gallery_->addImage(BatchText::labelled(image, controller().project().templates));
  galleryView_->scrollToBottom();
  const int n = gallery_->rowCount();
  galleryTitle_->setText(tr("This batch: %n image(s) so far", nullptr, n));
  review_->setVisible(true);
}

void GeneratePage::schedulePlan() {
  stale_ = true;
  planTimer_->start();
  updateStart();
}

void GeneratePage::onPlanned(const BatchPlan& plan) {
  plansPending_ = std::max(0, plansPending_ - 1);
  if (plansPending_ > 0) return;  // an answer to an older request; the newest is on its way
  plan_ = plan;
  stale_ = planTimer_->isActive();
  updateSummary();
  updateStart();
}

void GeneratePage::updateSummary() {
  if (!controller().hasProject()) {
    summary_->showBlocked(tr("Open or create a project first."));
  } else if (state_ == State::NoProduct) {
    summary_->showBlocked(tr("Learn a product on the Learn page first; then choose it here."));
  } else if (!plan_) {
    summary_->showCounting();
  } else {
    const auto seconds =
        controller().estimateGenerationSeconds(plan_->imageSteps, plan_->images, setup_->estimateSize());
    summary_->showPlan(*plan_, planned_, seconds, measuring_);
  }
}

void GeneratePage::updateStart() {
  const BatchRequest r = setup_->request();
  QString why;
  if (!controller().hasProject())
    why = tr("Open or create a project first.");
  else if (controller().isReadOnly())
    why = controller().readOnlyNote();
  else if (state_ == State::NoProduct)
    why = tr("Learn a product first.");
  else if (controller().isBatchRunning())
    why = tr("A batch is being made. Wait for it, or stop it.");
  else if (controller().isTraining())
    why = tr("Wait until the product has finished learning.");
  else if (starting_)
    why = tr("Starting…");
  else if (r.productIds.isEmpty())
    why = tr("Choose at least one product.");
  else if (controller().project().templates.isEmpty())
    why = tr("Add templates on the Templates page first.");
  else if (r.templateIds.isEmpty())
    why = tr("Choose at least one template.");
  else if (!planReady())
    why = tr("Counting the images…");
  else if (!plan_->problemCode.isEmpty())
    why = BatchText::planProblem(*plan_);
  start_->setEnabled(why.isEmpty());
  start_->setToolTip(why);
  reason_->setText(why);
  const bool counted = planReady() && plan_->images > 0 && plan_->problemCode.isEmpty();
  start_->setText(counted ? tr("Make %n image(s)", nullptr, static_cast<int>(plan_->images)) : tr("Make images"));
}

}  // namespace rashisa::ui
