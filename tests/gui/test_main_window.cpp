// The frame: the step rail's badges and locks, the Start page (drop to create a project, recent
// projects, the environment card), the job bar, and closing the window while training runs.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/recent_projects_model.h"
#include "ui/pages/environment_card.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/start_page.h"
#include "ui/window/job_bar.h"
#include "ui/window/step_rail.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUrl>

using namespace rashisa::testing;
using namespace rashisa::ui;

class TestMainWindow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void stepsAreLockedUntilTheyCanWork() {
    GuiFixture f;
    StepRail* rail = f.window->rail();
    QCOMPARE(rail->item(PageId::Photos)->badge(), RailItem::Badge::Locked);
    QCOMPARE(rail->item(PageId::Learn)->badge(), RailItem::Badge::Locked);
    QVERIFY(!rail->item(PageId::Learn)->note().isEmpty());
    QTest::mouseClick(rail->item(PageId::Learn), Qt::LeftButton);
    QCOMPARE(f.window->currentPage(), PageId::Start);

    f.controller->newProject(f.path(QStringLiteral("p.rashisa")));
    QVERIFY(f.waitIdle());
    QCOMPARE(rail->item(PageId::Photos)->badge(), RailItem::Badge::Attention);
    QCOMPARE(rail->item(PageId::Learn)->badge(), RailItem::Badge::Locked);

    f.openFakeProject(trainedProject(f.path(QStringLiteral("t.rashisa")), f.modelPath));
    QCOMPARE(rail->item(PageId::Learn)->badge(), RailItem::Badge::Done);
    QTest::mouseClick(rail->item(PageId::Learn), Qt::LeftButton);
    QCOMPARE(f.window->currentPage(), PageId::Learn);
  }

  void photosDroppedOnTheStartPageMakeAProject() {
    GuiFixture f;
    const QStringList photos = f.makePhotos(f.path(QStringLiteral("in")), {QStringLiteral("a.jpg"), QStringLiteral("b.jpg")});
    f.dialogs.newProject = f.path(QStringLiteral("dropped.rashisa"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(photos[0]), QUrl::fromLocalFile(photos[1])});
    StartPage* start = f.window->startPage();
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(start, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(start, &drop);
    QVERIFY(f.waitIdle());
    QCOMPARE(f.controller->project().path, f.dialogs.newProject);
    QCOMPARE(f.controller->project().photos.size(), 2);
    QCOMPARE(f.controller->project().modelPath, f.modelPath);  // new projects start with the default model
    QCOMPARE(f.window->currentPage(), PageId::Photos);
  }

  void recentProjectsOpenAndMissingOnesSaySo() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("recent.rashisa")), f.modelPath));
    f.controller->closeProject();
    QVERIFY(f.waitIdle());
    StartPage* start = f.window->startPage();
    QAbstractItemModelTester tester(start->recentModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(start->recentModel()->rowCount(), 1);
    // The fake project is not a file on disk: the list says it is missing and offers to forget it.
    const QModelIndex first = start->recentModel()->index(0, 0);
    QVERIFY(first.data(RecentProjectsModel::MissingRole).toBool());
    auto* view = start->findChild<QListView*>();
    QVERIFY(view);
    Q_EMIT view->activated(first);
    QCOMPARE(start->messageBar().notice().actionText, QStringLiteral("Remove from the list"));
    start->messageBar().notice().action();
    QCOMPARE(start->recentModel()->rowCount(), 0);
  }

  void theEnvironmentCardShowsGpuModelAndDisk() {
    GuiFixture gpu;
    EnvironmentCard* card = gpu.window->startPage()->environment();
    QCOMPARE(card->gpuText(), QStringLiteral("NVIDIA GeForce RTX 4090 (24.0 GB memory)"));
    QCOMPARE(card->modelText(), QStringLiteral("stable-diffusion-2-1-base (SD 2.x, diffusers folder)"));
    QVERIFY(card->diskText().contains(QStringLiteral("free at")));
    GuiFixture cpu({true, false, false});
    EnvironmentCard* none = cpu.window->startPage()->environment();
    QVERIFY(none->gpuText().startsWith(QStringLiteral("No GPU")));
    QCOMPARE(none->modelText(), QStringLiteral("Not chosen yet."));
    cpu.dialogs.model = cpu.path(QStringLiteral("not-there.safetensors"));
    for (auto* b : none->findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Choose a model file…")) b->click();
    QVERIFY(cpu.waitIdle());
    QCOMPARE(none->modelText(), QStringLiteral("The chosen model cannot be used. Choose it again."));
    QCOMPARE(cpu.window->startPage()->messageBar().notice().title, QStringLiteral("The base model was not found."));
  }

  void theJobBarFollowsTheJob() {
    GuiFixture f;
    f.state->script.holdStage = 1;
    f.state->script.holdStep = 2;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    JobBar* bar = f.window->jobBar();
    QCOMPARE(bar->titleLabel()->text(), QStringLiteral("Ready"));
    f.controller->train({QStringLiteral("Blue mug"), QStringLiteral("mug")}, {});
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    QVERIFY(f.waitFor([&] { return bar->detailLabel()->text().contains(QStringLiteral("2 / 60 steps")); }));
    QCOMPARE(bar->titleLabel()->text(), QStringLiteral("Learning \"Blue mug\""));
    QVERIFY(bar->pauseButton()->isVisibleTo(bar));
    QCOMPARE(bar->cancelButton()->text(), QStringLiteral("Save and stop"));
    bar->cancelButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(bar->titleLabel()->text(), QStringLiteral("Ready"));
  }

  void closingDuringTrainingAsksSavesAndWaits() {
    GuiFixture f;
    f.state->script.holdStage = 2;
    f.state->script.holdStep = 5;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    f.window->show();
    f.controller->train({QStringLiteral("Blue mug"), QStringLiteral("mug")}, {});
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    f.dialogs.answer = false;
    QVERIFY(!f.window->close());
    QCOMPARE(f.dialogs.questions.last(), QStringLiteral("Quit Rashisa?"));
    QVERIFY(f.controller->isTraining());
    f.dialogs.answer = true;
    QVERIFY(f.window->close());
    QVERIFY(!f.controller->jobs().isBusy());
    QMutexLocker lock(&f.state->mutex);
    const Product& p = f.state->projects.first().snapshot.products.first();
    QCOMPARE(p.status, ProductStatus::Paused);
    QCOMPARE(p.stage, 2);
    QVERIFY(p.hasCheckpoint);
  }

  void noEngineCallEverRunsOnTheGuiThread() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    setup->stepsBox(1)->setValue(2);
    setup->stepsBox(2)->setValue(2);
    setup->stepsBox(3)->setValue(2);
    setup->measureButton()->click();
    QVERIFY(f.waitIdle());
    setup->startButton()->click();
    QVERIFY(f.waitIdle());
    f.controller->removePhotos({1});
    f.controller->saveDraft(QStringLiteral("x"), QStringLiteral("mug"));
    f.controller->checkCategory(QStringLiteral("mug"));
    QVERIFY(f.waitIdle());
    QVERIFY(f.state->callNames().size() > 10);
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    QVERIFY(f.state->workerThread() != QThread::currentThread());
    QCOMPARE(f.state->callsOn(f.state->workerThread()), f.state->callNames().size());
  }
};

RASHISA_GUI_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
