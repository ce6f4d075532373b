#pragma once
// Text-to-image with classifier-free guidance, as diffusers' StableDiffusionPipeline.
// Ref: diffusers/src/diffusers/pipelines/stable_diffusion/pipeline_stable_diffusion.py (__call__)
#include "engine/core/progress.h"
#include "engine/ml/pipeline/sd_model.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace rashisa::ml {

struct GenerateParams {
  std::string prompt;
  std::string negative_prompt;
  int steps = 50;
  double guidance = 7.5;
  SamplerKind sampler = SamplerKind::DPMSolverPP2M;
  int width = 512;
  int height = 512;
  std::uint64_t seed = 0;
};

/// Observers of intermediate values (tests and previews); all optional.
struct GenerateTrace {
  std::function<void(const torch::Tensor& prompt_embeds)> on_prompt_embeds;  // [2,77,D] (negative, positive)
  std::function<void(int step, const torch::Tensor& unet_out, const torch::Tensor& latents)> on_step;
  std::function<void(const torch::Tensor& image_raw)> on_decoded;  // VAE output before denormalising
  /// Every cross-attention (attn2) layer of every denoising step, before that step's on_step:
  /// `name` is the layer's module path and probs [B(=2: negative, positive), heads, HW, 77]
  /// float32 its softmax probabilities (passed as UNetForwardContext::attn2_probs_sink). With it
  /// set, attn2 takes the unfused attention path, so images can differ in the last bits.
  std::function<void(const std::string& name, const torch::Tensor& probs)> on_attn2_probs;
};

/// Checks sizes, steps and guidance; throws Error(InvalidArgument) with the fix.
void validate(const GenerateParams& params);

/// Token ids of a prompt, padded to 77 ([1,77] int64 CPU).
torch::Tensor tokenize_prompt(const StableDiffusionModel& model, const std::string& text);
/// last_hidden_state of the text encoder for one prompt: [1,77,D] on the model's device.
torch::Tensor encode_prompt(StableDiffusionModel& model, const std::string& text);

/// Text encoder on token ids [B,77], substituting model.extra_token_embeddings and then
/// `overrides` (id -> [D], may require grad: the trainer's stage 1) for their ids.
/// Returns last_hidden_state [B,77,D]. Runs with gradients if the caller allows them.
torch::Tensor encode_ids(StableDiffusionModel& model, const torch::Tensor& ids,
                         const std::map<int64_t, torch::Tensor>& overrides = {});

/// The scheduler diffusers would build for `class_name` ("DDIMScheduler", ...).
std::optional<SamplerKind> sampler_from_diffusers_class(const std::string& class_name, const SchedulerConfig& config);

/// Runs the denoising loop and decodes. Initial latents are seeded_randn(params.seed)
/// unless `initial_latents` ([1,4,H/8,W/8], before init_noise_sigma) is given.
/// Returns the image [1,3,H,W] float32 in [0,1] on the CPU. Throws Error(Cancelled).
torch::Tensor txt2img(StableDiffusionModel& model, const GenerateParams& params,
                      const torch::Tensor& initial_latents = {}, const ProgressCallback& progress = {},
                      const CancelToken* cancel = nullptr, const GenerateTrace* trace = nullptr);

/// round(x * 255) as the reference converts images: [1,3,H,W] -> [H,W,3] uint8.
torch::Tensor to_uint8_hwc(const torch::Tensor& image);

}  // namespace rashisa::ml
