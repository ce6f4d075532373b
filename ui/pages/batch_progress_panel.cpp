#include "ui/pages/batch_progress_panel.h"

#include "ui/text/format.h"
#include "ui/widgets/card.h"
#include "ui/widgets/icons.h"
#include "ui/window/app_controller.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rashisa::ui {

BatchProgressPanel::BatchProgressPanel(AppController& controller, QWidget* parent)
    : QFrame(parent), controller_(controller) {
  styleCard(this, QStringLiteral("batchProgress"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(14, 10, 14, 10);
  layout->setSpacing(6);
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(12);
  overallText_ = new QLabel(this);
  imageText_ = new QLabel(this);
  overall_ = new QProgressBar(this);
  image_ = new QProgressBar(this);
  overall_->setAccessibleName(tr("Images made"));
  image_->setAccessibleName(tr("Steps of the image being made"));
  for (QProgressBar* bar : {overall_, image_}) {
    bar->setTextVisible(false);
    bar->setMaximumHeight(10);
  }
  grid->addWidget(overallText_, 0, 0);
  grid->addWidget(overall_, 1, 0);
  grid->addWidget(imageText_, 2, 0);
  grid->addWidget(image_, 3, 0);
  grid->setColumnStretch(0, 1);
  auto* buttons = new QVBoxLayout;
  pause_ = new QPushButton(tr("Pause"), this);
  pause_->setToolTip(tr("Holds between two steps of the image being made. Everything made so far is stored."));
  stop_ = new QPushButton(tr("Stop"), this);
  stop_->setToolTip(tr("Stops after the current step. The images made so far are kept, and the batch can continue "
                       "later."));
  buttons->addWidget(pause_);
  buttons->addWidget(stop_);
  auto* row = new QHBoxLayout;
  row->addLayout(grid, 1);
  row->addSpacing(12);
  row->addLayout(buttons);
  layout->addLayout(row);
  paused_ = new QLabel(this);
  paused_->setWordWrap(true);
  paused_->setStyleSheet(QStringLiteral("color: %1;").arg(icons::warning().darker(130).name()));
  layout->addWidget(paused_);

  connect(pause_, &QPushButton::clicked, this, [this] {
    const auto& live = controller_.liveBatch();
    if (live && live->paused)
      controller_.resumeJob();
    else
      controller_.pauseJob();
  });
  connect(stop_, &QPushButton::clicked, this, [this] { controller_.cancelJob(); });
  connect(&controller_, &AppController::batchChanged, this, &BatchProgressPanel::refresh);
  refresh();
}

void BatchProgressPanel::refresh() {
  const auto& live = controller_.liveBatch();
  setVisible(live.has_value());
  if (!live) return;
  const qint64 total = std::max<qint64>(live->total, 1);
  overall_->setRange(0, static_cast<int>(total));
  overall_->setValue(static_cast<int>(std::min(live->done, total)));
  QStringList overall{tr("%1 of %n image(s) made", nullptr, static_cast<int>(live->total)).arg(live->done)};
  const auto left = controller_.batchSecondsLeft();
  if (live->paused)
    overall << tr("paused");
  else if (left && live->done < live->total)
    overall << tr("%1 left").arg(Format::duration(*left));
  if (live->secondsPerImage > 0)
    overall << tr("%1 s per image").arg(QLocale().toString(live->secondsPerImage, 'f', 1));
  overallText_->setText(overall.join(QStringLiteral(" · ")));
  const bool making = live->done < live->total && live->steps > 0;
  image_->setRange(0, static_cast<int>(std::max<qint64>(live->steps, 1)));
  image_->setValue(static_cast<int>(live->step));
  imageText_->setText(making ? tr("Image %1: step %2 of %3").arg(live->done + 1).arg(live->step).arg(live->steps)
                             : tr("Starting…"));
  pause_->setText(live->paused ? tr("Resume") : tr("Pause"));
  pause_->setEnabled(!live->stopping);
  stop_->setText(live->stopping ? tr("Stopping…") : tr("Stop"));
  stop_->setEnabled(!live->stopping);
  paused_->setText(live->paused ? tr("Paused. The image being made goes on from this step when you resume; the "
                                     "images made so far are stored.")
                                : QString());
  paused_->setVisible(live->paused);
}

}  // namespace rashisa::ui
