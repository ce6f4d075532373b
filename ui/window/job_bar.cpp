#include "ui/window/job_bar.h"

#include "ui/text/format.h"
#include "ui/widgets/stage_stepper.h"
#include "ui/window/app_controller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace rashisa::ui {

JobBar::JobBar(AppController& controller, QWidget* parent) : QFrame(parent), controller_(controller) {
  setObjectName(QStringLiteral("jobBar"));
  setStyleSheet(QStringLiteral("QFrame#jobBar { border-top: 1px solid #d5dbe1; background: #f7f9fb; }"));
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(16, 6, 12, 6);
  row->setSpacing(10);
  title_ = new QLabel(this);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  detail_ = new QLabel(this);
  bar_ = new QProgressBar(this);
  bar_->setTextVisible(false);
  bar_->setFixedWidth(220);
  bar_->setAccessibleName(tr("Progress of the current job"));
  pause_ = new QPushButton(tr("Pause"), this);
  cancel_ = new QPushButton(tr("Stop"), this);
  row->addWidget(title_);
  row->addWidget(detail_, 1);
  row->addWidget(bar_);
  row->addWidget(pause_);
  row->addWidget(cancel_);
  JobRunner& jobs = controller_.jobs();
  connect(&jobs, &JobRunner::jobStarted, this, &JobBar::onStarted);
  connect(&jobs, &JobRunner::progress, this, &JobBar::onProgress);
  connect(&jobs, &JobRunner::idle, this, &JobBar::onIdle);
  connect(&jobs, &JobRunner::pausedChanged, this, &JobBar::updateButtons);
  connect(&controller_, &AppController::trainingChanged, this, &JobBar::updateButtons);
  connect(&controller_, &AppController::batchChanged, this, &JobBar::updateButtons);
  connect(pause_, &QPushButton::clicked, this, [this] {
    if (controller_.jobs().isPaused())
      controller_.resumeJob();
    else
      controller_.pauseJob();
  });
  connect(cancel_, &QPushButton::clicked, this, [this] { controller_.cancelJob(); });
  onIdle();
}

void JobBar::onStarted(const ActiveJob& job) {
  if (job.lane == Lane::Quick) return;  // small edits between steps: nothing to show
  job_ = job;
  active_ = true;
  title_->setText(job.title);
  detail_->clear();
  bar_->setRange(0, 0);
  bar_->show();
  updateButtons();
}

QString JobBar::stageText(const JobProgress& p) const {
  if (p.stage.startsWith(QLatin1String("stage"))) {
    const int stage = p.stage.mid(5).toInt();
    return tr("Stage %1 of 3: %2").arg(stage).arg(StageStepper::stageTitle(stage));
  }
  if (p.stage == QLatin1String("load")) return tr("Loading the model");
  if (p.stage == QLatin1String("import")) return tr("Photo %1 of %2").arg(p.step).arg(p.total);
  if (p.stage == QLatin1String("measure")) return tr("Step %1 of %2").arg(p.step).arg(p.total);
  // Making the demo: its model, its photos, then the project with them.
  if (job_.kind == JobKind::MakeDemo) {
    if (p.stage == QLatin1String("model")) return tr("Making the demo model");
    if (p.stage == QLatin1String("photos")) return tr("Drawing demo photo %1 of %2").arg(p.step).arg(p.total);
    if (p.stage == QLatin1String("project")) return tr("Making the demo project");
  }
  if (p.stage == QLatin1String("denoise") || p.stage == QLatin1String("decode")) {
    if (p.items > 0) return tr("Image %1 of %2").arg(p.item).arg(p.items);
    return {};
  }
  return {};
}

void JobBar::onProgress(int id, const JobProgress& p) {
  if (!active_ || id != job_.id) return;
  QString text = stageText(p);
  if (p.stage.startsWith(QLatin1String("stage"))) {
    text += QStringLiteral(" · ") + tr("%1 / %2 steps").arg(p.step).arg(p.total);
    if (const auto left = controller_.trainingSecondsLeft()) text += QStringLiteral(" · ") + tr("%1 left").arg(Format::duration(*left));
  } else if (job_.kind == JobKind::RunBatch) {
    if (const auto left = controller_.batchSecondsLeft()) text += QStringLiteral(" · ") + tr("%1 left").arg(Format::duration(*left));
  }
  detail_->setText(text);
  if (p.items > 0) {
    bar_->setRange(0, static_cast<int>(p.items * 1000));
    const double within = p.total > 0 ? static_cast<double>(p.step) / p.total : 0;
    bar_->setValue(static_cast<int>((p.item - 1 + within) * 1000));
  } else if (p.total > 0) {
    bar_->setRange(0, static_cast<int>(p.total));
    bar_->setValue(static_cast<int>(p.step));
  } else {
    bar_->setRange(0, 0);
  }
}

void JobBar::onIdle() {
  active_ = false;
  job_ = ActiveJob{};
  title_->setText(tr("Ready"));
  detail_->setText(tr("Nothing is running."));
  bar_->setRange(0, 1);
  bar_->setValue(0);
  bar_->hide();
  updateButtons();
}

void JobBar::updateButtons() {
  const bool pausable = active_ && job_.pausable;
  const bool paused = controller_.jobs().isPaused();
  pause_->setVisible(pausable);
  pause_->setText(paused ? tr("Resume") : tr("Pause"));
  cancel_->setVisible(active_ && job_.kind != JobKind::CloseProject && job_.kind != JobKind::OpenProject &&
                      job_.kind != JobKind::CreateProject);
  cancel_->setText(job_.kind == JobKind::Train ? tr("Save and stop") : tr("Stop"));
  const bool stopping = (controller_.live() && controller_.live()->stopping) ||
                        (controller_.liveBatch() && controller_.liveBatch()->stopping);
  cancel_->setEnabled(!stopping);
  if (paused && active_) detail_->setText(tr("Paused"));
}

}  // namespace rashisa::ui
