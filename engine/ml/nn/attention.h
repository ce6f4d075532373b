#pragma once
// Multi-head attention with diffusers' parameter names (to_q, to_k, to_v, to_out.0,
// optional group_norm), as used by the UNet transformer blocks and the VAE mid-block.
// Ref: diffusers/src/diffusers/models/attention_processor.py (Attention, AttnProcessor, AttnProcessor2_0)
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <functional>
#include <string>

namespace rashisa::ml {

/// Receives the softmax probabilities of an attention layer: name is the diffusers
/// module path (e.g. "down_blocks.0.attentions.0.transformer_blocks.0.attn2"),
/// probs [B, heads, N_query, N_key] float32 and part of the autograd graph.
using AttnProbsSink = std::function<void(const std::string& name, const torch::Tensor& probs)>;

struct AttentionOptions {
  int64_t query_dim = 0;
  int64_t heads = 8;
  int64_t dim_head = 64;
  int64_t cross_attention_dim = 0;  // 0: keys/values come from the query input (self-attention)
  bool bias = false;                // to_q / to_k / to_v bias
  bool out_bias = true;             // to_out.0 bias
  bool upcast_attention = false;    // scores in float32 for half inputs
  bool upcast_softmax = false;      // softmax in float32 for half inputs
  int64_t norm_num_groups = 0;      // > 0: group_norm over the channels of the input first
  double eps = 1e-5;                // group_norm eps
  bool residual_connection = false;
  double rescale_output_factor = 1.0;
  std::string path;  // module path reported to an AttnProbsSink
};

class AttentionImpl : public torch::nn::Module {
 public:
  explicit AttentionImpl(const AttentionOptions& o);

  /// x: [B, N, query_dim] or [B, C, H, W] (then N = H*W and the result has x's shape);
  /// context: [B, M, cross_attention_dim] or undefined for self-attention.
  /// With a sink the probabilities are materialised (float32) and passed to it;
  /// otherwise a fused kernel is used where this libtorch has one.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context = {},
                        const AttnProbsSink* sink = nullptr);

  const AttentionOptions& options() const { return options_; }

  torch::nn::GroupNorm group_norm{nullptr};
  torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
  torch::nn::ModuleList to_out{nullptr};  // [0] Linear, [1] Dropout (no parameters)

 private:
  AttentionOptions options_;
  double scale_;
  torch::nn::Linear out_proj_{nullptr};  // = to_out[0]
};
TORCH_MODULE(Attention);

/// softmax(scale * q k^T) v for q: [B, h, N, d], k/v: [B, h, M, d] -> [B, h, N, d].
/// When sink is set, calls (*sink)(name, probs) with probs [B, h, N, M] in float32.
torch::Tensor scaled_dot_product(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 double scale, bool upcast_attention, bool upcast_softmax,
                                 const AttnProbsSink* sink = nullptr, const std::string& name = {});

}  // namespace rashisa::ml
