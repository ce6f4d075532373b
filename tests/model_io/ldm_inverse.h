#pragma once
// Test-only inverse of engine/model_io/ldm_names.h, written from the diffusers side
// (diffusers name -> LDM name), so the production mapping is checked against an
// independent table rather than against itself.
// Ref: diffusers/scripts/convert_diffusers_to_original_stable_diffusion.py (same direction)
#include <torch/types.h>

#include <map>
#include <set>
#include <string>

namespace rashisa::testing {

/// diffusers UNet key -> "model.diffusion_model." LDM key. `up_with_attention` are the
/// indices of up_blocks that have attentions (their upsampler sits at output index 2, else 1).
std::string unet_to_ldm(const std::string& key, int layers_per_block, const std::set<int>& up_with_attention);
/// diffusers AutoencoderKL key -> "first_stage_model." LDM key.
std::string vae_to_ldm(const std::string& key, int num_levels);

/// Up blocks with attentions in a diffusers UNet key set.
std::set<int> up_blocks_with_attention(const std::map<std::string, torch::Tensor>& unet);

/// A whole LDM checkpoint built from diffusers/transformers tensors. `openclip` writes the text
/// encoder as SD 2.x OpenCLIP (packed in_proj, one extra resblock that loaders must drop,
/// text_projection and logit_scale), else as SD 1.x "cond_stage_model.transformer.*".
std::map<std::string, torch::Tensor> make_ldm_checkpoint(const std::map<std::string, torch::Tensor>& unet,
                                                         const std::map<std::string, torch::Tensor>& vae,
                                                         const std::map<std::string, torch::Tensor>& text,
                                                         int unet_layers_per_block, int vae_levels, bool openclip);

}  // namespace rashisa::testing
