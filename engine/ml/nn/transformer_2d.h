#pragma once
// The spatial transformer of the SD UNet: GroupNorm, proj_in (1x1 conv or linear),
// BasicTransformerBlocks (self-attention, cross-attention, GEGLU feed-forward), proj_out,
// residual.
// Ref: diffusers/src/diffusers/models/transformers/transformer_2d.py (Transformer2DModel, continuous input)
// Ref: diffusers/src/diffusers/models/attention.py (BasicTransformerBlock, FeedForward)
// Ref: diffusers/src/diffusers/models/activations.py (GEGLU)
#include "engine/ml/nn/attention.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <string>

namespace rashisa::ml {

/// proj(x) split in two halves: hidden * gelu(gate) (exact erf gelu).
class GEGLUImpl : public torch::nn::Module {
 public:
  GEGLUImpl(int64_t dim_in, int64_t dim_out);
  /// x: [B, N, dim_in] -> [B, N, dim_out]
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear proj{nullptr};
};
TORCH_MODULE(GEGLU);

/// net.0 = GEGLU(dim, 4*dim), net.1 = Dropout, net.2 = Linear(4*dim, dim).
class FeedForwardImpl : public torch::nn::Module {
 public:
  FeedForwardImpl(int64_t dim, int64_t mult = 4);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::ModuleList net{nullptr};

 private:
  GEGLU geglu_{nullptr};
  torch::nn::Linear out_{nullptr};
};
TORCH_MODULE(FeedForward);

struct BasicTransformerBlockOptions {
  int64_t dim = 0;
  int64_t heads = 8;
  int64_t dim_head = 64;
  int64_t cross_attention_dim = 0;
  bool upcast_attention = false;
  double norm_eps = 1e-5;
  std::string path;  // e.g. "down_blocks.0.attentions.0.transformer_blocks.0"
};

/// norm_type "layer_norm": x += attn1(norm1(x)); x += attn2(norm2(x), ctx); x += ff(norm3(x)).
class BasicTransformerBlockImpl : public torch::nn::Module {
 public:
  explicit BasicTransformerBlockImpl(const BasicTransformerBlockOptions& o);
  /// x: [B, N, dim], context: [B, M, cross_attention_dim]. The sink receives attn2's probabilities.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, const AttnProbsSink* sink = nullptr);

  torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
  Attention attn1{nullptr}, attn2{nullptr};
  FeedForward ff{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

struct Transformer2DModelOptions {
  int64_t num_attention_heads = 8;
  int64_t attention_head_dim = 64;
  int64_t in_channels = 0;
  int64_t num_layers = 1;
  int64_t cross_attention_dim = 0;
  int64_t norm_num_groups = 32;
  bool use_linear_projection = false;
  bool upcast_attention = false;
  double norm_eps = 1e-5;  // of the LayerNorms; the GroupNorm uses 1e-6 as in the reference
  std::string path;        // e.g. "down_blocks.0.attentions.0"
};

class Transformer2DModelImpl : public torch::nn::Module {
 public:
  explicit Transformer2DModelImpl(const Transformer2DModelOptions& o);
  /// x: [B, C, H, W], context: [B, M, cross_attention_dim] -> [B, C, H, W]
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, const AttnProbsSink* sink = nullptr);

  const Transformer2DModelOptions& options() const { return options_; }

  torch::nn::GroupNorm norm{nullptr};
  torch::nn::Conv2d proj_in_conv{nullptr}, proj_out_conv{nullptr};      // use_linear_projection = false
  torch::nn::Linear proj_in_linear{nullptr}, proj_out_linear{nullptr};  // use_linear_projection = true
  torch::nn::ModuleList transformer_blocks{nullptr};

 private:
  Transformer2DModelOptions options_;
  std::vector<BasicTransformerBlock> blocks_;
};
TORCH_MODULE(Transformer2DModel);

}  // namespace rashisa::ml
