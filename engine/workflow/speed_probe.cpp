#include "engine/workflow/speed_probe.h"

#include "engine/core/error.h"
#include "engine/ml/pipeline/device.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/train/trainer.h"
#include "engine/workflow/model_session_p.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <chrono>

namespace rashisa::workflow {

namespace {

using Clock = std::chrono::steady_clock;

/// Steps measured per stage after the untimed first one: a GPU step is short and varies, a
/// CPU step at 512 px takes tens of seconds and varies little.
int timed_steps(const torch::Device& device) { return device.is_cuda() ? 3 : 1; }

/// Times steps that end in progress callbacks: a step runs from the return of the previous
/// callback to the next call, so the caller's own callback time is not counted.
class StepClock {
 public:
  StepClock(const torch::Device& device, const ProgressCallback& progress, int total)
      : device_(device), progress_(progress), total_(total) {}

  /// Called at the end of a step: records its time (timed unless it is the first of its
  /// stage) and reports progress. Returns false to stop.
  bool step_done(bool first_of_stage) {
    if (device_.is_cuda()) torch::cuda::synchronize(device_.index());
    const auto end = Clock::now();
    if (!first_of_stage) {
      seconds_ += std::chrono::duration<double>(end - resumed_).count();
      ++timed_;
    }
    Progress p;
    p.stage = "measure";
    p.step = ++done_;
    p.total = total_;
    const bool go_on = !progress_ || progress_(p);
    resumed_ = Clock::now();
    return go_on;
  }
  /// Mean seconds of the timed steps since the last call, then starts over.
  double take_mean() {
    const double mean = timed_ ? seconds_ / timed_ : 0.0;
    seconds_ = 0.0;
    timed_ = 0;
    return mean;
  }
  Clock::time_point resumed() const { return resumed_; }

 private:
  torch::Device device_;
  const ProgressCallback& progress_;
  int total_;
  int done_ = 0;
  int timed_ = 0;
  double seconds_ = 0.0;
  Clock::time_point resumed_ = Clock::now();
};

/// Noise photos: the cost of a step does not depend on what the photos show.
std::vector<ml::TrainingPhoto> synthetic_photos(int resolution) {
  auto gen = at::detail::createCPUGenerator(20240601);
  std::vector<ml::TrainingPhoto> photos;
  for (int i = 0; i < 4; ++i) {
    ml::TrainingPhoto p;
    p.rgb = torch::randint(0, 256, {resolution, resolution, 3}, gen, torch::kUInt8);  // [H,W,3]
    p.sha256 = "speed-probe-" + std::to_string(i);
    photos.push_back(std::move(p));
  }
  return photos;
}

/// A category word the model knows as one token (any works: the speed does not depend on it).
std::string any_category(const ml::ClipTokenizer& tokenizer) {
  for (const char* word : {"toy", "mug", "bag", "object", "thing"})
    if (tokenizer.single_token_id(word)) return word;
  throw Error(ErrorCode::UnsupportedModel,
              "the model's tokenizer knows none of the everyday words toy, mug or bag; it cannot be trained on");
}

}  // namespace

std::array<StagePlanView, 3> preset_plan(const std::string& preset) {
  const auto kind = ml::preset_from_name(preset);
  if (!kind) throw Error(ErrorCode::InvalidArgument, "unknown training preset \"" + preset + "\"; use default or fast");
  const ml::StagePlan plan = ml::stage_plan(*kind);
  std::array<StagePlanView, 3> out;
  for (int k = 0; k < 3; ++k) out[k] = {plan[k].steps, plan[k].batch};
  return out;
}

double estimate_training_seconds(const TrainingSpeed& speed, const std::string& preset) {
  const auto plan = preset_plan(preset);
  double seconds = 0.0;
  for (int k = 0; k < 3; ++k) seconds += plan[k].steps * plan[k].batch * speed.seconds_per_sample[k];
  return seconds;
}

TrainingSpeed measure_training_speed(ModelSession& session, int resolution, const ProgressCallback& progress,
                                     const CancelToken* cancel) {
  auto& impl = session.impl();
  auto& model = impl.model;
  const bool cuda = model.device.is_cuda();
  if (model.dtype != torch::kFloat32)
    throw Error(ErrorCode::InvalidArgument,
                "measuring the training speed needs the model opened for training (fp32 weights), not for generation");
  // The trainer always starts from the base model; the session then holds no product.
  if (model.concept_backup) ml::remove_concept(model);
  impl.applied_concept.clear();

  ml::TrainSettings settings;
  settings.category = any_category(*model.tokenizer);
  settings.stages = ml::stage_plan(ml::TrainPreset::Default);
  const int steps = 1 + timed_steps(model.device);
  for (auto& stage : settings.stages) {
    stage.steps = steps;
    if (!cuda) stage.batch = 1;
  }
  settings.augment.resolution = resolution;
  settings.memory = ml::memory_plan_for(cuda, ml::free_device_memory(model.device));
  settings.checkpoint_every = 0;  // and no checkpoint folder: nothing is written

  TrainingSpeed speed;
  speed.device = session.device_name();
  speed.description = session.device_description();
  speed.resolution = resolution;
  StepClock clock(model.device, progress, 3 * steps);
  int stage_index = 0;
  const auto on_step = [&](const Progress& p) {
    const int stage = p.stage.back() - '0';  // "stage1".."stage3"
    if (stage != stage_index && stage_index > 0)  // the previous stage is done
      speed.seconds_per_sample[stage_index - 1] = clock.take_mean() / settings.stages[stage_index - 1].batch;
    stage_index = stage;
    return clock.step_done(p.step == 1);
  };
  ml::train_concept(model, synthetic_photos(resolution), settings, on_step, cancel);
  speed.seconds_per_sample[2] = clock.take_mean() / settings.stages[2].batch;
  return speed;
}

GenerationSpeed measure_generation_speed(ModelSession& session, int width, int height,
                                         const ProgressCallback& progress, const CancelToken* cancel) {
  auto& model = session.impl().model;
  ml::GenerateParams params;
  params.prompt = "a photo of a mug on a wooden table";
  params.width = width;
  params.height = height;
  params.steps = 1 + timed_steps(model.device);
  ml::validate(params);
  if (model.device.is_cuda()) {  // kernel selection and allocator warm-up, at this size
    ml::GenerateParams warm = params;
    warm.steps = 1;
    ml::txt2img(model, warm, {}, {}, cancel);
  }
  GenerationSpeed speed;
  speed.width = width;
  speed.height = height;
  speed.device = session.device_name();
  StepClock clock(model.device, progress, params.steps);
  int step = 0;
  ml::txt2img(model, params, {}, [&](const Progress&) { return clock.step_done(++step == 1); }, cancel);
  speed.decode_seconds = std::chrono::duration<double>(Clock::now() - clock.resumed()).count();
  speed.seconds_per_step = clock.take_mean();
  return speed;
}

double estimate_image_seconds(const GenerationSpeed& speed, int steps) {
  return steps * speed.seconds_per_step + speed.decode_seconds;
}

}  // namespace rashisa::workflow
