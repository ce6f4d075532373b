#include "engine/ml/unet/unet_blocks.h"

#include "engine/ml/nn/checkpoint.h"

#include <torch/torch.h>

#include <memory>

namespace rashisa::ml {

namespace {

ResnetBlock2D make_resnet(const UNetBlockOptions& o, int64_t in, int64_t out) {
  ResnetBlock2DOptions r;
  r.in_channels = in;
  r.out_channels = out;
  r.temb_channels = o.temb_channels;
  r.groups = o.groups;
  r.eps = o.eps;
  r.output_scale_factor = o.output_scale_factor;
  return ResnetBlock2D(r);
}

Transformer2DModel make_transformer(const UNetBlockOptions& o, int64_t channels, const std::string& path) {
  Transformer2DModelOptions t;
  t.num_attention_heads = o.heads;
  t.attention_head_dim = channels / o.heads;
  t.in_channels = channels;
  t.num_layers = 1;
  t.cross_attention_dim = o.cross_attention_dim;
  t.norm_num_groups = o.groups;
  t.use_linear_projection = o.use_linear_projection;
  t.upcast_attention = o.upcast_attention;
  t.path = path;
  return Transformer2DModel(t);
}

}  // namespace

torch::Tensor run_resnet(ResnetBlock2D& resnet, const torch::Tensor& h, const torch::Tensor& temb,
                         const UNetBlockContext& ctx) {
  if (!ctx.checkpoint) return resnet(h, temb);
  ResnetBlock2D r = resnet;
  CheckpointFn fn = [r](const std::vector<torch::Tensor>& in) mutable {
    return std::vector<torch::Tensor>{r(in[0], in[1])};
  };
  return checkpoint(fn, {h, temb}, trainable_parameters(*resnet))[0];
}

torch::Tensor run_transformer(Transformer2DModel& transformer, const torch::Tensor& h, const torch::Tensor& context,
                              const UNetBlockContext& ctx) {
  if (!ctx.checkpoint) return transformer(h, context, ctx.sink);
  // The probabilities leave the checkpoint as extra outputs, so the sink gets tensors
  // that autograd can differentiate (through a recomputation of the block).
  Transformer2DModel t = transformer;
  auto names = std::make_shared<std::vector<std::string>>();
  const bool collect = ctx.sink != nullptr;
  CheckpointFn fn = [t, names, collect](const std::vector<torch::Tensor>& in) mutable {
    std::vector<torch::Tensor> outs(1);
    names->clear();
    AttnProbsSink gather = [&](const std::string& name, const torch::Tensor& probs) {
      names->push_back(name);
      outs.push_back(probs);
    };
    outs[0] = t(in[0], in[1], collect ? &gather : nullptr);
    return outs;
  };
  auto outs = checkpoint(fn, {h, context}, trainable_parameters(*transformer));
  for (size_t i = 1; i < outs.size(); ++i) (*ctx.sink)((*names)[i - 1], outs[i]);
  return outs[0];
}

// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py CrossAttnDownBlock2D / DownBlock2D
UNetDownBlockImpl::UNetDownBlockImpl(const UNetBlockOptions& o) {
  resnets = register_module("resnets", torch::nn::ModuleList());
  if (o.cross_attention) attentions = register_module("attentions", torch::nn::ModuleList());
  for (int64_t i = 0; i < o.num_layers; ++i) {
    resnets_.push_back(make_resnet(o, i == 0 ? o.in_channels : o.out_channels, o.out_channels));
    resnets->push_back(resnets_.back());
    if (o.cross_attention) {
      attentions_.push_back(make_transformer(o, o.out_channels, o.path + ".attentions." + std::to_string(i)));
      attentions->push_back(attentions_.back());
    }
  }
  if (o.add_sample) {
    downsampler_ = Downsample2D(o.out_channels, o.out_channels, o.downsample_padding);
    downsamplers = register_module("downsamplers", torch::nn::ModuleList(downsampler_));
  }
}

torch::Tensor UNetDownBlockImpl::forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                                         const UNetBlockContext& ctx, std::vector<torch::Tensor>& skips) {
  for (size_t i = 0; i < resnets_.size(); ++i) {
    h = run_resnet(resnets_[i], h, temb, ctx);
    if (!attentions_.empty()) h = run_transformer(attentions_[i], h, context, ctx);
    skips.push_back(h);
  }
  if (downsampler_) {
    h = downsampler_(h);
    skips.push_back(h);
  }
  return h;
}

// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py UNetMidBlock2DCrossAttn
UNetMidBlockCrossAttnImpl::UNetMidBlockCrossAttnImpl(const UNetBlockOptions& o) {
  attentions = register_module("attentions", torch::nn::ModuleList());
  resnets = register_module("resnets", torch::nn::ModuleList());
  resnets_.push_back(make_resnet(o, o.in_channels, o.in_channels));
  resnets->push_back(resnets_.back());
  for (int64_t i = 0; i < o.num_layers; ++i) {
    attentions_.push_back(make_transformer(o, o.in_channels, o.path + ".attentions." + std::to_string(i)));
    attentions->push_back(attentions_.back());
    resnets_.push_back(make_resnet(o, o.in_channels, o.in_channels));
    resnets->push_back(resnets_.back());
  }
}

torch::Tensor UNetMidBlockCrossAttnImpl::forward(torch::Tensor h, const torch::Tensor& temb,
                                                 const torch::Tensor& context, const UNetBlockContext& ctx) {
  h = run_resnet(resnets_[0], h, temb, ctx);
  for (size_t i = 0; i < attentions_.size(); ++i) {
    h = run_transformer(attentions_[i], h, context, ctx);
    h = run_resnet(resnets_[i + 1], h, temb, ctx);
  }
  return h;
}

// Ref: diffusers/src/diffusers/models/unets/unet_2d_blocks.py CrossAttnUpBlock2D / UpBlock2D
UNetUpBlockImpl::UNetUpBlockImpl(const UNetBlockOptions& o) {
  resnets = register_module("resnets", torch::nn::ModuleList());
  if (o.cross_attention) attentions = register_module("attentions", torch::nn::ModuleList());
  for (int64_t i = 0; i < o.num_layers; ++i) {
    const int64_t skip_channels = i == o.num_layers - 1 ? o.in_channels : o.out_channels;
    const int64_t resnet_in = i == 0 ? o.prev_output_channels : o.out_channels;
    resnets_.push_back(make_resnet(o, resnet_in + skip_channels, o.out_channels));
    resnets->push_back(resnets_.back());
    if (o.cross_attention) {
      attentions_.push_back(make_transformer(o, o.out_channels, o.path + ".attentions." + std::to_string(i)));
      attentions->push_back(attentions_.back());
    }
  }
  if (o.add_sample) {
    upsampler_ = Upsample2D(o.out_channels, o.out_channels);
    upsamplers = register_module("upsamplers", torch::nn::ModuleList(upsampler_));
  }
}

torch::Tensor UNetUpBlockImpl::forward(torch::Tensor h, std::vector<torch::Tensor>& skips, const torch::Tensor& temb,
                                       const torch::Tensor& context, const UNetBlockContext& ctx,
                                       const std::optional<std::vector<int64_t>>& upsample_size) {
  for (size_t i = 0; i < resnets_.size(); ++i) {
    TORCH_CHECK(!skips.empty(), "UNet up block: ran out of skip connections");
    h = torch::cat({h, skips.back()}, 1);  // [B, C + C_skip, H, W]
    skips.pop_back();
    h = run_resnet(resnets_[i], h, temb, ctx);
    if (!attentions_.empty()) h = run_transformer(attentions_[i], h, context, ctx);
  }
  if (upsampler_) h = upsampler_(h, upsample_size);
  return h;
}

}  // namespace rashisa::ml
