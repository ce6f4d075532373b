// The Review page on the fake engine: keyboard review stored in the project (checked in the
// fake engine's project, not only on screen), undoing a mark, moving and zooming, bulk
// approve, the filters, comparing with a training photo, the info panel, making an image again,
// "more like this", reviewing while a batch runs, the reviewer's name, and the image model.
#include "tests/gui/fake_engine_generate.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/image_list_model.h"
#include "ui/models/photo_list_model.h"
#include "ui/pages/image_info_panel.h"
#include "ui/pages/review_filters.h"
#include "ui/pages/review_page.h"
#include "ui/widgets/image_viewer.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

const QString kProject = QStringLiteral("catalogue.rashisa");

/// The Review page on catalogueProject(): 9 images; 0, 4, 8 approved, 1, 5 rejected by Sato.
ReviewPage* openReview(GuiFixture& f, const FakeProject& project) {
  f.settings->setReviewer(QStringLiteral("Kimura"));
  f.openFakeProject(project);
  f.window->show();
  f.window->showPage(PageId::Review);
  f.waitIdle();
  return f.window->reviewPage();
}

ReviewPage* openReview(GuiFixture& f) { return openReview(f, catalogueProject(f.path(kProject), f.modelPath)); }

/// The image as the fake engine's project file holds it.
ImageItem storedImage(GuiFixture& f, qint64 id) {
  QMutexLocker lock(&f.state->mutex);
  for (const ImageItem& i : f.state->projects.value(f.path(kProject)).snapshot.images)
    if (i.id == id) return i;
  return {};
}

int storedImages(GuiFixture& f) {
  QMutexLocker lock(&f.state->mutex);
  return static_cast<int>(f.state->projects.value(f.path(kProject)).snapshot.images.size());
}

qint64 idAt(ReviewPage* page, int row) { return page->images()->idAt(row); }

}  // namespace

