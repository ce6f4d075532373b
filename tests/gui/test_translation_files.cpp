// The translation files: every Japanese entry finished and not empty, the same %1..%99
// placeholders as its source (and %n in every plural form), nothing obsolete, no English left
// where Japanese belongs; the English file has both plural forms of every %n text.
#include "tests/gui/ts_file.h"

#include <QRegularExpression>
#include <QTest>

using namespace rashisa::testing;

namespace {

QList<TsMessage> load(const char* variable) {
  const QString path = qEnvironmentVariable(variable);
  if (path.isEmpty()) qFatal("%s is not set", variable);
  return readTsFile(path);
}

QString where(const TsMessage& m) { return m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"'); }

}  // namespace

class TestTranslationFiles : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void japaneseIsComplete() {
    const auto messages = load("RASHISA_TS_JA");
    QVERIFY(messages.size() > 300);
    QStringList problems;
    for (const TsMessage& m : messages) {
      if (!m.type.isEmpty()) problems << where(m) + QStringLiteral(" is ") + m.type;
      if (m.translations.isEmpty() || m.translations.front().trimmed().isEmpty())
        problems << where(m) + QStringLiteral(" has no translation");
      for (const QString& t : m.translations) {
        if (placeholders(t) != placeholders(m.source))
          problems << where(m) + QStringLiteral(": placeholders differ in \"") + t + QLatin1Char('"');
        if (m.numerus && !t.contains(QLatin1String("%n")))
          problems << where(m) + QStringLiteral(": the plural form lacks %n");
        // Product and format names (DPM++ 2M Karras, "%1 × %2 px") stay as they are; a sentence
        // with ordinary English words does not.
        static const QRegularExpression word(QStringLiteral("\\b[a-z]{4,}\\b"));
        static const QRegularExpression filePatterns(QStringLiteral("\\(\\*[^)]*\\)"));
        if (t == m.source && word.match(QString(m.source).remove(filePatterns)).hasMatch())
          problems << where(m) + QStringLiteral(" is left in English");
      }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  void englishHasBothPluralForms() {
    const auto messages = load("RASHISA_TS_EN");
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const TsMessage& m : messages) {
      if (!m.numerus) problems << where(m) + QStringLiteral(" is not a plural text");
      if (!m.type.isEmpty()) problems << where(m) + QStringLiteral(" is ") + m.type;
      if (m.translations.size() != 2) problems << where(m) + QStringLiteral(" needs two forms");
      for (const QString& t : m.translations)
        if (!t.contains(QLatin1String("%n")) || placeholders(t) != placeholders(m.source))
          problems << where(m) + QStringLiteral(": \"") + t + QLatin1Char('"');
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  void placeholdersAreCheckedForReal() {
    QCOMPARE(placeholders(QStringLiteral("%2 of %1, %1 again, 100%")), (QStringList{QStringLiteral("%1"), QStringLiteral("%2")}));
    QVERIFY(placeholders(QStringLiteral("残り%1")) != placeholders(QStringLiteral("%1 / %2 steps")));
  }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "test_translation_files.moc"
