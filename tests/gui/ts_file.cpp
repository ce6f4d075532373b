#include "tests/gui/ts_file.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <stdexcept>

namespace rashisa::testing {

QList<TsMessage> readTsFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path.toStdString());
  QXmlStreamReader xml(&file);
  QList<TsMessage> out;
  QString context;
  TsMessage current;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      const auto name = xml.name();
      if (name == QLatin1String("name")) {
        context = xml.readElementText();
      } else if (name == QLatin1String("message")) {
        current = TsMessage{};
        current.context = context;
        current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
      } else if (name == QLatin1String("source")) {
        current.source = xml.readElementText();
      } else if (name == QLatin1String("translation")) {
        current.type = xml.attributes().value(QLatin1String("type")).toString();
        if (!current.numerus) current.translations.push_back(xml.readElementText());
      } else if (name == QLatin1String("numerusform")) {
        current.translations.push_back(xml.readElementText());
      }
    } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
      out.push_back(current);
    }
  }
  if (xml.hasError()) throw std::runtime_error(path.toStdString() + ": " + xml.errorString().toStdString());
  return out;
}

QStringList placeholders(const QString& text) {
  static const QRegularExpression re(QStringLiteral("%(\\d{1,2})"));
  QStringList out;
  for (auto it = re.globalMatch(text); it.hasNext();) {
    const QString p = it.next().captured(0);
    if (!out.contains(p)) out.push_back(p);
  }
  out.sort();
  return out;
}

}  // namespace rashisa::testing