class TestReviewPage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void keysMarkAndTheProjectKeepsIt() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QAbstractItemModelTester tester(page->images(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(page->images()->rowCount(), 9);
    QCOMPARE(page->currentId(), idAt(page, 0));
    QVERIFY(page->viewer()->image().width() == 512);  // the full image, loaded on the worker
    const qint64 first = idAt(page, 0), second = idAt(page, 1), third = idAt(page, 2);
    QTest::keyClick(page->grid(), Qt::Key_R);  // approved by Sato -> rejected, then on to the next
    QCOMPARE(page->currentId(), second);
    QTest::keyClick(page->grid(), Qt::Key_A);
    QCOMPARE(page->currentId(), third);
    QTest::keyClick(page->viewer(), Qt::Key_A);  // the viewer takes the same keys
    QVERIFY(f.waitIdle());
    QCOMPARE(storedImage(f, first).review, ReviewState::Rejected);
    QCOMPARE(storedImage(f, second).review, ReviewState::Approved);
    QCOMPARE(storedImage(f, third).review, ReviewState::Approved);
    QCOMPARE(storedImage(f, second).reviewer, QStringLiteral("Kimura"));
    QCOMPARE(f.controller->project().images[1].review, ReviewState::Approved);
    QCOMPARE(page->images()->index(1).data(ImageListModel::ReviewRole).toInt(), int(ReviewState::Approved));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    QVERIFY(f.state->callNames().contains(QStringLiteral("setReview")));
  }

  void undoPutsTheMarkBack() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QTest::keyClick(page->grid(), Qt::Key_Right);
    QTest::keyClick(page->grid(), Qt::Key_Right);
    const qint64 id = page->currentId();
    QCOMPARE(id, idAt(page, 2));
    QTest::keyClick(page->grid(), Qt::Key_A);
    QVERIFY(f.waitIdle());
    QCOMPARE(storedImage(f, id).review, ReviewState::Approved);
    QTest::keyClick(page->grid(), Qt::Key_Left);
    QCOMPARE(page->currentId(), id);
    QTest::keyClick(page->grid(), Qt::Key_U);
    QVERIFY(f.waitIdle());
    QCOMPARE(storedImage(f, id).review, ReviewState::New);
    QVERIFY(storedImage(f, id).reviewer.isEmpty());
    QCOMPARE(page->currentId(), id);  // undoing does not move on
    QCOMPARE(page->info()->field(ImageInfoPanel::Field::Review), QStringLiteral("Not reviewed"));
  }

  void arrowsMoveAndSpaceZooms() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QTest::keyClick(page->grid(), Qt::Key_Left);  // stays on the first
    QCOMPARE(page->currentId(), idAt(page, 0));
    for (int i = 0; i < 20; ++i) QTest::keyClick(page->grid(), Qt::Key_Right);
    QCOMPARE(page->currentId(), idAt(page, 8));
    QVERIFY(!page->viewer()->actualSize());
    QTest::keyClick(page->grid(), Qt::Key_Space);
    QVERIFY(page->viewer()->actualSize());
    QTest::keyClick(page->grid(), Qt::Key_Space);
    QVERIFY(!page->viewer()->actualSize());
    QVERIFY(f.waitIdle());
    QCOMPARE(page->viewer()->image().width(), 512);
  }

  void bulkApproveMarksEveryChosenImage() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    auto* selection = page->grid()->selectionModel();
    selection->select(page->images()->index(2), QItemSelectionModel::Select);
    selection->select(page->images()->index(3), QItemSelectionModel::Select);
    selection->select(page->images()->index(5), QItemSelectionModel::Select);
    selection->select(page->images()->index(0), QItemSelectionModel::Deselect);
    QCOMPARE(page->approveButton()->text(), QStringLiteral("Approve 3 images"));
    page->approveButton()->click();
    QVERIFY(f.waitIdle());
    for (int row : {2, 3, 5}) QCOMPARE(storedImage(f, idAt(page, row)).review, ReviewState::Approved);
    QCOMPARE(storedImage(f, idAt(page, 6)).review, ReviewState::New);
    page->selectAllButton()->click();
    QCOMPARE(page->chosenIds().size(), 9);
    page->rejectButton()->click();
    QVERIFY(f.waitIdle());
    for (int row = 0; row < 9; ++row) QCOMPARE(storedImage(f, idAt(page, row)).review, ReviewState::Rejected);
    QCOMPARE(f.state->callNames().count(QStringLiteral("setReview")), 2);  // one call each
  }

  void filtersByStateTemplateProductAndValue() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QAbstractItemModelTester tester(page->images(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ReviewFilters* filters = page->filters();
    QVERIFY(ReviewFilters::choose(filters->statusBox(), int(ReviewState::New)));
    QCOMPARE(page->images()->rowCount(), 4);
    QCOMPARE(page->countLabel()->text(), QStringLiteral("4 images shown · 4 not reviewed"));
    // A mark keeps the image in view until the filters change.
    page->selectImage(idAt(page, 0));
    QTest::keyClick(page->grid(), Qt::Key_A);
    QCOMPARE(page->images()->rowCount(), 4);
    QVERIFY(filters->clearButton()->isEnabled());
    filters->clearButton()->click();
    QCOMPARE(page->images()->rowCount(), 9);
    QVERIFY(ReviewFilters::choose(filters->statusBox(), int(ReviewState::New)));
    QCOMPARE(page->images()->rowCount(), 3);

    filters->clearButton()->click();
    const qint64 studio = f.controller->project().templates.front().id;
    QVERIFY(ReviewFilters::choose(filters->templateBox(), studio));
    QCOMPARE(page->images()->rowCount(), 6);
    QCOMPARE(filters->valueBox()->count(), 1 + 2 + 3);  // all, two backgrounds, three lights
    QVERIFY(ReviewFilters::choose(filters->valueBox(), QStringLiteral("background") + QChar(0x1f) +
                                                           QStringLiteral("light grey paper")));
    QCOMPARE(page->images()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
      QCOMPARE(page->images()->imageAt(row)->values.value(QStringLiteral("background")),
               QStringLiteral("light grey paper"));
    QCOMPARE(filters->valueBox()->currentText(), QStringLiteral("Background: Grey"));

    filters->clearButton()->click();
    const qint64 product = f.controller->project().products.front().id;
    QCOMPARE(filters->productBox()->count(), 2);
    QVERIFY(ReviewFilters::choose(filters->productBox(), product));
    QCOMPARE(page->images()->rowCount(), 9);
    QVERIFY(ReviewFilters::choose(filters->templateBox(), f.controller->project().templates.back().id));
    QCOMPARE(page->images()->rowCount(), 1);
  }

  void compareShowsATrainingPhotoBeside() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QVERIFY(!page->comparing());
    QTest::keyClick(page->grid(), Qt::Key_C);
    QVERIFY(page->comparing());
    QVERIFY(page->photoStrip()->isVisibleTo(page));
    const qint64 firstPhoto = f.controller->project().photos.front().id;
    QCOMPARE(page->comparedPhoto(), firstPhoto);
    QVERIFY(f.waitIdle());
    QVERIFY(page->viewer()->hasSide());
    QCOMPARE(page->viewer()->sideImage().width(), 512);  // the full photo, loaded on the worker
    QCOMPARE(page->viewer()->sideCaption(), QStringLiteral("Photo 1 of 8 · mug-front.jpg"));
    QVERIFY(f.state->callNames().contains(QStringLiteral("photoFull")));
    QTest::keyClick(page->grid(), Qt::Key_C);  // the next photo
    QCOMPARE(page->comparedPhoto(), f.controller->project().photos[1].id);
    QTest::keyClick(page->grid(), Qt::Key_Right);  // another image, the same photo
    QVERIFY(page->viewer()->hasSide());
    QCOMPARE(page->comparedPhoto(), f.controller->project().photos[1].id);
    Q_EMIT page->photoStrip()->clicked(page->photos()->index(4));
    QCOMPARE(page->comparedPhoto(), f.controller->project().photos[4].id);
    QTest::keyClick(page->grid(), Qt::Key_Escape);
    QVERIFY(!page->comparing());
    QVERIFY(!page->viewer()->hasSide());
    QVERIFY(f.waitIdle());
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void infoPanelShowsEverySetting() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    using F = ImageInfoPanel::Field;
    ImageInfoPanel* info = page->info();
    QCOMPARE(info->field(F::Prompt),
             QStringLiteral("a photo of <rashisa> mug on white seamless paper, soft daylight, studio lighting"));
    QCOMPARE(info->field(F::Negative), QStringLiteral("blurry, low quality"));
    QCOMPARE(info->field(F::Seed), QStringLiteral("0"));
    QCOMPARE(info->field(F::Sampler), QStringLiteral("DPM++ 2M"));
    QCOMPARE(info->field(F::Steps), QStringLiteral("30"));
    QCOMPARE(info->field(F::Guidance), QStringLiteral("7.5"));
    QCOMPARE(info->field(F::Size), QStringLiteral("512 × 512 px"));
    QCOMPARE(info->field(F::Template), QStringLiteral("White studio"));
    QCOMPARE(info->field(F::Values), QStringLiteral("Background: White\nLight: Daylight"));
    QCOMPARE(info->field(F::Product), QStringLiteral("Blue mug"));
    QCOMPARE(info->field(F::Model), QStringLiteral("unknown"));
    QVERIFY(info->field(F::Made).startsWith(QStringLiteral("2026-12-01")));
    QCOMPARE(info->field(F::Review), QStringLiteral("Approved by Sato"));
    QTest::keyClick(page->grid(), Qt::Key_Right);
    QCOMPARE(info->field(F::Review), QStringLiteral("Rejected by Sato"));
    QCOMPARE(info->field(F::Values), QStringLiteral("Background: White\nLight: Morning"));
  }

  void makeAgainShowsBothAndWhetherTheyMatch() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QVERIFY(page->info()->regenerateButton()->isEnabled());
    page->info()->regenerateButton()->click();
    QVERIFY(f.waitIdle());
    QVERIFY(page->remade());
    QVERIFY(page->remade()->identical);
    QVERIFY(page->viewer()->hasSide());
    QCOMPARE(page->viewer()->sideCaption(), QStringLiteral("Made again · identical"));
    QCOMPARE(page->info()->regenerateStatus()->text(), QStringLiteral("Made again: identical to the stored image."));
    QCOMPARE(storedImages(f), 9);  // nothing is stored
    QTest::keyClick(page->grid(), Qt::Key_Right);
    QVERIFY(!page->viewer()->hasSide());
    QVERIFY(page->info()->regenerateStatus()->text().isEmpty());
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void moreLikeThisMakesASmallBatch() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    const ImageItem source = *page->images()->imageAt(0);
    page->info()->moreButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(storedImages(f), 13);
    QCOMPARE(page->images()->rowCount(), 13);
    QCOMPARE(f.controller->project().batches.size(), 2);
    QCOMPARE(f.controller->project().batches.back().status, BatchStatus::Done);
    for (int row = 9; row < 13; ++row) {
      const ImageItem* made = page->images()->imageAt(row);
      QCOMPARE(made->prompt, source.prompt);
      QVERIFY(made->seed != source.seed);
    }
    const QStringList calls = f.state->callNames();
    QVERIFY(calls.indexOf(QStringLiteral("queueMoreLikeThis")) < calls.lastIndexOf(QStringLiteral("runBatch")));
    QCOMPARE(page->messageBar().notice().title, QStringLiteral("Making 4 more like this."));
  }

  void reviewGoesOnWhileABatchRuns() {
    GuiFixture f;
    f.state->script.stepMs = 15;
    ReviewPage* page = openReview(f);
    const FakeProject p = [&] {
      QMutexLocker lock(&f.state->mutex);
      return f.state->projects.value(f.path(kProject));
    }();
    f.controller->startBatch(everyTemplate(p));
    QVERIFY(f.waitFor([&] { return page->images()->rowCount() >= 11; }));
    QVERIFY(f.controller->isBatchRunning());
    QVERIFY(!page->info()->regenerateButton()->isEnabled());
    const qint64 id = page->currentId();
    QTest::keyClick(page->grid(), Qt::Key_U);
    QVERIFY(f.waitFor([&] { return storedImage(f, id).review == ReviewState::New; }));
    QVERIFY(f.controller->isBatchRunning());  // stored between two steps of the batch
    QVERIFY(f.waitIdle());
    QCOMPARE(page->images()->rowCount(), 18);
    QVERIFY(page->info()->regenerateButton()->isEnabled());
  }

  void theReviewerNameComesFromTheSettings() {
    GuiFixture f;
    ReviewPage* page = openReview(f);
    QCOMPARE(page->reviewerEdit()->text(), QStringLiteral("Kimura"));
    page->reviewerEdit()->setText(QStringLiteral("Tanaka"));
    Q_EMIT page->reviewerEdit()->editingFinished();
    QCOMPARE(f.settings->reviewer(), QStringLiteral("Tanaka"));
    QTest::keyClick(page->grid(), Qt::Key_U);
    QTest::keyClick(page->grid(), Qt::Key_A);
    QVERIFY(f.waitIdle());
    QCOMPARE(storedImage(f, idAt(page, 0)).reviewer, QStringLiteral("Tanaka"));
    page->reviewerEdit()->setText({});
    Q_EMIT page->reviewerEdit()->editingFinished();
    QVERIFY(!page->approveButton()->isEnabled());
    QCOMPARE(page->reasonLabel()->text(), QStringLiteral("Enter your name as the reviewer."));
  }

  void emptyProjectSaysWhereImagesComeFrom() {
    GuiFixture f;
    ReviewPage* page = openReview(f, trainedProject(f.path(kProject), f.modelPath));
    QCOMPARE(page->images()->rowCount(), 0);
    QVERIFY(page->viewer()->placeholder().startsWith(QStringLiteral("No images yet.")));
    QVERIFY(!page->approveButton()->isEnabled());
    QVERIFY(!page->info()->regenerateButton()->isEnabled());
  }

  void imageModelKeepsRowsAndBadges() {
    ImageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto image = [](qint64 id, ReviewState state) {
      ImageItem i;
      i.id = id;
      i.review = state;
      i.templateLabel = QStringLiteral("t%1").arg(id);
      i.thumbnail = FakeEngine::photo(static_cast<int>(id), 32);
      return i;
    };
    model.setImages({image(1, ReviewState::New), image(2, ReviewState::New)});
    QPersistentModelIndex second = model.index(1);
    model.setImages({image(2, ReviewState::Approved), image(3, ReviewState::Rejected)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(second.row(), 0);
    QCOMPARE(second.data(ImageListModel::ReviewRole).toInt(), int(ReviewState::Approved));
    QVERIFY(!second.data(Qt::DecorationRole).value<QPixmap>().isNull());
    model.addImage(image(4, ReviewState::New));
    model.addImage(image(4, ReviewState::Approved));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(4), 2);
    QCOMPARE(model.index(2).data(ImageListModel::ReviewRole).toInt(), int(ReviewState::Approved));
    QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Rejected")));
  }
};

RASHISA_GUI_TEST_MAIN(TestReviewPage)
#include "test_review_page.moc"
