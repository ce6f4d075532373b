// The Learn page's free-space warning before training, on the fake engine: hidden while there is
// room, shown (naming both amounts and the folder, Start still enabled) when the project's folder
// has less free space than the product's checkpoints need, asked again when the memory setting
// changes, and quietly hidden when the check itself fails.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/text/format.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

int spaceChecks(GuiFixture& f) { return f.state->callNames().count(QStringLiteral("freeSpace")); }

}  // namespace

class TestLearnSpace : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void noWarningWhileThereIsRoom() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    QVERIFY(f.waitIdle());
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QVERIFY(spaceChecks(f) >= 1);
    QVERIFY(!setup->spaceWarning()->isVisibleTo(setup));
    QVERIFY(setup->startButton()->isEnabled());
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void warnsWhenTheFolderIsShortButStillStarts() {
    GuiFixture f;
    f.state->script.spaceAvailable = qint64(5) << 30;
    f.state->script.spaceNeeded = qint64(31) << 30;
    const QString project = f.path(QStringLiteral("p.rashisa"));
    f.openFakeProject(photosProject(project, f.modelPath));
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QVERIFY(f.waitFor([&] { return setup->spaceWarning()->isVisibleTo(setup); }));
    const QString text = setup->spaceWarning()->text();
    QVERIFY2(text.contains(QDir::toNativeSeparators(QFileInfo(project).absolutePath())), qPrintable(text));
    QVERIFY2(text.contains(Format::bytes(qint64(5) << 30)), qPrintable(text));
    QVERIFY2(text.contains(Format::bytes(qint64(31) << 30)), qPrintable(text));
    QVERIFY(setup->startButton()->isEnabled());  // a warning: the user may have freed space meanwhile
  }

  void anotherMemorySettingChecksAgain() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    QVERIFY(f.waitIdle());
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    const int before = spaceChecks(f);
    setup->refresh();  // nothing changed: no new check
    QVERIFY(f.waitIdle());
    QCOMPARE(spaceChecks(f), before);
    QComboBox* plan = nullptr;
    for (QComboBox* box : setup->findChildren<QComboBox*>())
      if (box->findData(QStringLiteral("8gb")) >= 0) plan = box;
    QVERIFY(plan && plan->count() > 1);
    f.state->script.spaceAvailable = qint64(1) << 30;
    plan->setCurrentIndex((plan->currentIndex() + 1) % plan->count());
    QVERIFY(f.waitIdle());
    QCOMPARE(spaceChecks(f), before + 1);
    QVERIFY(setup->spaceWarning()->isVisibleTo(setup));
  }

  void aFailedCheckShowsNothing() {
    GuiFixture f;
    f.state->script.spaceAvailable = qint64(1) << 30;
    f.state->script.failNext = QStringLiteral("freeSpace");
    f.state->script.failCode = QStringLiteral("file-read");
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    QVERIFY(f.waitIdle());
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QVERIFY(spaceChecks(f) >= 1);
    QVERIFY(!setup->spaceWarning()->isVisibleTo(setup));
    QVERIFY(f.window->learnPage()->messageBar().notice().title.isEmpty());
  }
};

RASHISA_GUI_TEST_MAIN(TestLearnSpace)
#include "test_learn_space.moc"
