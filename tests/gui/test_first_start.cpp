// The first-start wizard on the fake engine: shown only on the first start (and from the menu),
// the language stored for the next start, the base model checked on the worker (ready, refused
// with the reason and chosen again, or left for later), and the device check that measures
// training and generation, picks the memory setting and fills the estimates — with a GPU,
// without one, without a model, failing, and stopped. No engine call runs on the GUI thread.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "tests/gui/ui_states.h"
#include "ui/pages/learn_page.h"
#include "ui/widgets/message_bar.h"
#include "ui/window/first_start_pages.h"
#include "ui/window/first_start_wizard.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

constexpr GuiOptions kNoModel{true, true, false};
constexpr GuiOptions kNoGpu{true, false, true};

QAction* menuAction(QMainWindow* window, const QString& text) {
  for (QAction* menu : window->menuBar()->actions())
    if (menu->menu())
      for (QAction* a : menu->menu()->actions())
        if (a->text() == text) return a;
  return nullptr;
}

bool hasLabel(QWidget* root, const QString& text) {
  for (QLabel* l : root->findChildren<QLabel*>())
    if (l->text() == text && l->isVisibleTo(root)) return true;
  return false;
}

DeviceInfo gpu(double gib) {
  DeviceInfo d;
  d.cuda = true;
  d.totalMemory = static_cast<qint64>(gib * double(qint64(1) << 30));
  return d;
}

}  // namespace

