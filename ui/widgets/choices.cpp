#include "ui/widgets/choices.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPushButton>

namespace rashisa::ui {

void Choices::fillDevices(QComboBox* box) {
  box->addItem(tr("Automatic"), QStringLiteral("auto"));
  box->addItem(tr("GPU (NVIDIA)"), QStringLiteral("cuda"));
  box->addItem(tr("CPU"), QStringLiteral("cpu"));
}

void Choices::fillMemoryPlans(QComboBox* box) {
  for (const char* plan : {"", "24gb", "16gb", "12gb", "8gb"})
    box->addItem(memoryPlanName(QString::fromLatin1(plan)), QString::fromLatin1(plan));
  box->setToolTip(tr("Smaller settings fit smaller GPUs and train more slowly."));
}

QString Choices::memoryPlanName(const QString& plan) {
  if (plan.isEmpty()) return tr("Automatic");
  return tr("%1 GB GPU").arg(plan.chopped(2));
}

Choices::ModelButtons Choices::modelButtons(QWidget* parent) {
  ModelButtons b;
  b.row = new QHBoxLayout;
  b.file = new QPushButton(tr("Choose a model file…"), parent);
  b.folder = new QPushButton(tr("Choose a model folder…"), parent);
  b.file->setToolTip(tr("A Stable Diffusion 1.5 or 2.1 checkpoint (.safetensors)"));
  b.folder->setToolTip(tr("A Stable Diffusion 1.5 or 2.1 folder in the diffusers layout"));
  b.row->addWidget(b.file);
  b.row->addWidget(b.folder);
  b.row->addStretch(1);
  return b;
}

}  // namespace rashisa::ui
