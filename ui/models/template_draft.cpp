#include "ui/models/template_draft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rashisa::ui {

namespace {

bool sameValues(const QList<TemplateValue>& a, const QList<TemplateValue>& b) {
  if (a.size() != b.size()) return false;
  for (int i = 0; i < a.size(); ++i)
    if (a[i].value != b[i].value || a[i].labelEn != b[i].labelEn || a[i].labelJa != b[i].labelJa) return false;
  return true;
}

bool sameVariables(const QList<TemplateVariable>& a, const QList<TemplateVariable>& b) {
  if (a.size() != b.size()) return false;
  for (int i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].labelEn != b[i].labelEn || a[i].labelJa != b[i].labelJa ||
        !sameValues(a[i].values, b[i].values))
      return false;
  return true;
}

QJsonObject labelled(const QString& nameKey, const QString& name, const QString& en, const QString& ja) {
  return {{nameKey, name}, {QStringLiteral("labelEn"), en}, {QStringLiteral("labelJa"), ja}};
}

QJsonObject toJson(const TemplateItem& t) {
  QJsonArray variables;
  for (const TemplateVariable& v : t.variables) {
    QJsonArray values;
    for (const TemplateValue& value : v.values)
      values.push_back(labelled(QStringLiteral("value"), value.value, value.labelEn, value.labelJa));
    QJsonObject o = labelled(QStringLiteral("name"), v.name, v.labelEn, v.labelJa);
    o.insert(QStringLiteral("values"), values);
    variables.push_back(o);
  }
  QJsonObject o = labelled(QStringLiteral("key"), t.key, t.labelEn, t.labelJa);
  o.insert(QStringLiteral("id"), QString::number(t.id));
  o.insert(QStringLiteral("prompt"), t.prompt);
  o.insert(QStringLiteral("negativePrompt"), t.negativePrompt);
  o.insert(QStringLiteral("variables"), variables);
  o.insert(QStringLiteral("width"), t.width);
  o.insert(QStringLiteral("height"), t.height);
  o.insert(QStringLiteral("steps"), t.steps);
  o.insert(QStringLiteral("guidance"), t.guidance);
  o.insert(QStringLiteral("sampler"), t.sampler);
  o.insert(QStringLiteral("imagesPerPrompt"), t.imagesPerPrompt);
  o.insert(QStringLiteral("builtin"), t.builtin);
  return o;
}

QString str(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toString(); }

TemplateItem fromJson(const QJsonObject& o) {
  TemplateItem t;
  t.id = str(o, "id").toLongLong();
  t.key = str(o, "key");
  t.labelEn = str(o, "labelEn");
  t.labelJa = str(o, "labelJa");
  t.prompt = str(o, "prompt");
  t.negativePrompt = str(o, "negativePrompt");
  for (const QJsonValue& vv : o.value(QStringLiteral("variables")).toArray()) {
    const QJsonObject v = vv.toObject();
    TemplateVariable variable{str(v, "name"), str(v, "labelEn"), str(v, "labelJa"), {}};
    for (const QJsonValue& xv : v.value(QStringLiteral("values")).toArray()) {
      const QJsonObject x = xv.toObject();
      variable.values.push_back({str(x, "value"), str(x, "labelEn"), str(x, "labelJa")});
    }
    t.variables.push_back(variable);
  }
  t.width = o.value(QStringLiteral("width")).toInt(t.width);
  t.height = o.value(QStringLiteral("height")).toInt(t.height);
  t.steps = o.value(QStringLiteral("steps")).toInt(t.steps);
  t.guidance = o.value(QStringLiteral("guidance")).toDouble(t.guidance);
  t.sampler = o.value(QStringLiteral("sampler")).toString(t.sampler);
  t.imagesPerPrompt = o.value(QStringLiteral("imagesPerPrompt")).toInt(t.imagesPerPrompt);
  t.builtin = o.value(QStringLiteral("builtin")).toBool();
  return t;
}

}  // namespace

bool sameTemplate(const TemplateItem& a, const TemplateItem& b) {
  return a.id == b.id && a.key == b.key && a.labelEn == b.labelEn && a.labelJa == b.labelJa && a.prompt == b.prompt &&
         a.negativePrompt == b.negativePrompt && a.width == b.width && a.height == b.height && a.steps == b.steps &&
         qFuzzyCompare(1.0 + a.guidance, 1.0 + b.guidance) && a.sampler == b.sampler &&
         a.imagesPerPrompt == b.imagesPerPrompt && sameVariables(a.variables, b.variables);
}

qint64 promptCount(const TemplateItem& item, qint64 cap) {
  qint64 n = 1;
  for (const TemplateVariable& v : item.variables) {
    n *= v.values.size();
    if (n > cap) return cap + 1;
  }
  return n;
}

QString uniqueKey(const QString& base, const QStringList& taken) {
  if (!taken.contains(base)) return base;
  for (int i = 2;; ++i) {
    const QString key = base + QLatin1Char('-') + QString::number(i);
    if (!taken.contains(key)) return key;
  }
}

QByteArray draftsToJson(const QList<TemplateItem>& drafts) {
  QJsonArray list;
  for (const TemplateItem& t : drafts) list.push_back(toJson(t));
  return QJsonDocument(QJsonObject{{QStringLiteral("drafts"), list}}).toJson(QJsonDocument::Compact);
}

QList<TemplateItem> draftsFromJson(const QByteArray& json) {
  QList<TemplateItem> out;
  const QJsonDocument doc = QJsonDocument::fromJson(json);
  for (const QJsonValue& v : doc.object().value(QStringLiteral("drafts")).toArray())
    if (v.isObject()) out.push_back(fromJson(v.toObject()));
  return out;
}

}  // namespace rashisa::ui
