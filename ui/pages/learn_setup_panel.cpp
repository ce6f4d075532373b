#include "ui/pages/learn_setup_panel.h"

#include "ui/pages/page.h"
#include "ui/settings/settings.h"
#include "ui/text/format.h"
#include "ui/widgets/choices.h"
#include "ui/widgets/disclosure.h"
#include "ui/widgets/stage_stepper.h"
#include "ui/window/app_controller.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rashisa::ui {

LearnSetupPanel::LearnSetupPanel(AppController& controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(10);
  layout->addWidget(buildPresets());
  demoNote_ = new QLabel(this);
  demoNote_->setWordWrap(true);
  demoNote_->hide();
  layout->addWidget(demoNote_);
  advanced_ = buildAdvanced();
  advancedToggle_ = new Disclosure(tr("Advanced settings"), advanced_, this);
  layout->addWidget(advancedToggle_);
  layout->addWidget(advanced_);
  layout->addStretch(1);
  spaceWarning_ = new QLabel(this);
  spaceWarning_->setWordWrap(true);
  spaceWarning_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  spaceWarning_->hide();
  layout->addWidget(spaceWarning_);
  auto* bottom = new QHBoxLayout;
  reason_ = new QLabel(this);
  reason_->setWordWrap(true);
  reason_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  start_ = makePrimaryButton(tr("Start learning"), this);
  bottom->addWidget(reason_, 1);
  bottom->addWidget(start_);
  layout->addLayout(bottom);

  connect(advancedToggle_, &Disclosure::openChanged, this,
          [this](bool open) { controller_.settings().setAdvancedTrainingOpen(open); });
  setAdvancedOpen(controller_.settings().advancedTrainingOpen());
  connect(start_, &QPushButton::clicked, this, &LearnSetupPanel::startRequested);
  connect(measure_, &QPushButton::clicked, this, [this] { controller_.measureSpeed(resolution_->value()); });
  connect(&controller_, &AppController::speedChanged, this, &LearnSetupPanel::refresh);
  connect(&controller_, &AppController::environmentChanged, this, &LearnSetupPanel::refresh);
  connect(&controller_, &AppController::projectChanged, this, &LearnSetupPanel::refresh);
  connect(&controller_, &AppController::busyChanged, this, &LearnSetupPanel::refresh);
  connect(&controller_, &AppController::settingsChanged, this, &LearnSetupPanel::applySettings);
  connect(&controller_, &AppController::trainingSpaceChecked, this, &LearnSetupPanel::showSpace);
  connect(memory_, &QComboBox::currentIndexChanged, this, &LearnSetupPanel::checkSpace);
  connect(steps_[2], &QSpinBox::valueChanged, this, &LearnSetupPanel::checkSpace);
  applySettings();
  refresh();
}

QWidget* LearnSetupPanel::buildPresets() {
  auto* box = new QWidget(this);
  auto* grid = new QGridLayout(box);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setHorizontalSpacing(12);
  grid->setVerticalSpacing(4);
  presets_ = new QButtonGroup(this);
  standard_ = new QRadioButton(tr("Standard (recommended)"), box);
  fast_ = new QRadioButton(tr("Fast"), box);
  standard_->setChecked(true);
  presets_->addButton(standard_);
  presets_->addButton(fast_);
  auto* standardText = new QLabel(tr("The method's own settings: learns the product's details thoroughly."), box);
  auto* fastText = new QLabel(tr("A shorter final stage, for a first try. Fine details may come out less exact."), box);
  standardTime_ = new QLabel(box);
  fastTime_ = new QLabel(box);
  for (QLabel* l : {standardText, fastText}) {
    l->setWordWrap(true);
    l->setContentsMargins(24, 0, 0, 0);
  }
  QFont bold = standardTime_->font();
  bold.setBold(true);
  standardTime_->setFont(bold);
  fastTime_->setFont(bold);
  grid->addWidget(standard_, 0, 0);
  grid->addWidget(standardTime_, 0, 1, Qt::AlignRight);
  grid->addWidget(standardText, 1, 0, 1, 2);
  grid->addWidget(fast_, 2, 0);
  grid->addWidget(fastTime_, 2, 1, Qt::AlignRight);
  grid->addWidget(fastText, 3, 0, 1, 2);
  auto* speedRow = new QHBoxLayout;
  speedNote_ = new QLabel(box);
  speedNote_->setWordWrap(true);
  speedNote_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  measure_ = new QPushButton(tr("Measure this computer"), box);
  measure_->setToolTip(tr("Runs a few training steps of each stage (nothing is saved) to estimate the time."));
  speedRow->addWidget(speedNote_, 1);
  speedRow->addWidget(measure_);
  grid->addLayout(speedRow, 4, 0, 1, 2);
  grid->setColumnStretch(0, 1);
  connect(presets_, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
    if (on) presetChanged();
  });
  return box;
}

