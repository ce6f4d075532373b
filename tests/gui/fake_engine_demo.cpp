// FakeEngine: the demo project, "made" in memory (its progress reported as the engine does).
#include "tests/gui/fake_engine.h"

#include <QDir>

namespace rashisa::testing {

ModelInfo demoModel(const QString& path) {
  ModelInfo m{path, QStringLiteral("diffusers folder"), QStringLiteral("SD 1.x"), false, 512, 4123456};
  m.demo = true;
  return m;
}

FakeProject demoProject(const QString& path, const QString& modelPath, const QString& productName) {
  FakeProject p = photosProject(path, modelPath);
  p.snapshot.model = demoModel(modelPath);
  p.snapshot.draftName = productName;
  p.snapshot.draftCategory = QStringLiteral("mug");
  p.snapshot.demoTraining = DemoTraining{};
  return p;
}

QString FakeEngine::makeDemoProject(const QString& folder, const QString& productName, JobContext& context) {
  record("makeDemoProject");
  const QString path = QDir(folder).filePath(QStringLiteral("demo.rashisa"));
  const QString model = QDir(folder).filePath(QStringLiteral("demo-model"));
  {
    QMutexLocker lock(&state_->mutex);
    if (state_->projects.contains(path)) return path;  // an existing demo is left as it is
  }
  context.report({QStringLiteral("model"), 0, 1});
  context.report({QStringLiteral("model"), 1, 1});
  for (int i = 1; i <= 8; ++i) context.report({QStringLiteral("photos"), i, 8});
  context.report({QStringLiteral("project"), 0, 1});
  QMutexLocker lock(&state_->mutex);
  state_->script.models.insert(model, demoModel(model));
  state_->projects.insert(path, demoProject(path, model, productName));
  ++state_->demosMade;
  return path;
}

}  // namespace rashisa::testing
