// The window on the real engine and the tiny reference model (label slow), in Japanese: a new project,
// photos dropped in, the product named, training a few steps at 64 px with previews and heat
// maps that appear and are stored in the project, the try-it box; a template set to 64 px on the
// Templates page, a batch of 4 from the Generate page, 2 approved with the keyboard on the Review
// page and exported with the AI label from the Export page; then a second project whose
// window is killed (SIGKILL) during stage 2 is opened again, resumed from the Learn page, and
// must give bit for bit the same trained product as the uninterrupted run.
#include "engine/model_io/safetensors.h"
#include "engine/store/project.h"
#include "tests/gui/fake_engine.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/real_window.h"
#include "tests/gui/translations.h"
#include "engine/export/image_export.h"
#include "ui/jobs/workflow_engine.h"
#include "ui/models/preview_list_model.h"
#include "ui/models/choice_list_model.h"
#include "ui/models/image_list_model.h"
#include "ui/pages/export_page.h"
#include "ui/pages/generate_page.h"
#include "ui/pages/generate_setup_panel.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/photos_page.h"
#include "ui/pages/review_page.h"
#include "ui/pages/training_panel.h"
#include "ui/pages/try_panel.h"
#include "ui/widgets/scaled_image.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QCheckBox>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

QString referenceDir() {
  const QString env = qEnvironmentVariable("RASHISA_REFERENCE_DIR");
  return env.isEmpty() ? qEnvironmentVariable("RASHISA_SOURCE_DIR") + QStringLiteral("/../shared/reference") : env;
}

/// The first model of the reference manifest (the folder's own list; no names hard-coded here).
QString referenceModel() {
  QFile f(referenceDir() + QStringLiteral("/manifest.json"));
  if (!f.open(QIODevice::ReadOnly)) return {};
  // The manifest is Python-flavoured JSON (bare -Infinity in scheduler configs).
  QByteArray raw = f.readAll();
  raw.replace("-Infinity", "null").replace("Infinity", "null").replace("NaN", "null");
  const QJsonObject models = QJsonDocument::fromJson(raw).object().value(QStringLiteral("models")).toObject();
  if (models.isEmpty()) return {};
  return QDir(referenceDir()).filePath(models.begin().value().toObject().value(QStringLiteral("path")).toString());
}

/// A red ball with a yellow band on teal, somewhere else in each photo.
QStringList makeBallPhotos(const QString& folder) {
  QDir().mkpath(folder);
  QStringList out;
  for (int i = 0; i < 6; ++i) {
    QImage img(128, 128, QImage::Format_RGB32);
    img.fill(QColor(20, 140, 150));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(44 + 8 * (i % 4), 50 + 7 * (i % 3));
    const double r = 30 + 3 * (i % 2);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(220, 30, 40));
    p.drawEllipse(c, r, r);
    p.setBrush(QColor(250, 220, 30));
    p.drawRect(QRectF(c.x() - r, c.y() - 5, 2 * r, 10));
    p.end();
    const QString file = QDir(folder).filePath(QStringLiteral("ball-%1.jpg").arg(i));
    img.save(file, "JPEG", 95);
    out << file;
  }
  return out;
}

using Window = RealWindow;

/// A new project with the photos dropped on the Photos page, named and with its category.
void setUpProject(Window& w, const QString& path, const QStringList& photos) {
  w.controller->newProject(path);
  QVERIFY(w.waitIdle(120000));
  QCOMPARE(w.controller->project().path, path);
  QVERIFY2(w.controller->project().model.has_value(), qPrintable(w.controller->project().modelProblem));
  PhotosPage* page = w.window->photosPage();
  QMimeData mime;
  QList<QUrl> urls;
  for (const QString& p : photos) urls << QUrl::fromLocalFile(p);
  mime.setUrls(urls);
  QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(page, &enter);
  QCoreApplication::sendEvent(page, &drop);
  QVERIFY(w.waitIdle(120000));
  QCOMPARE(w.controller->project().photos.size(), photos.size());
  page->nameEdit()->setText(QStringLiteral("Red ball"));
  QMetaObject::invokeMethod(page->nameEdit(), "editingFinished");
  page->categoryBox()->setCurrentIndex(page->categoryBox()->findData(QStringLiteral("toy")));
  QMetaObject::invokeMethod(page->categoryBox()->lineEdit(), "editingFinished");
  QVERIFY(w.waitIdle(60000));
  QVERIFY(page->nextButton()->isEnabled());
  page->nextButton()->click();
  QCOMPARE(w.window->currentPage(), PageId::Learn);
}

/// A short run at 64 px, as the user sets it under Advanced settings; returns at once.
void startShortTraining(Window& w) {
  LearnSetupPanel* setup = w.window->learnPage()->setupPanel();
  setup->setAdvancedOpen(true);
  setup->resolutionBox()->setValue(64);
  setup->stepsBox(1)->setValue(2);
  setup->stepsBox(2)->setValue(30);
  setup->stepsBox(3)->setValue(3);
  setup->previewEveryBox()->setValue(10);
  QVERIFY2(setup->startButton()->isEnabled(), qPrintable(setup->blockedReason()->text()));
  setup->startButton()->click();
}

