// The demo on the fake engine: "Try the demo" (Start page, first-start wizard) and --demo's
// controller call make the demo project on the worker, with progress in the job bar, and open
// it; an existing demo is opened, never made again; the demo model's notice is on every page
// (and nowhere else) and its button chooses a model; the Learn page takes the demo's numbers.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "tests/gui/ui_states.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/page.h"
#include "ui/pages/start_page.h"
#include "ui/text/format.h"
#include "ui/widgets/demo_offer.h"
#include "ui/window/first_start_pages.h"
#include "ui/window/first_start_wizard.h"
#include "ui/window/job_bar.h"

#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

constexpr GuiOptions kNoModel{true, true, false};
constexpr GuiOptions kCpuNoModel{true, false, false};
const QList<PageId> kPages = {PageId::Start,    PageId::Photos, PageId::Learn, PageId::Templates,
                              PageId::Generate, PageId::Review, PageId::Export};

/// The pages whose demo notice is shown.
QList<PageId> pagesWithNotice(GuiFixture& f) {
  QList<PageId> out;
  for (PageId id : kPages)
    if (!f.window->page(id)->demoBar()->isHidden()) out.push_back(id);
  return out;
}

QPushButton* buttonWithText(QWidget* root, const QString& text) {
  for (QPushButton* b : root->findChildren<QPushButton*>())
    if (b->text() == text && !b->isHidden()) return b;
  return nullptr;
}

}  // namespace

