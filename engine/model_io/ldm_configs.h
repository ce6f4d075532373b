#pragma once
// What a single-file (LDM) checkpoint is, from tensor names and shapes alone, and the
// diffusers config.json documents that describe it. Pure functions over a ShapeMap so
// they can be tested without weights.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rashisa::model_io {

enum class SdFamily { SD1, SD2 };
const char* sd_family_name(SdFamily f) noexcept;  // "Stable Diffusion 1.x" / "Stable Diffusion 2.x"

/// Tensor name -> shape, as read from a checkpoint header.
using ShapeMap = std::map<std::string, std::vector<std::int64_t>>;

/// SD 2.x when the first cross-attention's to_k
/// (model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight) reads 1024
/// features, SD 1.x when 768. Other widths (small test models of the same design) are
/// classified by their text encoder naming. Throws Error(UnsupportedModel) naming what the
/// file looks like instead (SDXL, LoRA, VAE only, text encoder of the other family, ...).
SdFamily detect_sd_family(const ShapeMap& shapes);

/// num_res_blocks of the LDM UNet: the first downsampler "input_blocks.<n+1>.0.op".
/// Throws Error(UnsupportedModel).
int ldm_unet_layers_per_block(const ShapeMap& shapes);
/// len(ch_mult) of the LDM VAE encoder ("first_stage_model.encoder.down.<i>"). Throws Error(ModelMismatch).
int ldm_vae_levels(const ShapeMap& shapes);
/// Number of OpenCLIP resblocks in the checkpoint (24 for SD 2.x). 0 when none.
int openclip_resblocks(const ShapeMap& shapes);

/// The real diffusers configs of the public releases, as embedded constants:
/// component is "unet", "vae", "text_encoder" or "scheduler".
/// Ref: ../shared/configs/sd15/* (runwayml/stable-diffusion-v1-5) and
///      ../shared/configs/sd21-base/* (stabilityai/stable-diffusion-2-1-base).
const nlohmann::json& release_config(SdFamily family, const std::string& component);

/// The release config with every value the shapes determine replaced by the derived one
/// (identical to the release file for full-size checkpoints). Throws Error(ModelMismatch)
/// when an expected tensor is absent. Values shapes cannot tell (attention heads, group
/// counts, sample_size) keep the release values; see ldm_configs.cpp.
nlohmann::json synthesize_unet_config(const ShapeMap& shapes, SdFamily family, bool v_prediction);
nlohmann::json synthesize_vae_config(const ShapeMap& shapes, SdFamily family);
nlohmann::json synthesize_text_encoder_config(const ShapeMap& shapes, SdFamily family);
nlohmann::json synthesize_scheduler_config(SdFamily family, bool v_prediction);

}  // namespace rashisa::model_io
