#include "ui/pages/learn_page.h"

#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/training_panel.h"
#include "ui/text/categories.h"
#include "ui/text/format.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/stage_stepper.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace rashisa::ui {

LearnPage::LearnPage(AppController& controller, QWidget* parent) : Page(controller, tr("Learn the product"), parent) {
  auto* lines = new QHBoxLayout;
  productLine_ = new QLabel(this);
  QFont bold = productLine_->font();
  bold.setBold(true);
  productLine_->setFont(bold);
  modelLine_ = new QLabel(this);
  modelLine_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  changeModel_ = new QPushButton(tr("Change model…"), this);
  lines->addWidget(productLine_);
  lines->addSpacing(16);
  lines->addWidget(modelLine_, 1);
  lines->addWidget(changeModel_);
  body()->addLayout(lines);

  interruptedBox_ = buildInterruptedBox();
  body()->addWidget(interruptedBox_);
  doneLine_ = new QLabel(this);
  doneLine_->setWordWrap(true);
  body()->addWidget(doneLine_);

  stack_ = new QStackedWidget(this);
  setup_ = new LearnSetupPanel(controller, stack_);
  training_ = new TrainingPanel(controller, stack_);
  stack_->addWidget(setup_);
  stack_->addWidget(training_);
  auto* noModel = new QWidget(stack_);
  auto* noModelLayout = new QVBoxLayout(noModel);
  noModelLayout->setContentsMargins(0, 0, 0, 0);
  modelBox_ = buildModelBox();
  noModelLayout->addWidget(modelBox_);
  noModelLayout->addStretch(1);
  stack_->addWidget(noModel);
  body()->addWidget(stack_, 1);

  connect(changeModel_, &QPushButton::clicked, this, [this] {
    this->controller().chooseModel(this->controller().dialogs().modelPath(window(), false));
  });
  connect(setup_, &LearnSetupPanel::startRequested, this, &LearnPage::start);
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (const Product* p = this->controller().product()) this->controller().resumeTraining(p->id, setup_->options());
  });
  connect(restart_, &QPushButton::clicked, this, [this] {
    const Product* p = this->controller().product();
    if (!p) return;
    if (!this->controller().dialogs().confirm(window(), tr("Start over?"),
                                              tr("The saved progress of \"%1\" is discarded and training starts "
                                                 "again from the beginning.")
                                                  .arg(p->name),
                                              tr("Start over"), tr("Keep the progress")))
      return;
    this->controller().restartTraining(p->id, setup_->options());
  });
  connect(&controller, &AppController::projectChanged, this, &LearnPage::refresh);
  connect(&controller, &AppController::trainingChanged, this, &LearnPage::refresh);
  connect(&controller, &AppController::environmentChanged, this, &LearnPage::refresh);
  refresh();
}

QWidget* LearnPage::buildModelBox() {
  auto* box = new QFrame(this);
  box->setObjectName(QStringLiteral("modelBox"));
  box->setStyleSheet(QStringLiteral("QFrame#modelBox { border: 1px solid #d5dbe1; border-radius: 8px; }"));
  auto* layout = new QVBoxLayout(box);
  auto* title = new QLabel(tr("Choose the base model"), box);
  QFont bold = title->font();
  bold.setBold(true);
  title->setFont(bold);
  auto* text = new QLabel(tr("Rashisa learns your product on top of Stable Diffusion 1.5 or 2.1. Choose the model "
                             "file (.safetensors) or its diffusers folder on this computer. Rashisa never downloads "
                             "anything."),
                          box);
  text->setWordWrap(true);
  auto* buttons = new QHBoxLayout;
  auto* file = new QPushButton(tr("Choose a model file…"), box);
  auto* folder = new QPushButton(tr("Choose a model folder…"), box);
  buttons->addWidget(file);
  buttons->addWidget(folder);
  buttons->addStretch(1);
  layout->addWidget(title);
  layout->addWidget(text);
  layout->addLayout(buttons);
  connect(file, &QPushButton::clicked, this,
          [this] { controller().chooseModel(controller().dialogs().modelPath(window(), false)); });
  connect(folder, &QPushButton::clicked, this,
          [this] { controller().chooseModel(controller().dialogs().modelPath(window(), true)); });
  return box;
}

QWidget* LearnPage::buildInterruptedBox() {
  auto* box = new QFrame(this);
  box->setObjectName(QStringLiteral("interruptedBox"));
  box->setStyleSheet(QStringLiteral("QFrame#interruptedBox { background: #fdf3e0; border: 1px solid %1; "
                                    "border-radius: 6px; } QFrame#interruptedBox QLabel { background: transparent; }")
                         .arg(icons::warning().name()));
  auto* row = new QHBoxLayout(box);
  auto* icon = new QLabel(box);
  icon->setPixmap(icons::attention().pixmap(22, 22));
  interrupted_ = new QLabel(box);
  interrupted_->setWordWrap(true);
  resume_ = new QPushButton(tr("Resume"), box);
  restart_ = new QPushButton(tr("Start over"), box);
  row->addWidget(icon);
  row->addWidget(interrupted_, 1);
  row->addWidget(resume_);
  row->addWidget(restart_);
  return box;
}

void LearnPage::refresh() {
  const ProjectSnapshot& p = controller().project();
  const Product* product = controller().product();
  const QString name = product ? product->name : p.draftName;
  const QString category = product ? product->category : p.draftCategory;
  productLine_->setText(name.isEmpty() ? tr("No product name yet")
                                       : tr("%1 · %2 · %n photo(s)", nullptr, static_cast<int>(p.photos.size()))
                                             .arg(name, Categories::display(category)));
  const auto model = p.model;
  modelLine_->setText(model ? tr("Base model: %1 (%2)").arg(QFileInfo(model->path).fileName(), model->family)
                            : QString());
  const bool running = controller().isTraining();
  changeModel_->setVisible(model.has_value());
  changeModel_->setEnabled(!running);

  if (running)
    state_ = State::Running;
  else if (product && product->trained)
    state_ = State::Done;
  else if (product && product->stage > 0)
    state_ = State::Interrupted;
  else if (!model)
    state_ = State::NoModel;
  else
    state_ = State::Setup;

  interruptedBox_->setVisible(state_ == State::Interrupted);
  if (state_ == State::Interrupted) {
    const auto [stage, step] = product->resumePoint();
    const qint64 total = product->stages[std::clamp(stage, 1, 3) - 1].steps;
    interrupted_->setText(tr("The last training stopped in stage %1 (%2) at step %3 of %4. Resume it, or start over.")
                              .arg(stage)
                              .arg(StageStepper::stageTitle(stage))
                              .arg(step)
                              .arg(total));
    resume_->setEnabled(model.has_value());
    restart_->setEnabled(model.has_value());
  }
  doneLine_->setVisible(state_ == State::Done);
  if (state_ == State::Done)
    doneLine_->setText(tr("\"%1\" has learned your product. Try it with a prompt of your own.").arg(product->name));
  const bool showTraining = state_ == State::Running || state_ == State::Interrupted || state_ == State::Done;
  stack_->setCurrentIndex(state_ == State::NoModel ? 2 : showTraining ? 1 : 0);
  if (product && showTraining) training_->showProduct(*product);
  setup_->refresh();
}

void LearnPage::start() {
  const ProductSetup s = setup_->setup();
  controller().train(s, setup_->options());
}

}  // namespace rashisa::ui
