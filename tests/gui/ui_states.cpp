#include "tests/gui/ui_states.h"

#include "tests/gui/fake_engine_generate.h"

#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/photos_page.h"
#include "ui/pages/start_page.h"
#include "ui/pages/training_panel.h"
#include "ui/pages/try_panel.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

void show(GuiFixture& f, PageId page) {
  f.window->show();
  f.window->showPage(page);
  f.waitIdle();
}

QByteArray pngOf(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

void rememberProjects(GuiFixture& f) {
  const QStringList names = {QStringLiteral("Spring catalogue"), QStringLiteral("Blue mug")};
  int i = 0;
  for (const QString& name : names) {
    const QString path = f.path(name + QStringLiteral(".rashisa"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    RecentProject r;
    r.path = path;
    r.name = name;
    r.productsTrained = 1 + i;
    r.imagesMade = 48 * (i + 1);
    r.lastOpened = QDateTime(QDate(2026, 11, 20 + i), QTime(10, 30), QTimeZone::utc());
    r.thumbnailPng = pngOf(FakeEngine::photo(3 + i, 64));
    f.settings->rememberProject(r);
    ++i;
  }
  f.window->startPage()->refreshRecent();
}

void startTraining(GuiFixture& f, int holdStage, qint64 holdStep) {
  f.state->script.holdStage = holdStage;
  f.state->script.holdStep = holdStep;
  f.state->script.device.description = QStringLiteral("NVIDIA GeForce RTX 4090");
  f.settings->setTrainingSpeed(QStringLiteral("SD 2.x"), {{0.09, 0.07, 0.16},
                                                          QStringLiteral("NVIDIA GeForce RTX 4090"),
                                                          QStringLiteral("NVIDIA GeForce RTX 4090"),
                                                          512});
  f.openFakeProject(photosProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
  LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
  setup->previewEveryBox()->setValue(50);
  show(f, PageId::Learn);
  setup->startButton()->click();
  f.waitFor([&] { return f.state->holding.load() || !f.controller->jobs().isBusy(); });
  for (int i = 0; i < 20; ++i) QCoreApplication::processEvents();
}

void release(GuiFixture& f) {
  f.state->released = true;
  f.controller->cancelJob();
  f.waitIdle();
}

}  // namespace

QStringList uiStateData() {
  // The catalogue's data first: its prompts contain shorter data ("mug").
  return catalogueStateData() +
         QStringList{QStringLiteral("Blue mug"), QStringLiteral("Spring catalogue"), QStringLiteral("mug"),
                     QStringLiteral("stable-diffusion-2-1-base"), QStringLiteral("SD 2.x"),
                     QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("CPU (2 threads)"),
                     QStringLiteral("{concept}"), QStringLiteral("Rashisa"), QStringLiteral("New product")} +
         templatesStateData() + demoStateData() + hardeningStateData();
}

QList<UiState> uiStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("start-first-run"), {true, true, false}, [](GuiFixture& f) { show(f, PageId::Start); }, {}});
  s.push_back({QStringLiteral("start-recent"), {}, [](GuiFixture& f) {
                 rememberProjects(f);
                 show(f, PageId::Start);
               }, {}});
  s.push_back({QStringLiteral("start-no-gpu"), {true, false, true}, [](GuiFixture& f) { show(f, PageId::Start); }, {}});
  s.push_back({QStringLiteral("photos-empty"), {}, [](GuiFixture& f) {
                 f.dialogs.newProject = f.path(QStringLiteral("New product.rashisa"));
                 f.controller->newProject(f.dialogs.newProject);
                 f.waitIdle();
                 show(f, PageId::Photos);
               }, {}});
  s.push_back({QStringLiteral("photos-checked"), {}, [](GuiFixture& f) {
                 f.openFakeProject(photosProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
                 const QString folder = f.path(QStringLiteral("drop"));
                 f.makePhotos(folder, {QStringLiteral("IMG_0042.HEIC"), QStringLiteral("notes.txt"),
                                       QStringLiteral("price-list.pdf"), QStringLiteral("mug-front.jpg")});
                 f.controller->importPhotos({folder});
                 f.waitIdle();
                 show(f, PageId::Photos);
               }, {}});
  s.push_back({QStringLiteral("learn-no-model"), {true, true, false}, [](GuiFixture& f) {
                 FakeProject p = photosProject(f.path(QStringLiteral("Blue mug.rashisa")), QString());
                 p.snapshot.model.reset();
                 f.openFakeProject(p);
                 show(f, PageId::Learn);
               }, {}});
  s.push_back({QStringLiteral("learn-setup"), {}, [](GuiFixture& f) {
                 f.settings->setTrainingSpeed(QStringLiteral("SD 2.x"), {{0.09, 0.07, 0.16},
                                                                         QStringLiteral("NVIDIA GeForce RTX 4090"),
                                                                         QStringLiteral("NVIDIA GeForce RTX 4090"), 512});
                 f.settings->setAdvancedTrainingOpen(true);
                 f.openFakeProject(photosProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
                 f.window->learnPage()->setupPanel()->setAdvancedOpen(true);
                 show(f, PageId::Learn);
               }, {}});
  s.push_back({QStringLiteral("learn-training"), {}, [](GuiFixture& f) { startTraining(f, 3, 180); }, release});
  s.push_back({QStringLiteral("learn-paused"), {}, [](GuiFixture& f) {
                 startTraining(f, 2, 40);
                 f.controller->pauseJob();
                 f.state->released = true;
                 f.waitFor([&] { return !f.state->holding.load(); });
                 for (int i = 0; i < 20; ++i) QCoreApplication::processEvents();
               }, [](GuiFixture& f) {
                 f.controller->resumeJob();
                 release(f);
               }});
  s.push_back({QStringLiteral("learn-interrupted"), {}, [](GuiFixture& f) {
                 f.openFakeProject(interruptedProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
                 show(f, PageId::Learn);
               }, {}});
  s.push_back({QStringLiteral("learn-out-of-memory"), {}, [](GuiFixture& f) {
                 f.state->script.oomStage = 2;
                 f.state->script.oomStep = 30;
                 startTraining(f, 0, 0);
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("learn-done"), {}, [](GuiFixture& f) {
                 f.openFakeProject(trainedProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
                 show(f, PageId::Learn);
                 f.window->learnPage()->trainingPanel()->tryPanel()->makeButton()->click();
                 f.waitIdle();
               }, {}});
  for (const auto& more : {templatesStates(), generateStates(), reviewStates(), exportStates(), firstStartStates(), demoStates(),
                           hardeningStates()})
    s += more;
  return s;
}

}  // namespace rashisa::testing
