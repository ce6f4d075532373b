#pragma once
// How long training and generation take on this machine, measured with a few real steps, so
// the GUI can say "about 25 minutes on this machine" before anything starts. Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/workflow/model_session.h"

#include <array>
#include <string>

namespace rashisa::workflow {

/// One stage of a training preset.
struct StagePlanView {
  int steps = 0;
  int batch = 0;
};

/// The three AttnDreamBooth stages of "default" or "fast" (DESIGN.md section 5);
/// Error(InvalidArgument) for any other name.
std::array<StagePlanView, 3> preset_plan(const std::string& preset);

struct TrainingSpeed {
  std::array<double, 3> seconds_per_sample{};  // per training image per step, for each stage, measured
  std::string device;       // session.device_name()
  std::string description;  // session.device_description()
  int resolution = 512;
};

/// Runs a few real training steps of each stage (the trainer's own code, memory plan and
/// mixed precision) on synthetic photos (the speed does not depend on the content) and changes
/// nothing: the session's model is exactly the base afterwards, bit for bit (a product applied
/// to the session is taken off; the next generation applies it again). On CUDA it measures at
/// the default preset's batch; on the CPU at batch 1 (a CPU step at batch 8 and 512 px takes
/// minutes) and scales per sample. Steps after the first of each stage are timed (the first
/// warms up). Progress: stage "measure", one step per timed or untimed step. Cancellable
/// (Error(Cancelled)). The session must be opened with SessionPurpose::Train on CUDA
/// (Error(InvalidArgument) otherwise); `resolution` is a multiple of 8 from 64 to 1024.
TrainingSpeed measure_training_speed(ModelSession& session, int resolution, const ProgressCallback& progress = {},
                                     const CancelToken* cancel = nullptr);

/// Seconds for one training run of `preset` at this speed: the sum over the stages of
/// steps x batch x seconds_per_sample. Error(InvalidArgument) for an unknown preset.
double estimate_training_seconds(const TrainingSpeed& speed, const std::string& preset);

struct GenerationSpeed {
  double seconds_per_step = 0;  // one denoising step with guidance (two UNet passes)
  double decode_seconds = 0;    // the VAE decode and the copy back, once per image
  int width = 512;
  int height = 512;
  std::string device;           // session.device_name()
};

/// Makes one image with a few denoising steps on the session's model as it is (the speed
/// does not depend on the prompt or the product) and times them; the first step is not timed.
/// On CUDA an untimed image of one step warms the kernels up first. Progress: stage "measure",
/// one step per denoising step. Cancellable (Error(Cancelled)). Sizes as for generation
/// (multiples of 8; Error(InvalidArgument) otherwise).
GenerationSpeed measure_generation_speed(ModelSession& session, int width, int height,
                                         const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// Seconds for one image of `steps` denoising steps at this speed.
double estimate_image_seconds(const GenerationSpeed& speed, int steps);

}  // namespace rashisa::workflow
