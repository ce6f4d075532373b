#include "ui/pages/environment_card.h"

#include "ui/text/format.h"
#include "ui/widgets/card.h"
#include "ui/widgets/choices.h"
#include "ui/widgets/icons.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QVBoxLayout>

namespace rashisa::ui {

EnvironmentCard::EnvironmentCard(AppController& controller, QWidget* parent) : QFrame(parent), controller_(controller) {
  QVBoxLayout* layout = makeCard(this, QStringLiteral("environmentCard"));
  layout->setSpacing(10);
  layout->addWidget(makeCardHeading(tr("Is this computer ready?"), this));
  gpu_ = addLine(tr("GPU"));
  model_ = addLine(tr("Base model"));
  const Choices::ModelButtons buttons = Choices::modelButtons(this);
  buttons.row->setContentsMargins(34, 0, 0, 0);
  chooseFile_ = buttons.file;
  chooseFolder_ = buttons.folder;
  layout->addLayout(buttons.row);
  offline_ = new QLabel(tr("Rashisa never downloads anything. Choose the Stable Diffusion 1.5 or 2.1 model you "
                           "already have on this computer."),
                        this);
  offline_->setWordWrap(true);
  offline_->setContentsMargins(34, 0, 0, 0);
  offline_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(offline_);
  disk_ = addLine(tr("Free disk space"));
  layout->addStretch(1);
  connect(chooseFile_, &QPushButton::clicked, this, [this] {
    controller_.chooseModel(controller_.dialogs().modelPath(window(), false));
  });
  connect(chooseFolder_, &QPushButton::clicked, this, [this] {
    controller_.chooseModel(controller_.dialogs().modelPath(window(), true));
  });
  connect(&controller_, &AppController::environmentChanged, this, &EnvironmentCard::refresh);
  connect(&controller_, &AppController::projectChanged, this, &EnvironmentCard::refresh);
  refresh();
}

EnvironmentCard::Line EnvironmentCard::addLine(const QString& title) {
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(10);
  grid->setVerticalSpacing(0);
  Line line;
  line.icon = new QLabel(this);
  line.icon->setFixedSize(22, 22);
  line.title = new QLabel(title, this);
  QFont f = line.title->font();
  f.setBold(true);
  line.title->setFont(f);
  line.text = new QLabel(this);
  line.text->setWordWrap(true);
  line.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
  grid->addWidget(line.icon, 0, 0, 2, 1, Qt::AlignTop);
  grid->addWidget(line.title, 0, 1);
  grid->addWidget(line.text, 1, 1);
  grid->setColumnStretch(1, 1);
  static_cast<QVBoxLayout*>(layout())->addLayout(grid);
  return line;
}

void EnvironmentCard::setState(Line& line, bool ok, const QString& text) {
  line.icon->setPixmap((ok ? icons::done() : icons::attention()).pixmap(22, 22));
  line.text->setText(text);
}

void EnvironmentCard::refresh() {
  const auto& device = controller_.device();
  if (!device) {
    gpu_.icon->clear();
    gpu_.text->setText(tr("Checking…"));
  } else if (device->cuda) {
    QString text = device->description;
    if (device->totalMemory > 0) text = tr("%1 (%2 memory)").arg(device->description, Format::bytes(device->totalMemory));
    setState(gpu_, true, text);
  } else {
    setState(gpu_, false,
             tr("No GPU that Rashisa can use. Everything works on the CPU, but training a product takes many "
                "hours."));
  }

  const auto model = controller_.model();
  const QString problem = controller_.modelProblem();
  if (model) {
    setState(model_, true,
             tr("%1 (%2, %3)").arg(QFileInfo(model->path).fileName(), model->family,
                                   model->layout == QLatin1String("diffusers folder") ? tr("diffusers folder")
                                                                                      : tr("single file")));
  } else if (!problem.isEmpty()) {
    setState(model_, false, tr("The chosen model cannot be used. Choose it again."));
  } else {
    setState(model_, false, tr("Not chosen yet."));
  }

  const QString where = controller_.hasProject()
                            ? QFileInfo(controller_.project().path).absolutePath()
                            : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  const QStorageInfo storage(QDir(where).exists() ? where : QDir::homePath());
  if (!storage.isValid()) {
    disk_.icon->clear();
    disk_.text->setText(tr("Unknown"));
  } else {
    const qint64 free = storage.bytesAvailable();
    const bool ok = free >= kLowDisk;
    QString text = tr("%1 free at %2").arg(Format::bytes(free), QDir::toNativeSeparators(where));
    if (!ok) text += QLatin1Char('\n') + tr("Training saves its progress in the project file and needs about 25 GB.");
    setState(disk_, ok, text);
  }
}

QString EnvironmentCard::gpuText() const { return gpu_.text->text(); }
QString EnvironmentCard::modelText() const { return model_.text->text(); }
QString EnvironmentCard::diskText() const { return disk_.text->text(); }

}  // namespace rashisa::ui
