#pragma once
// Key names of original Stable Diffusion (LDM/CompVis) single-file checkpoints and
// their diffusers/transformers equivalents. Pure string functions, no tensors.
// Ref: diffusers/src/diffusers/pipelines/stable_diffusion/convert_from_ckpt.py
//      (convert_ldm_unet_checkpoint, convert_ldm_vae_checkpoint, convert_ldm_clip_checkpoint,
//       convert_open_clip_checkpoint); the same mapping as
//      diffusers/scripts/convert_original_stable_diffusion_to_diffusers.py.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rashisa::model_io {

/// Prefixes of the three models inside an LDM checkpoint.
inline constexpr std::string_view kLdmUnetPrefix = "model.diffusion_model.";
inline constexpr std::string_view kLdmVaePrefix = "first_stage_model.";
inline constexpr std::string_view kLdmTextPrefix = "cond_stage_model.";
inline constexpr std::string_view kLdmClipPrefix = "cond_stage_model.transformer.";  // SD 1.x (CLIP ViT-L)
inline constexpr std::string_view kLdmOpenClipPrefix = "cond_stage_model.model.";    // SD 2.x (OpenCLIP ViT-H)

/// LDM UNet key (with "model.diffusion_model.") -> diffusers UNet2DConditionModel key, e.g.
/// "model.diffusion_model.input_blocks.1.1.proj_in.weight" -> "down_blocks.0.attentions.0.proj_in.weight".
/// `layers_per_block` is the UNet's num_res_blocks (2 for SD). nullopt for other prefixes and
/// for names an SD 1.x/2.x UNet does not have.
std::optional<std::string> ldm_unet_key_to_diffusers(std::string_view key, int layers_per_block);

/// LDM VAE key ("first_stage_model." or a bare "encoder."/"decoder."/"quant_conv."/
/// "post_quant_conv." key of a separate VAE file) -> diffusers AutoencoderKL key.
/// `num_levels` is len(ch_mult) (4 for SD): the decoder's up blocks are numbered the other way.
/// Only names; the mid-block attention weights also need a [C, C, 1, 1] -> [C, C] reshape.
std::optional<std::string> ldm_vae_key_to_diffusers(std::string_view key, int num_levels);

/// SD 1.x text encoder key ("cond_stage_model.transformer.") -> transformers CLIPTextModel key.
/// nullopt for position_ids (a constant buffer, not a weight) and anything else.
std::optional<std::string> ldm_clip_key_to_transformers(std::string_view key);

/// SD 2.x OpenCLIP key ("cond_stage_model.model.") -> transformers CLIPTextModel key(s). The
/// packed attention projection (attn.in_proj_weight / in_proj_bias) gives three names, q, k, v,
/// which take equal thirds of dim 0. Empty for resblocks >= keep_layers (SD 2 uses the
/// penultimate layer, so diffusers keeps 23 of 24), for text_projection/logit_scale and unknown keys.
std::vector<std::string> openclip_key_to_transformers(std::string_view key, int keep_layers);

/// Keys a checkpoint may carry under a model prefix that no diffusers model uses: the CLIP
/// position_ids buffer, OpenCLIP text_projection/logit_scale/attn_mask and vision tower, the
/// VAE's training loss.
bool ldm_key_is_unused(std::string_view key);

}  // namespace rashisa::model_io
