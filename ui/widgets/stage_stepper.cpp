#include "ui/widgets/stage_stepper.h"

#include "ui/text/format.h"
#include "ui/widgets/icons.h"

#include <QGridLayout>
#include <QLabel>

namespace rashisa::ui {

StageStepper::StageStepper(QWidget* parent) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setHorizontalSpacing(8);
  grid->setVerticalSpacing(2);
  for (int k = 0; k < 3; ++k) {
    Row& r = rows_[k];
    r.mark = new QLabel(this);
    r.mark->setFixedSize(28, 28);
    r.title = new QLabel(stageTitle(k + 1), this);
    QFont f = r.title->font();
    f.setBold(true);
    r.title->setFont(f);
    r.status = new QLabel(this);
    r.status->setWordWrap(true);
    r.status->setMinimumWidth(120);
    grid->addWidget(r.mark, 0, 2 * k, 2, 1, Qt::AlignTop);
    grid->addWidget(r.title, 0, 2 * k + 1);
    grid->addWidget(r.status, 1, 2 * k + 1, Qt::AlignTop);
    grid->setColumnStretch(2 * k + 1, 1);
  }
  setAccessibleName(tr("Training stages"));
  refresh();
}

QString StageStepper::stageTitle(int stage) {
  switch (stage) {
    case 1: return tr("Learn the word");
    case 2: return tr("Learn where to look");
    case 3: return tr("Refine the details");
  }
  return {};
}

void StageStepper::setPlan(const std::array<int, 3>& steps) {
  steps_ = steps;
  refresh();
}

void StageStepper::setProgress(int stage, qint64 step, std::optional<double> secondsPerStep,
                               std::optional<double> secondsLeft) {
  stage_ = stage;
  step_ = step;
  secondsPerStep_ = secondsPerStep;
  secondsLeft_ = secondsLeft;
  refresh();
}

void StageStepper::setStatusWord(const QString& word) {
  word_ = word;
  refresh();
}

QString StageStepper::statusText(int stage) const { return rows_[stage - 1].status->text(); }

void StageStepper::refresh() {
  const qreal dpr = devicePixelRatioF();
  for (int k = 0; k < 3; ++k) {
    const int n = k + 1;
    const bool done = stage_ > n;
    const bool active = stage_ == n;
    Row& r = rows_[k];
    r.mark->setPixmap(icons::stageMark(n, active, done, 28, dpr));
    QString status;
    if (done) {
      status = tr("Done");
    } else if (active) {
      status = tr("%1 / %2 steps").arg(step_).arg(steps_[k]);
      if (!word_.isEmpty())
        status += QStringLiteral(" · ") + word_;
      else if (secondsPerStep_)
        status += QStringLiteral(" · ") + Format::secondsPerStep(*secondsPerStep_);
      if (word_.isEmpty() && secondsLeft_) status += QStringLiteral(" · ") + tr("%1 left").arg(Format::duration(*secondsLeft_));
    } else {
      status = tr("%n step(s)", nullptr, steps_[k]);
    }
    r.status->setText(status);
    r.title->setEnabled(active || done || stage_ == 0);
  }
}

}  // namespace rashisa::ui
