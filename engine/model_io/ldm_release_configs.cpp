// The diffusers config.json files of the public Stable Diffusion releases, verbatim.
// Ref: ../shared/configs/sd15/{unet,vae,text_encoder,scheduler}/ (runwayml/stable-diffusion-v1-5)
//      ../shared/configs/sd21-base/{unet,vae,text_encoder,scheduler}/ (stabilityai/stable-diffusion-2-1-base)
#include "engine/model_io/ldm_configs.h"

#include "engine/core/error.h"

namespace rashisa::model_io {

namespace {

// sd15/unet/config.json
constexpr const char* kSd15Unet = R"json(
{
  "_class_name": "UNet2DConditionModel",
  "_diffusers_version": "0.17.0.dev0",
  "act_fn": "silu",
  "addition_embed_type": null,
  "addition_embed_type_num_heads": 64,
  "attention_head_dim": 8,
  "block_out_channels": [
    320,
    640,
    1280,
    1280
  ],
  "center_input_sample": false,
  "class_embed_type": null,
  "class_embeddings_concat": false,
  "conv_in_kernel": 3,
  "conv_out_kernel": 3,
  "cross_attention_dim": 768,
  "cross_attention_norm": null,
  "down_block_types": [
    "CrossAttnDownBlock2D",
    "CrossAttnDownBlock2D",
    "CrossAttnDownBlock2D",
    "DownBlock2D"
  ],
  "downsample_padding": 1,
  "dual_cross_attention": false,
  "encoder_hid_dim": null,
  "flip_sin_to_cos": true,
  "freq_shift": 0,
  "in_channels": 4,
  "layers_per_block": 2,
  "mid_block_only_cross_attention": null,
  "mid_block_scale_factor": 1,
  "mid_block_type": "UNetMidBlock2DCrossAttn",
  "norm_eps": 1e-05,
  "norm_num_groups": 32,
  "num_class_embeds": null,
  "only_cross_attention": false,
  "out_channels": 4,
  "projection_class_embeddings_input_dim": null,
  "resnet_out_scale_factor": 1.0,
  "resnet_skip_time_act": false,
  "resnet_time_scale_shift": "default",
  "sample_size": 64,
  "time_cond_proj_dim": null,
  "time_embedding_act_fn": null,
  "time_embedding_dim": null,
  "time_embedding_type": "positional",
  "timestep_post_act": null,
  "up_block_types": [
    "UpBlock2D",
    "CrossAttnUpBlock2D",
    "CrossAttnUpBlock2D",
    "CrossAttnUpBlock2D"
  ],
  "upcast_attention": null,
  "use_linear_projection": false
}
)json";

// sd15/vae/config.json
constexpr const char* kSd15Vae = R"json(
{
  "_class_name": "AutoencoderKL",
  "_diffusers_version": "0.6.0",
  "act_fn": "silu",
  "block_out_channels": [
    128,
    256,
    512,
    512
  ],
  "down_block_types": [
    "DownEncoderBlock2D",
    "DownEncoderBlock2D",
    "DownEncoderBlock2D",
    "DownEncoderBlock2D"
  ],
  "in_channels": 3,
  "latent_channels": 4,
  "layers_per_block": 2,
  "norm_num_groups": 32,
  "out_channels": 3,
  "sample_size": 512,
  "scaling_factor": 0.18215,
  "up_block_types": [
    "UpDecoderBlock2D",
    "UpDecoderBlock2D",
    "UpDecoderBlock2D",
    "UpDecoderBlock2D"
  ]
}
)json";

// sd15/text_encoder/config.json
constexpr const char* kSd15TextEncoder = R"json(
{
  "architectures": [
    "CLIPTextModel"
  ],
  "attention_dropout": 0.0,
  "bos_token_id": 0,
  "dropout": 0.0,
  "eos_token_id": 2,
  "hidden_act": "quick_gelu",
  "hidden_size": 768,
  "initializer_factor": 1.0,
  "initializer_range": 0.02,
  "intermediate_size": 3072,
  "layer_norm_eps": 1e-05,
  "max_position_embeddings": 77,
  "model_type": "clip_text_model",
  "num_attention_heads": 12,
  "num_hidden_layers": 12,
  "pad_token_id": 1,
  "projection_dim": 768,
  "torch_dtype": "float32",
  "transformers_version": "4.37.2",
  "vocab_size": 49408
}
)json";

// sd15/scheduler/scheduler_config.json
constexpr const char* kSd15Scheduler = R"json(
{
  "_class_name": "PNDMScheduler",
  "_diffusers_version": "0.17.0.dev0",
  "beta_end": 0.012,
  "beta_schedule": "scaled_linear",
  "beta_start": 0.00085,
  "clip_sample": false,
  "clip_sample_range": 1.0,
  "dynamic_thresholding_ratio": 0.995,
  "num_train_timesteps": 1000,
  "prediction_type": "epsilon",
  "sample_max_value": 1.0,
  "set_alpha_to_one": false,
  "skip_prk_steps": true,
  "steps_offset": 1,
  "thresholding": false,
  "trained_betas": null
}
)json";

