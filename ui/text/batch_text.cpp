#include "ui/text/batch_text.h"

#include <QDateTime>
#include <QLocale>

namespace rashisa::ui {

namespace {

QString either(bool first, const QString& a, const QString& b, const QString& fallback) {
  const QString chosen = first ? a : b;
  if (!chosen.isEmpty()) return chosen;
  const QString other = first ? b : a;
  return other.isEmpty() ? fallback : other;
}

}  // namespace

QString BatchText::planProblem(const BatchPlan& plan) {
  const QString& code = plan.problemCode;
  if (code.isEmpty()) return {};
  if (code == QLatin1String("over-cap"))
    return tr("This batch would make %n image(s), more than the %1 one batch may make. Choose fewer templates or "
              "images per prompt, or make it in parts.",
              nullptr, static_cast<int>(plan.images))
        .arg(plan.cap);
  if (code == QLatin1String("no-product") || code == QLatin1String("no-trained-product") ||
      code == QLatin1String("untrained-product"))
    return tr("Choose at least one trained product.");
  if (code == QLatin1String("no-template") || code == QLatin1String("unknown-template"))
    return tr("Choose at least one template.");
  if (code == QLatin1String("bad-override") || code == QLatin1String("invalid-argument"))
    return tr("One of the advanced settings cannot be used. Check the steps, guidance, sampler and size.");
  return tr("This batch cannot be made as chosen. Change the choices and try again.");
}

QString BatchText::reviewState(ReviewState state) {
  switch (state) {
    case ReviewState::New: return tr("Not reviewed");
    case ReviewState::Approved: return tr("Approved");
    case ReviewState::Rejected: return tr("Rejected");
  }
  return {};
}

QStringList BatchText::samplers() {
  return {QStringLiteral("dpmpp-2m"), QStringLiteral("dpmpp-2m-karras"), QStringLiteral("euler"),
          QStringLiteral("ddim"), QStringLiteral("pndm")};
}

QString BatchText::samplerName(const QString& sampler) {
  if (sampler == QLatin1String("dpmpp-2m")) return tr("DPM++ 2M");
  if (sampler == QLatin1String("dpmpp-2m-karras")) return tr("DPM++ 2M Karras");
  if (sampler == QLatin1String("euler")) return tr("Euler");
  if (sampler == QLatin1String("ddim")) return tr("DDIM");
  if (sampler == QLatin1String("pndm")) return tr("PNDM");
  return sampler;
}

QString BatchText::imageTip(const ImageItem& image) {
  return tr("%1 · seed %2 · %3").arg(image.templateLabel).arg(image.seed).arg(reviewState(image.review));
}

QString BatchText::dateTime(const QString& iso) {
  const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
  if (!t.isValid()) return iso;
  // Digits only: the same in every language, and no "AM"/"PM" to translate.
  return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

bool BatchText::japanese() { return QLocale().language() == QLocale::Japanese; }

QString BatchText::templateLabel(const TemplateItem& item) {
  return either(japanese(), item.labelJa, item.labelEn, item.key);
}

QString BatchText::variableLabel(const TemplateVariable& variable) {
  return either(japanese(), variable.labelJa, variable.labelEn, variable.name);
}

QString BatchText::valueLabel(const TemplateValue& value) {
  return either(japanese(), value.labelJa, value.labelEn, value.value);
}

ImageItem BatchText::labelled(const ImageItem& image, const QList<TemplateItem>& templates) {
  ImageItem out = image;
  for (const TemplateItem& t : templates)
    if (t.id == image.templateId) out.templateLabel = templateLabel(t);
  if (out.templateLabel.isEmpty()) out.templateLabel = image.templateKey;
  return out;
}

}  // namespace rashisa::ui
