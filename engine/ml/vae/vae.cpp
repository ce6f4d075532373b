#include "engine/ml/vae/vae.h"

#include <torch/torch.h>

namespace rashisa::ml {

namespace {

// The VAE's norms use eps 1e-6 (hard-coded in the reference's Encoder/Decoder).
constexpr double kEps = 1e-6;

ResnetBlock2D make_resnet(int64_t in, int64_t out, int64_t groups, double eps) {
  ResnetBlock2DOptions r;
  r.in_channels = in;
  r.out_channels = out;
  r.temb_channels = 0;
  r.groups = groups;
  r.eps = eps;
  return ResnetBlock2D(r);
}

torch::nn::GroupNorm group_norm(int64_t groups, int64_t channels) {
  return torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(kEps));
}

}  // namespace

// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py DownEncoderBlock2D
DownEncoderBlock2DImpl::DownEncoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers,
                                               int64_t groups, double eps, bool add_downsample) {
  resnets = register_module("resnets", torch::nn::ModuleList());
  for (int64_t i = 0; i < num_layers; ++i) {
    resnets_.push_back(make_resnet(i == 0 ? in_channels : out_channels, out_channels, groups, eps));
    resnets->push_back(resnets_.back());
  }
  if (add_downsample) {
    downsampler_ = Downsample2D(out_channels, out_channels, /*padding=*/0);
    downsamplers = register_module("downsamplers", torch::nn::ModuleList(downsampler_));
  }
}

torch::Tensor DownEncoderBlock2DImpl::forward(torch::Tensor h) {
  for (auto& r : resnets_) h = r(h);
  if (downsampler_) h = downsampler_(h);
  return h;
}

// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py UpDecoderBlock2D
UpDecoderBlock2DImpl::UpDecoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers,
                                           int64_t groups, double eps, bool add_upsample) {
  resnets = register_module("resnets", torch::nn::ModuleList());
  for (int64_t i = 0; i < num_layers; ++i) {
    resnets_.push_back(make_resnet(i == 0 ? in_channels : out_channels, out_channels, groups, eps));
    resnets->push_back(resnets_.back());
  }
  if (add_upsample) {
    upsampler_ = Upsample2D(out_channels, out_channels);
    upsamplers = register_module("upsamplers", torch::nn::ModuleList(upsampler_));
  }
}

torch::Tensor UpDecoderBlock2DImpl::forward(torch::Tensor h) {
  for (auto& r : resnets_) h = r(h);
  if (upsampler_) h = upsampler_(h);
  return h;
}

// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py UNetMidBlock2D
// (attention_head_dim = channels, so one head; upcast_softmax, residual_connection).
UNetMidBlock2DImpl::UNetMidBlock2DImpl(int64_t channels, int64_t groups, double eps, bool add_attention) {
  attentions = register_module("attentions", torch::nn::ModuleList());
  resnets = register_module("resnets", torch::nn::ModuleList());
  resnets_.push_back(make_resnet(channels, channels, groups, eps));
  if (add_attention) {
    AttentionOptions a;
    a.query_dim = channels;
    a.heads = 1;
    a.dim_head = channels;
    a.bias = true;
    a.upcast_softmax = true;
    a.norm_num_groups = groups;
    a.eps = eps;
    a.residual_connection = true;
    a.rescale_output_factor = 1.0;
    attention_ = Attention(a);
    attentions->push_back(attention_);
  }
  resnets_.push_back(make_resnet(channels, channels, groups, eps));
  for (auto& r : resnets_) resnets->push_back(r);
}

torch::Tensor UNetMidBlock2DImpl::forward(torch::Tensor h) {
  h = resnets_[0](h);
  if (attention_) h = attention_(h);  // [B, C, H, W] in and out
  return resnets_[1](h);
}

// Ref: diffusers/src/diffusers/models/autoencoders/vae.py Encoder (double_z=True)
EncoderImpl::EncoderImpl(const VaeConfig& c) {
  const auto& ch = c.block_out_channels;
  conv_in = register_module("conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.in_channels, ch[0], 3).padding(1)));
  down_blocks = register_module("down_blocks", torch::nn::ModuleList());
  int64_t out = ch[0];
  for (size_t i = 0; i < ch.size(); ++i) {
    const int64_t in = out;
    out = ch[i];
    down_.emplace_back(in, out, c.layers_per_block, c.norm_num_groups, kEps, i + 1 < ch.size());
    down_blocks->push_back(down_.back());
  }
  mid_block = register_module("mid_block", UNetMidBlock2D(ch.back(), c.norm_num_groups, kEps, c.mid_block_add_attention));
  conv_norm_out = register_module("conv_norm_out", group_norm(c.norm_num_groups, ch.back()));
  conv_out = register_module(
      "conv_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch.back(), 2 * c.latent_channels, 3).padding(1)));
}

torch::Tensor EncoderImpl::forward(const torch::Tensor& x) {
  auto h = conv_in(x);
  for (auto& b : down_) h = b(h);
  h = mid_block(h);
  return conv_out(torch::silu(conv_norm_out(h)));  // [B, 2*latent, h, w]
}

// Ref: diffusers/src/diffusers/models/autoencoders/vae.py Decoder
DecoderImpl::DecoderImpl(const VaeConfig& c) {
  const auto& ch = c.block_out_channels;
  conv_in = register_module("conv_in",
                            torch::nn::Conv2d(torch::nn::Conv2dOptions(c.latent_channels, ch.back(), 3).padding(1)));
  mid_block = register_module("mid_block", UNetMidBlock2D(ch.back(), c.norm_num_groups, kEps, c.mid_block_add_attention));
  up_blocks = register_module("up_blocks", torch::nn::ModuleList());
  std::vector<int64_t> rev(ch.rbegin(), ch.rend());
  int64_t out = rev[0];
  for (size_t i = 0; i < rev.size(); ++i) {
    const int64_t prev = out;
    out = rev[i];
    up_.emplace_back(prev, out, c.layers_per_block + 1, c.norm_num_groups, kEps, i + 1 < rev.size());
    up_blocks->push_back(up_.back());
  }
  conv_norm_out = register_module("conv_norm_out", group_norm(c.norm_num_groups, ch[0]));
  conv_out = register_module("conv_out",
                             torch::nn::Conv2d(torch::nn::Conv2dOptions(ch[0], c.out_channels, 3).padding(1)));
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& z) {
  auto h = conv_in(z);
  h = mid_block(h);
  // The up blocks may hold another dtype than the mid-block (the reference's upscale_dtype).
  h = h.to(conv_out->weight.scalar_type());
  for (auto& b : up_) h = b(h);
  return conv_out(torch::silu(conv_norm_out(h)));  // [B, out_channels, H, W]
}

}  // namespace rashisa::ml
