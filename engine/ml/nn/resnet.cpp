#include "engine/ml/nn/resnet.h"

#include <torch/torch.h>

namespace rashisa::ml {

namespace nnf = torch::nn::functional;

// Ref: diffusers/src/diffusers/models/resnet.py ResnetBlock2D.__init__ / forward
ResnetBlock2DImpl::ResnetBlock2DImpl(const ResnetBlock2DOptions& o) : output_scale_factor_(o.output_scale_factor) {
  norm1 = register_module("norm1",
                          torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.groups, o.in_channels).eps(o.eps)));
  conv1 = register_module(
      "conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(o.in_channels, o.out_channels, 3).stride(1).padding(1)));
  if (o.temb_channels > 0) {
    time_emb_proj = register_module("time_emb_proj", torch::nn::Linear(o.temb_channels, o.out_channels));
  }
  norm2 = register_module("norm2",
                          torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.groups, o.out_channels).eps(o.eps)));
  conv2 = register_module(
      "conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(o.out_channels, o.out_channels, 3).stride(1).padding(1)));
  if (o.in_channels != o.out_channels) {
    conv_shortcut = register_module(
        "conv_shortcut", torch::nn::Conv2d(torch::nn::Conv2dOptions(o.in_channels, o.out_channels, 1).stride(1)));
  }
}

torch::Tensor ResnetBlock2DImpl::forward(const torch::Tensor& x, const torch::Tensor& temb) {
  auto h = conv1(torch::silu(norm1(x)));  // [B, out, H, W]
  if (time_emb_proj && temb.defined()) {
    auto t = time_emb_proj(torch::silu(temb));  // [B, out]
    h = h + t.unsqueeze(-1).unsqueeze(-1);
  }
  h = conv2(torch::silu(norm2(h)));  // dropout is 0 for inference and our training
  auto shortcut = conv_shortcut ? conv_shortcut(x) : x;
  auto out = shortcut + h;
  if (output_scale_factor_ != 1.0) out = out / output_scale_factor_;
  return out;
}

// Ref: diffusers/src/diffusers/models/downsampling.py Downsample2D (use_conv=True, name="op" -> "conv")
Downsample2DImpl::Downsample2DImpl(int64_t channels, int64_t out_channels, int64_t padding) : padding_(padding) {
  conv = register_module(
      "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, out_channels, 3).stride(2).padding(padding)));
}

torch::Tensor Downsample2DImpl::forward(const torch::Tensor& x) {
  if (padding_ == 0) return conv(torch::constant_pad_nd(x, {0, 1, 0, 1}, 0));
  return conv(x);
}

// Ref: diffusers/src/diffusers/models/upsampling.py Upsample2D (use_conv=True, interpolate=True)
Upsample2DImpl::Upsample2DImpl(int64_t channels, int64_t out_channels) {
  conv = register_module("conv",
                         torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, out_channels, 3).padding(1)));
}

torch::Tensor Upsample2DImpl::forward(const torch::Tensor& x, const std::optional<std::vector<int64_t>>& size) {
  // Nearest upsampling has no bfloat16 kernel in older torch; the reference goes through float32.
  const auto dtype = x.scalar_type();
  auto h = dtype == torch::kBFloat16 ? x.to(torch::kFloat32) : x;
  // Large batches need a contiguous input for the nearest kernel (reference does the same).
  if (h.size(0) >= 64) h = h.contiguous();
  auto opts = nnf::InterpolateFuncOptions().mode(torch::kNearest);
  if (size) {
    opts.size(*size);
  } else {
    opts.scale_factor(std::vector<double>{2.0, 2.0});
  }
  h = nnf::interpolate(h, opts);
  if (dtype == torch::kBFloat16) h = h.to(dtype);
  return conv(h);
}

}  // namespace rashisa::ml
