#pragma once
// The VAE's encoder and decoder and their blocks.
// Ref: diffusers/src/diffusers/models/autoencoders/vae.py (Encoder, Decoder)
// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py (DownEncoderBlock2D, UpDecoderBlock2D, UNetMidBlock2D)
#include "engine/ml/nn/attention.h"
#include "engine/ml/nn/resnet.h"
#include "engine/ml/vae/vae_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <vector>

namespace rashisa::ml {

/// Resnets without time embedding, then an optional 2x downsampler (padding 0).
class DownEncoderBlock2DImpl : public torch::nn::Module {
 public:
  DownEncoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers, int64_t groups, double eps,
                         bool add_downsample);
  torch::Tensor forward(torch::Tensor h);

  torch::nn::ModuleList resnets{nullptr}, downsamplers{nullptr};

 private:
  std::vector<ResnetBlock2D> resnets_;
  Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(DownEncoderBlock2D);

/// Resnets without time embedding, then an optional 2x upsampler.
class UpDecoderBlock2DImpl : public torch::nn::Module {
 public:
  UpDecoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers, int64_t groups, double eps,
                       bool add_upsample);
  torch::Tensor forward(torch::Tensor h);

  torch::nn::ModuleList resnets{nullptr}, upsamplers{nullptr};

 private:
  std::vector<ResnetBlock2D> resnets_;
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UpDecoderBlock2D);

/// resnet, (single-head self-attention with group_norm and residual, resnet).
class UNetMidBlock2DImpl : public torch::nn::Module {
 public:
  UNetMidBlock2DImpl(int64_t channels, int64_t groups, double eps, bool add_attention);
  torch::Tensor forward(torch::Tensor h);

  torch::nn::ModuleList attentions{nullptr}, resnets{nullptr};

 private:
  std::vector<ResnetBlock2D> resnets_;
  Attention attention_{nullptr};
};
TORCH_MODULE(UNetMidBlock2D);

class EncoderImpl : public torch::nn::Module {
 public:
  explicit EncoderImpl(const VaeConfig& c);
  /// x: [B, in_channels, H, W] -> moments before quant_conv [B, 2*latent_channels, H/f, W/f]
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
  torch::nn::ModuleList down_blocks{nullptr};
  UNetMidBlock2D mid_block{nullptr};
  torch::nn::GroupNorm conv_norm_out{nullptr};

 private:
  std::vector<DownEncoderBlock2D> down_;
};
TORCH_MODULE(Encoder);

class DecoderImpl : public torch::nn::Module {
 public:
  explicit DecoderImpl(const VaeConfig& c);
  /// z: [B, latent_channels, h, w] (after post_quant_conv) -> [B, out_channels, h*f, w*f]
  torch::Tensor forward(const torch::Tensor& z);

  torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
  UNetMidBlock2D mid_block{nullptr};
  torch::nn::ModuleList up_blocks{nullptr};
  torch::nn::GroupNorm conv_norm_out{nullptr};

 private:
  std::vector<UpDecoderBlock2D> up_;
};
TORCH_MODULE(Decoder);

}  // namespace rashisa::ml
