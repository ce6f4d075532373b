#pragma once
// ResNet block and the 2x down/up samplers shared by the UNet and the VAE.
// Ref: diffusers/src/diffusers/models/resnet.py (ResnetBlock2D)
// Ref: diffusers/src/diffusers/models/downsampling.py (Downsample2D)
// Ref: diffusers/src/diffusers/models/upsampling.py (Upsample2D)
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <optional>
#include <vector>

namespace rashisa::ml {

struct ResnetBlock2DOptions {
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  int64_t temb_channels = 0;  // 0: no time embedding (VAE)
  int64_t groups = 32;
  double eps = 1e-6;
  double output_scale_factor = 1.0;
};

/// GroupNorm-SiLU-Conv twice with a time-embedding bias in between
/// (time_embedding_norm "default"), plus a 1x1 conv_shortcut when channels change.
class ResnetBlock2DImpl : public torch::nn::Module {
 public:
  explicit ResnetBlock2DImpl(const ResnetBlock2DOptions& o);
  /// x: [B, in, H, W], temb: [B, temb_channels] or undefined -> [B, out, H, W]
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb = {});

  torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv_shortcut{nullptr};
  torch::nn::Linear time_emb_proj{nullptr};

 private:
  double output_scale_factor_ = 1.0;
};
TORCH_MODULE(ResnetBlock2D);

/// Strided 3x3 conv ("conv"). padding 0 pads right/bottom by one first, as the VAE encoder does.
class Downsample2DImpl : public torch::nn::Module {
 public:
  Downsample2DImpl(int64_t channels, int64_t out_channels, int64_t padding);
  /// x: [B, C, H, W] -> [B, out, ceil-ish(H/2), ceil-ish(W/2)]
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d conv{nullptr};

 private:
  int64_t padding_;
};
TORCH_MODULE(Downsample2D);

/// Nearest 2x upsampling (or to an explicit size) followed by a 3x3 conv ("conv").
class Upsample2DImpl : public torch::nn::Module {
 public:
  Upsample2DImpl(int64_t channels, int64_t out_channels);
  /// x: [B, C, H, W] -> [B, out, 2H, 2W], or [B, out, size[0], size[1]] when size is given.
  torch::Tensor forward(const torch::Tensor& x, const std::optional<std::vector<int64_t>>& size = std::nullopt);

  torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(Upsample2D);

}  // namespace rashisa::ml
