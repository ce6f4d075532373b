// WorkflowEngine: measuring, setting up, training and trying a product.
#include "engine/core/error.h"
#include "engine/store/project.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/speed_probe.h"
#include "engine/workflow/try_concept.h"
#include "ui/jobs/workflow_convert_p.h"
#include "ui/jobs/workflow_engine.h"

namespace rashisa::ui {

using namespace convert;

TrainingSpeed WorkflowEngine::measureSpeed(int resolution, JobContext& context) {
  workflow::ModelSession& s = session(context);
  const workflow::TrainingSpeed m =
      workflow::measure_training_speed(s, resolution, reporter(context), context.cancelToken());
  TrainingSpeed out;
  for (int k = 0; k < 3; ++k) out.secondsPerSample[k] = m.seconds_per_sample[k];
  out.device = text(m.description);
  out.description = text(m.description);
  out.resolution = m.resolution;
  return out;
}

qint64 WorkflowEngine::setUpProduct(const ProductSetup& setup) {
  store::Project& pr = project();
  const std::string name = setup.name.trimmed().toStdString();
  for (const auto& c : pr.list_concepts()) {
    if (c.spec.name != name) continue;
    // A product that has not started (nothing saved) takes the new settings; one with saved
    // progress or a result is never thrown away here.
    if (c.checkpoint_size || c.package_size)
      throw Error(ErrorCode::InvalidArgument,
                  "the product \"" + name + "\" already has training progress; resume it or start it over");
    pr.remove_concept(c.id);
  }
  workflow::ConceptSetup s;
  s.name = name;
  s.category = setup.category.toStdString();
  s.preset = setup.preset.toStdString();
  s.seed = setup.seed;
  s.resolution = setup.resolution;
  s.checkpoint_every = setup.checkpointEvery;
  for (int k = 0; k < 3; ++k) {
    s.stages[k].steps = setup.steps[k];
    s.stages[k].batch = setup.batch[k];
  }
  return workflow::create_concept(pr, s);
}

TrainResult WorkflowEngine::train(qint64 productId, const TrainOptions& options, JobContext& context) {
  store::Project& pr = project();
  workflow::ModelSession& s = session(context);
  workflow::TrainRun run;
  run.memory_plan = options.memoryPlan.toStdString();
  run.restart = options.restart;
  run.checkpoint_min_seconds = options.checkpointMinutes * 60.0;
  run.previews.every = options.previewEvery;
  run.on_preview = [&context](const workflow::TrainingPreview& p) {
    context.preview({p.stage, p.step, p.seed, png(p.image_png), png(p.heatmap_png)});
  };
  const workflow::TrainReport r =
      workflow::train_concept(pr, productId, s, run, reporter(context), context.cancelToken());
  TrainResult out;
  out.productId = productId;
  out.resumedStage = r.resumed_stage;
  out.resumedStep = r.resumed_step;
  out.seconds = r.seconds;
  out.warning = text(r.warning);
  return out;
}

QList<TryImage> WorkflowEngine::tryProduct(const TryRequest& request, JobContext& context) {
  store::Project& pr = project();
  workflow::ModelSession& s = session(context);
  workflow::TryRequest r;
  r.prompt = request.prompt.toStdString();
  r.negative_prompt = request.negativePrompt.toStdString();
  r.seeds.assign(request.seeds.begin(), request.seeds.end());
  r.width = r.height = request.size;
  r.steps = request.steps;
  r.guidance = request.guidance;
  const auto images = workflow::try_concept(
      pr, request.productId, s, r,
      [&context](const workflow::BatchProgress& p) {
        JobProgress out = progress(p.step);
        out.item = p.image;
        out.items = p.images;
        context.report(out);
        return context.proceed();
      },
      context.cancelToken());
  QList<TryImage> out;
  for (const auto& i : images) out.push_back({i.seed, png(i.png)});
  return out;
}

}  // namespace rashisa::ui
