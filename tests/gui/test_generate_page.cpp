// The Generate page on the fake engine: the plan and its summary (counts, time, over the cap,
// nothing chosen), start and the gallery filling image by image, pause between steps, stop
// keeping what was made, continuing a batch that stopped, the advanced overrides, the page
// without a trained product, and the choice list model.
#include "tests/gui/fake_engine_generate.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/choice_list_model.h"
#include "ui/models/image_list_model.h"
#include "ui/pages/batch_progress_panel.h"
#include "ui/pages/batch_summary_card.h"
#include "ui/pages/generate_page.h"
#include "ui/pages/generate_setup_panel.h"
#include "ui/widgets/disclosure.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

const QString kProject = QStringLiteral("catalogue.rashisa");

GeneratePage* openGenerate(GuiFixture& f, const FakeProject& project) {
  f.openFakeProject(project);
  f.window->show();
  f.window->showPage(PageId::Generate);
  GeneratePage* page = f.window->generatePage();
  f.waitFor([page] { return page->planReady(); });
  return page;
}

/// Waits for the plan of the choices as they are now.
bool replanned(GuiFixture& f, GeneratePage* page) {
  return f.waitFor([page] { return page->planReady(); }) && f.waitIdle();
}

FakeProject stored(GuiFixture& f) {
  QMutexLocker lock(&f.state->mutex);
  return f.state->projects.value(f.path(kProject));
}

int imagesOf(const FakeProject& p, qint64 batchId) {
  int n = 0;
  for (const ImageItem& i : p.snapshot.images) n += i.jobId == batchId ? 1 : 0;
  return n;
}

}  // namespace

class TestGeneratePage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void summaryCountsImagesAndTime() {
    GuiFixture f;
    f.settings->setGenerationSpeed(QStringLiteral("SD 2.x"), {0.05, 0.2, 512, QStringLiteral("NVIDIA GeForce RTX 4090")});
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    QCOMPARE(page->state(), GeneratePage::State::Setup);
    // Four templates (one with 2 x 3 values), one image per prompt: 9 images of 30 steps.
    QCOMPARE(page->summary()->headline()->text(), QStringLiteral("9 images"));
    QCOMPARE(page->plan()->imageSteps, 270);
    // 270 x 0.05 + 9 x 0.2 = 15.3 s.
    QCOMPARE(page->summary()->timeLabel()->text(), QStringLiteral("under a minute on this computer"));
    QVERIFY(!page->summary()->measureButton()->isVisibleTo(page));
    QVERIFY(page->summary()->detail()->text().contains(QStringLiteral("1 product × 4 templates → 9 prompts")));
    QVERIFY(page->summary()->examples()->text().contains(QStringLiteral("a photo of <rashisa> mug on white seamless paper")));
    QVERIFY(page->startButton()->isEnabled());
    QCOMPARE(page->startButton()->text(), QStringLiteral("Make 9 images"));
    QVERIFY(page->startReason()->text().isEmpty());

    page->setupPanel()->seedsBox()->setValue(40);  // 360 images of 30 steps: 540 + 72 s
    QVERIFY(replanned(f, page));
    QCOMPARE(page->summary()->headline()->text(), QStringLiteral("360 images"));
    QCOMPARE(page->summary()->timeLabel()->text(), QStringLiteral("about 10 minutes on this computer"));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void withoutAMeasuredSpeedItSaysSoAndMeasures() {
    GuiFixture f;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    QCOMPARE(page->summary()->timeLabel()->text(), QStringLiteral("Time on this computer: not measured yet"));
    QVERIFY(page->summary()->measureButton()->isVisibleTo(page));
    page->summary()->measureButton()->click();
    QVERIFY(f.waitIdle());
    QVERIFY(f.state->callNames().contains(QStringLiteral("measureGeneration")));
    QCOMPARE(page->summary()->timeLabel()->text(), QStringLiteral("under a minute on this computer"));
    QVERIFY(!page->summary()->measureButton()->isVisibleTo(page));
  }

  void overTheCapCannotStart() {
    GuiFixture f;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    page->setupPanel()->seedsBox()->setValue(200);
    QVERIFY(replanned(f, page));
    QCOMPARE(page->plan()->problemCode, QStringLiteral("over-cap"));
    QVERIFY(!page->startButton()->isEnabled());
    QCOMPARE(page->startReason()->text(),
             QStringLiteral("This batch would make 1800 images, more than the 1000 one batch may make. Choose fewer "
                            "templates or images per prompt, or make it in parts."));
    QCOMPARE(page->startButton()->toolTip(), page->startReason()->text());
    page->setupPanel()->seedsBox()->setValue(2);
    QVERIFY(replanned(f, page));
    QVERIFY(page->startButton()->isEnabled());
  }

