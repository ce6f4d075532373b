#include "engine/ml/pipeline/txt2img.h"

#include "engine/core/error.h"
#include "engine/ml/pipeline/seed.h"

#include <torch/torch.h>

namespace rashisa::ml {

void validate(const GenerateParams& p) {
  auto bad = [](const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); };
  if (p.width < 64 || p.height < 64 || p.width > 2048 || p.height > 2048)
    bad("width and height must be between 64 and 2048 pixels");
  if (p.width % 8 != 0 || p.height % 8 != 0) bad("width and height must be multiples of 8 (for example 512)");
  if (p.steps < 1 || p.steps > 1000) bad("steps must be between 1 and 1000 (50 is a good default)");
  if (!(p.guidance >= 0.0 && p.guidance <= 50.0)) bad("guidance must be between 0 and 50 (7.5 is a good default)");
}

torch::Tensor tokenize_prompt(const StableDiffusionModel& model, const std::string& text) {
  const auto t = model.tokenizer->tokenize(text);
  return torch::tensor(t.input_ids, torch::kInt64).unsqueeze(0);
}

torch::Tensor encode_ids(StableDiffusionModel& model, const torch::Tensor& ids_in,
                         const std::map<int64_t, torch::Tensor>& overrides) {
  auto ids = ids_in.to(model.device);
  if (model.extra_token_embeddings.empty() && overrides.empty())
    return model.text_encoder->forward(ids).last_hidden_state;
  auto table = model.text_encoder->token_embedding_weight();  // [V,D]
  const int64_t vocab = table.size(0);
  auto in_table = ids.lt(vocab);
  auto embeds = table.index_select(0, torch::where(in_table, ids, torch::zeros_like(ids)).flatten())
                    .view({ids.size(0), ids.size(1), table.size(1)});  // [B,77,D]
  auto substitute = [&](int64_t id, const torch::Tensor& row) {
    auto mask = ids.eq(id).unsqueeze(-1);
    embeds = torch::where(mask, row.to(embeds.device(), embeds.scalar_type()).view({1, 1, -1}), embeds);
  };
  for (const auto& [id, row] : model.extra_token_embeddings) substitute(id, row);
  for (const auto& [id, row] : overrides) substitute(id, row);
  return model.text_encoder->forward_embeds(embeds, ids).last_hidden_state;
}

torch::Tensor encode_prompt(StableDiffusionModel& model, const std::string& text) {
  torch::NoGradGuard no_grad;
  return encode_ids(model, tokenize_prompt(model, text));  // [1,77,D]
}

std::optional<SamplerKind> sampler_from_diffusers_class(const std::string& class_name, const SchedulerConfig& config) {
  if (class_name == "DDIMScheduler") return SamplerKind::DDIM;
  if (class_name == "PNDMScheduler") return SamplerKind::PNDM;
  if (class_name == "EulerDiscreteScheduler") return SamplerKind::Euler;
  if (class_name == "DPMSolverMultistepScheduler")
    return config.use_karras_sigmas ? SamplerKind::DPMSolverPP2MKarras : SamplerKind::DPMSolverPP2M;
  return std::nullopt;
}

torch::Tensor txt2img(StableDiffusionModel& model, const GenerateParams& params, const torch::Tensor& initial_latents,
                      const ProgressCallback& progress, const CancelToken* cancel, const GenerateTrace* trace) {
  validate(params);
  torch::NoGradGuard no_grad;
  const auto& dev = model.device;

  // embeds: [2,77,D] = cat(negative, positive), as the reference orders them.
  auto embeds = torch::cat({encode_prompt(model, params.negative_prompt), encode_prompt(model, params.prompt)});
  if (trace && trace->on_prompt_embeds) trace->on_prompt_embeds(embeds);

  auto scheduler = make_scheduler(params.sampler, model.scheduler_config);
  scheduler->set_timesteps(params.steps);
  const auto timesteps = scheduler->timesteps();
  const int n = static_cast<int>(timesteps.size(0));

  const int64_t channels = model.unet->config().in_channels;
  torch::Tensor latents = initial_latents.defined()
                              ? initial_latents.to(torch::kFloat32)
                              : seeded_randn({1, channels, params.height / 8, params.width / 8}, params.seed);
  // The loop keeps latents in float32 (scheduler arithmetic) and feeds the UNet its dtype.
  latents = (latents * scheduler->init_noise_sigma()).to(dev);

  UNetForwardContext ctx;
  if (trace && trace->on_attn2_probs) ctx.attn2_probs_sink = trace->on_attn2_probs;
  UNetForwardContext* ctx_ptr = ctx.attn2_probs_sink ? &ctx : nullptr;

  StepTimer timer(n);
  for (int i = 0; i < n; ++i) {
    check_cancel(cancel);
    auto input = scheduler->scale_model_input(torch::cat({latents, latents}), i);
    auto t = timesteps[i].to(dev);
    auto out = model.unet->forward(input.to(model.dtype), t, embeds, ctx_ptr).to(torch::kFloat32);  // [2,4,h,w]
    auto uc = out.chunk(2);
    auto guided = uc[0] + params.guidance * (uc[1] - uc[0]);
    latents = scheduler->step(guided, i, latents).prev_sample;
    if (trace && trace->on_step) trace->on_step(i, out, latents);
    if (progress) check_cancel(cancel, progress(timer.tick("denoise")));
  }
  check_cancel(cancel);

  auto raw = model.vae->decode(latents / model.vae->config().scaling_factor);
  if (trace && trace->on_decoded) trace->on_decoded(raw);
  auto image = (raw / 2 + 0.5).clamp(0, 1);
  return image.to(torch::kCPU, torch::kFloat32);
}

torch::Tensor to_uint8_hwc(const torch::Tensor& image) {
  return (image[0] * 255).round().clamp(0, 255).to(torch::kUInt8).permute({1, 2, 0}).contiguous();
}

}  // namespace rashisa::ml
