// The Learn page in every state, on the fake engine: no model, setup with estimates and the
// speed measurement, a whole training run (stepper, loss chart, previews with heat maps), pause
// and resume, stop and resume, out of memory with its fix, the state after a crash (resume or
// start over), CPU training behind a confirmation, and the try-it box.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/preview_list_model.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/training_panel.h"
#include "ui/pages/try_panel.h"
#include "ui/widgets/loss_chart.h"
#include "ui/widgets/scaled_image.h"
#include "ui/widgets/stage_stepper.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

/// A short run: 3, 4 and 5 steps, previews every 2 steps.
void shortSteps(LearnSetupPanel* setup) {
  setup->stepsBox(1)->setValue(3);
  setup->stepsBox(2)->setValue(4);
  setup->stepsBox(3)->setValue(5);
  setup->previewEveryBox()->setValue(2);
}

QStringList trainCalls(GuiFixture& f) { return f.state->callNames().filter(QStringLiteral("train")); }

}  // namespace

class TestLearnPage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void withoutAModelItAsksForOne() {
    GuiFixture f({true, true, false});
    FakeProject p = photosProject(f.path(QStringLiteral("p.rashisa")), QString());
    p.snapshot.model.reset();
    f.openFakeProject(p);
    LearnPage* page = f.window->learnPage();
    QCOMPARE(page->state(), LearnPage::State::NoModel);
    f.dialogs.model = f.modelPath;
    f.window->show();
    f.window->showPage(PageId::Learn);
    QPushButton* choose = nullptr;
    for (auto* b : page->findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Choose a model folder…") && b->isVisible()) choose = b;
    QVERIFY(choose);
    choose->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Setup);
    QCOMPARE(f.settings->defaultModel(), f.modelPath);
  }

  void estimatesComeFromTheMeasuredSpeed() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QVERIFY(setup->estimateLabel(QStringLiteral("default"))->text().isEmpty());
    QVERIFY(setup->measureButton()->isVisibleTo(setup));
    setup->measureButton()->click();
    QVERIFY(f.waitIdle());
    // 60x8x0.5 + 100x8x0.4 + 500x8x0.9 = 4160 s, about 69 minutes: "about 1 h 9 min".
    QCOMPARE(setup->estimateLabel(QStringLiteral("default"))->text(), QStringLiteral("about 1 h 9 min on this computer"));
    // Fast: 240 + 320 + 200x4x0.9 = 1280 s.
    QCOMPARE(setup->estimateLabel(QStringLiteral("fast"))->text(), QStringLiteral("about 21 minutes on this computer"));
    QVERIFY(f.settings->trainingSpeed(QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("SD 2.x"), 512));
  }

  void aWholeRunShowsStagesLossAndPreviews() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    QCOMPARE(page->state(), LearnPage::State::Setup);
    LearnSetupPanel* setup = page->setupPanel();
    QVERIFY(setup->startButton()->isEnabled());
    shortSteps(setup);
    QAbstractItemModelTester tester(page->trainingPanel()->previews(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    setup->startButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Done);
    TrainingPanel* panel = page->trainingPanel();
    QCOMPARE(panel->chart()->pointCount(), 12);
    // Every 2 steps and at each stage end: stage 1 steps 2, 3; stage 2 steps 2, 4; stage 3
    // steps 2, 4, 5. Seven points, two seeds each.
    QCOMPARE(panel->previews()->rowCount(), 14);
    QVERIFY(panel->largePreview(0)->hasImage());
    QVERIFY(panel->stepper()->statusText(3).contains(QStringLiteral("Done")));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    const QStringList calls = f.state->callNames();
    QVERIFY(calls.indexOf(QStringLiteral("setUpProduct")) < calls.indexOf(QStringLiteral("train")));
    QVERIFY(f.controller->product()->trained);
  }

  void heatToggleSwitchesThePreviews() {
    GuiFixture f;
    f.openFakeProject(trainedProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    TrainingPanel* panel = f.window->learnPage()->trainingPanel();
    const QImage withHeat = panel->largePreview(0)->image();
    panel->heatToggle()->setChecked(false);
    QVERIFY(panel->largePreview(0)->image() != withHeat);
    QVERIFY(!panel->previews()->showHeat());
  }

  void pauseHoldsAndResumeGoesOn() {
    GuiFixture f;
    f.state->script.holdStage = 2;
    f.state->script.holdStep = 1;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    shortSteps(page->setupPanel());
    page->setupPanel()->startButton()->click();
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    QVERIFY(f.waitFor([&] { return f.controller->live() && f.controller->live()->stage == 2; }));
    QCOMPARE(page->state(), LearnPage::State::Running);
    page->trainingPanel()->pauseButton()->click();
    f.state->released = true;
    QVERIFY(f.waitFor([&] { return !f.state->holding.load(); }));
    QTest::qWait(50);
    QVERIFY(f.controller->live()->paused);
    QVERIFY(page->trainingPanel()->stepper()->statusText(2).contains(QStringLiteral("Paused")));
    QCOMPARE(page->trainingPanel()->pauseButton()->text(), QStringLiteral("Resume"));
    QCOMPARE(f.controller->live()->step, 2);  // the step in flight finished, then it held
    page->trainingPanel()->pauseButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Done);
  }

  void stopSavesAndResumeContinues() {
    GuiFixture f;
    f.state->script.holdStage = 2;
    f.state->script.holdStep = 2;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    shortSteps(page->setupPanel());
    page->setupPanel()->startButton()->click();
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    page->trainingPanel()->stopButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Interrupted);
    QVERIFY(page->interruptedText()->text().contains(QStringLiteral("stage 2")));
    QCOMPARE(page->messageBar().notice().title, QStringLiteral("Training stopped. Everything so far is saved."));
    f.state->script.holdStage = 0;
    page->resumeButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Done);
    QCOMPARE(trainCalls(f).size(), 2);
  }

  void outOfMemoryOffersLessMemory() {
    GuiFixture f;
    f.state->script.oomStage = 3;
    f.state->script.oomStep = 2;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    shortSteps(page->setupPanel());
    page->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    const Notice n = page->messageBar().notice();
    QCOMPARE(n.level, MessageLevel::Error);
    QCOMPARE(n.title, QStringLiteral("The GPU ran out of memory."));
    QCOMPARE(n.actionText, QStringLiteral("Resume with less memory"));
    QVERIFY(n.details.contains(QStringLiteral("out-of-memory")));
    QCOMPARE(page->state(), LearnPage::State::Interrupted);
    f.state->script.oomStage = 0;
    n.action();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Done);
  }

  void afterACrashItOffersResumeOrStartOver() {
    GuiFixture f;
    f.openFakeProject(interruptedProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    QCOMPARE(page->state(), LearnPage::State::Interrupted);
    QCOMPARE(page->interruptedText()->text(),
             QStringLiteral("The last training stopped in stage 2 (Learn where to look) at step 40 of 100. Resume it, or "
                            "start over."));
    QCOMPARE(page->trainingPanel()->previews()->rowCount(), 2);
    f.dialogs.answer = false;
    page->restartButton()->click();
    QCOMPARE(f.dialogs.questions, QStringList{QStringLiteral("Start over?")});
    QVERIFY(f.waitIdle());
    QVERIFY(trainCalls(f).isEmpty());
    f.dialogs.answer = true;
    page->restartButton()->click();
    QVERIFY(f.waitFor([&] { return !trainCalls(f).isEmpty(); }));
    QVERIFY(f.waitIdle(30000));
    QCOMPARE(page->state(), LearnPage::State::Done);
  }

  void cpuTrainingNeedsAConfirmation() {
    GuiFixture f({true, false, true});
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    shortSteps(page->setupPanel());
    f.dialogs.answer = false;
    page->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(f.dialogs.questions, QStringList{QStringLiteral("Train on the CPU?")});
    QVERIFY(trainCalls(f).isEmpty());
    f.dialogs.answer = true;
    page->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), LearnPage::State::Done);
  }

  void tryItMakesFourImages() {
    GuiFixture f;
    f.openFakeProject(trainedProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnPage* page = f.window->learnPage();
    QCOMPARE(page->state(), LearnPage::State::Done);
    TryPanel* t = page->trainingPanel()->tryPanel();
    t->promptEdit()->setText(QStringLiteral("a photo of the mug"));
    QVERIFY(!t->makeButton()->isEnabled());
    t->promptEdit()->setText(QStringLiteral("a photo of {concept} on a shelf"));
    QVERIFY(t->makeButton()->isEnabled());
    t->makeButton()->click();
    QVERIFY(f.waitIdle());
    for (int i = 0; i < 4; ++i) QVERIFY(t->image(i)->hasImage());
    QCOMPARE(f.settings->tryPrompt(), QStringLiteral("a photo of {concept} on a shelf"));
  }

  void startIsDisabledWithAReason() {
    GuiFixture f;
    FakeProject p = photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath);
    p.snapshot.draftCategory.clear();
    f.openFakeProject(p);
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QVERIFY(!setup->startButton()->isEnabled());
    QCOMPARE(setup->blockedReason()->text(), QStringLiteral("Choose what kind of product it is on the Photos page."));
  }
};

RASHISA_GUI_TEST_MAIN(TestLearnPage)
#include "test_learn_page.moc"
