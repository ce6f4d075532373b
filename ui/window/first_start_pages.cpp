#include "ui/window/first_start_pages.h"

#include "ui/settings/settings.h"
#include "ui/text/error_text.h"
#include "ui/text/format.h"
#include "ui/widgets/card.h"
#include "ui/widgets/choices.h"
#include "ui/widgets/demo_offer.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/message_bar.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"
#include "ui/window/settings_dialog.h"

#include <QButtonGroup>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QWizard>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {

/// What the device check estimates the generation time for: a typical small batch.
constexpr int kExampleImages = 100;
constexpr int kExampleSteps = 50;
constexpr int kCheckSize = 512;

/// Page titles a little larger than QWizard's header draws them.
QString heading(const QString& title) {
  return QStringLiteral("<span style=\"font-size: large;\">%1</span>").arg(title.toHtmlEscaped());
}

QLabel* wrapped(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setWordWrap(true);
  return l;
}

}  // namespace

// ---- language ------------------------------------------------------------------------

LanguageWizardPage::LanguageWizardPage(AppController& controller, QWidget* parent)
    : QWizardPage(parent), controller_(controller) {
  setTitle(heading(tr("Language")));
  setSubTitle(tr("Three short steps get Rashisa ready on this computer: the language, the base model, and a check "
                 "of how fast this computer is."));
  auto* layout = new QVBoxLayout(this);
  layout->setSpacing(8);
  layout->addWidget(new QLabel(tr("Which language should Rashisa use?"), this));
  group_ = new QButtonGroup(this);
  int id = 0;
  for (const auto& [code, name] : SettingsDialog::languages()) {
    auto* button = new QRadioButton(name, this);
    group_->addButton(button, id++);
    codes_.push_back(code);
    layout->addWidget(button);
  }
  layout->addSpacing(6);
  layout->addWidget(makeNote(tr("The new language is used the next time Rashisa starts."), this));
  layout->addStretch(1);
  setLanguage(controller_.settings().language());
}

QString LanguageWizardPage::language() const { return codes_.value(std::max(0, group_->checkedId())); }

void LanguageWizardPage::setLanguage(const QString& language) {
  const int index = std::max<int>(0, static_cast<int>(codes_.indexOf(language)));
  group_->button(index)->setChecked(true);
}

bool LanguageWizardPage::validatePage() {
  controller_.settings().setLanguage(language());
  return true;
}

// ---- base model ----------------------------------------------------------------------

ModelWizardPage::ModelWizardPage(AppController& controller, QWidget* parent)
    : QWizardPage(parent), controller_(controller) {
  setTitle(heading(tr("Base model")));
  setSubTitle(tr("Rashisa makes images with a Stable Diffusion 1.5 or 2.1 model that is already on this computer: "
                 "a .safetensors file or a folder in the diffusers layout."));
  auto* layout = new QVBoxLayout(this);
  layout->setSpacing(10);
  auto* offline = new QLabel(tr("Rashisa never downloads anything."), this);
  QFont bold = offline->font();
  bold.setBold(true);
  offline->setFont(bold);
  layout->addWidget(offline);
  const Choices::ModelButtons buttons = Choices::modelButtons(this);
  file_ = buttons.file;
  folder_ = buttons.folder;
  layout->addLayout(buttons.row);
  auto* statusRow = new QHBoxLayout;
  icon_ = new QLabel(this);
  icon_->setFixedSize(22, 22);
  status_ = wrapped(this);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  statusRow->setSpacing(8);
  statusRow->addWidget(icon_, 0, Qt::AlignTop);
  statusRow->addWidget(status_, 1);
  layout->addLayout(statusRow);
  bar_ = new MessageBar(this);
  layout->addWidget(bar_);
  later_ = makeNote(tr("No model at hand? Go on without it and choose it later on the Start page. Photos, templates "
                        "and settings work without a model; learning a product and making images need one."),
                     this);
  layout->addWidget(later_);
  demo_ = new DemoOffer(this);
  layout->addWidget(demo_);
  layout->addStretch(1);
  connect(demo_, &DemoOffer::demoRequested, this, [this] {
    // The demo opens in the window; the rest of the first start can be run again from the menu.
    controller_.openDemo();
    if (wizard()) wizard()->reject();
  });
  connect(file_, &QPushButton::clicked, this, [this] { choose(false); });
  connect(folder_, &QPushButton::clicked, this, [this] { choose(true); });
  connect(&controller_, &AppController::modelChecked, this, &ModelWizardPage::onChecked);
  connect(&controller_, &AppController::environmentChanged, this, &ModelWizardPage::refresh);
  refresh();
}

