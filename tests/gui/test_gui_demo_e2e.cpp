// The demo's whole job in the window, on the real engine, in Japanese, from a first start with
// no model (label slow): the demo made from the window into a Japanese-named folder; the photo
// checks' two findings (the blurry photo, the near-duplicate) acted on from their cards; the
// product learnt from the Learn page with the demo's own numbers; a batch of the white-studio
// template from the Generate page; three approved and one rejected with the keyboard on the
// Review page; the approved ones exported as JPEG with a contact sheet from the Export page.
//
// The suite runs it with fewer steps (2/2/4 training steps; the template set to 128 px on the
// Templates page, 4-step images): the same clicks in seconds. RASHISA_DEMO_FULL=1 keeps the
// demo's own numbers (20/30/60 steps at 128 px, 20-step images at 256 px), which is what a
// person trying the demo gets; each step's time is printed.
#include "engine/export/image_export.h"
#include "tests/gui/real_window.h"
#include "tests/gui/translations.h"
#include "ui/jobs/job_runner.h"
#include "ui/models/choice_list_model.h"
#include "ui/models/image_list_model.h"
#include "ui/pages/export_page.h"
#include "ui/pages/findings_panel.h"
#include "ui/pages/generate_page.h"
#include "ui/pages/generate_setup_panel.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/page.h"
#include "ui/pages/photos_page.h"
#include "ui/pages/review_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

bool fullDemo() { return qEnvironmentVariable("RASHISA_DEMO_FULL") == QLatin1String("1"); }

/// The project's photo-check findings with this code.
int findingsWithCode(const ProjectSnapshot& project, const QString& code) {
  int n = 0;
  for (const PhotoFinding& f : project.findings) n += f.code == code ? 1 : 0;
  return n;
}

/// The visible button of the findings panel whose text is `source` as the panel translates it.
QPushButton* findingButton(FindingsPanel* panel, const char* source) {
  const QString text = FindingsPanel::tr(source);
  for (QPushButton* b : panel->findChildren<QPushButton*>())
    if (b->text() == text && !b->isHidden()) return b;
  return nullptr;
}

/// Prints how long a step of the job took in the window.
void report(const char* step, QElapsedTimer& timer) {
  qInfo("%-44s %6.1f s", step, timer.elapsed() / 1000.0);
  timer.restart();
}

}  // namespace

class TestGuiDemoEndToEnd : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void theDemoRunsEveryStepInTheWindow() {
    RealWindow w{QString()};  // a first start: no model chosen
    QObject::connect(&w.controller->jobs(), &JobRunner::jobFailed, [](int, JobKind, const JobError& e) {
      qWarning("a job failed: %s: %s", qPrintable(e.code), qPrintable(e.message));
    });
    QElapsedTimer timer;
    timer.start();

    // 1. The demo, made from the window.
    const QString folder = w.dir.filePath(QStringLiteral("デモ フォルダ"));
    w.controller->openDemo(folder);
    QVERIFY(w.waitIdle(300000));
    report("demo made and opened", timer);
    QCOMPARE(QFileInfo(w.controller->project().path).dir().absolutePath(), QDir(folder).absolutePath());
    QVERIFY(w.controller->usesDemoModel());
    for (PageId id : {PageId::Photos, PageId::Learn, PageId::Generate, PageId::Export})
      QVERIFY2(!w.window->page(id)->demoBar()->isHidden(), "the demo model's notice is missing on a page");
    QCOMPARE(w.controller->project().photos.size(), 8);

    // 2. The checks found the blurry photo and the near-duplicate; both are dealt with from
    //    their cards on the Photos page.
    w.window->showPage(PageId::Photos);
    PhotosPage* photos = w.window->photosPage();
    QCOMPARE(findingsWithCode(w.controller->project(), QStringLiteral("blurry")), 1);
    QCOMPARE(findingsWithCode(w.controller->project(), QStringLiteral("near-duplicate")), 1);
    QPushButton* keepFirst = findingButton(photos->findings(), "Keep only the first");
    QVERIFY(keepFirst);
    keepFirst->click();
    QVERIFY(w.waitIdle(60000));
    QPushButton* removeBlurry = findingButton(photos->findings(), "Remove this photo");
    QVERIFY(removeBlurry);
    removeBlurry->click();
    QVERIFY(w.waitIdle(60000));
    QCOMPARE(w.controller->project().photos.size(), 6);
    QCOMPARE(findingsWithCode(w.controller->project(), QStringLiteral("blurry")), 0);
    QCOMPARE(findingsWithCode(w.controller->project(), QStringLiteral("near-duplicate")), 0);
    QVERIFY(!photos->nameEdit()->text().isEmpty());  // the demo names its product
    QVERIFY2(photos->nextButton()->isEnabled(), qPrintable(photos->nextReason()->text()));
    photos->nextButton()->click();
    QCOMPARE(w.window->currentPage(), PageId::Learn);
    report("photos checked, two removed", timer);