// sd21-base/unet/config.json
constexpr const char* kSd21BaseUnet = R"json(
{
  "_class_name": "UNet2DConditionModel",
  "_diffusers_version": "0.10.0.dev0",
  "_name_or_path": "./stability/stable-diffusion-2-1-base/unet",
  "act_fn": "silu",
  "attention_head_dim": [
    5,
    10,
    20,
    20
  ],
  "block_out_channels": [
    320,
    640,
    1280,
    1280
  ],
  "center_input_sample": false,
  "cross_attention_dim": 1024,
  "down_block_types": [
    "CrossAttnDownBlock2D",
    "CrossAttnDownBlock2D",
    "CrossAttnDownBlock2D",
    "DownBlock2D"
  ],
  "downsample_padding": 1,
  "dual_cross_attention": false,
  "flip_sin_to_cos": true,
  "freq_shift": 0,
  "in_channels": 4,
  "layers_per_block": 2,
  "mid_block_scale_factor": 1,
  "norm_eps": 1e-05,
  "norm_num_groups": 32,
  "num_class_embeds": null,
  "only_cross_attention": false,
  "out_channels": 4,
  "sample_size": 64,
  "up_block_types": [
    "UpBlock2D",
    "CrossAttnUpBlock2D",
    "CrossAttnUpBlock2D",
    "CrossAttnUpBlock2D"
  ],
  "use_linear_projection": true
}
)json";

// sd21-base/vae/config.json
constexpr const char* kSd21BaseVae = R"json(
{
  "_class_name": "AutoencoderKL",
  "_diffusers_version": "0.10.0.dev0",
  "_name_or_path": "./stability/stable-diffusion-2-1-base/vae",
  "act_fn": "silu",
  "block_out_channels": [
    128,
    256,
    512,
    512
  ],
  "down_block_types": [
    "DownEncoderBlock2D",
    "DownEncoderBlock2D",
    "DownEncoderBlock2D",
    "DownEncoderBlock2D"
  ],
  "in_channels": 3,
  "latent_channels": 4,
  "layers_per_block": 2,
  "norm_num_groups": 32,
  "out_channels": 3,
  "sample_size": 768,
  "up_block_types": [
    "UpDecoderBlock2D",
    "UpDecoderBlock2D",
    "UpDecoderBlock2D",
    "UpDecoderBlock2D"
  ]
}
)json";

// sd21-base/text_encoder/config.json
constexpr const char* kSd21BaseTextEncoder = R"json(
{
  "_name_or_path": "./stability/stable-diffusion-2-1-base/text_encoder",
  "architectures": [
    "CLIPTextModel"
  ],
  "attention_dropout": 0.0,
  "bos_token_id": 0,
  "dropout": 0.0,
  "eos_token_id": 2,
  "hidden_act": "gelu",
  "hidden_size": 1024,
  "initializer_factor": 1.0,
  "initializer_range": 0.02,
  "intermediate_size": 4096,
  "layer_norm_eps": 1e-05,
  "max_position_embeddings": 77,
  "model_type": "clip_text_model",
  "num_attention_heads": 16,
  "num_hidden_layers": 23,
  "pad_token_id": 1,
  "projection_dim": 512,
  "torch_dtype": "float16",
  "transformers_version": "4.26.0.dev0",
  "vocab_size": 49408
}
)json";

// sd21-base/scheduler/scheduler_config.json
constexpr const char* kSd21BaseScheduler = R"json(
{
  "_class_name": "PNDMScheduler",
  "_diffusers_version": "0.10.0.dev0",
  "beta_end": 0.012,
  "beta_schedule": "scaled_linear",
  "beta_start": 0.00085,
  "clip_sample": false,
  "num_train_timesteps": 1000,
  "prediction_type": "epsilon",
  "set_alpha_to_one": false,
  "skip_prk_steps": true,
  "steps_offset": 1,
  "trained_betas": null
}
)json";

}  // namespace

const nlohmann::json& release_config(SdFamily family, const std::string& component) {
  static const std::map<std::string, nlohmann::json> sd1 = {
      {"unet", nlohmann::json::parse(kSd15Unet)},
      {"vae", nlohmann::json::parse(kSd15Vae)},
      {"text_encoder", nlohmann::json::parse(kSd15TextEncoder)},
      {"scheduler", nlohmann::json::parse(kSd15Scheduler)},
  };
  static const std::map<std::string, nlohmann::json> sd2 = {
      {"unet", nlohmann::json::parse(kSd21BaseUnet)},
      {"vae", nlohmann::json::parse(kSd21BaseVae)},
      {"text_encoder", nlohmann::json::parse(kSd21BaseTextEncoder)},
      {"scheduler", nlohmann::json::parse(kSd21BaseScheduler)},
  };
  const auto& table = family == SdFamily::SD2 ? sd2 : sd1;
  const auto it = table.find(component);
  if (it == table.end()) throw Error(ErrorCode::InvalidArgument, "no release config for component \"" + component + "\"");
  return it->second;
}

}  // namespace rashisa::model_io
