// Renders every page state of the window at 1280x800, in Japanese and in English, to PNG files
// in the build folder (screenshots/<lang>/<state>.png), and fails when a label or button is
// too small for its text. Look at the pictures after every change to a page.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "tests/gui/translations.h"
#include "tests/gui/ui_states.h"
#include "tests/gui/widget_audit.h"

#include <QDialog>
#include <QDir>
#include <QPainter>
#include <QTest>

using namespace rashisa::testing;

namespace {

/// The window as a user sees it: dialogs open over it (the first-start wizard, the Preferences)
/// are drawn centred on it, framed, over a slightly dimmed window.
QImage withDialogs(QWidget* window) {
  QImage shot = window->grab().toImage();
  QPainter p(&shot);
  for (QDialog* d : window->findChildren<QDialog*>()) {
    if (!d->isVisible() || !d->isWindow()) continue;
    p.fillRect(shot.rect(), QColor(0, 0, 0, 50));
    const QPixmap dialog = d->grab();
    const QRect at(QPoint((shot.width() - dialog.width()) / 2, (shot.height() - dialog.height()) / 2), dialog.size());
    p.drawPixmap(at.topLeft(), dialog);
    p.setPen(QColor(0x8a, 0x90, 0x99));
    p.drawRect(at.adjusted(-1, -1, 0, 0));
  }
  return shot;
}

}  // namespace

class TestScreenshots : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void pages_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("state");
    const auto states = uiStates();
    for (const QString& lang : {QStringLiteral("ja"), QStringLiteral("en")})
      for (int i = 0; i < states.size(); ++i)
        QTest::newRow(qPrintable(lang + QLatin1Char('/') + states[i].name)) << lang << i;
  }

  void pages() {
    QFETCH(QString, language);
    QFETCH(int, state);
    const UiState s = uiStates().at(state);
    LanguageScope scope(language);
    GuiFixture f(s.options);
    s.enter(f);
    f.window->resize(1280, 800);
    for (int i = 0; i < 10; ++i) QCoreApplication::processEvents();
    const QImage shot = withDialogs(f.window.get());
    const QString dir = qEnvironmentVariable("RASHISA_SCREENSHOT_DIR", QStringLiteral("screenshots")) +
                        QLatin1Char('/') + language;
    QDir().mkpath(dir);
    QVERIFY(shot.save(dir + QLatin1Char('/') + s.name + QStringLiteral(".png")));
    // A half-size copy for documents (README's picture is one of these, copied to resources/screenshots).
    QDir().mkpath(dir + QStringLiteral("/small"));
    QVERIFY(shot.scaledToWidth(shot.width() / 2, Qt::SmoothTransformation)
                .save(dir + QStringLiteral("/small/") + s.name + QStringLiteral(".png")));
    const QStringList clipped = clippedTexts(f.window.get());
    if (s.leave) s.leave(f);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
  }
};

RASHISA_GUI_TEST_MAIN(TestScreenshots)
#include "test_screenshots.moc"
