#pragma once
// Training previews: images of "a photo of <V> <category>" made with the weights as they are
// at a point of the training, with <V>'s cross-attention heat map (TrainPreview).
// Ref: lyuPang/AttnDreamBooth train_attndreambooth.py log_validation (25 inference steps of the
//      current pipeline under CUDA autocast, seeded per validation run).
#include "engine/core/progress.h"
#include "engine/ml/pipeline/sd_model.h"
#include "engine/ml/train/train_config.h"

#include <memory>
#include <string>
#include <vector>

namespace rashisa::ml {

/// "a photo of <placeholder> <category>".
std::string preview_prompt(const TrainSettings& settings);

/// Whether `done` steps (1-based) of a stage with `stage_steps` steps is a preview point:
/// every `p.every` steps (when > 0) and the stage's last step.
bool is_preview_point(const PreviewSettings& p, int done, int stage_steps);

/// The previews' square side: p.size, or min(resolution, 384) when it is 0.
int preview_size(const PreviewSettings& p, int resolution);

/// Throws Error(InvalidArgument) with the fix for settings previews cannot use.
void validate(const PreviewSettings& p);

/// What a preview takes from the training job.
struct PreviewInputs {
  std::shared_ptr<ClipTokenizer> tokenizer;  // the training's tokenizer: knows the placeholder
  int64_t placeholder_id = 0;
  torch::Tensor embedding;                   // [D] the current <V> vector
  bool autocast = false;                     // run under the training's CUDA autocast
  torch::Dtype autocast_dtype = torch::kFloat32;
};

/// One preview per seed of settings.preview, made with the model's current UNet and
/// `in.embedding` for the placeholder (txt2img: DPM-Solver++ 2M, the preview's steps, guidance
/// and size, no negative prompt), under NoGrad. Puts back everything it changes on the model
/// (tokenizer, extra_token_embeddings, train/eval modes) before it returns or throws; draws
/// no random numbers but the seeded initial latents, so the training's generator and weights
/// are untouched. Throws Error(Cancelled) when `cancel` is set during it.
std::vector<TrainPreview> make_previews(StableDiffusionModel& model, const TrainSettings& settings,
                                        const PreviewInputs& in, int stage, int step,
                                        const CancelToken* cancel = nullptr);

}  // namespace rashisa::ml