/// The catalogue half, in the window: one template of the catalogue, a batch of 4 images,
/// 2 approved with the keyboard on the Review page, exported with the AI label.
void makeApproveAndExport(Window& w, const QString& exportFolder) {
  const ProjectSnapshot& project = w.controller->project();
  qint64 templateId = 0;
  for (const TemplateItem& t : project.templates) {
    qint64 prompts = 1;
    for (const TemplateVariable& v : t.variables) prompts *= v.values.size();
    if (prompts == 4) templateId = t.id;  // the catalogue's template with four prompts
  }
  QVERIFY2(templateId > 0, "the built-in catalogue has no template with four prompts");

  // On the Templates page: the tiny model makes 64 px images, so the template is set to that.
  setTemplateSize(w, templateId, 64);
  if (QTest::currentTestFailed()) return;

  w.window->showPage(PageId::Generate);
  GeneratePage* generate = w.window->generatePage();
  GenerateSetupPanel* setup = generate->setupPanel();
  for (const TemplateItem& t : project.templates) setup->templates()->setChecked(t.id, t.id == templateId);
  setup->seedsBox()->setValue(1);
  setup->stepsBox()->setValue(8);
  QVERIFY(QTest::qWaitFor([&] { return generate->planReady() && generate->startButton()->isEnabled(); }, 60000));
  QCOMPARE(generate->plan()->images, 4);
  generate->startButton()->click();
  QVERIFY(w.waitIdle(600000));
  QCOMPARE(generate->gallery()->rowCount(), 4);

  w.window->showPage(PageId::Review);
  ReviewPage* review = w.window->reviewPage();
  QCOMPARE(review->images()->rowCount(), 4);
  review->reviewerEdit()->setText(QStringLiteral("佐藤"));
  QMetaObject::invokeMethod(review->reviewerEdit(), "editingFinished");
  review->grid()->setFocus();
  review->grid()->setCurrentIndex(review->images()->index(0, 0));
  QTest::keyClick(review->grid(), Qt::Key_A);  // approve, and on to the next image
  QTest::keyClick(review->grid(), Qt::Key_A);
  QVERIFY(w.waitIdle(60000));
  int approved = 0;
  for (const ImageItem& i : w.controller->project().images) approved += i.review == ReviewState::Approved ? 1 : 0;
  QCOMPARE(approved, 2);

  w.window->showPage(PageId::Export);
  ExportPage* exportPage = w.window->exportPage();
  w.dialogs.exportDir = exportFolder;
  exportPage->chooseFolderButton()->click();
  QVERIFY(!exportPage->includePromptsBox()->isChecked());
  QVERIFY(QTest::qWaitFor([&] { return exportPage->exportButton()->isEnabled(); }, 30000));
  exportPage->exportButton()->click();
  QVERIFY(w.waitIdle(120000));
  const QStringList files = QDir(exportFolder).entryList({QStringLiteral("*.png")}, QDir::Files);
  QCOMPARE(files.size(), 2);
  for (const QString& f : files) {
    const auto read = rashisa::exporting::read_provenance(QDir(exportFolder).filePath(f).toStdString());
    QCOMPARE(QString::fromStdString(read.digital_source_type),
             QStringLiteral("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"));
    QVERIFY2(read.provenance.prompt.empty(), "the prompt left the project without being asked for");
  }
}

/// Every tensor of a product's stored package, by name (bytes); the header's metadata (times)
/// is left out.
std::map<std::string, std::string> packageTensors(const QString& project) {
  auto p = rashisa::store::Project::open(std::filesystem::u8path(project.toStdString()));
  const auto concepts = p.list_concepts();
  if (concepts.size() != 1) return {};
  const auto bytes = p.load_package(concepts.front().id);
  if (!bytes) return {};
  const QString file = project + QStringLiteral(".package.safetensors");
  {
    std::ofstream out(file.toStdString(), std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes->data()), static_cast<std::streamsize>(bytes->size()));
  }
  std::map<std::string, std::string> out;
  const auto st = rashisa::model_io::SafetensorsFile::open(std::filesystem::u8path(file.toStdString()));
  for (const auto& t : st.tensors())
    out[t.name] = std::string(reinterpret_cast<const char*>(st.data(t)), static_cast<std::size_t>(t.end - t.begin));
  return out;
}

int runChild(const QString& project, const QString& model) {
  LanguageScope english(QStringLiteral("en"));
  Window w(model);
  w.controller->openProject(project);
  if (!w.waitIdle(120000)) return 3;
  w.window->showPage(PageId::Learn);
  startShortTraining(w);
  QObject::connect(w.controller.get(), &AppController::trainingChanged, [&] {
    if (w.controller->live() && w.controller->live()->stage >= 2) {
      std::printf("STAGE2\n");
      std::fflush(stdout);
    }
  });
  return QApplication::exec();  // until the parent kills this process
}

}  // namespace