    // 3. Learn, with the demo's numbers on the page.
    LearnPage* learn = w.window->learnPage();
    LearnSetupPanel* setup = learn->setupPanel();
    QCOMPARE(setup->resolutionBox()->value(), 128);
    QCOMPARE(setup->stepsBox(1)->value(), 20);
    QCOMPARE(setup->stepsBox(2)->value(), 30);
    QCOMPARE(setup->stepsBox(3)->value(), 60);
    if (!fullDemo()) {
      setup->setAdvancedOpen(true);
      setup->stepsBox(1)->setValue(2);
      setup->stepsBox(2)->setValue(2);
      setup->stepsBox(3)->setValue(4);
    }
    QVERIFY2(setup->startButton()->isEnabled(), qPrintable(setup->blockedReason()->text()));
    setup->startButton()->click();
    QVERIFY(w.waitIdle(1800000));
    // The runner is idle a moment before the finished job's results reach the page.
    QVERIFY(QTest::qWaitFor([&] { return learn->state() == LearnPage::State::Done; }, 60000));
    report("product learnt", timer);

    // 4. A batch of the white-studio template.
    w.window->showPage(PageId::Generate);
    GeneratePage* generate = w.window->generatePage();
    GenerateSetupPanel* batch = generate->setupPanel();
    qint64 whiteStudio = 0;
    for (const TemplateItem& t : w.controller->project().templates) {
      batch->templates()->setChecked(t.id, t.key == QLatin1String("white-studio"));
      if (t.key == QLatin1String("white-studio")) whiteStudio = t.id;
    }
    QVERIFY2(whiteStudio > 0, "the demo project has no white-studio template");
    if (!fullDemo()) {  // the demo model's own size, set on the Templates page
      setTemplateSize(w, whiteStudio, 128);
      if (QTest::currentTestFailed()) return;
      w.window->showPage(PageId::Generate);
    }
    batch->seedsBox()->setValue(1);
    if (!fullDemo()) batch->stepsBox()->setValue(4);
    QVERIFY(QTest::qWaitFor([&] { return generate->planReady() && generate->startButton()->isEnabled(); }, 60000));
    const int images = generate->plan()->images;
    QVERIFY2(images >= 4, "the white-studio batch is too small to review");
    generate->startButton()->click();
    QVERIFY(w.waitIdle(1800000));
    QVERIFY(QTest::qWaitFor([&] { return generate->gallery()->rowCount() == images; }, 60000));
    report(qPrintable(QStringLiteral("%1 images made").arg(images)), timer);

    // 5. Three approved and one rejected with the keyboard.
    w.window->showPage(PageId::Review);
    ReviewPage* review = w.window->reviewPage();
    QCOMPARE(review->images()->rowCount(), images);
    review->reviewerEdit()->setText(QStringLiteral("佐藤"));  // reviews carry who made them
    QMetaObject::invokeMethod(review->reviewerEdit(), "editingFinished");
    review->grid()->setFocus();
    review->grid()->setCurrentIndex(review->images()->index(0, 0));
    for (int key : {Qt::Key_A, Qt::Key_A, Qt::Key_A, Qt::Key_R}) QTest::keyClick(review->grid(), Qt::Key(key));
    QVERIFY(w.waitIdle(60000));
    int approved = 0, rejected = 0;
    for (const ImageItem& i : w.controller->project().images) {
      approved += i.review == ReviewState::Approved ? 1 : 0;
      rejected += i.review == ReviewState::Rejected ? 1 : 0;
    }
    QCOMPARE(approved, 3);
    QCOMPARE(rejected, 1);
    report("reviewed", timer);

    // 6. The approved images exported as JPEG, with a contact sheet, into a Japanese-named folder.
    w.window->showPage(PageId::Export);
    ExportPage* exportPage = w.window->exportPage();
    const QString out = w.dir.filePath(QStringLiteral("納品/ネットショップ用"));
    QVERIFY(QDir().mkpath(out));
    w.dialogs.exportDir = out;
    exportPage->chooseFolderButton()->click();
    exportPage->jpegButton()->click();
    exportPage->contactSheetBox()->setChecked(true);
    QVERIFY(QTest::qWaitFor([&] { return exportPage->exportButton()->isEnabled(); }, 30000));
    exportPage->exportButton()->click();
    QVERIFY(w.waitIdle(120000));
    const QStringList jpegs = QDir(out).entryList({QStringLiteral("*.jpg")}, QDir::Files);
    QCOMPARE(jpegs.size(), 3);
    for (const QString& f : jpegs) {
      const auto read = rashisa::exporting::read_provenance(QDir(out).filePath(f).toStdString());
      QCOMPARE(QString::fromStdString(read.digital_source_type),
               QStringLiteral("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"));
    }
    QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("contact-sheet.pdf"))).size() > 0);
    report("exported", timer);
  }
};

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  LanguageScope japanese(QStringLiteral("ja"));
  TestGuiDemoEndToEnd test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_gui_demo_e2e.moc"