void ModelWizardPage::choose(bool folder) {
  const QString path = controller_.dialogs().modelPath(window(), folder);
  if (path.isEmpty()) return;
  error_ = {};
  bar_->clear();
  controller_.chooseModel(path);
  refresh();
}

void ModelWizardPage::onChecked(const JobError& error) {
  error_ = error;
  refresh();
}

void ModelWizardPage::showProblem(const JobError& problem) {
  Notice n = controller_.noticeFor(JobKind::DescribeModel, problem);
  // The buttons above choose again; the bar keeps what happened, what to do and the details.
  n.actionText.clear();
  n.secondText.clear();
  n.closable = false;
  bar_->showNotice(n);
}

void ModelWizardPage::refresh() {
  const auto model = controller_.model();
  JobError problem = error_;
  if (problem.code.isEmpty() && !controller_.modelProblem().isEmpty())
    problem = {controller_.modelProblemCode(), controller_.modelProblem()};
  if (controller_.isCheckingModel()) {
    state_ = State::Checking;
    icon_->clear();
    status_->setText(tr("Checking the model… (only its description is read; this takes a moment)"));
  } else if (model) {
    state_ = State::Ready;
    icon_->setPixmap(icons::done().pixmap(22, 22));
    const QString layout =
        model->layout == QLatin1String("diffusers folder") ? tr("diffusers folder") : tr("single file");
    status_->setText(tr("%1 — %2, %3, made for %4 px. Ready to use.")
                         .arg(QFileInfo(model->path).fileName(), model->family, layout)
                         .arg(model->nativeResolution));
  } else if (!problem.code.isEmpty()) {
    state_ = State::Refused;  // the message bar says why and what to do
  } else {
    state_ = State::None;
    icon_->setPixmap(icons::attention().pixmap(22, 22));
    status_->setText(tr("No model chosen yet."));
  }
  if (state_ == State::Refused)
    showProblem(problem);
  else if (state_ != State::Checking)
    bar_->clear();
  icon_->setVisible(state_ != State::Refused);
  status_->setVisible(state_ != State::Refused);
  later_->setVisible(state_ == State::None || state_ == State::Refused);
  demo_->setVisible(state_ == State::None || state_ == State::Refused);
  file_->setEnabled(state_ != State::Checking);
  folder_->setEnabled(state_ != State::Checking);
}

// ---- device check --------------------------------------------------------------------

DeviceWizardPage::DeviceWizardPage(AppController& controller, QWidget* parent)
    : QWizardPage(parent), controller_(controller) {
  setTitle(heading(tr("This computer")));
  setSubTitle(tr("A short check measures a few training and generation steps, so Rashisa can pick the memory setting "
                 "and tell you how long work takes here. Nothing is saved in a project."));
  auto* layout = new QVBoxLayout(this);
  layout->setSpacing(10);
  auto* form = new QFormLayout;
  form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->setVerticalSpacing(8);
  auto* deviceRow = new QHBoxLayout;
  deviceIcon_ = new QLabel(this);
  deviceIcon_->setFixedSize(22, 22);
  device_ = wrapped(this);
  deviceRow->setSpacing(8);
  deviceRow->addWidget(deviceIcon_, 0, Qt::AlignTop);
  deviceRow->addWidget(device_, 1);
  form->addRow(tr("Device"), deviceRow);
  memory_ = wrapped(this);
  form->addRow(tr("Memory setting"), memory_);
  training_ = wrapped(this);
  form->addRow(tr("Learning a product"), training_);
  generation_ = wrapped(this);
  form->addRow(tr("%n catalogue image(s)", nullptr, kExampleImages), generation_);
  layout->addLayout(form);
  auto* measureRow = new QHBoxLayout;
  measure_ = new QPushButton(this);
  measure_->setMinimumHeight(32);
  reason_ = makeNote(QString(), this);
  measureRow->addWidget(measure_, 0, Qt::AlignTop);
  measureRow->addWidget(reason_, 1);
  layout->addSpacing(4);
  layout->addLayout(measureRow);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 0);
  progress_->setTextVisible(false);
  progress_->setMaximumHeight(10);
  layout->addWidget(progress_);
  bar_ = new MessageBar(this);
  layout->addWidget(bar_);
  layout->addStretch(1);
  layout->addWidget(makeNote(tr("You can run this check again at any time: Settings > Run the first-start check "
                                 "again."),
                              this));
  connect(measure_, &QPushButton::clicked, this, [this] {
    bar_->clear();
    controller_.checkDevice();
    refresh();
  });
  connect(&controller_, &AppController::deviceChecked, this, &DeviceWizardPage::onChecked);
  for (auto signal : {&AppController::environmentChanged, &AppController::busyChanged, &AppController::speedChanged,
                      &AppController::generationSpeedChanged})
    connect(&controller_, signal, this, &DeviceWizardPage::refresh);
  refresh();
}

