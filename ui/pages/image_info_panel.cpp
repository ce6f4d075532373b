#include "ui/pages/image_info_panel.h"

#include "ui/text/batch_text.h"
#include "ui/widgets/card.h"
#include "ui/widgets/icons.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rashisa::ui {

ImageInfoPanel::ImageInfoPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(8);
  layout->addWidget(headingLabel(tr("Settings of this image"), this));
  auto* scroll = scroll_ = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  fields_ = new QWidget(scroll);
  form_ = new QFormLayout(fields_);
  form_->setContentsMargins(0, 0, 4, 0);
  form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form_->setVerticalSpacing(6);
  addField(Field::Prompt, tr("Prompt"));
  addField(Field::Negative, tr("Negative prompt"));
  addField(Field::Seed, tr("Seed"));
  addField(Field::Sampler, tr("Sampler"));
  addField(Field::Steps, tr("Steps"));
  addField(Field::Guidance, tr("Guidance"));
  addField(Field::Size, tr("Size"));
  addField(Field::Template, tr("Template"));
  addField(Field::Values, tr("Values"));
  addField(Field::Product, tr("Product"));
  addField(Field::Model, tr("Base model"));
  addField(Field::Made, tr("Made"));
  addField(Field::Review, tr("Review"));
  scroll->setWidget(fields_);
  empty_ = new QLabel(tr("Choose an image to see how it was made."), this);
  empty_->setWordWrap(true);
  empty_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(empty_);
  layout->addWidget(scroll, 1);
  regenerate_ = new QPushButton(tr("Make again with these settings"), this);
  regenerate_->setToolTip(tr("Makes this image again from its record and shows both, to check that it can be "
                             "reproduced. Nothing is stored."));
  more_ = new QPushButton(tr("More like this"), this);
  more_->setToolTip(tr("The same prompt and settings with %n new seed(s), as a new small batch.", nullptr, kMoreCount));
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  why_ = new QLabel(this);
  why_->setWordWrap(true);
  why_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  layout->addWidget(regenerate_);
  layout->addWidget(more_);
  layout->addWidget(status_);
  layout->addWidget(why_);
  connect(regenerate_, &QPushButton::clicked, this, [this] { Q_EMIT regenerateRequested(imageId_); });
  connect(more_, &QPushButton::clicked, this, [this] { Q_EMIT moreRequested(imageId_); });
  showImage(nullptr, {});
}

void ImageInfoPanel::addField(Field field, const QString& label) {
  auto* value = new QLabel(fields_);
  value->setWordWrap(true);
  value->setTextInteractionFlags(Qt::TextSelectableByMouse);
  value->setAccessibleName(label);
  auto* name = new QLabel(label, fields_);
  name->setStyleSheet(QStringLiteral("color: #5a6570;"));
  form_->addRow(name, value);
  values_.insert(field, value);
}

QString ImageInfoPanel::field(Field field) const { return values_.value(field)->text(); }

void ImageInfoPanel::showImage(const ImageItem* image, const ProjectSnapshot& project) {
  const qint64 id = image ? image->id : 0;
  if (id != imageId_) clearRegenerated();
  imageId_ = id;
  scroll_->setVisible(image != nullptr);
  empty_->setVisible(image == nullptr);
  regenerate_->setEnabled(image && enabled_);
  more_->setEnabled(image && enabled_);
  if (!image) return;
  const QString none = tr("none");
  const QLocale locale;
  values_[Field::Prompt]->setText(image->prompt);
  values_[Field::Negative]->setText(image->negativePrompt.isEmpty() ? none : image->negativePrompt);
  values_[Field::Seed]->setText(QString::number(image->seed));
  values_[Field::Sampler]->setText(BatchText::samplerName(image->sampler));
  values_[Field::Steps]->setText(locale.toString(image->steps));
  values_[Field::Guidance]->setText(locale.toString(image->guidance, 'f', 1));
  values_[Field::Size]->setText(tr("%1 × %2 px").arg(image->width).arg(image->height));
  values_[Field::Template]->setText(BatchText::labelled(*image, project.templates).templateLabel);
  values_[Field::Values]->setText(valuesText(*image, project));
  values_[Field::Product]->setText(image->productId == 0 ? tr("A removed product") : image->productName);
  values_[Field::Model]->setText(image->baseModelHash.isEmpty() ? tr("unknown") : image->baseModelHash.left(12));
  values_[Field::Model]->setToolTip(image->baseModelHash);
  values_[Field::Made]->setText(BatchText::dateTime(image->createdAt));
  values_[Field::Review]->setText(reviewText(*image));
}

QString ImageInfoPanel::valuesText(const ImageItem& image, const ProjectSnapshot& project) {
  if (image.values.isEmpty()) return tr("none");
  const TemplateItem* t = nullptr;
  for (const TemplateItem& item : project.templates)
    if (item.id == image.templateId) t = &item;
  QStringList lines;
  for (auto it = image.values.begin(); it != image.values.end(); ++it) {
    QString name = it.key(), value = it.value();
    for (const TemplateVariable& v : t ? t->variables : QList<TemplateVariable>{}) {
      if (v.name != it.key()) continue;
      name = BatchText::variableLabel(v);
      for (const TemplateValue& candidate : v.values)
        if (candidate.value == it.value()) value = BatchText::valueLabel(candidate);
    }
    lines << tr("%1: %2").arg(name, value);
  }
  return lines.join(QLatin1Char('\n'));
}

QString ImageInfoPanel::reviewText(const ImageItem& image) {
  const QString state = BatchText::reviewState(image.review);
  if (image.review == ReviewState::New || image.reviewer.isEmpty()) return state;
  if (image.reviewedAt.isEmpty()) return tr("%1 by %2").arg(state, image.reviewer);
  return tr("%1 by %2, %3").arg(state, image.reviewer, BatchText::dateTime(image.reviewedAt));
}

void ImageInfoPanel::setActionsEnabled(bool enabled, const QString& why) {
  enabled_ = enabled;
  regenerate_->setEnabled(enabled && imageId_ != 0);
  more_->setEnabled(enabled && imageId_ != 0);
  why_->setText(enabled ? QString() : why);
  why_->setVisible(!enabled && !why.isEmpty());
}

void ImageInfoPanel::showRegenerating() {
  status_->setStyleSheet({});
  status_->setText(tr("Making it again…"));
  status_->show();
}

void ImageInfoPanel::showRegenerated(bool identical) {
  status_->setStyleSheet(QStringLiteral("color: %1;").arg((identical ? icons::ok() : icons::warning().darker(130)).name()));
  status_->setText(identical ? tr("Made again: identical to the stored image.")
                             : tr("Made again: it differs from the stored image. Another device or base model file "
                                  "can change small details."));
  status_->show();
}

void ImageInfoPanel::clearRegenerated() {
  status_->clear();
  status_->hide();
}

}  // namespace rashisa::ui
