#include "ui/window/settings_dialog.h"

#include "ui/pages/page.h"
#include "ui/settings/settings.h"
#include "ui/widgets/card.h"
#include "ui/widgets/choices.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {

/// A field with a grey explanation under it. Choices keep their natural width; text fields
/// take the row.
QWidget* withNote(QWidget* field, const QString& text, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* column = new QVBoxLayout(box);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(2);
  if (qobject_cast<QLineEdit*>(field)) {
    column->addWidget(field);
  } else {
    field->setMinimumWidth(260);
    column->addWidget(field, 0, Qt::AlignLeft);
  }
  column->addWidget(makeNote(text, box));
  return box;
}

}  // namespace

QList<QPair<QString, QString>> SettingsDialog::languages() {
  return {{QString(), tr("Same as the system")},
          {QStringLiteral("ja"), tr("Japanese (日本語)")},
          {QStringLiteral("en"), tr("English")}};
}

SettingsDialog::SettingsDialog(AppController& controller, QWidget* parent) : QDialog(parent), controller_(controller) {
  setWindowTitle(tr("Preferences"));
  setMinimumWidth(640);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(20, 18, 20, 14);
  layout->setSpacing(12);
  auto* form = new QFormLayout;
  form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->setVerticalSpacing(10);

  language_ = new QComboBox(this);
  for (const auto& [code, name] : languages()) language_->addItem(name, code);
  form->addRow(tr("Language"), withNote(language_, tr("Used the next time Rashisa starts."), this));
  reviewer_ = new QLineEdit(this);
  reviewer_->setPlaceholderText(tr("Your name"));
  form->addRow(tr("Reviewer name"),
               withNote(reviewer_, tr("Recorded with every approval and rejection, and in the project's audit log."),
                        this));
  device_ = new QComboBox(this);
  Choices::fillDevices(device_);
  form->addRow(tr("Device"), withNote(device_, tr("Automatic uses the GPU when there is one."), this));
  memory_ = new QComboBox(this);
  Choices::fillMemoryPlans(memory_);
  form->addRow(tr("Memory setting"),
               withNote(memory_, tr("For training. Smaller settings fit smaller GPUs and train more slowly."), this));

  auto* folderRow = new QHBoxLayout;
  exportFolder_ = new QLineEdit(this);
  chooseFolder_ = new QPushButton(tr("Choose…"), this);
  folderRow->addWidget(exportFolder_, 1);
  folderRow->addWidget(chooseFolder_);
  auto* folderBox = new QWidget(this);
  folderBox->setLayout(folderRow);
  folderRow->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("Export folder"), folderBox);
  previewEvery_ = new QSpinBox(this);
  previewEvery_->setRange(0, 10000);
  previewEvery_->setSingleStep(50);
  previewEvery_->setSpecialValueText(tr("Only at the end of each stage"));
  previewEvery_->setSuffix(tr(" steps"));
  form->addRow(tr("Training previews every"),
               withNote(previewEvery_, tr("Pictures made while a product learns, to see how it is going."), this));
  shootHours_ = new QDoubleSpinBox(this);
  shootHours_->setRange(0, 24);
  shootHours_->setDecimals(2);
  shootHours_->setSingleStep(0.25);
  shootHours_->setSuffix(tr(" h per image"));
  form->addRow(tr("Photo shoot time"),
               withNote(shootHours_,
                        tr("How long a photo shoot takes per finished catalogue image, with setup and retouching. "
                           "Used for the hours saved shown with each project."),
                        this));
  layout->addLayout(form);
  layout->addStretch(1);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  cancel_ = new QPushButton(tr("Cancel"), this);
  save_ = makePrimaryButton(tr("Save"), this);
  buttons->addWidget(cancel_);
  buttons->addWidget(save_);
  layout->addLayout(buttons);

  connect(chooseFolder_, &QPushButton::clicked, this, [this] {
    const QString folder =
        controller_.dialogs().chooseFolder(this, tr("Choose the export folder"), exportFolder_->text());
    if (!folder.isEmpty()) exportFolder_->setText(QDir::toNativeSeparators(folder));
  });
  connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
  connect(save_, &QPushButton::clicked, this, [this] {
    save();
    accept();
  });
  load();
}

void SettingsDialog::load() {
  Settings& s = controller_.settings();
  language_->setCurrentIndex(std::max(0, language_->findData(s.language())));
  reviewer_->setText(s.reviewer());
  device_->setCurrentIndex(std::max(0, device_->findData(s.device())));
  memory_->setCurrentIndex(std::max(0, memory_->findData(s.memoryPlan())));
  exportFolder_->setText(QDir::toNativeSeparators(s.exportFolder()));
  previewEvery_->setValue(s.previewEvery());
  shootHours_->setValue(s.shootHoursPerImage());
}

void SettingsDialog::save() {
  Settings& s = controller_.settings();
  s.setLanguage(language_->currentData().toString());
  const QString reviewer = reviewer_->text().trimmed();
  if (reviewer != s.reviewer()) controller_.setReviewer(reviewer);
  const QString device = device_->currentData().toString();
  if (device != s.device()) controller_.setDeviceChoice(device);
  s.setMemoryPlan(memory_->currentData().toString());
  const QString folder = exportFolder_->text().trimmed();
  if (!folder.isEmpty()) s.setExportFolder(QDir::fromNativeSeparators(folder));
  s.setPreviewEvery(previewEvery_->value());
  s.setShootHoursPerImage(shootHours_->value());
  s.sync();
  controller_.notifySettingsChanged();
}

void SettingsDialog::focusField(Field field) {
  QWidget* target = nullptr;
  switch (field) {
    case Field::Language: target = language_; break;
    case Field::Reviewer: target = reviewer_; break;
    case Field::Device: target = device_; break;
    case Field::Memory: target = memory_; break;
    case Field::ExportFolder: target = exportFolder_; break;
    case Field::PreviewEvery: target = previewEvery_; break;
    case Field::ShootHours: target = shootHours_; break;
  }
  target->setFocus(Qt::OtherFocusReason);
  if (auto* spin = qobject_cast<QAbstractSpinBox*>(target)) spin->selectAll();
}

}  // namespace rashisa::ui
