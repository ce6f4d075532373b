// The Export page: its defaults (approved only, prompts off), the live file-name preview and the
// problems of a bad pattern, the folder chooser, PNG/JPEG and quality, the export itself with
// its result line and "Open folder", replacing files that exist (asked first, or offered after
// the engine refused), one batch's approved images, and the PDF contact sheet with Japanese
// captions (checked with poppler's pdftotext/pdftoppm when they are installed).
#include "engine/core/error.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/export/contact_sheet_pdf.h"
#include "ui/pages/export_page.h"
#include "ui/pages/name_pattern_panel.h"
#include "ui/text/export_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QUrl>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

struct Opened {
  ExportPage* page = nullptr;
  QList<QUrl> opened;  // what "Open folder" asked to open
};

/// The catalogue project (12 images, 3 approved) on the Export page, its preview loaded, the
/// folder chooser answering `folder`.
ExportPage* showExport(GuiFixture& f, const FakeProject& project, QList<QUrl>* opened = nullptr) {
  f.openFakeProject(project);
  f.window->show();
  f.window->showPage(PageId::Export);
  ExportPage* page = f.window->exportPage();
  page->setUrlOpener([opened](const QUrl& url) {
    if (opened) opened->push_back(url);
    return true;
  });
  f.waitFor([&] { return page->namesCurrent(); });
  return page;
}

FakeProject catalogue(GuiFixture& f) { return catalogueProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath); }

QList<qint64> approvedIds(GuiFixture& f, qint64 batch = 0) {
  QList<qint64> out;
  for (const ImageItem& i : f.controller->project().images)
    if (i.review == ReviewState::Approved && (batch == 0 || i.jobId == batch)) out << i.id;
  return out;
}

void setFolder(GuiFixture& f, ExportPage* page, const QString& folder) {
  f.dialogs.exportDir = folder;
  page->chooseFolderButton()->click();
}

bool waitNames(GuiFixture& f, ExportPage* page) {
  return f.waitFor([&] { return page->namesCurrent(); }) && f.waitIdle();
}

int count(const QStringList& calls, const char* name) { return static_cast<int>(calls.count(QLatin1String(name))); }

QStringList filesIn(const QString& folder) {
  return QDir(folder).entryList(QDir::Files, QDir::Name);
}

/// Pages of a PDF as Qt writes it (one "/Type /Page" object each).
int pdfPages(const QByteArray& pdf) {
  static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
  int n = 0;
  for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next()) ++n;
  return n;
}

/// `text` with the radicals Qt's PDF writer names some ideographs by folded back to the
/// ideographs. (QPdfEngine's ToUnicode map takes the lowest code point of a glyph, and CJK fonts
/// draw e.g. U+2F69 KANGXI RADICAL WHITE and U+767D 白 with one glyph: the page shows 白, the
/// text layer says ⽩.) NFKC folds the Kangxi radicals; the supplement's few are listed.
QString foldRadicals(const QString& text) {
  QString out = text.normalized(QString::NormalizationForm_KC);
  out.replace(QChar(0x2ED8), QChar(0x9752));  // ⻘ -> 青
  return out;
}

/// The PDF's text (all pages, or one) by pdftotext, radicals folded (see foldRadicals). Null
/// when pdftotext is not installed.
QString pdfText(const QString& path, int page = 0) {
  const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
  if (tool.isEmpty()) return {};
  QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
  if (page > 0) args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
  QProcess p;
  p.start(tool, args << path << QStringLiteral("-"));
  if (!p.waitForFinished(30000) || p.exitCode() != 0) return QStringLiteral("pdftotext failed");
  return foldRadicals(QString::fromUtf8(p.readAllStandardOutput()));
}

/// The first page rendered by pdftoppm at 40 dpi. Null when pdftoppm is not installed.
QImage pdfPicture(const QString& path, const QString& out) {
  const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
  if (tool.isEmpty()) return {};
  QProcess p;
  p.start(tool, {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                 QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), path, out});
  if (!p.waitForFinished(30000) || p.exitCode() != 0) return {};
  return QImage(out + QStringLiteral(".png"));
}

}  // namespace

