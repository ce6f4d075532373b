// Two programs on one project (issue 15 item 5), the window's side on the fake engine: opening a
// project another program has open for changes names the holder and offers to open it
// read-only; then every page says so, every page's change buttons are disabled (the Learn page's
// start button with the full reason), changes are refused before they reach the engine, and "Open again" opens it for changes once
// the other program has let go. Declining opens nothing.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/pages/export_page.h"
#include "ui/pages/findings_panel.h"
#include "ui/pages/generate_page.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/page.h"
#include "ui/pages/photos_page.h"
#include "ui/pages/review_page.h"
#include "ui/pages/templates_page.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

const PageId kPages[] = {PageId::Start, PageId::Photos, PageId::Learn, PageId::Templates,
                         PageId::Generate, PageId::Review, PageId::Export};

ProjectHolder cliHolder() {
  return {QStringLiteral("rashisa-cli"), QStringLiteral("kojo-pc"), QStringLiteral("sato"), 4321,
          QDateTime(QDate(2026, 12, 2), QTime(9, 41), Qt::UTC)};
}

}  // namespace

class TestReadOnly : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void heldProjectOpensReadOnlyAndRefusesChanges() {
    GuiFixture f;
    const QString path = f.path(QStringLiteral("p.rashisa"));
    f.state->holders.insert(path, cliHolder());
    f.openFakeProject(photosProject(path, f.modelPath));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.dialogs.questions.size(), 1);
    const QString asked = f.dialogs.questionTexts.value(0);
    for (const char* part : {"rashisa-cli", "kojo-pc", "sato"})
      QVERIFY2(asked.contains(QLatin1String(part)), qPrintable(asked));
    QVERIFY(f.controller->hasProject());
    QVERIFY(f.controller->isReadOnly());
    QVERIFY(f.state->callNames().contains(QStringLiteral("openProjectReadOnly")));

    for (PageId id : kPages) {
      Page* page = f.window->page(id);
      QVERIFY(page->readOnlyBar()->isVisibleTo(page));
      QVERIFY2(page->readOnlyBar()->notice().text.contains(QLatin1String("kojo-pc")),
               qPrintable(page->readOnlyBar()->notice().text));
    }
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QVERIFY(!setup->startButton()->isEnabled());
    QCOMPARE(setup->blockedReason()->text(), f.controller->readOnlyReason());
    // The other pages: what would change the project is disabled; looking around is not.
    PhotosPage* photos = f.window->photosPage();
    QVERIFY(!photos->addFilesButton()->isEnabled());
    QVERIFY(!photos->nameEdit()->isEnabled());
    int findingButtons = 0;
    for (QPushButton* b : photos->findings()->findChildren<QPushButton*>()) {
      if (b->text() == QLatin1String("Show")) continue;
      ++findingButtons;
      QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
    }
    QVERIFY(findingButtons > 0);
    TemplatesPage* templates = f.window->templatesPage();
    for (QPushButton* b : {templates->newButton(), templates->importButton(), templates->duplicateButton(),
                           templates->removeButton(), templates->saveButton()})
      QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
    GeneratePage* generate = f.window->generatePage();
    QVERIFY(!generate->startButton()->isEnabled());
    QCOMPARE(generate->startReason()->text(), f.controller->readOnlyNote());
    QVERIFY(!f.window->reviewPage()->approveButton()->isEnabled());
    ExportPage* exportPage = f.window->exportPage();
    QVERIFY(!exportPage->exportButton()->isEnabled());
    QCOMPARE(exportPage->reasonLabel()->text(), f.controller->readOnlyNote());

    QSignalSpy notices(f.controller.get(), &AppController::notice);
    f.controller->importPhotos(f.makePhotos(QStringLiteral("more"), {QStringLiteral("a.jpg")}));
    f.controller->removePhotos({f.controller->project().photos.value(0).id});
    f.controller->saveTemplate(FakeEngine::catalogue().value(0));
    f.controller->chooseModel(f.modelPath);
    QVERIFY(f.waitIdle());
    QCOMPARE(notices.size(), 4);
    for (const char* change : {"importPhotos", "removePhotos", "saveTemplate", "setProjectModel"})
      QVERIFY2(!f.state->callNames().contains(QLatin1String(change)), change);

    // The other program lets go: "Open again" opens the project for changes.
    f.state->holders.remove(path);
    f.window->page(PageId::Photos)->readOnlyBar()->notice().action();
    QVERIFY(f.waitFor([&] { return !f.controller->isReadOnly() && f.controller->hasProject(); }));
    for (PageId id : kPages) QVERIFY(!f.window->page(id)->readOnlyBar()->isVisibleTo(f.window->page(id)));
    QVERIFY(photos->addFilesButton()->isEnabled());
    QVERIFY(photos->nameEdit()->isEnabled());
    QVERIFY(templates->newButton()->isEnabled());
    QVERIFY(generate->startReason()->text() != f.controller->readOnlyNote());
    QVERIFY(exportPage->reasonLabel()->text() != f.controller->readOnlyNote());
    QCOMPARE(f.dialogs.questions.size(), 1);
  }

  void decliningOpensNothing() {
    GuiFixture f;
    const QString path = f.path(QStringLiteral("p.rashisa"));
    f.state->holders.insert(path, cliHolder());
    f.dialogs.answer = false;
    f.openFakeProject(photosProject(path, f.modelPath));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.dialogs.questions.size(), 1);
    QVERIFY(!f.controller->hasProject());
    QVERIFY(!f.state->callNames().contains(QStringLiteral("openProjectReadOnly")));
  }
};

RASHISA_GUI_TEST_MAIN(TestReadOnly)
#include "test_read_only.moc"