QWidget* LearnSetupPanel::buildAdvanced() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(24, 0, 0, 0);
  form->setLabelAlignment(Qt::AlignRight);
  form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
  resolution_ = new QSpinBox(box);
  resolution_->setRange(64, 1024);
  resolution_->setSingleStep(64);
  resolution_->setValue(512);
  resolution_->setSuffix(tr(" px"));
  resolution_->setMinimumWidth(120);
  resolution_->setToolTip(tr("The size the photos are learned at. 512 suits Stable Diffusion 1.5 and 2.1-base."));
  form->addRow(tr("Resolution"), resolution_);
  auto* stepsRow = new QHBoxLayout;
  for (int k = 0; k < 3; ++k) {
    steps_[k] = new QSpinBox(box);
    steps_[k]->setRange(0, 100000);
    steps_[k]->setAccessibleName(tr("Steps of stage %1").arg(k + 1));
    steps_[k]->setToolTip(StageStepper::stageTitle(k + 1));
    stepsRow->addWidget(new QLabel(tr("Stage %1").arg(k + 1), box));
    stepsRow->addWidget(steps_[k]);
    connect(steps_[k], qOverload<int>(&QSpinBox::valueChanged), this, [this] {
      stepsEdited_ = true;
      refresh();
    });
  }
  stepsRow->addStretch(1);
  form->addRow(tr("Steps"), stepsRow);
  seed_ = new QSpinBox(box);
  seed_->setRange(0, 2147483647);
  seed_->setMinimumWidth(120);
  seed_->setToolTip(tr("The same seed and photos give the same result."));
  form->addRow(tr("Seed"), seed_);
  previewEvery_ = new QSpinBox(box);
  previewEvery_->setRange(0, 10000);
  previewEvery_->setValue(100);
  previewEvery_->setSpecialValueText(tr("Only at the end of each stage"));
  previewEvery_->setSuffix(tr(" steps"));
  previewEvery_->setMinimumWidth(200);
  form->addRow(tr("Preview every"), previewEvery_);
  checkpointMinutes_ = new QDoubleSpinBox(box);
  checkpointMinutes_->setRange(0, 240);
  checkpointMinutes_->setDecimals(0);
  checkpointMinutes_->setValue(5);
  checkpointMinutes_->setSuffix(tr(" min"));
  checkpointMinutes_->setMinimumWidth(120);
  checkpointMinutes_->setToolTip(tr("How often progress is saved into the project during long stages. Each save of "
                                    "the final stage writes about 10 GB."));
  form->addRow(tr("Save progress every"), checkpointMinutes_);
  device_ = new QComboBox(box);
  Choices::fillDevices(device_);
  device_->setCurrentIndex(std::max(0, device_->findData(controller_.deviceChoice())));
  connect(device_, qOverload<int>(&QComboBox::activated), this,
          [this] { controller_.setDeviceChoice(device_->currentData().toString()); });
  form->addRow(tr("Device"), device_);
  memory_ = new QComboBox(box);
  Choices::fillMemoryPlans(memory_);
  form->addRow(tr("Memory"), memory_);
  return box;
}

void LearnSetupPanel::applySettings() {
  // The Preferences (and the first-start check) choose the defaults; the fields stay editable.
  previewEvery_->setValue(controller_.settings().previewEvery());
  memory_->setCurrentIndex(std::max(0, memory_->findData(controller_.settings().memoryPlan())));
  device_->setCurrentIndex(std::max(0, device_->findData(controller_.deviceChoice())));
}

void LearnSetupPanel::setAdvancedOpen(bool open) { advancedToggle_->setOpen(open); }

bool LearnSetupPanel::advancedOpen() const { return advancedToggle_->isOpen(); }

QRadioButton* LearnSetupPanel::presetButton(const QString& p) const {
  return p == QLatin1String("fast") ? fast_ : standard_;
}

QLabel* LearnSetupPanel::estimateLabel(const QString& p) const {
  return p == QLatin1String("fast") ? fastTime_ : standardTime_;
}

QString LearnSetupPanel::preset() const {
  return fast_->isChecked() ? QStringLiteral("fast") : QStringLiteral("default");
}

void LearnSetupPanel::presetChanged() {
  stepsEdited_ = false;
  const auto plans = controller_.presetPlans();
  if (plans.contains(preset())) {
    const auto& plan = plans[preset()];
    for (int k = 0; k < 3; ++k) {
      const QSignalBlocker block(steps_[k]);
      steps_[k]->setValue(plan[k].steps);
    }
  }
  refresh();
}

ProductSetup LearnSetupPanel::setup() const {
  ProductSetup s;
  s.name = controller_.project().draftName;
  s.category = controller_.project().draftCategory;
  s.preset = preset();
  s.seed = seed_->value();
  s.resolution = resolution_->value() / 8 * 8;
  const auto plans = controller_.presetPlans();
  for (int k = 0; k < 3; ++k) {
    const bool same = plans.contains(s.preset) && plans[s.preset][k].steps == steps_[k]->value();
    s.steps[k] = same ? -1 : steps_[k]->value();
  }
  if (demoBatch_ > 0) s.batch = {demoBatch_, demoBatch_, demoBatch_};
  s.checkpointEvery = 100;
  return s;
}

