// WorkflowEngine: the demo (photos and a tiny model Rashisa makes itself, and a project with them).
#include "engine/store/project.h"
#include "engine/workflow/demo.h"
#include "ui/jobs/workflow_convert_p.h"
#include "ui/jobs/workflow_engine.h"

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
  const auto kept = workflow::demo_training(project);
  if (!kept) return std::nullopt;
  DemoTraining d;
  d.resolution = kept->resolution;
  d.steps = kept->steps;
  d.batch = kept->batch;
  d.previewEvery = kept->preview_every;
  return d;
}

}  // namespace rashisa::ui
