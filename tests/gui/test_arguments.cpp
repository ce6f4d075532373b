// The window's command line: Rashisa's own options next to the ones Qt reads itself
// (-platform, -style, -reverse), and --lang.
#include "app/gui/language.h"
#include "app/gui/qt_options.h"
#include "tests/gui/gui_test_main.h"

#include <QProcess>
#include <QTest>

using rashisa::ui::languageArgument;
using rashisa::ui::withoutQtWindowOptions;

class TestArguments : public QObject {
  Q_OBJECT

  static QStringList args(const char* line) {
    return QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
  }

  /// Runs the built program with `arguments`; its exit code and what it printed.
  static std::pair<int, QString> run(const QStringList& arguments) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(RASHISA_GUI_PROGRAM), arguments);
    if (!p.waitForFinished(30000)) return {-1, QStringLiteral("did not finish")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
  }

 private Q_SLOTS:
  void qtOptionsAndTheirValuesAreLeftToQt() {
    QCOMPARE(withoutQtWindowOptions(args("rashisa -platform offscreen a.rashisa")), args("rashisa a.rashisa"));
    QCOMPARE(withoutQtWindowOptions(args("rashisa --style fusion -reverse --lang ja")), args("rashisa --lang ja"));
    QCOMPARE(withoutQtWindowOptions(args("rashisa -style=fusion -qwindowgeometry 800x600 --demo")),
             args("rashisa --demo"));
    QCOMPARE(withoutQtWindowOptions(args("rashisa -qmljsdebugger=port:1234 -widgetcount")), args("rashisa"));
  }

  void rashisasOwnOptionsAndFilesAreKept() {
    QCOMPARE(withoutQtWindowOptions(args("rashisa --lang en --help")), args("rashisa --lang en --help"));
    QCOMPARE(withoutQtWindowOptions(args("rashisa --unknown x.rashisa")), args("rashisa --unknown x.rashisa"));
    // After "--" everything is a file, even a name that looks like a Qt option.
    QCOMPARE(withoutQtWindowOptions(args("rashisa -- -reverse")), args("rashisa -- -reverse"));
    QCOMPARE(withoutQtWindowOptions(args("-platform")), args("-platform"));  // the program itself
  }

  void theLanguageArgument() {
    QCOMPARE(languageArgument(args("rashisa --lang ja")), QStringLiteral("ja"));
    QCOMPARE(languageArgument(args("rashisa --lang=en")), QStringLiteral("en"));
    QCOMPARE(languageArgument(args("rashisa x.rashisa")), QString());
  }

  void theProgramAcceptsQtsOptions() {
    const auto [code, output] = run(args("-platform offscreen -reverse --version"));
    QCOMPARE(code, 0);
    QVERIFY2(output.contains(QStringLiteral(RASHISA_VERSION)), qPrintable(output));
  }

  void anUnknownOptionIsStillAnError() {
    const auto [code, output] = run(args("--no-such-option"));
    QCOMPARE(code, 2);
    QVERIFY2(output.contains(QStringLiteral("no-such-option")), qPrintable(output));
  }
};

RASHISA_GUI_TEST_MAIN(TestArguments)
#include "test_arguments.moc"
