#pragma once
// Strict application of named tensors to any torch::nn::Module, like PyTorch's
// load_state_dict(strict=True) but reporting every problem at once.
#include <torch/nn/module.h>
#include <torch/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rashisa::model_io {

/// Copies every tensor into the module's named_parameters() and named_buffers()
/// (converted to the destination's dtype, on the destination's device). Nothing is
/// copied unless everything fits: all missing, unexpected and wrongly shaped keys are
/// collected and thrown as ONE Error(ModelMismatch) (each list cut to 20 names plus a
/// count). `what` names the component or file in the message. `ignore_unexpected` holds
/// ECMAScript regexes searched in unexpected key names (as transformers'
/// _keys_to_ignore_on_load_unexpected), e.g. "text_model\\.embeddings\\.position_ids".
void load_state_dict(torch::nn::Module& module, const std::map<std::string, torch::Tensor>& state,
                     const std::string& what, const std::vector<std::string>& ignore_unexpected = {});

struct ParamSummary {
  int64_t count = 0;                      // elements over all tensors
  std::map<std::string, int64_t> by_dtype;  // "F32", "F16", "BF16", ... -> elements
};
/// For `rashisa-cli info`.
ParamSummary summarize(const std::map<std::string, torch::Tensor>&);

/// Renames deprecated VAE attention keys in place as diffusers does on load
/// (query/key/value/proj_attn -> to_q/to_k/to_v/to_out.0) and turns conv-1x1
/// attention weights [C, C, 1, 1] (or [C, C, 1]) into linear weights [C, C].
/// Ref: diffusers/src/diffusers/models/modeling_utils.py (_convert_deprecated_attention_blocks)
void upgrade_legacy_vae_keys(std::map<std::string, torch::Tensor>& state);

}  // namespace rashisa::model_io