void DeviceWizardPage::initializePage() { refresh(); }

QString DeviceWizardPage::memoryText() const {
  const auto& device = controller_.device();
  if (!device) return tr("Chosen when the check of this computer is done.");
  if (!device->cuda) return tr("Automatic: the CPU works with the computer's memory.");
  const QString plan = AppController::memoryPlanFor(*device);
  if (plan.isEmpty()) return tr("Automatic: chosen from the free GPU memory each time training starts.");
  return tr("%1, chosen for this GPU's %2 of memory. You can change it in Preferences.")
      .arg(Choices::memoryPlanName(plan), Format::bytes(device->totalMemory));
}

void DeviceWizardPage::onChecked(const JobError& error) {
  if (!error.code.isEmpty() && error.code != QLatin1String("cancelled")) {
    Notice n = controller_.noticeFor(JobKind::CheckDevice, error);
    n.closable = false;
    bar_->showNotice(n);
  }
  refresh();
}

void DeviceWizardPage::refresh() {
  const auto& device = controller_.device();
  if (!device) {
    deviceIcon_->clear();
    device_->setText(tr("Checking…"));
  } else if (device->cuda) {
    deviceIcon_->setPixmap(icons::done().pixmap(22, 22));
    device_->setText(device->totalMemory > 0
                         ? tr("%1 with %2 of memory").arg(device->description, Format::bytes(device->totalMemory))
                         : device->description);
  } else {
    deviceIcon_->setPixmap(icons::attention().pixmap(22, 22));
    device_->setText(tr("No GPU that Rashisa can use. Everything works on the CPU, but learning a product takes many "
                        "hours: leave it running, for example overnight. It can pause and resume."));
  }
  memory_->setText(memoryText());
  const auto training = controller_.estimateSeconds(QStringLiteral("default"), kCheckSize);
  training_->setText(training ? tr("%1 (Standard)").arg(Format::duration(*training)) : tr("Not measured yet"));
  const auto images = controller_.estimateGenerationSeconds(qint64(kExampleImages) * kExampleSteps, kExampleImages,
                                                            kCheckSize);
  generation_->setText(images ? tr("%1 (%2 steps each, %3 px)").arg(Format::duration(*images)).arg(kExampleSteps).arg(kCheckSize)
                              : tr("Not measured yet"));
  const bool checking = controller_.isCheckingDevice();
  progress_->setVisible(checking);
  QString why;
  if (checking) why = tr("Measuring… this takes a minute or two on a GPU, longer on a CPU.");
  else if (!device) why = tr("Wait until the check of this computer is done.");
  else if (controller_.isCheckingModel()) why = tr("Wait until the model is checked.");
  else if (!controller_.model()) why = tr("Choose a base model first (previous page): the measurement runs on it.");
  else if (controller_.isTraining() || controller_.isBatchRunning()) why = tr("Wait until the work in progress ends.");
  measure_->setEnabled(why.isEmpty());
  measure_->setText(training ? tr("Measure again") : tr("Measure this computer"));
  if (why.isEmpty())
    why = training ? tr("Measured here. The Learn and Generate pages use these times, and each run makes them more "
                        "exact.")
                   : tr("Takes a minute or two on a GPU, longer on a CPU.");
  reason_->setText(why);
}

}  // namespace rashisa::ui
