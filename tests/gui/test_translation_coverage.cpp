// Every text the window shows goes through tr(): with a marker translation (every entry becomes
// "⟦source⟧") no visible text of any page state may carry letters outside the markers, except
// data (file, product and model names). And with the real Japanese translation, no page shows an
// English text of Rashisa's (which would mean a missing or mismatched translation context).
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "tests/gui/ts_file.h"
#include "tests/gui/ui_states.h"
#include "tests/gui/widget_audit.h"

#include <QRegularExpression>
#include <QTest>

using namespace rashisa::testing;

namespace {

/// `text` without everything inside ⟦ ⟧ (nested markers count).
QString outsideMarkers(const QString& text) {
  QString out;
  int depth = 0;
  for (const QChar c : text) {
    if (c == QChar(0x27E6)) ++depth;
    else if (c == QChar(0x27E7)) depth = std::max(0, depth - 1);
    else if (depth == 0) out += c;
  }
  return out;
}

bool isData(const QString& text, const QStringList& data) {
  static const QRegularExpression fileName(QStringLiteral("^[\\w\\-. ]+\\.[A-Za-z]{2,8}$"));
  const QString t = text.trimmed();
  return data.contains(t) || fileName.match(t).hasMatch() || t.startsWith(QLatin1Char('/'));
}

QString withoutData(QString text, const QStringList& data) {
  for (const QString& d : data) text.remove(d);
  static const QRegularExpression paths(QStringLiteral("(/[^\\s]+)+"));
  text.remove(paths);
  static const QRegularExpression files(QStringLiteral("[\\w\\-]+\\.(jpg|png|pdf|txt|HEIC|rashisa|safetensors)"));
  text.remove(files);
  return text;
}

bool hasLetters(const QString& text) {
  for (const QChar c : text)
    if (c.isLetter()) return true;
  return false;
}

void addStateRows() {
  QTest::addColumn<int>("state");
  const auto states = uiStates();
  for (int i = 0; i < states.size(); ++i) QTest::newRow(qPrintable(states[i].name)) << i;
}

}  // namespace

class TestTranslationCoverage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyVisibleTextIsTranslatable_data() { addStateRows(); }
  void everyVisibleTextIsTranslatable() {
    QFETCH(int, state);
    const UiState s = uiStates().at(state);
    LanguageScope marker(QStringLiteral("marker"));
    GuiFixture f(s.options);
    s.enter(f);
    const QStringList data = uiStateData();
    QStringList untranslated;
    for (const VisibleText& v : visibleTexts(f.window.get())) {
      if (isData(v.text, data)) continue;
      const QString rest = withoutData(outsideMarkers(v.text), data);
      if (hasLetters(rest)) untranslated << QStringLiteral("%1 %2: \"%3\"").arg(v.where, v.what, v.text);
    }
    if (s.leave) s.leave(f);
    untranslated.removeDuplicates();
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
  }

  void japanesePagesShowNoEnglish_data() { addStateRows(); }
  void japanesePagesShowNoEnglish() {
    QFETCH(int, state);
    const UiState s = uiStates().at(state);
    // Sources whose every translation differs from them (a language's own name, such as
    // "English", stays as it is in some places and is not English text on a Japanese page).
    QSet<QString> sources, kept;
    for (const TsMessage& m : readTsFile(qEnvironmentVariable("RASHISA_TS_JA")))
      (m.translations.value(0) != m.source ? sources : kept).insert(m.source);
    sources.subtract(kept);
    LanguageScope japanese(QStringLiteral("ja"));
    GuiFixture f(s.options);
    s.enter(f);
    const QStringList data = uiStateData();
    static const QRegularExpression englishRun(QStringLiteral("\\b[A-Za-z]{2,}\\b(\\s+[A-Za-z]{2,}\\b){2,}"));
    QStringList english;
    for (const VisibleText& v : visibleTexts(f.window.get())) {
      if (isData(v.text, data)) continue;
      const QString rest = withoutData(v.text, data);
      if (sources.contains(v.text.trimmed()) || englishRun.match(rest).hasMatch())
        english << QStringLiteral("%1 %2: \"%3\"").arg(v.where, v.what, v.text);
    }
    if (s.leave) s.leave(f);
    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
  }
};

RASHISA_GUI_TEST_MAIN(TestTranslationCoverage)
#include "test_translation_coverage.moc"
