// WorkflowEngine: the demo (photos and a tiny model Rashisa makes itself, and a project with them).
#include "engine/store/project.h"
#include "engine/workflow/demo.h"
#include "ui/jobs/workflow_convert_p.h"
#include "ui/jobs/workflow_engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rashisa::ui {

using namespace convert;

QString WorkflowEngine::makeDemoProject(const QString& folder, const QString& productName, JobContext& context) {
  const std::filesystem::path dir = convert::path(folder);
  const workflow::DemoProject paths = workflow::demo_paths(dir);
  std::error_code ec;
  if (std::filesystem::exists(paths.project, ec)) return text(paths.project);  // nothing is replaced
  workflow::DemoOptions options;
  options.product_name = productName.trimmed().toStdString();
  options.device = device_;
  const workflow::DemoProject made =
      workflow::make_demo_project(dir, options, reporter(context), context.cancelToken());
  return text(made.project);
}

bool WorkflowEngine::isDemoModel(const QString& path) { return workflow::is_demo_model(convert::path(path)); }

std::optional<DemoTraining> WorkflowEngine::demoTraining(const store::Project& project) {
  const std::string value = project.setting(workflow::kDemoSettingKey);
  if (value.empty()) return std::nullopt;
  const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(value)).object();
  DemoTraining d;
  d.resolution = o.value(QStringLiteral("resolution")).toInt(d.resolution);
  const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
  for (int k = 0; k < 3 && k < steps.size(); ++k) d.steps[k] = steps[k].toInt(d.steps[k]);
  d.batch = o.value(QStringLiteral("batch")).toInt(d.batch);
  d.previewEvery = o.value(QStringLiteral("preview_every")).toInt(d.previewEvery);
  return d;
}

}  // namespace rashisa::ui
