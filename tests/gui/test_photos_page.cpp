// The Photos page: the drop zone, drops of files and folders (with subfolders and files that
// are not photos), the grid with its badges, findings with their actions, the product name and
// category (checked against the model), and no changes while training.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/photo_list_model.h"
#include "ui/pages/findings_panel.h"
#include "ui/pages/photos_page.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QTest>
#include <QUrl>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

QPushButton* button(QWidget* root, const QString& text) {
  for (auto* b : root->findChildren<QPushButton*>())
    if (b->text() == text && b->isVisible()) return b;
  return nullptr;
}

void drop(QWidget* target, const QStringList& paths) {
  QMimeData mime;
  QList<QUrl> urls;
  for (const QString& p : paths) urls.push_back(QUrl::fromLocalFile(p));
  mime.setUrls(urls);
  const QPointF at(target->width() / 2.0, target->height() / 2.0);
  QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(target, &enter);
  QVERIFY2(enter.isAccepted(), "the page refused the drag");
  QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(target, &dropEvent);
  QVERIFY(dropEvent.isAccepted());
}

}  // namespace

class TestPhotosPage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void newProjectShowsTheDropZone() {
    GuiFixture f;
    f.controller->newProject(f.path(QStringLiteral("p.rashisa")));
    f.waitIdle();
    PhotosPage* page = f.window->photosPage();
    QCOMPARE(f.window->currentPage(), PageId::Photos);
    QVERIFY(page->showsDropZone());
    QVERIFY(!page->nextButton()->isEnabled());
    QVERIFY(!page->nextButton()->toolTip().isEmpty());
  }

  void droppedFoldersBringPhotosFromSubfoldersAndNameTheRest() {
    GuiFixture f;
    f.controller->newProject(f.path(QStringLiteral("p.rashisa")));
    f.waitIdle();
    PhotosPage* page = f.window->photosPage();
    QAbstractItemModelTester tester(page->photoModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString folder = f.path(QStringLiteral("shoot"));
    f.makePhotos(folder, {QStringLiteral("front.jpg"), QStringLiteral("day2/side.jpg"), QStringLiteral("day2/top.png"),
                          QStringLiteral("day2/raw/back.jpg"), QStringLiteral("notes.txt"), QStringLiteral("IMG_1.HEIC")});
    const QString empty = f.path(QStringLiteral("empty-folder"));
    f.makePhotos(empty, {QStringLiteral("readme.txt")});
    const QStringList single = f.makePhotos(f.path(QStringLiteral("single")), {QStringLiteral("handle.jpg")});
    drop(page, {folder, empty, single.front()});
    QVERIFY(f.waitIdle());
    QCOMPARE(page->photoModel()->rowCount(), 5);
    QVERIFY(!page->showsDropZone());
    const Notice& n = page->messageBar().notice();
    QCOMPARE(n.level, MessageLevel::Warning);
    QVERIFY2(n.text.contains(QStringLiteral("notes.txt")), qPrintable(n.text));
    QVERIFY2(n.text.contains(QStringLiteral("IMG_1.HEIC")), qPrintable(n.text));
    QVERIFY2(n.text.contains(QStringLiteral("empty-folder")), qPrintable(n.text));
    QVERIFY(n.details.contains(QStringLiteral("unsupported")));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void findingsOfferToRemoveThePhoto() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    PhotosPage* page = f.window->photosPage();
    f.window->show();
    QAbstractItemModelTester tester(page->photoModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(page->photoModel()->rowCount(), 8);
    QCOMPARE(page->findings()->cardCount(), 2);
    const int blurred = page->photoModel()->rowOf(6);
    QCOMPARE(page->photoModel()->index(blurred).data(PhotoListModel::SeverityRole).toInt(),
             static_cast<int>(Severity::Warning));
    QPushButton* remove = button(page->findings(), QStringLiteral("Remove this photo"));
    QVERIFY(remove);
    remove->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->photoModel()->rowCount(), 7);
    QCOMPARE(page->photoModel()->rowOf(6), -1);
    QCOMPARE(page->findings()->cardCount(), 1);
    QPushButton* keep = button(page->findings(), QStringLiteral("Keep only the first"));
    QVERIFY(keep);
    keep->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->photoModel()->rowCount(), 6);
    QCOMPARE(page->findings()->cardCount(), 0);
    QVERIFY(page->nextButton()->isEnabled());
  }

  void showSelectsThePhotosOfAFinding() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    f.window->show();
    PhotosPage* page = f.window->photosPage();
    QPushButton* show = button(page->findings(), QStringLiteral("Show"));
    QVERIFY(show);
    show->click();
    QVERIFY(page->grid()->selectionModel()->hasSelection());
  }

  void removeSelectedPhotos() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    f.window->show();
    PhotosPage* page = f.window->photosPage();
    page->grid()->selectionModel()->select(page->photoModel()->index(0), QItemSelectionModel::Select);
    page->grid()->selectionModel()->select(page->photoModel()->index(1), QItemSelectionModel::Select);
    QPushButton* remove = button(page, QStringLiteral("Remove selected"));
    QVERIFY(remove && remove->isEnabled());
    remove->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->photoModel()->rowCount(), 6);
  }

  void nameAndCategoryAreSavedAndChecked() {
    GuiFixture f;
    FakeProject p = photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath);
    p.snapshot.draftName.clear();
    p.snapshot.draftCategory.clear();
    f.openFakeProject(p);
    f.window->show();
    PhotosPage* page = f.window->photosPage();
    QVERIFY(!page->nextButton()->isEnabled());
    page->nameEdit()->setText(QStringLiteral("青いマグ"));
    QMetaObject::invokeMethod(page->nameEdit(), "editingFinished");
    page->categoryBox()->setCurrentIndex(page->categoryBox()->findData(QStringLiteral("bottle")));
    QMetaObject::invokeMethod(page->categoryBox()->lineEdit(), "editingFinished");
    QVERIFY(f.waitIdle());
    QCOMPARE(f.controller->project().draftName, QStringLiteral("青いマグ"));
    QCOMPARE(f.controller->project().draftCategory, QStringLiteral("bottle"));
    QVERIFY(f.state->callNames().contains(QStringLiteral("categoryProblem")));
    QCOMPARE(page->categoryStatus()->text(), QStringLiteral("The model knows this word."));
    QVERIFY(page->nextButton()->isEnabled());

    page->categoryBox()->setEditText(QStringLiteral("thingamajig"));
    QMetaObject::invokeMethod(page->categoryBox()->lineEdit(), "editingFinished");
    QVERIFY(f.waitIdle());
    QVERIFY2(page->categoryStatus()->text().contains(QStringLiteral("thingamajig")), qPrintable(page->categoryStatus()->text()));
  }

  void photosCannotChangeWhileTraining() {
    GuiFixture f;
    f.state->script.holdStage = 1;
    f.state->script.holdStep = 2;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    f.controller->train({QStringLiteral("Blue mug"), QStringLiteral("mug")}, {});
    QVERIFY(f.waitFor([&] { return f.state->holding.load(); }));
    QCoreApplication::processEvents();
    PhotosPage* page = f.window->photosPage();
    QVERIFY(!button(page, QStringLiteral("Add photos…")) || !button(page, QStringLiteral("Add photos…"))->isEnabled());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(f.path(QStringLiteral("x.jpg")))});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QCoreApplication::sendEvent(page, &enter);
    QVERIFY(!enter.isAccepted());
    f.controller->cancelJob();
    QVERIFY(f.waitIdle());
  }
};

RASHISA_GUI_TEST_MAIN(TestPhotosPage)
#include "test_photos_page.moc"