  void nothingChosenSaysWhat() {
    GuiFixture f;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    GenerateSetupPanel* setup = page->setupPanel();
    setup->templates()->setAllChecked(false);
    QVERIFY(replanned(f, page));
    QVERIFY(!page->startButton()->isEnabled());
    QCOMPARE(page->startReason()->text(), QStringLiteral("Choose at least one template."));
    setup->templates()->setChecked(setup->templates()->keyAt(1), true);  // the wooden table: one prompt
    QVERIFY(replanned(f, page));
    QCOMPARE(page->startButton()->text(), QStringLiteral("Make 1 image"));
    setup->products()->setAllChecked(false);
    QVERIFY(replanned(f, page));
    QCOMPARE(page->startReason()->text(), QStringLiteral("Choose at least one product."));
    QVERIFY(!page->startButton()->isEnabled());
  }

  void startFillsTheGalleryImageByImage() {
    GuiFixture f;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    QAbstractItemModelTester tester(page->gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(page->gallery(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(page->gallery()->rowCount(), 9);  // the last batch, until a new one starts
    page->startButton()->click();
    QVERIFY(f.waitFor([&] { return page->state() == GeneratePage::State::Running; }));
    QVERIFY(!page->startButton()->isEnabled());
    QVERIFY(page->progress()->isVisibleTo(page));
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), GeneratePage::State::Setup);
    const FakeProject p = stored(f);
    const qint64 batch = p.snapshot.batches.back().id;
    QCOMPARE(p.snapshot.batches.size(), 2);
    QCOMPARE(p.snapshot.batches.back().status, BatchStatus::Done);
    QCOMPARE(page->shownBatch(), batch);
    QCOMPARE(page->gallery()->rowCount(), 9);
    QCOMPARE(imagesOf(p, batch), 9);
    QVERIFY(inserted.size() >= 9);  // one insertion per stored image
    QCOMPARE(page->galleryTitle()->text(), QStringLiteral("The last batch: 9 images"));
    QVERIFY(page->reviewButton()->isVisibleTo(page));
    page->reviewButton()->click();
    QCOMPARE(f.window->currentPage(), PageId::Review);
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    const QStringList calls = f.state->callNames();
    QVERIFY(calls.indexOf(QStringLiteral("queueBatch")) < calls.lastIndexOf(QStringLiteral("runBatch")));
  }

  void progressShowsTheImageAndTheBatch() {
    GuiFixture f;
    f.state->script.holdStage = -1;
    f.state->script.holdStep = 2;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    page->startButton()->click();
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    QVERIFY(f.waitFor([&] { return f.controller->liveBatch() && f.controller->liveBatch()->done == 2; }));
    QVERIFY(f.waitFor([&] { return page->progress()->imageText()->text() == QStringLiteral("Image 3: step 1 of 4"); }));
    QVERIFY(page->progress()->overallText()->text().startsWith(QStringLiteral("2 of 9 images made")));
    QCOMPARE(page->progress()->overallBar()->value(), 2);
    QCOMPARE(page->progress()->overallBar()->maximum(), 9);
    QCOMPARE(page->gallery()->rowCount(), 2);
    QCOMPARE(page->galleryTitle()->text(), QStringLiteral("This batch: 2 images so far"));
    QCOMPARE(page->startReason()->text(), QStringLiteral("A batch is being made. Wait for it, or stop it."));
    QVERIFY(!page->setupPanel()->isEnabled());
    f.state->released = true;
    QVERIFY(f.waitIdle());
  }

  void pauseHoldsBetweenStepsAndResumes() {
    GuiFixture f;
    f.state->script.holdStage = -1;
    f.state->script.holdStep = 3;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    page->startButton()->click();
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    page->progress()->pauseButton()->click();
    f.state->released = true;
    QVERIFY(f.waitFor([&] { return !f.state->holding.load(); }));
    QTest::qWait(100);
    const qint64 batch = stored(f).snapshot.batches.back().id;
    QCOMPARE(imagesOf(stored(f), batch), 3);  // nothing more is made while paused
    QVERIFY(f.controller->liveBatch()->paused);
    QCOMPARE(page->progress()->pauseButton()->text(), QStringLiteral("Resume"));
    QVERIFY(page->progress()->pausedText()->isVisibleTo(page));
    QVERIFY(page->progress()->overallText()->text().contains(QStringLiteral("paused")));
    QCOMPARE(page->gallery()->rowCount(), 3);
    page->progress()->pauseButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(imagesOf(stored(f), batch), 9);
    QCOMPARE(page->gallery()->rowCount(), 9);
  }

  void stopKeepsWhatWasMadeAndContinues() {
    GuiFixture f;
    f.state->script.holdStage = -1;
    f.state->script.holdStep = 4;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    page->startButton()->click();
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    page->progress()->stopButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), GeneratePage::State::Interrupted);
    const qint64 batch = stored(f).snapshot.batches.back().id;
    QCOMPARE(imagesOf(stored(f), batch), 4);
    QCOMPARE(page->gallery()->rowCount(), 4);
    QCOMPARE(page->interruptedBar()->notice().title, QStringLiteral("The last batch stopped after 4 of 9 images."));
    QCOMPARE(page->messageBar().notice().title, QStringLiteral("The batch stopped. The images made so far are kept."));
    QVERIFY(page->startButton()->isEnabled());  // a new batch can be made as well
    f.state->script.holdStage = 0;
    page->interruptedBar()->notice().action();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->state(), GeneratePage::State::Setup);
    QVERIFY(!page->interruptedBar()->isVisibleTo(page));
    QCOMPARE(imagesOf(stored(f), batch), 9);
    QCOMPARE(stored(f).snapshot.batches.back().status, BatchStatus::Done);
    QCOMPARE(page->gallery()->rowCount(), 9);
    QCOMPARE(f.state->callNames().filter(QStringLiteral("runBatch")).size(), 2);
  }

  void anInterruptedBatchContinuesAfterItsLastImage() {
    GuiFixture f;
    GeneratePage* page = openGenerate(f, interruptedBatchProject(f.path(kProject), f.modelPath, 3, 2));
    QCOMPARE(page->state(), GeneratePage::State::Interrupted);
    QVERIFY(page->interruptedBar()->isVisibleTo(page));
    QCOMPARE(page->interruptedBar()->notice().title, QStringLiteral("The last batch stopped after 3 of 18 images."));
    QCOMPARE(page->interruptedBar()->notice().actionText, QStringLiteral("Continue from there"));
    QCOMPARE(page->galleryTitle()->text(), QStringLiteral("Made before it stopped: 3 images"));
    const qint64 batch = stored(f).snapshot.batches.back().id;
    QCOMPARE(page->shownBatch(), batch);
    page->interruptedBar()->notice().action();
    QVERIFY(f.waitIdle());
    const FakeProject p = stored(f);
    QCOMPARE(imagesOf(p, batch), 18);
    QCOMPARE(page->gallery()->rowCount(), 18);
    // The seeds go on where they stopped: 100 and 101 for each prompt, none made twice.
    QSet<QString> made;
    for (const ImageItem& i : p.snapshot.images)
      if (i.jobId == batch) made.insert(i.prompt + QString::number(i.seed));
    QCOMPARE(made.size(), 18);
    QCOMPARE(page->state(), GeneratePage::State::Setup);
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void advancedSettingsOverrideTheTemplates() {
    GuiFixture f;
    GeneratePage* page = openGenerate(f, catalogueProject(f.path(kProject), f.modelPath));
    GenerateSetupPanel* setup = page->setupPanel();
    QVERIFY(!setup->advancedOpen());
    setup->setAdvancedOpen(true);
    QTest::mouseClick(setup->advancedToggle(), Qt::LeftButton);  // closes, remembered
    QVERIFY(!f.settings->advancedGenerateOpen());
    QTest::mouseClick(setup->advancedToggle(), Qt::LeftButton);
    QVERIFY(f.settings->advancedGenerateOpen());
    setup->stepsBox()->setValue(20);
    setup->guidanceBox()->setValue(5.0);
    setup->samplerBox()->setCurrentIndex(setup->samplerBox()->findData(QStringLiteral("euler")));
    setup->sizeBox()->setCurrentIndex(setup->sizeBox()->findData(768));
    setup->firstSeedBox()->setValue(42);
    QVERIFY(replanned(f, page));
    QCOMPARE(page->plan()->imageSteps, 180);
    page->startButton()->click();
    QVERIFY(f.waitIdle());
    const FakeProject p = stored(f);
    const ImageItem& last = p.snapshot.images.back();
    QCOMPARE(last.steps, 20);
    QCOMPARE(last.guidance, 5.0);
    QCOMPARE(last.sampler, QStringLiteral("euler"));
    QCOMPARE(last.width, 768);
    QCOMPARE(last.seed, 42);
  }

  void withoutATrainedProductItSaysWhatToDo() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(kProject), f.modelPath));
    GeneratePage* page = f.window->generatePage();
    QCOMPARE(page->state(), GeneratePage::State::NoProduct);
    QVERIFY(!page->startButton()->isEnabled());
    QCOMPARE(page->startReason()->text(), QStringLiteral("Learn a product first."));
    QCOMPARE(page->summary()->headline()->text(), QStringLiteral("Nothing to make yet"));
  }

  void choiceModelKeepsTicksAcrossUpdates() {
    ChoiceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &ChoiceListModel::checkedChanged);
    model.setChoices({{1, QStringLiteral("a"), {}, {}, true}, {2, QStringLiteral("b"), {}, {}, true}});
    QCOMPARE(model.checkedIds(), (QList<qint64>{1, 2}));
    QVERIFY(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.checkedIds(), QList<qint64>{2});
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsUserCheckable);
    QPersistentModelIndex b = model.index(1);
    model.setChoices({{2, QStringLiteral("b2"), {}, {}, true}, {1, QStringLiteral("a"), {}, {}, true},
                      {3, QStringLiteral("c"), {}, {}, false}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(b.row(), 1);
    QCOMPARE(b.data().toString(), QStringLiteral("b2"));
    QCOMPARE(model.checkedIds(), QList<qint64>{2});  // 1 stays unticked, 3 comes unticked
    model.setAllChecked(true);
    QCOMPARE(model.checkedIds().size(), 3);
    QVERIFY(changed.size() >= 2);
    model.setChoices({});
    QCOMPARE(model.rowCount(), 0);
  }
};

RASHISA_GUI_TEST_MAIN(TestGeneratePage)
#include "test_generate_page.moc"
