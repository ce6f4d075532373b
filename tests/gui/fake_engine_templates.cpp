#include "tests/gui/fake_engine_templates.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rashisa::testing {

FakeProject templatesProject(const QString& path, const QString& modelPath, bool trained, bool examples) {
  FakeProject p = trained ? trainedProject(path, modelPath) : photosProject(path, modelPath);
  for (TemplateItem t : FakeEngine::catalogue()) {
    t.id = p.nextId++;
    if (examples) t.example = FakeEngine::photo(static_cast<int>(70 + t.id), 96);
    p.snapshot.templates.push_back(t);
  }
  return p;
}

void writeTemplateFile(const QString& path, const QList<TemplateItem>& templates) {
  QJsonArray list;
  for (const TemplateItem& t : templates)
    list.push_back(QJsonObject{{QStringLiteral("id"), t.key},
                               {QStringLiteral("label_en"), t.labelEn},
                               {QStringLiteral("label_ja"), t.labelJa},
                               {QStringLiteral("prompt"), t.prompt}});
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
  f.write(QJsonDocument(QJsonObject{{QStringLiteral("templates"), list}}).toJson());
}

TemplateItem gridTemplate(const QString& key, int values, int images) {
  TemplateItem t;
  t.key = key;
  t.labelEn = QStringLiteral("Grid");
  t.prompt = QStringLiteral("a photo of {product}, {a}, {b}");
  for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")}) {
    TemplateVariable v{name, {}, {}, {}};
    for (int i = 0; i < values; ++i) v.values.push_back({QStringLiteral("%1%2").arg(name).arg(i), {}, {}});
    t.variables.push_back(v);
  }
  t.imagesPerPrompt = images;
  return t;
}

}  // namespace rashisa::testing
