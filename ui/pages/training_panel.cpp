#include "ui/pages/training_panel.h"

#include "ui/models/preview_list_model.h"
#include "ui/pages/try_panel.h"
#include "ui/widgets/heatmap.h"
#include "ui/widgets/loss_chart.h"
#include "ui/widgets/scaled_image.h"
#include "ui/widgets/stage_stepper.h"
#include "ui/window/app_controller.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {
constexpr int kLarge = 230;
}

TrainingPanel::TrainingPanel(AppController& controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(10);
  stepper_ = new StageStepper(this);
  layout->addWidget(stepper_);

  auto* middle = new QHBoxLayout;
  middle->setSpacing(18);
  auto* left = new QVBoxLayout;
  auto* heading = new QHBoxLayout;
  auto* title = new QLabel(tr("Previews"), this);
  QFont bold = title->font();
  bold.setBold(true);
  title->setFont(bold);
  heat_ = new QCheckBox(tr("Show where the AI sees the product"), this);
  heat_->setChecked(true);
  heat_->setToolTip(tr("Colours where the model looks when it reads the product's word. Bright on the product "
                       "means it has learned what the word stands for."));
  heading->addWidget(title);
  heading->addStretch(1);
  heading->addWidget(heat_);
  left->addLayout(heading);
  auto* pair = new QHBoxLayout;
  for (auto& l : large_) {
    l = new ScaledImage(kLarge, 150, this);
    pair->addWidget(l);
  }
  left->addLayout(pair, 1);
  largeCaption_ = new QLabel(this);
  waiting_ = new QLabel(tr("The first previews appear when stage 1 ends."), this);
  waiting_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  left->addWidget(largeCaption_);
  left->addWidget(waiting_);
  left->addStretch(0);
  middle->addLayout(left, 1);

  right_ = new QStackedWidget(this);
  auto* lossBox = new QWidget(right_);
  auto* lossLayout = new QVBoxLayout(lossBox);
  lossLayout->setContentsMargins(0, 0, 0, 0);
  auto* lossTitle = new QLabel(tr("Loss"), lossBox);
  lossTitle->setFont(bold);
  chart_ = new LossChart(lossBox);
  lossValue_ = new QLabel(lossBox);
  lossValue_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  lossLayout->addWidget(lossTitle);
  lossLayout->addWidget(chart_, 1);
  lossLayout->addWidget(lossValue_);
  right_->addWidget(lossBox);
  try_ = new TryPanel(controller, right_);
  right_->addWidget(try_);
  middle->addWidget(right_, 1);
  layout->addLayout(middle, 1);

  previews_ = new PreviewListModel(this);
  strip_ = new QListView(this);
  strip_->setModel(previews_);
  strip_->setViewMode(QListView::IconMode);
  strip_->setFlow(QListView::LeftToRight);
  strip_->setWrapping(false);
  strip_->setIconSize(QSize(96, 96));
  strip_->setGridSize(QSize(150, 126));
  strip_->setFixedHeight(146);
  strip_->setMovement(QListView::Static);
  strip_->setAccessibleName(tr("All previews of this training"));
  layout->addWidget(strip_);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  pause_ = new QPushButton(tr("Pause"), this);
  stop_ = new QPushButton(tr("Save and stop"), this);
  stop_->setToolTip(tr("Stops after the current step. Everything so far is saved, and training can resume later."));
  buttons->addWidget(pause_);
  buttons->addWidget(stop_);
  layout->addLayout(buttons);

  connect(heat_, &QCheckBox::toggled, this, [this](bool on) {
    previews_->setShowHeat(on);
    updateLarge();
  });
  connect(strip_, &QListView::clicked, this, [this](const QModelIndex& i) {
    showLarge(i.data(PreviewListModel::StageRole).toInt(), i.data(PreviewListModel::StepRole).toLongLong());
  });
  connect(pause_, &QPushButton::clicked, this, [this] {
    if (controller_.live() && controller_.live()->paused)
      controller_.resumeJob();
    else
      controller_.pauseJob();
  });
  connect(stop_, &QPushButton::clicked, this, [this] { controller_.cancelJob(); });
  connect(&controller_, &AppController::previewArrived, this, &TrainingPanel::onPreview);
  connect(&controller_, &AppController::lossPoint, this, [this](int stage, int step, double loss) {
    chart_->addPoint(stage, step, loss);
    lossValue_->setText(tr("Latest: %1").arg(QLocale().toString(loss, 'f', 4)));
  });
  connect(&controller_, &AppController::trainingChanged, this, &TrainingPanel::refresh);
}