class TestDemo : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void theStartPageOffersTheDemoOnlyWithoutAModel() {
    {
      GuiFixture f(kNoModel);
      f.window->show();
      QVERIFY(!f.window->startPage()->demoOffer()->isHidden());
      QCOMPARE(f.window->startPage()->demoOffer()->button()->text(), QStringLiteral("Try the demo"));
    }
    GuiFixture f;  // a base model is chosen: no offer
    f.window->show();
    QVERIFY(f.window->startPage()->demoOffer()->isHidden());
  }

  void tryTheDemoMakesItOnTheWorkerAndOpensIt() {
    GuiFixture f(kNoModel);
    f.window->show();
    QSignalSpy progress(&f.controller->jobs(), &JobRunner::progress);
    f.window->startPage()->demoOffer()->button()->click();
    QVERIFY(f.controller->isOpeningDemo());
    QVERIFY(!f.window->startPage()->demoOffer()->button()->isEnabled());  // no second press meanwhile
    QVERIFY(f.waitIdle());
    QCOMPARE(f.state->demosMade, 1);
    QVERIFY(f.controller->hasProject());
    QCOMPARE(f.controller->project().path,
             QDir(AppController::demoFolder()).filePath(QStringLiteral("demo.rashisa")));
    QVERIFY(AppController::demoFolder().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(f.controller->usesDemoModel());
    QVERIFY(!f.controller->isOpeningDemo());
    // Made and opened on the worker thread, never on the GUI thread.
    QThread* worker = f.state->workerThread();
    QVERIFY(worker && worker != QThread::currentThread());
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    const QStringList calls = f.state->callNames();
    QVERIFY(calls.indexOf(QStringLiteral("makeDemoProject")) >= 0);
    QVERIFY(calls.indexOf(QStringLiteral("openProject")) > calls.indexOf(QStringLiteral("makeDemoProject")));
    // The job bar heard the demo's progress.
    QStringList stages;
    for (const auto& args : progress) stages << args.at(1).value<JobProgress>().stage;
    QVERIFY2(stages.contains(QStringLiteral("model")) && stages.contains(QStringLiteral("photos")),
             qPrintable(stages.join(QLatin1Char(','))));
    QCOMPARE(f.controller->project().draftName, QStringLiteral("Demo mug"));
  }

  void theJobBarSaysWhatTheDemoIsMaking() {
    GuiFixture f(kNoModel);
    f.window->show();
    QStringList details;
    // Connected after the job bar: it has shown each progress when this runs.
    QObject::connect(&f.controller->jobs(), &JobRunner::progress, f.window.get(), [&] {
      for (QLabel* l : f.window->jobBar()->findChildren<QLabel*>()) details << l->text();
    });
    f.controller->openDemo(f.path(QStringLiteral("demo")));
    QVERIFY(f.waitIdle());
    QVERIFY2(details.contains(QStringLiteral("Making the demo model")) ||
                 details.contains(QStringLiteral("Drawing demo photo 8 of 8")),
             qPrintable(details.join(QLatin1Char('|'))));
  }

  void anExistingDemoIsOpenedNotMadeAgain() {
    GuiFixture f(kNoModel);
    const QString folder = f.path(QStringLiteral("demo"));
    const QString path = QDir(folder).filePath(QStringLiteral("demo.rashisa"));
    FakeProject existing = demoProject(path, QDir(folder).filePath(QStringLiteral("demo-model")), QStringLiteral("Demo mug"));
    existing.snapshot.draftName = QStringLiteral("My own try");  // what the user changed in it
    f.state->projects.insert(path, existing);
    f.controller->openDemo(folder);
    QVERIFY(f.waitIdle());
    QCOMPARE(f.state->demosMade, 0);
    QCOMPARE(f.controller->project().path, path);
    QCOMPARE(f.controller->project().draftName, QStringLiteral("My own try"));
    // Asked again later: still the same project, still nothing made.
    f.controller->openDemo(folder);
    QVERIFY(f.waitIdle());
    QCOMPARE(f.state->demosMade, 0);
    QCOMPARE(f.controller->project().draftName, QStringLiteral("My own try"));
  }

  void theWizardOffersTheDemoWithoutAModel() {
    GuiFixture f(kNoModel);
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::ModelPage);
    DemoOffer* offer = w->modelPage()->demoOffer();
    QVERIFY(!offer->isHidden());
    QPointer<FirstStartWizard> wizard(w);
    offer->button()->click();
    QVERIFY(f.waitIdle());
    QVERIFY(!wizard || !wizard->isVisible());
    QCOMPARE(f.state->demosMade, 1);
    QVERIFY(f.controller->usesDemoModel());
  }

  void theWizardDoesNotOfferTheDemoWithAModel() {
    GuiFixture f;
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::ModelPage);
    QVERIFY(w->modelPage()->demoOffer()->isHidden());
  }

  void theDemoNoticeIsOnEveryPageWithTheDemoModelOnly() {
    GuiFixture f(kNoModel);
    f.window->show();
    QVERIFY(pagesWithNotice(f).isEmpty());
    f.controller->openDemo(f.path(QStringLiteral("demo")));
    QVERIFY(f.waitIdle());
    QCOMPARE(pagesWithNotice(f), kPages);
    for (PageId id : kPages) {
      const Notice& n = f.window->page(id)->demoBar()->notice();
      QCOMPARE(n.level, MessageLevel::Info);
      QVERIFY(!n.closable);
      QVERIFY(n.title.contains(QStringLiteral("abstract patterns")));
      QVERIFY(n.text.contains(QStringLiteral("Stable Diffusion 1.5 or 2.1")));
      f.window->showPage(id);
      QCoreApplication::processEvents();
      QVERIFY(f.window->page(id)->demoBar()->isVisible());
    }
    // Another project with a real model: no notice anywhere.
    f.openFakeProject(photosProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
    QVERIFY(pagesWithNotice(f).isEmpty());
  }

  void theNoticeButtonChoosesAModel() {
    GuiFixture f(kNoModel);
    f.window->show();
    f.controller->openDemo(f.path(QStringLiteral("demo")));
    QVERIFY(f.waitIdle());
    f.window->showPage(PageId::Review);
    f.dialogs.model = f.modelPath;
    QPushButton* choose = buttonWithText(f.window->page(PageId::Review)->demoBar(), QStringLiteral("Choose a model…"));
    QVERIFY(choose);
    choose->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(f.controller->project().modelPath, f.modelPath);  // the project's base model now
    QVERIFY(!f.controller->usesDemoModel());
    QVERIFY(pagesWithNotice(f).isEmpty());
  }

  void theLearnPageTakesTheDemoNumbers() {
    GuiFixture f(kCpuNoModel);
    f.window->show();
    // A speed remembered for the demo model on this CPU at 128 px: the estimates use it.
    f.settings->setTrainingSpeed(QStringLiteral("demo"), {{0.5, 0.5, 0.5}, QStringLiteral("CPU (2 threads)"),
                                                          QStringLiteral("CPU (2 threads)"), 128});
    f.controller->openDemo(f.path(QStringLiteral("demo")));
    QVERIFY(f.waitIdle());
    f.window->showPage(PageId::Learn);
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QCOMPARE(setup->resolutionBox()->value(), 128);
    QCOMPARE(setup->stepsBox(1)->value(), 20);
    QCOMPARE(setup->stepsBox(2)->value(), 30);
    QCOMPARE(setup->stepsBox(3)->value(), 60);
    QCOMPARE(setup->previewEveryBox()->value(), 0);
    QVERIFY(!setup->demoNote()->isHidden());
    const QString expected = Format::duration((20 + 30 + 60) * 2 * 0.5);
    QVERIFY2(setup->estimateLabel(QStringLiteral("default"))->text().contains(expected),
             qPrintable(setup->estimateLabel(QStringLiteral("default"))->text()));
    QVERIFY(setup->startButton()->isEnabled());
    setup->startButton()->click();
    QVERIFY(f.waitIdle());
    // The CPU confirmation, with the time of these numbers.
    QCOMPARE(f.dialogs.questions, QStringList{QStringLiteral("Train on the CPU?")});
    QVERIFY2(f.dialogs.questionTexts.value(0).contains(expected), qPrintable(f.dialogs.questionTexts.value(0)));
    const Product* p = f.controller->product();
    QVERIFY(p);
    QCOMPARE(p->resolution, 128);
    for (int k = 0; k < 3; ++k) {
      QCOMPARE(p->stages[k].steps, (std::array<int, 3>{20, 30, 60}[k]));
      QCOMPARE(p->stages[k].batch, 2);
    }
    // Another project: the usual numbers again.
    f.openFakeProject(photosProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
    QCOMPARE(setup->resolutionBox()->value(), 512);
    QCOMPARE(setup->stepsBox(3)->value(), 500);
    QVERIFY(setup->demoNote()->isHidden());
  }

  void withoutAKnownSpeedTheCpuQuestionSaysMinutesForTheDemo() {
    GuiFixture f(kCpuNoModel);
    f.window->show();
    f.controller->openDemo(f.path(QStringLiteral("demo")));
    QVERIFY(f.waitIdle());
    f.dialogs.answer = false;
    f.window->learnPage()->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    QVERIFY2(f.dialogs.questionTexts.value(0).contains(QStringLiteral("a few minutes")),
             qPrintable(f.dialogs.questionTexts.value(0)));
    QVERIFY(f.controller->project().products.isEmpty());
  }
};

RASHISA_GUI_TEST_MAIN(TestDemo)
#include "test_demo.moc"
