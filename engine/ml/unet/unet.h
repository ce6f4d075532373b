#pragma once
// UNet2DConditionModel for Stable Diffusion 1.x / 2.x.
// Ref: diffusers/src/diffusers/models/unets/unet_2d_condition.py
#include "engine/ml/nn/embeddings.h"
#include "engine/ml/unet/unet_blocks.h"
#include "engine/ml/unet/unet_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

namespace rashisa::ml {

/// Cross-cutting needs of one forward pass (libtorch has no forward hooks).
struct UNetForwardContext {
  // Called for every cross-attention (attn2) layer with its module path, e.g.
  // "down_blocks.0.attentions.0.transformer_blocks.0.attn2", and its softmax probabilities
  // probs: [B, heads, HW, 77] (float32, part of the autograd graph: the trainer's regulariser needs gradients through it).
  std::function<void(const std::string& name, const torch::Tensor& probs)> attn2_probs_sink;
  bool gradient_checkpointing = false;  // recompute transformer/resnet blocks in backward (training)
};

class UNet2DConditionModelImpl : public torch::nn::Module {
 public:
  explicit UNet2DConditionModelImpl(const UNetConfig& config);

  /// sample: [B, in_channels, h, w]; timestep: 0-d or [B] (or [1]), int64 or float;
  /// encoder_hidden_states: [B, 77, cross_attention_dim] -> [B, out_channels, h, w].
  /// Any h, w: when they are not multiples of 2^(number of upsamplers) the up blocks
  /// upsample to the skip connections' sizes.
  torch::Tensor forward(torch::Tensor sample, torch::Tensor timestep, torch::Tensor encoder_hidden_states,
                        UNetForwardContext* ctx = nullptr);

  const UNetConfig& config() const { return config_; }

  torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
  TimestepEmbedding time_embedding{nullptr};
  torch::nn::ModuleList down_blocks{nullptr}, up_blocks{nullptr};
  UNetMidBlockCrossAttn mid_block{nullptr};
  torch::nn::GroupNorm conv_norm_out{nullptr};

 private:
  UNetConfig config_;
  std::vector<UNetDownBlock> down_;
  std::vector<UNetUpBlock> up_;
};
TORCH_MODULE(UNet2DConditionModel);

}  // namespace rashisa::ml
