#pragma once
// The UNet's down, mid and up blocks (SD 1.x/2.x kinds only).
// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py
//   (CrossAttnDownBlock2D, DownBlock2D, UNetMidBlock2DCrossAttn, CrossAttnUpBlock2D, UpBlock2D)
#include "engine/ml/nn/attention.h"
#include "engine/ml/nn/resnet.h"
#include "engine/ml/nn/transformer_2d.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <optional>
#include <string>
#include <vector>

namespace rashisa::ml {

/// Per-forward state shared by the blocks.
struct UNetBlockContext {
  const AttnProbsSink* sink = nullptr;  // receives every attn2's probabilities
  bool checkpoint = false;              // recompute resnets/transformers in backward
};

/// What the down, mid and up blocks share.
struct UNetBlockOptions {
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  int64_t prev_output_channels = 0;  // up blocks: channels coming from the block below
  int64_t temb_channels = 0;
  int64_t num_layers = 1;
  bool cross_attention = false;      // CrossAttn* (has "attentions") vs plain
  bool add_sample = false;           // downsampler / upsampler at the end
  int64_t heads = 8;
  int64_t cross_attention_dim = 0;
  int64_t groups = 32;
  double eps = 1e-5;
  double output_scale_factor = 1.0;
  int64_t downsample_padding = 1;
  bool use_linear_projection = false;
  bool upcast_attention = false;
  std::string path;  // "down_blocks.0", "mid_block", "up_blocks.1"
};

/// CrossAttnDownBlock2D (cross_attention) or DownBlock2D.
class UNetDownBlockImpl : public torch::nn::Module {
 public:
  explicit UNetDownBlockImpl(const UNetBlockOptions& o);
  /// h: [B, in, H, W] -> [B, out, H', W']; appends every resnet/attention output and the
  /// downsampled output to `skips`.
  torch::Tensor forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                        const UNetBlockContext& ctx, std::vector<torch::Tensor>& skips);

  torch::nn::ModuleList resnets{nullptr}, attentions{nullptr}, downsamplers{nullptr};

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
  Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(UNetDownBlock);

/// UNetMidBlock2DCrossAttn: resnet, then (transformer, resnet) per layer.
class UNetMidBlockCrossAttnImpl : public torch::nn::Module {
 public:
  explicit UNetMidBlockCrossAttnImpl(const UNetBlockOptions& o);
  torch::Tensor forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                        const UNetBlockContext& ctx);

  torch::nn::ModuleList attentions{nullptr}, resnets{nullptr};

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
};
TORCH_MODULE(UNetMidBlockCrossAttn);

/// CrossAttnUpBlock2D (cross_attention) or UpBlock2D.
class UNetUpBlockImpl : public torch::nn::Module {
 public:
  explicit UNetUpBlockImpl(const UNetBlockOptions& o);
  /// Consumes num_layers() tensors from the back of `skips`, concatenating each to h.
  /// upsample_size: the spatial size to upsample to (sides not multiples of 8); default 2x.
  torch::Tensor forward(torch::Tensor h, std::vector<torch::Tensor>& skips, const torch::Tensor& temb,
                        const torch::Tensor& context, const UNetBlockContext& ctx,
                        const std::optional<std::vector<int64_t>>& upsample_size = std::nullopt);
  int64_t num_layers() const { return static_cast<int64_t>(resnets_.size()); }

  torch::nn::ModuleList resnets{nullptr}, attentions{nullptr}, upsamplers{nullptr};

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UNetUpBlock);

/// resnet(h, temb), checkpointed when ctx asks for it.
torch::Tensor run_resnet(ResnetBlock2D& resnet, const torch::Tensor& h, const torch::Tensor& temb,
                         const UNetBlockContext& ctx);
/// transformer(h, context), checkpointed when ctx asks for it; the sink still receives
/// probabilities that are part of the autograd graph (they are outputs of the checkpoint).
torch::Tensor run_transformer(Transformer2DModel& transformer, const torch::Tensor& h, const torch::Tensor& context,
                              const UNetBlockContext& ctx);

}  // namespace rashisa::ml