class TestFirstStart : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void itOpensOnTheFirstStartOnlyAndAgainFromTheMenu() {
    GuiFixture f;
    f.window->show();
    QVERIFY(!f.settings->firstStartDone());
    FirstStartWizard* w = f.window->showFirstStartIfNeeded();
    QVERIFY(w);
    QVERIFY(w->isVisible());
    QCOMPARE(w->currentId(), int(FirstStartWizard::LanguagePage));
    w->reject();  // "Later": the first start is done all the same
    QVERIFY(f.settings->firstStartDone());
    QVERIFY(!f.window->showFirstStartIfNeeded());
    QAction* again = menuAction(f.window.get(), QStringLiteral("Run the first-start check again…"));
    QVERIFY(again);
    again->trigger();
    bool shown = false;
    for (FirstStartWizard* w2 : f.window->findChildren<FirstStartWizard*>()) shown = shown || w2->isVisible();
    QVERIFY(shown);
  }

  void theLanguageIsStoredForTheNextStart() {
    GuiFixture f;
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::LanguagePage);
    QVERIFY(hasLabel(w->languagePage(), QStringLiteral("The new language is used the next time Rashisa starts.")));
    QRadioButton* japanese = nullptr;
    for (QRadioButton* b : w->languagePage()->findChildren<QRadioButton*>())
      if (b->text() == QStringLiteral("Japanese (日本語)")) japanese = b;
    QVERIFY(japanese);
    japanese->click();
    QCOMPARE(f.settings->language(), QString());  // stored when the page is left
    w->next();
    QCOMPARE(w->currentId(), int(FirstStartWizard::ModelPage));
    QCOMPARE(f.settings->language(), QStringLiteral("ja"));
  }

  void aChosenModelIsCheckedOnTheWorkerAndShown() {
    GuiFixture f(kNoModel);
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::ModelPage);
    ModelWizardPage* page = w->modelPage();
    QCOMPARE(page->state(), ModelWizardPage::State::None);
    QVERIFY(page->laterLabel()->isVisibleTo(page));
    QVERIFY(hasLabel(page, QStringLiteral("Rashisa never downloads anything.")));
    f.dialogs.model = f.modelPath;
    page->folderButton()->click();
    QCOMPARE(page->state(), ModelWizardPage::State::Checking);
    QVERIFY(!page->fileButton()->isEnabled());
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), ModelWizardPage::State::Ready);
    QCOMPARE(page->statusLabel()->text(),
             QStringLiteral("stable-diffusion-2-1-base — SD 2.x, diffusers folder, made for 512 px. Ready to use."));
    QVERIFY(!page->laterLabel()->isVisibleTo(page));
    QCOMPARE(f.settings->defaultModel(), f.modelPath);  // the default for new projects
    QVERIFY(f.state->callNames().contains(QStringLiteral("describeModel")));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void aRefusedModelSaysWhyAndCanBeChosenAgain() {
    GuiFixture f(kNoModel);
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::ModelPage);
    ModelWizardPage* page = w->modelPage();
    f.state->script.failNext = QStringLiteral("describeModel");
    f.state->script.failCode = QStringLiteral("unsafe-format");
    f.dialogs.model = f.modelPath;
    page->fileButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), ModelWizardPage::State::Refused);
    const Notice n = page->messageBar()->notice();
    QVERIFY(page->messageBar()->isVisibleTo(page));
    QCOMPARE(n.title, QStringLiteral("Rashisa does not open this model format, for safety."));
    QVERIFY(n.text.contains(QStringLiteral(".safetensors")));
    QVERIFY(n.details.contains(QStringLiteral("code: unsafe-format")));
    QVERIFY(page->laterLabel()->isVisibleTo(page));
    QVERIFY(page->fileButton()->isEnabled());

    f.dialogs.model = f.path(QStringLiteral("nowhere.safetensors"));
    page->fileButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->messageBar()->notice().title, QStringLiteral("The base model was not found."));

    f.dialogs.model = f.modelPath;  // chosen again
    page->fileButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), ModelWizardPage::State::Ready);
    QVERIFY(!page->messageBar()->isVisibleTo(page));
  }

  void theDeviceCheckMeasuresAndFillsTheEstimates() {
    GuiFixture f;
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::DevicePage);
    DeviceWizardPage* page = w->devicePage();
    QCOMPARE(page->deviceLabel()->text(), QStringLiteral("NVIDIA GeForce RTX 4090 with 24.0 GB of memory"));
    QCOMPARE(page->memoryLabel()->text(),
             QStringLiteral("24 GB GPU, chosen for this GPU's 24.0 GB of memory. You can change it in Preferences."));
    QCOMPARE(page->trainingLabel()->text(), QStringLiteral("Not measured yet"));
    QVERIFY(page->measureButton()->isEnabled());
    QCOMPARE(page->measureButton()->text(), QStringLiteral("Measure this computer"));
    page->measureButton()->click();
    QVERIFY(f.controller->isCheckingDevice());
    QVERIFY(!page->measureButton()->isEnabled());
    QVERIFY(f.waitIdle());
    QVERIFY(!f.controller->isCheckingDevice());
    // 60x8x0.5 + 100x8x0.4 + 500x8x0.9 = 4160 s; 100 images x (50 x 0.05 s + 0.2 s) = 270 s.
    QCOMPARE(page->trainingLabel()->text(), QStringLiteral("about 1 h 9 min (Standard)"));
    QCOMPARE(page->generationLabel()->text(), QStringLiteral("about 5 minutes (50 steps each, 512 px)"));
    QCOMPARE(page->measureButton()->text(), QStringLiteral("Measure again"));
    const QString device = QStringLiteral("NVIDIA GeForce RTX 4090");
    QVERIFY(f.settings->trainingSpeed(device, QStringLiteral("SD 2.x"), 512));
    QCOMPARE(f.settings->generationSpeed(device, QStringLiteral("SD 2.x"), 512)->secondsPerStep, 0.05);
    QCOMPARE(f.settings->memoryPlan(), QStringLiteral("24gb"));
    // Without a project, the default model is measured; every call ran on the worker.
    const QStringList calls = f.state->callNames();
    QVERIFY(calls.indexOf(QStringLiteral("setMeasureModel")) < calls.indexOf(QStringLiteral("measureSpeed")));
    QVERIFY(calls.contains(QStringLiteral("measureGeneration")));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    w->accept();
    QVERIFY(f.settings->firstStartDone());
    // A project with the same model family has its estimates at once.
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    QVERIFY(f.controller->estimateSeconds(QStringLiteral("default"), 512));
  }

  void withoutAGpuItMeasuresOnTheCpuInHours() {
    GuiFixture f(kNoGpu);
    f.state->script.secondsPerSample = {20, 16, 36};
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::DevicePage);
    DeviceWizardPage* page = w->devicePage();
    QVERIFY(page->deviceLabel()->text().startsWith(QStringLiteral("No GPU that Rashisa can use.")));
    QCOMPARE(page->memoryLabel()->text(), QStringLiteral("Automatic: the CPU works with the computer's memory."));
    QVERIFY(page->measureButton()->isEnabled());
    page->measureButton()->click();
    QVERIFY(f.waitIdle());
    // 40 times the GPU's 4160 s: 46 hours.
    QCOMPARE(page->trainingLabel()->text(), QStringLiteral("about 46 hours (Standard)"));
    QVERIFY(f.settings->trainingSpeed(QStringLiteral("CPU (2 threads)"), QStringLiteral("SD 2.x"), 512));
    QCOMPARE(f.settings->memoryPlan(), QString());
    w->accept();
    QCOMPARE(f.settings->memoryPlan(), QString());
  }

  void withoutAModelEveryPageStillWorks() {
    GuiFixture f(kNoModel);
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::DevicePage);
    DeviceWizardPage* page = w->devicePage();
    QVERIFY(!page->measureButton()->isEnabled());
    QCOMPARE(page->reasonLabel()->text(),
             QStringLiteral("Choose a base model first (previous page): the measurement runs on it."));
    QCOMPARE(page->trainingLabel()->text(), QStringLiteral("Not measured yet"));
    w->accept();
    QVERIFY(f.settings->firstStartDone());
    QCOMPARE(f.settings->memoryPlan(), QStringLiteral("24gb"));  // from the GPU's memory alone
    // Projects, photos and templates work; the Learn page asks for the model with a button.
    f.controller->newProject(f.path(QStringLiteral("p.rashisa")));
    QVERIFY(f.waitIdle());
    QCOMPARE(f.window->currentPage(), PageId::Photos);
    QVERIFY(!f.controller->project().templates.isEmpty());
    f.openFakeProject([&] {
      FakeProject p = photosProject(f.path(QStringLiteral("q.rashisa")), QString());
      p.snapshot.model.reset();
      return p;
    }());
    QCOMPARE(f.window->learnPage()->state(), LearnPage::State::NoModel);
  }

  void aFailedCheckSaysWhatToDoAndCanRunAgain() {
    GuiFixture f;
    f.state->script.failNext = QStringLiteral("measureGeneration");
    f.state->script.failCode = QStringLiteral("out-of-memory");
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::DevicePage);
    DeviceWizardPage* page = w->devicePage();
    page->measureButton()->click();
    QVERIFY(f.waitIdle());
    QVERIFY(page->messageBar()->isVisibleTo(page));
    QCOMPARE(page->messageBar()->notice().title, QStringLiteral("The GPU ran out of memory."));
    QVERIFY(!page->messageBar()->notice().details.isEmpty());
    QVERIFY(!f.settings->generationSpeed(QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("SD 2.x"), 512));
    QVERIFY(page->measureButton()->isEnabled());
    page->measureButton()->click();
    QVERIFY(!page->messageBar()->isVisibleTo(page));
    QVERIFY(f.waitIdle());
    QVERIFY(f.settings->generationSpeed(QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("SD 2.x"), 512));
  }

  void leavingTheWizardStopsTheCheck() {
    GuiFixture f;
    FirstStartWizard* w = openFirstStart(f, FirstStartWizard::DevicePage);
    f.controller->jobs().pause();  // the check waits at its first step
    w->devicePage()->measureButton()->click();
    QVERIFY(f.waitFor([&] {
      const auto job = f.controller->jobs().activeJob();
      return job && job->kind == JobKind::CheckDevice;
    }));
    w->reject();
    QVERIFY(f.waitIdle());
    QVERIFY(!f.controller->isCheckingDevice());
    QVERIFY(!f.settings->trainingSpeed(QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("SD 2.x"), 512));
    QVERIFY(f.settings->firstStartDone());
  }

  void theMemorySettingFollowsTheGpusMemory() {
    QCOMPARE(AppController::memoryPlanFor(gpu(23.6)), QStringLiteral("24gb"));  // a "24 GB" card
    QCOMPARE(AppController::memoryPlanFor(gpu(47.5)), QStringLiteral("24gb"));
    QCOMPARE(AppController::memoryPlanFor(gpu(15.6)), QStringLiteral("16gb"));  // "16 GB"
    QCOMPARE(AppController::memoryPlanFor(gpu(11.7)), QStringLiteral("12gb"));  // "12 GB"
    QCOMPARE(AppController::memoryPlanFor(gpu(7.8)), QStringLiteral("8gb"));
    QCOMPARE(AppController::memoryPlanFor(gpu(5.8)), QStringLiteral("8gb"));
    DeviceInfo unknown = gpu(0);
    unknown.totalMemory = -1;
    QCOMPARE(AppController::memoryPlanFor(unknown), QString());
    QCOMPARE(AppController::memoryPlanFor(FakeEngine::cpuDevice()), QString());
  }
};

RASHISA_GUI_TEST_MAIN(TestFirstStart)
#include "test_first_start.moc"
