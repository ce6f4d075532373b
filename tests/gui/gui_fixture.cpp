#include "tests/gui/gui_fixture.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

namespace rashisa::testing {

GuiFixture::GuiFixture(const GuiOptions& options) : state(std::make_shared<FakeState>()) {
  modelPath = dir.filePath(QStringLiteral("models/stable-diffusion-2-1-base"));
  state->script.models.insert(modelPath, ui::ModelInfo{modelPath, QStringLiteral("diffusers folder"),
                                                       QStringLiteral("SD 2.x"), false, 512, 1289952427});
  if (!options.gpu) state->script.device = FakeEngine::cpuDevice();
  settings = std::make_unique<ui::Settings>(dir.filePath(QStringLiteral("settings.ini")));
  if (options.defaultModel) settings->setDefaultModel(modelPath);
  controller = std::make_unique<ui::AppController>(std::make_unique<FakeEngine>(state), *settings, dialogs);
  if (options.window) {
    window = std::make_unique<ui::MainWindow>(*controller);
    window->resize(1280, 800);
  }
  controller->startUp({});
  waitIdle();
}

GuiFixture::~GuiFixture() {
  window.reset();
  controller.reset();
}

bool GuiFixture::waitIdle(int msecs) {
  QDeadlineTimer deadline(msecs);
  for (;;) {
    while (controller->jobs().isBusy()) {
      if (deadline.hasExpired()) return false;
      QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
      QThread::msleep(1);
    }
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
    if (!controller->jobs().isBusy()) return true;
  }
}

bool GuiFixture::waitFor(const std::function<bool()>& done, int msecs) {
  QDeadlineTimer deadline(msecs);
  while (!done()) {
    if (deadline.hasExpired()) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThread::msleep(1);
  }
  return true;
}

QStringList GuiFixture::makePhotos(const QString& folder, const QStringList& names) {
  QDir().mkpath(folder);
  QStringList out;
  int i = 0;
  for (const QString& name : names) {
    const QString file = QDir(folder).filePath(name);
    QDir().mkpath(QFileInfo(file).absolutePath());
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("png")) {
      FakeEngine::photo(i++, 96).save(file);
    } else {
      QFile f(file);
      f.open(QIODevice::WriteOnly);
      f.write("not a photo");
    }
    out.push_back(file);
  }
  return out;
}

void GuiFixture::openFakeProject(const FakeProject& project) {
  {
    QMutexLocker lock(&state->mutex);
    state->projects.insert(project.snapshot.path, project);
  }
  controller->openProject(project.snapshot.path);
  waitIdle();
}

}  // namespace rashisa::testing
