#include "ui/pages/review_filters.h"

#include "ui/text/batch_text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>

namespace rashisa::ui {

namespace {

constexpr qint64 kAll = -1;
const QChar kSeparator(0x1f);

/// Refills `box` with "all" plus `items` (text, data), keeping the chosen data when it stays.
/// Returns false when the chosen entry is gone.
bool refill(QComboBox* box, const QString& all, const QList<QPair<QString, QVariant>>& items, const QVariant& allData) {
  const QVariant chosen = box->currentData();
  const QSignalBlocker block(box);
  box->clear();
  box->addItem(all, allData);
  for (const auto& [text, data] : items) box->addItem(text, data);
  const int i = box->findData(chosen);
  box->setCurrentIndex(std::max(0, i));
  return i >= 0 || !chosen.isValid();
}

}  // namespace

ReviewFilters::ReviewFilters(QWidget* parent) : QWidget(parent) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(8);
  status_ = new QComboBox(this);
  status_->setAccessibleName(tr("Show images by review state"));
  status_->addItem(tr("All images"), kAll);
  status_->addItem(tr("Not reviewed"), static_cast<int>(ReviewState::New));
  status_->addItem(tr("Approved"), static_cast<int>(ReviewState::Approved));
  status_->addItem(tr("Rejected"), static_cast<int>(ReviewState::Rejected));
  template_ = new QComboBox(this);
  template_->setAccessibleName(tr("Show images of one template"));
  product_ = new QComboBox(this);
  product_->setAccessibleName(tr("Show images of one product"));
  value_ = new QComboBox(this);
  value_->setAccessibleName(tr("Show images with one value of a template variable"));
  for (QComboBox* box : {template_, product_, value_}) box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  template_->addItem(tr("All templates"), kAll);
  product_->addItem(tr("All products"), kAll);
  value_->addItem(tr("All values"), QString());
  clear_ = new QPushButton(tr("Show all"), this);
  clear_->setToolTip(tr("Clears the filters."));
  for (QComboBox* box : {status_, template_, product_, value_}) {
    row->addWidget(box);
    connect(box, qOverload<int>(&QComboBox::activated), this, [this] {
      clear_->setEnabled(active());
      Q_EMIT changed();
    });
  }
  row->addWidget(clear_);
  connect(clear_, &QPushButton::clicked, this, [this] {
    clear();
    Q_EMIT changed();
  });
  clear_->setEnabled(false);
}

bool ReviewFilters::refresh(const ProjectSnapshot& project) {
  bool kept = fillTemplates(project);
  kept = fillProducts(project) && kept;
  kept = fillValues(project) && kept;  // after the templates: the values are of the chosen one
  clear_->setEnabled(active());
  return kept;
}

bool ReviewFilters::fillTemplates(const ProjectSnapshot& project) {
  QSet<qint64> used;
  for (const ImageItem& i : project.images) used.insert(i.templateId);
  QList<QPair<QString, QVariant>> items;
  for (const TemplateItem& t : project.templates)
    if (used.contains(t.id)) items.push_back({BatchText::templateLabel(t), t.id});
  return refill(template_, tr("All templates"), items, kAll);
}

bool ReviewFilters::fillProducts(const ProjectSnapshot& project) {
  QList<QPair<QString, QVariant>> items;
  QSet<qint64> seen;
  for (const ImageItem& i : project.images) {
    if (seen.contains(i.productId)) continue;
    seen.insert(i.productId);
    items.push_back({i.productId == 0 ? tr("A removed product") : i.productName, i.productId});
  }
  return refill(product_, tr("All products"), items, kAll);
}

bool ReviewFilters::fillValues(const ProjectSnapshot& project) {
  const qint64 onlyTemplate = template_->currentData().toLongLong();
  QSet<qint64> used;
  for (const ImageItem& i : project.images) used.insert(i.templateId);
  QList<QPair<QString, QVariant>> items;
  QSet<QString> seen;
  for (const TemplateItem& t : project.templates) {
    if (!used.contains(t.id) || (onlyTemplate != kAll && t.id != onlyTemplate)) continue;
    for (const TemplateVariable& v : t.variables)
      for (const TemplateValue& value : v.values) {
        const QString key = v.name + kSeparator + value.value;
        if (seen.contains(key)) continue;
        seen.insert(key);
        items.push_back({tr("%1: %2").arg(BatchText::variableLabel(v), BatchText::valueLabel(value)), key});
      }
  }
  value_->setEnabled(!items.isEmpty());
  return refill(value_, tr("All values"), items, QString());
}

bool ReviewFilters::passes(const ImageItem& image) const {
  const int status = status_->currentData().toInt();
  if (status != kAll && static_cast<int>(image.review) != status) return false;
  const qint64 t = template_->currentData().toLongLong();
  if (t != kAll && image.templateId != t) return false;
  const qint64 p = product_->currentData().toLongLong();
  if (p != kAll && image.productId != p) return false;
  const QString value = value_->currentData().toString();
  if (!value.isEmpty()) {
    const QString name = value.section(kSeparator, 0, 0);
    if (image.values.value(name) != value.section(kSeparator, 1)) return false;
  }
  return true;
}

bool ReviewFilters::active() const {
  return status_->currentIndex() > 0 || template_->currentIndex() > 0 || product_->currentIndex() > 0 ||
         value_->currentIndex() > 0;
}

void ReviewFilters::clear() {
  for (QComboBox* box : {status_, template_, product_, value_}) {
    const QSignalBlocker block(box);
    box->setCurrentIndex(0);
  }
  clear_->setEnabled(false);
}

bool ReviewFilters::choose(QComboBox* box, const QVariant& data) {
  const int i = box->findData(data);
  if (i < 0) return false;
  box->setCurrentIndex(i);
  Q_EMIT box->activated(i);
  return true;
}

}  // namespace rashisa::ui
