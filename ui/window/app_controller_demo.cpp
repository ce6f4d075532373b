// AppController: the demo, made by Rashisa itself (photos and a tiny model) so the whole job
// can be tried on any computer in a few minutes.
#include "ui/window/app_controller.h"

#include <QDir>
#include <QStandardPaths>

namespace rashisa::ui {

QString AppController::demoFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo"));
}

bool AppController::usesDemoModel() const {
  const auto m = model();
  return m && m->demo;
}

QString AppController::speedFamily() const {
  const auto& m = speedModel();
  if (!m) return {};
  // The demo model is tiny: its speed says nothing about a real model of its family.
  return m->demo ? QStringLiteral("demo") : m->family;
}

void AppController::openDemo(const QString& folder) {
  if (openingDemo_) return;
  if (live_) cancelJob();
  const QString dir = folder.isEmpty() ? demoFolder() : folder;
  const QString productName = tr("Demo mug");
  openingDemo_ = true;
  runner_->submit(JobKind::MakeDemo, tr("Preparing the demo"), [dir, productName](Engine& e, JobContext& c) {
    const QString path = e.makeDemoProject(dir, productName, c);
    return QVariant::fromValue(e.openProject(path));
  });
  Q_EMIT busyChanged();
}

}  // namespace rashisa::ui
