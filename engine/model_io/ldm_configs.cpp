#include "engine/model_io/ldm_configs.h"

#include "engine/core/error.h"
#include "engine/model_io/ldm_names.h"

#include <algorithm>

namespace rashisa::model_io {

namespace {

const std::string kUnet(kLdmUnetPrefix);
const std::string kVae = std::string(kLdmVaePrefix);
const std::string kClip(kLdmClipPrefix);
const std::string kOpenClip(kLdmOpenClipPrefix);

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

bool has(const ShapeMap& shapes, const std::string& key) { return shapes.count(key) > 0; }

bool any_prefix(const ShapeMap& shapes, const std::string& prefix) {
  auto it = shapes.lower_bound(prefix);
  return it != shapes.end() && starts_with(it->first, prefix);
}

bool any_containing(const ShapeMap& shapes, const std::string& part) {
  for (const auto& [name, shape] : shapes)
    if (name.find(part) != std::string::npos) return true;
  return false;
}

std::int64_t dim(const ShapeMap& shapes, const std::string& key, std::size_t d) {
  const auto it = shapes.find(key);
  if (it == shapes.end() || it->second.size() <= d)
    throw Error(ErrorCode::ModelMismatch,
                "the checkpoint has no tensor " + key + " of the expected shape; it is incomplete or not a Stable "
                                                        "Diffusion 1.x/2.x model");
  return it->second[d];
}

// Largest index + 1 over keys "<prefix><index>.<rest>".
int count_indexed(const ShapeMap& shapes, const std::string& prefix) {
  int n = 0;
  for (auto it = shapes.lower_bound(prefix); it != shapes.end() && starts_with(it->first, prefix); ++it) {
    const std::string rest = it->first.substr(prefix.size());
    const auto dot = rest.find('.');
    const std::string digits = rest.substr(0, dot);
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    n = std::max(n, std::stoi(digits) + 1);
  }
  return n;
}

int unet_levels(const ShapeMap& shapes, int lpb) {
  // input_blocks: conv_in, then per level lpb resnets and a downsampler (none after the last).
  const int blocks = count_indexed(shapes, kUnet + "input_blocks.");
  if (blocks < 1 || blocks % (lpb + 1) != 0)
    throw Error(ErrorCode::UnsupportedModel, "the checkpoint's UNet has " + std::to_string(blocks) +
                                                 " input blocks, which fits no Stable Diffusion 1.x/2.x layout");
  return blocks / (lpb + 1);
}

std::string unet_in(int index) { return kUnet + "input_blocks." + std::to_string(index) + "."; }
std::string unet_out(int index) { return kUnet + "output_blocks." + std::to_string(index) + "."; }

// Where the text encoder's token embedding sits: CLIP with or without the "text_model." level.
std::string clip_root(const ShapeMap& shapes) {
  if (any_prefix(shapes, kClip + "text_model.")) return kClip + "text_model.";
  return kClip;
}

std::int64_t heads_for(std::int64_t width, const nlohmann::json& fallback) {
  // CLIP ViT-L (768 = 12 x 64) and OpenCLIP ViT-H (1024 = 16 x 64) both use 64-wide heads; the
  // checkpoint does not record the head count, so other widths keep the release value.
  return width % 64 == 0 ? width / 64 : fallback.get<std::int64_t>();
}

}  // namespace

const char* sd_family_name(SdFamily f) noexcept {
  return f == SdFamily::SD2 ? "Stable Diffusion 2.x" : "Stable Diffusion 1.x";
}

SdFamily detect_sd_family(const ShapeMap& shapes) {
  auto unsupported = [](const std::string& what) {
    throw Error(ErrorCode::UnsupportedModel,
                "this file is " + what + "; Rashisa loads complete Stable Diffusion 1.x and 2.x checkpoints");
  };
  if (any_prefix(shapes, "conditioner.embedders."))
    unsupported("a Stable Diffusion XL (or other multi-text-encoder) checkpoint, which is not supported");
  if (!any_prefix(shapes, kUnet)) {
    if (any_prefix(shapes, "lora_unet_") || any_prefix(shapes, "lora_te") || any_containing(shapes, ".lora_down."))
      unsupported("a LoRA, not a full model");
    if (has(shapes, "encoder.conv_in.weight") || has(shapes, "decoder.conv_in.weight"))
      unsupported("a separate VAE, not a full model");
    if (has(shapes, "emb_params") || any_prefix(shapes, "string_to_param"))
      unsupported("a textual-inversion embedding, not a full model");
    unsupported("not a Stable Diffusion checkpoint (it has no model.diffusion_model.* UNet weights)");
  }
  const std::string to_k = kUnet + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight";
  const auto it = shapes.find(to_k);
  if (it == shapes.end() || it->second.size() != 2)
    unsupported("not a Stable Diffusion 1.x/2.x checkpoint (it has no cross-attention at input_blocks.1.1)");
  const std::int64_t width = it->second[1];
  const bool clip = any_prefix(shapes, kClip);
  const bool openclip = any_prefix(shapes, kOpenClip);
  if (width == 768) {
    if (openclip && !clip) unsupported("a 768-wide UNet with an OpenCLIP text encoder, a combination no release has");
    return SdFamily::SD1;
  }
  if (width == 1024) {
    if (clip && !openclip) unsupported("a 1024-wide UNet with a CLIP ViT-L text encoder, a combination no release has");
    return SdFamily::SD2;
  }
  // Reduced-size models of the same design (tests, distillations) are told apart by their text
  // encoder, whose width must then match the UNet's cross-attention.
  if (clip != openclip) {
    const std::string tok = clip ? clip_root(shapes) + "embeddings.token_embedding.weight"
                                 : kOpenClip + "token_embedding.weight";
    const auto t = shapes.find(tok);
    if (t != shapes.end() && t->second.size() == 2 && t->second[1] == width)
      return clip ? SdFamily::SD1 : SdFamily::SD2;
  }
  unsupported("a model with " + std::to_string(width) +
              "-wide cross-attention, which is neither Stable Diffusion 1.x (768) nor 2.x (1024)");
  return SdFamily::SD1;  // not reached
}

int ldm_unet_layers_per_block(const ShapeMap& shapes) {
  for (int i = 2; i < 64; ++i)
    if (has(shapes, unet_in(i) + "0.op.weight")) return i - 1;
  throw Error(ErrorCode::UnsupportedModel,
              "the checkpoint's UNet has no downsampler (input_blocks.N.0.op); it is not a Stable Diffusion UNet");
}

int ldm_vae_levels(const ShapeMap& shapes) {
  const int n = count_indexed(shapes, kVae + "encoder.down.");
  if (n == 0)
    throw Error(ErrorCode::ModelMismatch, "the checkpoint has no VAE (first_stage_model.encoder.down.*); it is "
                                          "incomplete");
  return n;
}

int openclip_resblocks(const ShapeMap& shapes) {
  return count_indexed(shapes, kOpenClip + "transformer.resblocks.");
}

nlohmann::json synthesize_unet_config(const ShapeMap& shapes, SdFamily family, bool v_prediction) {
  // Ref: convert_from_ckpt.py create_unet_diffusers_config, here driven by shapes instead of the
  // original YAML (v1-inference.yaml / v2-inference.yaml).
  nlohmann::json cfg = release_config(family, "unet");
  const int lpb = ldm_unet_layers_per_block(shapes);
  const int levels = unet_levels(shapes, lpb);
  std::vector<std::int64_t> channels;
  std::vector<std::string> down, up;
  std::string first_attention;
  for (int b = 0; b < levels; ++b) {
    const int first = 1 + b * (lpb + 1);
    channels.push_back(dim(shapes, unet_in(first) + "0.out_layers.3.weight", 0));
    const bool attention = has(shapes, unet_in(first) + "1.proj_in.weight");
    if (attention && first_attention.empty()) first_attention = unet_in(first) + "1.";
    down.push_back(attention ? "CrossAttnDownBlock2D" : "DownBlock2D");
    up.push_back(has(shapes, unet_out(b * (lpb + 1)) + "1.proj_in.weight") ? "CrossAttnUpBlock2D" : "UpBlock2D");
  }
  if (first_attention.empty() || !has(shapes, kUnet + "middle_block.1.proj_in.weight"))
    throw Error(ErrorCode::UnsupportedModel, "the checkpoint's UNet has no cross-attention mid block; it is not a "
                                             "Stable Diffusion 1.x/2.x UNet");
  int depth = 0;
  while (has(shapes, first_attention + "transformer_blocks." + std::to_string(depth) + ".norm1.weight")) ++depth;

  cfg["in_channels"] = dim(shapes, unet_in(0) + "0.weight", 1);
  cfg["out_channels"] = dim(shapes, kUnet + "out.2.weight", 0);
  cfg["block_out_channels"] = channels;
  cfg["layers_per_block"] = lpb;
  cfg["down_block_types"] = down;
  cfg["up_block_types"] = up;
  cfg["cross_attention_dim"] = dim(shapes, first_attention + "transformer_blocks.0.attn2.to_k.weight", 1);
  cfg["use_linear_projection"] = shapes.at(first_attention + "proj_in.weight").size() == 2;
  if (depth != 1) cfg["transformer_layers_per_block"] = depth;
  if (family == SdFamily::SD2) {
    // v2-inference.yaml: num_head_channels 64, i.e. heads = channels / 64 per level ([5, 10, 20, 20]).
    std::vector<std::int64_t> heads;
    for (auto c : channels)
      if (c % 64 == 0) heads.push_back(c / 64);
    if (heads.size() == channels.size()) cfg["attention_head_dim"] = heads;
    if (v_prediction) {
      // Ref: stabilityai/stable-diffusion-2-1 unet/config.json (the 768-v release).
      cfg["sample_size"] = 96;
      cfg["upcast_attention"] = true;
    }
  }
  return cfg;
}

nlohmann::json synthesize_vae_config(const ShapeMap& shapes, SdFamily family) {
  // Ref: convert_from_ckpt.py create_vae_diffusers_config.
  nlohmann::json cfg = release_config(family, "vae");
  const int levels = ldm_vae_levels(shapes);
  std::vector<std::int64_t> channels;
  for (int i = 0; i < levels; ++i)
    channels.push_back(dim(shapes, kVae + "encoder.down." + std::to_string(i) + ".block.0.conv1.weight", 0));
  int lpb = 0;
  while (has(shapes, kVae + "encoder.down.0.block." + std::to_string(lpb) + ".conv1.weight")) ++lpb;
  cfg["in_channels"] = dim(shapes, kVae + "encoder.conv_in.weight", 1);
  cfg["out_channels"] = dim(shapes, kVae + "decoder.conv_out.weight", 0);
  cfg["latent_channels"] = dim(shapes, kVae + "post_quant_conv.weight", 0);
  cfg["block_out_channels"] = channels;
  cfg["layers_per_block"] = lpb;
  cfg["down_block_types"] = std::vector<std::string>(levels, "DownEncoderBlock2D");
  cfg["up_block_types"] = std::vector<std::string>(levels, "UpDecoderBlock2D");
  return cfg;
}

nlohmann::json synthesize_text_encoder_config(const ShapeMap& shapes, SdFamily family) {
  nlohmann::json cfg = release_config(family, "text_encoder");
  std::string token, position, fc1;
  int layers = 0;
  if (family == SdFamily::SD1) {
    const std::string root = clip_root(shapes);
    token = root + "embeddings.token_embedding.weight";
    position = root + "embeddings.position_embedding.weight";
    fc1 = root + "encoder.layers.0.mlp.fc1.weight";
    layers = count_indexed(shapes, root + "encoder.layers.");
  } else {
    // Ref: convert_open_clip_checkpoint: diffusers keeps all but the last resblock.
    token = kOpenClip + "token_embedding.weight";
    position = kOpenClip + "positional_embedding";
    fc1 = kOpenClip + "transformer.resblocks.0.mlp.c_fc.weight";
    layers = openclip_resblocks(shapes) - 1;
  }
  if (layers < 1)
    throw Error(ErrorCode::ModelMismatch, std::string("the checkpoint has no ") + sd_family_name(family) +
                                              " text encoder layers (cond_stage_model.*); it is incomplete");
  const std::int64_t hidden = dim(shapes, token, 1);
  cfg["hidden_size"] = hidden;
  cfg["vocab_size"] = dim(shapes, token, 0);
  cfg["max_position_embeddings"] = dim(shapes, position, 0);
  cfg["intermediate_size"] = dim(shapes, fc1, 0);
  cfg["num_hidden_layers"] = layers;
  cfg["num_attention_heads"] = heads_for(hidden, cfg["num_attention_heads"]);
  return cfg;
}

nlohmann::json synthesize_scheduler_config(SdFamily family, bool v_prediction) {
  nlohmann::json cfg = release_config(family, "scheduler");
  cfg["prediction_type"] = v_prediction ? "v_prediction" : "epsilon";
  return cfg;
}

}  // namespace rashisa::model_io