void TrainingPanel::showProduct(const Product& product) {
  const bool other = product.id != productId_;
  productId_ = product.id;
  std::array<int, 3> steps{};
  for (int k = 0; k < 3; ++k) steps[k] = product.stages[k].steps;
  stepper_->setPlan(steps);
  chart_->setPlan(steps);
  if (other) chart_->clear();
  if (!controller_.isTraining()) {
    previews_->setPreviews(product.previews);
    shownStep_ = -1;
    if (!product.previews.isEmpty()) showLarge(product.previews.back().stage, product.previews.back().step);
  }
  try_->setProduct(product.id);
  refresh();
}

void TrainingPanel::refresh() {
  const auto& live = controller_.live();
  const Product* product = controller_.product();
  const bool running = live.has_value() && live->productId == productId_;
  const bool trained = product && product->trained && !running;
  if (running && live->runId != seenRun_) {
    seenRun_ = live->runId;
    chart_->clear();
    if (!live->resumed) {
      previews_->clear();
      updateLarge();
    }
  }
  if (running) {
    if (live->stage == 0)
      stepper_->setStatusWord(tr("Loading the model…"));
    else if (live->stopping)
      stepper_->setStatusWord(tr("Saving…"));
    else if (live->paused)
      stepper_->setStatusWord(tr("Paused"));
    else
      stepper_->setStatusWord({});
    const int k = std::clamp(live->stage, 1, 3);
    stepper_->setProgress(std::max(live->stage, 1), live->step,
                          live->secondsPerStep[k - 1] > 0 ? std::optional<double>(live->secondsPerStep[k - 1])
                                                          : std::nullopt,
                          controller_.trainingSecondsLeft());
  } else if (product) {
    stepper_->setStatusWord(trained ? QString() : tr("Stopped"));
    const auto [stage, step] = product->resumePoint();
    stepper_->setProgress(trained ? 4 : stage, step);
  }
  pause_->setVisible(running);
  stop_->setVisible(running);
  pause_->setText(running && live->paused ? tr("Resume") : tr("Pause"));
  pause_->setEnabled(running && !live->stopping && live->stage > 0);
  stop_->setEnabled(running && !live->stopping);
  right_->setCurrentIndex(trained ? 1 : 0);
  waiting_->setVisible(previews_->rowCount() == 0);
  strip_->setVisible(previews_->rowCount() > 0);
}

void TrainingPanel::onPreview(const TrainingPreview& preview) {
  previews_->addPreview(preview);
  strip_->scrollTo(previews_->index(previews_->rowCount() - 1));
  showLarge(preview.stage, preview.step);
  refresh();
}

void TrainingPanel::showLarge(int stage, qint64 step) {
  shownStage_ = stage;
  shownStep_ = step;
  updateLarge();
}

void TrainingPanel::updateLarge() {
  int slot = 0;
  for (auto* l : large_) l->clear();
  for (int row = 0; row < previews_->rowCount() && slot < 2; ++row) {
    const TrainingPreview& p = previews_->at(row);
    if (p.stage != shownStage_ || p.step != shownStep_) continue;
    large_[slot]->setImage(heat_->isChecked() ? heatOverlay(p.image, p.heat) : p.image);
    large_[slot]->setToolTip(tr("Seed %1").arg(p.seed));
    ++slot;
  }
  largeCaption_->setText(slot ? PreviewListModel::caption(shownStage_, shownStep_) + QStringLiteral(" · ") +
                                    StageStepper::stageTitle(shownStage_)
                              : QString());
}

}  // namespace rashisa::ui