TrainOptions LearnSetupPanel::options() const {
  TrainOptions o;
  o.memoryPlan = memory_->currentData().toString();
  o.checkpointMinutes = checkpointMinutes_->value();
  o.previewEvery = previewEvery_->value();
  return o;
}

void LearnSetupPanel::applyDemo() {
  const ProjectSnapshot& p = controller_.project();
  if (p.demoTraining && demoProject_ != p.path) {
    const DemoTraining& d = *p.demoTraining;
    demoProject_ = p.path;
    demoBatch_ = d.batch;
    resolution_->setValue(d.resolution);
    for (int k = 0; k < 3; ++k) {
      const QSignalBlocker block(steps_[k]);
      steps_[k]->setValue(d.steps[k]);
    }
    stepsEdited_ = true;
    previewEvery_->setValue(d.previewEvery);
    demoNote_->setText(tr("Set for the demo: %1 px, %2 / %3 / %4 steps, %5 images at a time. Learning takes a few "
                          "minutes, even on a CPU.")
                           .arg(d.resolution)
                           .arg(d.steps[0])
                           .arg(d.steps[1])
                           .arg(d.steps[2])
                           .arg(d.batch));
    demoNote_->show();
  } else if (!p.demoTraining && !demoProject_.isEmpty()) {
    demoProject_.clear();
    demoBatch_ = -1;
    resolution_->setValue(512);
    stepsEdited_ = false;
    previewEvery_->setValue(controller_.settings().previewEvery());
    demoNote_->hide();
  }
}

void LearnSetupPanel::refresh() {
  applyDemo();
  const auto plans = controller_.presetPlans();
  if (!stepsEdited_ && plans.contains(preset()))
    for (int k = 0; k < 3; ++k)
      if (steps_[k]->value() != plans[preset()][k].steps) {
        const QSignalBlocker block(steps_[k]);
        steps_[k]->setValue(plans[preset()][k].steps);
      }
  const int px = resolution_->value();
  for (const QString& name : {QStringLiteral("default"), QStringLiteral("fast")}) {
    if (!plans.contains(name)) continue;
    auto plan = plans[name];
    if (name == preset())
      for (int k = 0; k < 3; ++k) {
        plan[k].steps = steps_[k]->value();
        if (demoBatch_ > 0) plan[k].batch = demoBatch_;
      }
    const auto seconds = controller_.estimateSeconds(plan, px);
    estimateLabel(name)->setText(seconds ? tr("%1 on this computer").arg(Format::duration(*seconds)) : QString());
  }
  const bool known = controller_.speedFor(px).has_value();
  const bool model = controller_.project().model.has_value();
  speedNote_->setText(controller_.isMeasuring() ? tr("Measuring… this takes a minute on a GPU, longer on a CPU.")
                      : known                   ? tr("Times are measured on this computer and refined by each run.")
                                                : tr("The time on this computer is not known yet."));
  measure_->setVisible(!known || controller_.isMeasuring());
  measure_->setEnabled(model && !controller_.isMeasuring() && !controller_.isTraining());
  measure_->setText(known ? tr("Measure again") : tr("Measure this computer"));

  QString why;
  bool ok = controller_.learnUnlocked(&why);
  const ProjectSnapshot& p = controller_.project();
  if (ok && controller_.isReadOnly()) ok = false, why = controller_.readOnlyReason();
  if (ok && !model) ok = false, why = tr("Choose the base model first.");
  if (ok && p.draftName.trimmed().isEmpty()) ok = false, why = tr("Give the product a name on the Photos page.");
  if (ok && p.draftCategory.isEmpty()) ok = false, why = tr("Choose what kind of product it is on the Photos page.");
  if (ok && controller_.isTraining()) ok = false, why = tr("Training is already running.");
  if (ok && controller_.isMeasuring()) ok = false, why = tr("Wait until the measurement is done.");
  start_->setEnabled(ok);
  reason_->setText(ok ? QString() : why);
  checkSpace();
}

void LearnSetupPanel::checkSpace() {
  const ProjectSnapshot& p = controller_.project();
  const QString key = p.modelPath.isEmpty() ? QString()
                                            : QStringList{p.path, p.modelPath, preset(), QString::number(steps_[2]->value()),
                                                          options().memoryPlan}
                                                  .join(QLatin1Char('\n'));
  if (key == spaceKey_) return;
  spaceKey_ = key;
  if (key.isEmpty())
    spaceWarning_->hide();
  else
    controller_.checkTrainingSpace(setup(), options().memoryPlan);
}

void LearnSetupPanel::showSpace(const TrainingSpaceCheck& space) {
  spaceWarning_->setVisible(space.isShort());
  if (!space.isShort()) return;
  spaceWarning_->setText(tr("Only %1 is free in %2, and learning this product needs about %3 there. Free some "
                            "space there before you start; otherwise learning stops when the disk is full (you can "
                            "resume it once there is space).")
                             .arg(Format::bytes(space.available), QDir::toNativeSeparators(space.folder),
                                  Format::bytes(space.needed)));
}

}  // namespace rashisa::ui