class TestExportPage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void defaultsAreApprovedOnlyWithoutPrompts() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    QCOMPARE(page->imagesBox()->currentIndex(), 0);
    QCOMPARE(page->imagesBox()->currentData().toLongLong(), 0);
    QCOMPARE(page->imagesBox()->count(), 1);  // one batch: nothing else to choose
    QVERIFY(!page->includePromptsBox()->isChecked());
    QVERIFY(!page->contactSheetBox()->isChecked());
    QVERIFY(page->pngButton()->isChecked());
    QVERIFY(!page->qualityBox()->isEnabled());
    QCOMPARE(page->namePanel()->pattern(), QStringLiteral("{product}-{template}-{image}"));
    QVERIFY(page->labelStatement()->text().contains(QLatin1String("trainedAlgorithmicMedia")));
    QVERIFY(page->labelStatement()->text().contains(QLatin1String("seed")));
    const ExportSettings s = page->currentSettings();
    QVERIFY(s.imageIds.isEmpty());
    QVERIFY(!s.includePrompts);
    QVERIFY(!s.overwrite);
    QCOMPARE(approvedIds(f).size(), 3);
    QVERIFY(page->exportButton()->isEnabled());
    QVERIFY2(page->exportButton()->text().contains(QLatin1Char('3')), qPrintable(page->exportButton()->text()));
    QVERIFY(!page->resultRow()->isVisible());
  }

  void previewShowsTheFirstNamesAndFollowsThePattern() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    NamePatternPanel* names = page->namePanel();
    const QList<qint64> ids = approvedIds(f);
    QCOMPARE(names->shownNames().size(), 3);
    QCOMPARE(names->shownNames().first(), QStringLiteral("Blue mug-white-studio-%1.png").arg(ids.first()));
    // Typing is debounced: one engine call for a burst of edits, on the worker.
    const int before = count(f.state->callNames(), "exportNames");
    names->edit()->clear();
    QTest::keyClicks(names->edit(), QStringLiteral("mug_"));
    QVERIFY(!page->namesCurrent());
    for (QToolButton* b : names->insertButtons())
      if (b->toolTip().contains(QLatin1String("{index}"))) b->click();
    QVERIFY(waitNames(f, page));
    QCOMPARE(count(f.state->callNames(), "exportNames") - before, 1);
    QCOMPARE(names->pattern(), QStringLiteral("mug_{index}"));
    QCOMPARE(names->shownNames(), (QStringList{QStringLiteral("mug_1.png"), QStringLiteral("mug_2.png"),
                                               QStringLiteral("mug_3.png")}));
    page->jpegButton()->click();
    QVERIFY(waitNames(f, page));
    QCOMPARE(names->shownNames().first(), QStringLiteral("mug_1.jpg"));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void aBadPatternSaysWhatToChange() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    NamePatternPanel* names = page->namePanel();
    auto check = [&](const QString& pattern, const QString& expected) {
      names->setPattern(pattern);
      QVERIFY(waitNames(f, page));
      QCOMPARE(names->problem(), expected);
      QVERIFY(names->problemLabel()->isVisible());
      QVERIFY(!names->engineProblem().isEmpty() || expected == ExportText::repeatedNames());
      QVERIFY(names->shownNames().isEmpty());
      QVERIFY(!page->exportButton()->isEnabled());
      QCOMPARE(page->reasonLabel()->text(), ExportPage::tr("Change the file-name pattern first."));
    };
    check(QStringLiteral("{product}-{colour}"), ExportText::patternProblem(QStringLiteral("{product}-{colour}"), {}));
    QVERIFY(names->problem().contains(QLatin1String("{colour}")));
    check(QStringLiteral("{product}/{image}"), ExportText::patternProblem(QStringLiteral("{product}/{image}"), {}));
    QVERIFY(names->problem().contains(QLatin1Char('/')));
    check(QStringLiteral("{product-{image}"), ExportText::patternProblem(QStringLiteral("{product-{image}"), {}));
    check(QString(), ExportText::patternProblem(QString(), {}));
    // All three approved images have seed 0: the same name three times.
    check(QStringLiteral("{product}-{seed}"), ExportText::repeatedNames());
    names->setPattern(QStringLiteral("{product}-{image}"));
    QVERIFY(waitNames(f, page));
    QVERIFY(names->problem().isEmpty());
    QVERIFY(!names->problemLabel()->isVisible());
    QCOMPARE(names->shownNames().size(), 3);
    QVERIFY(page->exportButton()->isEnabled());
  }

  void theFolderIsChosenThroughTheDialogs() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    const QString out = f.path(QStringLiteral("catalogue export"));
    setFolder(f, page, out);
    QCOMPARE(page->folderEdit()->text(), QDir::toNativeSeparators(out));
    QCOMPARE(f.settings->exportFolder(), out);
    f.dialogs.exportDir.clear();  // cancelled: nothing changes
    page->chooseFolderButton()->click();
    QCOMPARE(page->folderEdit()->text(), QDir::toNativeSeparators(out));
    page->folderEdit()->clear();
    QVERIFY(!page->exportButton()->isEnabled());
    QCOMPARE(page->reasonLabel()->text(), ExportPage::tr("Choose a folder to export to."));
  }

  void jpegQualityIsUsedAndRemembered() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    page->jpegButton()->click();
    QVERIFY(page->qualityBox()->isEnabled());
    page->qualityBox()->setValue(30);
    QVERIFY(f.settings->exportJpeg());
    QCOMPARE(f.settings->exportQuality(), 30);
    setFolder(f, page, f.path(QStringLiteral("low")));
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    page->qualityBox()->setValue(98);
    setFolder(f, page, f.path(QStringLiteral("high")));
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    const QStringList low = filesIn(f.path(QStringLiteral("low")));
    QCOMPARE(low.size(), 3);
    for (const QString& name : low) QVERIFY2(name.endsWith(QLatin1String(".jpg")), qPrintable(name));
    const QString a = f.path(QStringLiteral("low/")) + low.first();
    const QString b = f.path(QStringLiteral("high/")) + low.first();
    QCOMPARE(QImageReader(a).format(), QByteArray("jpeg"));
    QVERIFY2(QFileInfo(a).size() < QFileInfo(b).size(), "quality 30 should give a smaller file than 98");
    // A new window starts with the remembered format and quality.
    GuiFixture g;
    g.settings->setExportJpeg(true);
    g.settings->setExportQuality(30);
    ExportPage fresh(*g.controller);
    QVERIFY(fresh.jpegButton()->isChecked());
    QCOMPARE(fresh.qualityBox()->value(), 30);
  }

  void exportWritesTheFilesAndOpensTheFolder() {
    GuiFixture f;
    QList<QUrl> opened;
    ExportPage* page = showExport(f, catalogue(f), &opened);
    const QString out = f.path(QStringLiteral("export"));
    setFolder(f, page, out);
    page->exportButton()->click();
    QVERIFY(!page->exportButton()->isEnabled());  // while it runs
    QVERIFY(f.waitIdle());
    const QList<qint64> ids = approvedIds(f);
    QStringList expected;
    for (qint64 id : ids) expected << QStringLiteral("Blue mug-%1.png").arg(id);
    const QStringList files = filesIn(out);
    QCOMPARE(files.size(), 3);
    QVERIFY(page->resultRow()->isVisible());
    QCOMPARE(page->resultLabel()->text(), ExportPage::tr("%n image(s) exported.", nullptr, 3));
    const QImage first(QDir(out).filePath(files.first()));
    QCOMPARE(first.text(QStringLiteral("DigitalSourceType")),
             QStringLiteral("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"));
    QVERIFY(!first.text(QStringLiteral("Seed")).isEmpty());
    QVERIFY2(first.text(QStringLiteral("Prompt")).isEmpty(), "the prompt left with the file though it was not asked");
    page->openFolderButton()->click();
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(out)});
    QCOMPARE(f.settings->exportFolder(), out);
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
    QVERIFY(count(f.state->callNames(), "exportImages") == 1);
  }

  void exportRightAfterAnEditUsesTheNewNames() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    setFolder(f, page, f.path(QStringLiteral("quick")));
    page->namePanel()->setPattern(QStringLiteral("catalogue-{index}"));
    QVERIFY(!page->namesCurrent());
    page->exportButton()->click();  // before the preview has answered
    QVERIFY(f.waitIdle());
    QCOMPARE(filesIn(f.path(QStringLiteral("quick"))),
             (QStringList{QStringLiteral("catalogue-1.png"), QStringLiteral("catalogue-2.png"),
                          QStringLiteral("catalogue-3.png")}));
    QVERIFY(page->resultRow()->isVisible());
  }

  void thePromptGoesOutOnlyWhenTicked() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    page->includePromptsBox()->click();
    QVERIFY(page->currentSettings().includePrompts);
    setFolder(f, page, f.path(QStringLiteral("with-prompts")));
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    const QStringList files = filesIn(f.path(QStringLiteral("with-prompts")));
    QCOMPARE(files.size(), 3);
    const QImage image(f.path(QStringLiteral("with-prompts/")) + files.first());
    QVERIFY(image.text(QStringLiteral("Prompt")).contains(QLatin1String("mug")));
  }

  void existingFilesAreReplacedOnlyWhenConfirmed() {
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    const QString out = f.path(QStringLiteral("again"));
    setFolder(f, page, out);
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    QVERIFY(f.dialogs.questions.isEmpty());
    // The same names again: asked first; "Cancel" leaves everything as it was.
    f.dialogs.answer = false;
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(f.dialogs.questions, QStringList{ExportPage::tr("Replace existing files?")});
    QCOMPARE(count(f.state->callNames(), "exportImages"), 1);
    QCOMPARE(page->messageBar().notice().title, ExportPage::tr("Nothing was exported."));
    // "Replace" exports with overwrite.
    f.dialogs.answer = true;
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(f.dialogs.questions.size(), 2);
    QCOMPARE(count(f.state->callNames(), "exportImages"), 2);
    QVERIFY(page->resultRow()->isVisible());
    QCOMPARE(page->messageBar().notice().level, MessageLevel::Info);  // cleared, not an error
    QCOMPARE(filesIn(out).size(), 3);
  }

  void anEngineRefusalOffersToReplace() {
    // Files that appear between the check and the export: the engine refuses, nothing is
    // written, and the page says which files and offers to replace them.
    GuiFixture f;
    ExportPage* page = showExport(f, catalogue(f));
    const QString out = f.path(QStringLiteral("race"));
    setFolder(f, page, out);
    QDir().mkpath(out);
    const QString name = page->namePanel()->shownNames().first();
    QFile clash(QDir(out).filePath(name));
    QVERIFY(clash.open(QIODevice::WriteOnly));
    clash.write("an older file");
    clash.close();
    f.controller->exportImages(page->currentSettings());  // as if the check had passed
    QVERIFY(f.waitIdle());
    const Notice& n = page->messageBar().notice();
    QCOMPARE(n.level, MessageLevel::Warning);
    QCOMPARE(n.title, ExportPage::tr("%n file(s) with these names are already in the folder.", nullptr, 1));
    QVERIFY2(n.text.contains(name), qPrintable(n.text));
    QVERIFY(n.details.contains(QLatin1String("already exists")));
    QCOMPARE(filesIn(out).size(), 1);
    QVERIFY(n.action);
    n.action();
    QVERIFY(f.waitIdle());
    QCOMPARE(filesIn(out).size(), 3);
    QVERIFY(QImage(QDir(out).filePath(name)).text(QStringLiteral("DigitalSourceType")).size() > 0);
    QVERIFY(page->resultRow()->isVisible());
  }

  void oneBatchCanBeChosen() {
    GuiFixture f;
    FakeProject p = catalogue(f);
    // A second, later batch with two approved images.
    BatchItem second;
    second.id = p.nextId++;
    second.status = BatchStatus::Done;
    second.total = second.done = 2;
    second.createdAt = QStringLiteral("2026-12-02T09:00:00.000Z");
    p.snapshot.batches.push_back(second);
    for (int k = 0; k < 2; ++k) {
      ImageItem i = p.snapshot.images.first();
      i.id = p.nextId++;
      i.jobId = second.id;
      i.review = ReviewState::Approved;
      p.snapshot.images.push_back(i);
    }
    ExportPage* page = showExport(f, p);
    QCOMPARE(page->imagesBox()->count(), 3);
    page->imagesBox()->setCurrentIndex(page->imagesBox()->findData(second.id));
    QCOMPARE(page->currentSettings().imageIds, approvedIds(f, second.id));
    QVERIFY(waitNames(f, page));
    QCOMPARE(page->namePanel()->shownNames().size(), 2);
    setFolder(f, page, f.path(QStringLiteral("second")));
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    QCOMPARE(filesIn(f.path(QStringLiteral("second"))).size(), 2);
    // After a review changes the batch's approvals the choice stays on that batch.
    f.controller->setReview({approvedIds(f, second.id).first()}, ReviewState::Rejected);
    QVERIFY(f.waitIdle());
    QCOMPARE(page->imagesBox()->currentData().toLongLong(), second.id);
    QVERIFY(page->exportButton()->text().contains(QLatin1Char('1')));
  }

  void nothingApprovedSaysWhy() {
    GuiFixture f;
    FakeProject p = catalogue(f);
    for (ImageItem& i : p.snapshot.images) i.review = ReviewState::New;
    ExportPage* page = showExport(f, p);
    QVERIFY(!page->exportButton()->isEnabled());
    QCOMPARE(page->reasonLabel()->text(), ExportPage::tr("Approve images on the Review page first."));
    QCOMPARE(page->imagesBox()->count(), 1);
  }

  void contactSheetIsARealPdfWithJapaneseCaptions() {
    LanguageScope japanese(QStringLiteral("ja"));
    GuiFixture f;
    FakeProject p = catalogue(f);
    const QString product = QStringLiteral("青いマグカップ");
    p.snapshot.products.first().name = product;
    for (ImageItem& i : p.snapshot.images) i.productName = product;
    ExportPage* page = showExport(f, p);
    page->contactSheetBox()->click();
    const QString out = f.path(QStringLiteral("sheet"));
    setFolder(f, page, out);
    page->exportButton()->click();
    QVERIFY(f.waitIdle());
    const QString pdf = QDir(out).filePath(QLatin1String(kContactSheetFileName));
    QVERIFY(QFileInfo::exists(pdf));
    QVERIFY(page->resultLabel()->text().contains(QLatin1String(kContactSheetFileName)));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(pdfPages(bytes), 1);
    const QString text = pdfText(pdf);
    if (text.isNull()) QSKIP("pdftotext (poppler-utils) is not installed: the captions were not read back");
    QVERIFY2(text.contains(product), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("白背景のスタジオ")), qPrintable(text));  // template labels in Japanese
    QVERIFY2(text.contains(QStringLiteral("Blue mug")), qPrintable(text));  // the title: the project's name
    for (qint64 id : approvedIds(f))
      QVERIFY2(text.contains(QStringLiteral("%1.png").arg(id)), qPrintable(text));  // the file names
  }

  void contactSheetOnAWorkerThread() {
    // The engine calls it on the job runner's thread: pages, captions in both scripts, pictures.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
    QList<ContactSheetEntry> entries;
    for (int k = 0; k < 21; ++k)
      entries.push_back({FakeEngine::photo(k, 256),
                         {QStringLiteral("青いマグ-white-studio-%1.png").arg(k + 1), QStringLiteral("青いマグ・白背景のスタジオ"),
                          QStringLiteral("No. %1・シード %2・承認済み").arg(k + 1).arg(4200 + k)}});
    QString failure;
    QThread* worker = QThread::create([&] {
      try {
        writeContactSheet(pdf, QStringLiteral("春のカタログ — コンタクトシート"), entries);
      } catch (const std::exception& e) {
        failure = QString::fromUtf8(e.what());
      }
    });
    worker->start();
    QVERIFY(worker->wait(60000));
    delete worker;
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(pdfPages(file.readAll()), 2);  // 16 a page
    // A folder that does not exist: a typed error, no file.
    QVERIFY_THROWS_EXCEPTION(rashisa::Error, writeContactSheet(dir.filePath(QStringLiteral("no/such/x.pdf")), {}, entries));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no/such/x.pdf"))));

    const QString text = pdfText(pdf);
    const QString first = pdfText(pdf, 1);
    const QImage picture = pdfPicture(pdf, dir.filePath(QStringLiteral("page1")));
    if (text.isNull() || picture.isNull()) QSKIP("poppler-utils (pdftotext, pdftoppm) are not installed");
    for (const QString& expected : {QStringLiteral("春のカタログ"), QStringLiteral("シード 4200"), QStringLiteral("承認済み"),
                                    QStringLiteral("白背景のスタジオ"), QStringLiteral("No. 16"),
                                    QStringLiteral("21 image"), QStringLiteral("Page 1 of 2")})
      QVERIFY2(first.contains(expected), qPrintable(expected + QStringLiteral(" not in\n") + first));
    QVERIFY2(!first.contains(QStringLiteral("No. 17")), "page 1 holds 16 images");
    QVERIFY2(text.contains(QStringLiteral("No. 21")) && text.contains(QStringLiteral("Page 2 of 2")), qPrintable(text));
    // The rendering: A4 portrait with the pictures' colours in the first cell.
    QVERIFY(picture.height() > picture.width());
    const QImage photo = FakeEngine::photo(0, 256);
    const QColor centre = photo.pixelColor(128, 128);
    bool found = false;
    for (int y = picture.height() / 8; y < picture.height() / 4 && !found; ++y)
      for (int x = 0; x < picture.width() / 4 && !found; ++x) {
        const QColor c = picture.pixelColor(x, y);
        found = std::abs(c.red() - centre.red()) < 20 && std::abs(c.green() - centre.green()) < 20 &&
                std::abs(c.blue() - centre.blue()) < 20;
      }
    QVERIFY2(found, "the first image is not on the rendered page");
  }
};

RASHISA_GUI_TEST_MAIN(TestExportPage)
#include "test_export_page.moc"