class TestGuiEndToEnd : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void learnsInTheWindowAndResumesAfterAKill() {
    const QString model = referenceModel();
    Window w(model);
    const QStringList photos = makeBallPhotos(w.dir.filePath(QStringLiteral("photos")));

    // 1. The uninterrupted run, with previews and heat maps.
    const QString straight = w.dir.filePath(QStringLiteral("straight.rashisa"));
    setUpProject(w, straight, photos);
    QElapsedTimer timer;
    timer.start();
    startShortTraining(w);
    QVERIFY(w.waitIdle(600000));
    qInfo("uninterrupted training in the window: %.1f s", timer.elapsed() / 1000.0);
    LearnPage* learn = w.window->learnPage();
    QCOMPARE(learn->state(), LearnPage::State::Done);
    TrainingPanel* panel = learn->trainingPanel();
    // Every 10 steps and at each stage end: 1 + 3 + 1 points, two seeds each.
    QCOMPARE(panel->previews()->rowCount(), 10);
    for (int row = 0; row < panel->previews()->rowCount(); ++row) {
      const TrainingPreview& p = panel->previews()->at(row);
      QCOMPARE(p.image.size(), QSize(64, 64));
      QCOMPARE(p.heat.size(), QSize(64, 64));
    }
    QVERIFY(panel->largePreview(0)->hasImage());
    TryPanel* t = panel->tryPanel();
    t->promptEdit()->setText(QStringLiteral("a photo of {concept} on a wooden table"));
    t->makeButton()->click();
    QVERIFY(w.waitIdle(300000));
    for (int i = 0; i < 4; ++i) QVERIFY(t->image(i)->hasImage());

    // 1b. Templates, a batch, review, export — all from the window.
    timer.restart();
    makeApproveAndExport(w, w.dir.filePath(QStringLiteral("exported")));
    qInfo("a batch of 4, two approved, exported: %.1f s", timer.elapsed() / 1000.0);

    // The previews are in the project: a fresh engine reads them back.
    {
      WorkflowEngine engine;
      const ProjectSnapshot s = engine.openProject(straight);
      QCOMPARE(s.products.size(), 1);
      QVERIFY(s.products.front().trained);
      QCOMPARE(s.products.front().previews.size(), 10);
      QVERIFY(!s.products.front().previews.front().heat.isNull());
    }

    // 2. The same product in a second project, trained by another window that is killed.
    const QString killed = w.dir.filePath(QStringLiteral("killed.rashisa"));
    setUpProject(w, killed, photos);
    w.controller->closeProject();
    QVERIFY(w.waitIdle(60000));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-train"), killed, model});
    QVERIFY(child.waitForStarted());
    QElapsedTimer waited;
    waited.start();
    QByteArray out;
    while (!out.contains("STAGE2") && waited.elapsed() < 600000 && child.state() == QProcess::Running) {
      child.waitForReadyRead(200);
      out += child.readAllStandardOutput();
    }
    QVERIFY2(out.contains("STAGE2"), out.constData());
    child.kill();  // SIGKILL: no chance to save anything more
    QVERIFY(child.waitForFinished());

    // 3. Opened again, the Learn page says where it stopped; resume finishes it.
    w.controller->openProject(killed);
    QVERIFY(w.waitIdle(120000));
    w.window->showPage(PageId::Learn);
    QCOMPARE(learn->state(), LearnPage::State::Interrupted);
    QVERIFY2(learn->interruptedText()->text().contains(QStringLiteral("段階 2")),
             qPrintable(learn->interruptedText()->text()));
    learn->resumeButton()->click();
    QVERIFY(w.waitIdle(600000));
    QCOMPARE(learn->state(), LearnPage::State::Done);
    w.controller->closeProject();
    QVERIFY(w.waitIdle(60000));

    const auto a = packageTensors(straight);
    const auto b = packageTensors(killed);
    QVERIFY(!a.empty());
    QCOMPARE(a.size(), b.size());
    for (const auto& [name, bytes] : a) {
      QVERIFY2(b.count(name), name.c_str());
      QVERIFY2(b.at(name) == bytes, ("differs after the resume: " + name).c_str());
    }
  }
};

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc == 4 && QByteArray(argv[1]) == "--child-train")
    return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
  if (referenceModel().isEmpty()) {
    std::printf("skipped: the reference folder (RASHISA_REFERENCE_DIR, default ../shared/reference) is missing\n");
    return 77;
  }
  // In Japanese, as the people it is for use it (the killed child window runs in English).
  rashisa::testing::LanguageScope japanese(QStringLiteral("ja"));
  TestGuiEndToEnd test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_gui_e2e.moc"
