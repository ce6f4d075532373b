#pragma once
// Single-file Stable Diffusion checkpoints in the original LDM/CompVis naming
// (model.diffusion_model.*, first_stage_model.*, cond_stage_model.*), as most users
// have them, read from .safetensors only; pickles are refused (pickle_guard.h).
// Ref: diffusers/src/diffusers/pipelines/stable_diffusion/convert_from_ckpt.py
//      (download_from_original_stable_diffusion_ckpt)
#include "engine/model_io/ldm_configs.h"

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace rashisa::model_io {

struct SingleFileModel {
  SdFamily family = SdFamily::SD1;
  /// Whether the model predicts v rather than epsilon: the caller's override, else a guess.
  /// SD 2.x 768-v and 512-base checkpoints have identical shapes, so the guess reads the
  /// file's metadata (modelspec.prediction_type, ss_v_parameterization) and then its name
  /// ("768" for SD 2.x); otherwise epsilon (512-base, the default base model).
  bool v_prediction_guess = false;
  /// diffusers config.json documents: the release configs (ldm_configs.h) with every value
  /// the shapes determine filled in from the checkpoint.
  nlohmann::json unet_config, vae_config, text_encoder_config, scheduler_config;
  /// CPU tensors under diffusers (UNet, VAE) and transformers (text encoder) names; views of
  /// the mapped file, in the file's dtype (often F16): copy into modules, do not modify.
  std::map<std::string, torch::Tensor> unet, vae, text_encoder;
};

/// Loads and converts a single-file checkpoint. Throws Error: FileNotFound, UnsafeFormat
/// (.ckpt/.bin/.pt/.pth or pickle content), FileFormat (a damaged safetensors file),
/// UnsupportedModel (SDXL, LoRA, VAE-only, inpainting, ...), ModelMismatch (names or
/// components that do not convert, listed).
SingleFileModel load_single_file(const std::filesystem::path& file, std::optional<bool> v_prediction = std::nullopt);

/// The guess described at SingleFileModel::v_prediction_guess (no override).
bool guess_v_prediction(SdFamily family, const std::filesystem::path& file,
                        const std::map<std::string, std::string>& metadata);

}  // namespace rashisa::model_io
