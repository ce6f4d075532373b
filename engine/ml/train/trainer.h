#pragma once
// The AttnDreamBooth job: three stages in one run, resumable from checkpoints.
#include "engine/core/progress.h"
#include "engine/ml/pipeline/sd_model.h"
#include "engine/ml/train/concept.h"
#include "engine/ml/train/train_config.h"

#include <string>
#include <vector>

namespace rashisa::ml {

struct TrainingPhoto {
  torch::Tensor rgb;   // [H,W,3] uint8, CPU, orientation already applied
  std::string sha256;  // of the original file bytes
};

struct TrainResult {
  Concept trained;  // the learned product (named so: `concept` is a C++20 keyword)
  std::array<std::vector<double>, 3> losses;      // per stage, per step (total loss)
  std::array<std::vector<double>, 3> reg_losses;  // the regulariser's part
  std::array<double, 3> seconds{};                // wall time per stage (this run)
  int resumed_stage = 0;                          // 0: fresh start; else stage resumed into (1..3)
  int resumed_step = 0;
};

/// "a photo of a <V> <category>" and checks that the category is one CLIP token.
/// Throws Error(InvalidArgument) with advice otherwise.
std::string training_prompt(const ClipTokenizer& tokenizer, const TrainSettings& settings);

/// Runs stages 1-3 on `model` (whose UNet is modified during the run and restored to the
/// base at the end). Throws Error(Cancelled) after writing a checkpoint when cancelled
/// (if a checkpoint folder is set), Error(OutOfMemory) naming a memory plan that fits.
TrainResult train_concept(StableDiffusionModel& model, const std::vector<TrainingPhoto>& photos,
                          const TrainSettings& settings, const ProgressCallback& progress = {},
                          const CancelToken* cancel = nullptr);

}  // namespace rashisa::ml
