#include "engine/ml/unet/unet.h"

#include "engine/core/error.h"

#include <torch/torch.h>

#include <algorithm>

namespace rashisa::ml {

// Ref: diffusers/src/diffusers/models/unets/unet_2d_condition.py UNet2DConditionModel.__init__
UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNetConfig& config) : config_(config) {
  const auto& c = config_;
  const size_t n = c.block_out_channels.size();
  const int64_t temb = c.time_embed_dim();

  conv_in = register_module(
      "conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.in_channels, c.block_out_channels[0], 3).padding(1)));
  time_embedding = register_module("time_embedding", TimestepEmbedding(c.block_out_channels[0], temb));

  UNetBlockOptions base;
  base.temb_channels = temb;
  base.groups = c.norm_num_groups;
  base.eps = c.norm_eps;
  base.downsample_padding = c.downsample_padding;
  base.use_linear_projection = c.use_linear_projection;
  base.upcast_attention = c.upcast_attention;

  down_blocks = register_module("down_blocks", torch::nn::ModuleList());
  int64_t out_ch = c.block_out_channels[0];
  for (size_t i = 0; i < n; ++i) {
    UNetBlockOptions o = base;
    o.in_channels = out_ch;
    out_ch = c.block_out_channels[i];
    o.out_channels = out_ch;
    o.num_layers = c.layers_per_block[i];
    o.cross_attention = c.down_block_types[i] == "CrossAttnDownBlock2D";
    o.add_sample = i + 1 < n;
    o.heads = c.num_attention_heads[i];
    o.cross_attention_dim = c.cross_attention_dim[i];
    o.output_scale_factor = c.resnet_out_scale_factor;
    o.path = "down_blocks." + std::to_string(i);
    down_.emplace_back(o);
    down_blocks->push_back(down_.back());
  }

  {
    UNetBlockOptions o = base;
    o.in_channels = o.out_channels = c.block_out_channels.back();
    o.num_layers = 1;
    o.cross_attention = true;
    o.heads = c.num_attention_heads.back();
    o.cross_attention_dim = c.cross_attention_dim.back();
    o.output_scale_factor = c.mid_block_scale_factor;
    o.path = "mid_block";
    mid_block = register_module("mid_block", UNetMidBlockCrossAttn(o));
  }

  up_blocks = register_module("up_blocks", torch::nn::ModuleList());
  std::vector<int64_t> rev_ch(c.block_out_channels.rbegin(), c.block_out_channels.rend());
  std::vector<int64_t> rev_heads(c.num_attention_heads.rbegin(), c.num_attention_heads.rend());
  std::vector<int64_t> rev_layers(c.layers_per_block.rbegin(), c.layers_per_block.rend());
  std::vector<int64_t> rev_cross(c.cross_attention_dim.rbegin(), c.cross_attention_dim.rend());
  out_ch = rev_ch[0];
  for (size_t i = 0; i < n; ++i) {
    UNetBlockOptions o = base;
    o.prev_output_channels = out_ch;
    out_ch = rev_ch[i];
    o.out_channels = out_ch;
    o.in_channels = rev_ch[std::min(i + 1, n - 1)];
    o.num_layers = rev_layers[i] + 1;
    o.cross_attention = c.up_block_types[i] == "CrossAttnUpBlock2D";
    o.add_sample = i + 1 < n;
    o.heads = rev_heads[i];
    o.cross_attention_dim = rev_cross[i];
    o.output_scale_factor = c.resnet_out_scale_factor;
    o.path = "up_blocks." + std::to_string(i);
    up_.emplace_back(o);
    up_blocks->push_back(up_.back());
  }

  conv_norm_out = register_module(
      "conv_norm_out",
      torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.norm_num_groups, c.block_out_channels[0]).eps(c.norm_eps)));
  conv_out = register_module(
      "conv_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.block_out_channels[0], c.out_channels, 3).padding(1)));
}

// Ref: diffusers/src/diffusers/models/unets/unet_2d_condition.py UNet2DConditionModel.forward
torch::Tensor UNet2DConditionModelImpl::forward(torch::Tensor sample, torch::Tensor timestep,
                                                torch::Tensor encoder_hidden_states, UNetForwardContext* ctx) {
  const auto& c = config_;
  if (sample.dim() != 4 || sample.size(1) != c.in_channels)
    throw Error(ErrorCode::InvalidArgument, "UNet: sample must be [B, " + std::to_string(c.in_channels) +
                                                ", h, w], got " + c10::str(sample.sizes()));
  if (encoder_hidden_states.dim() != 3 || encoder_hidden_states.size(2) != c.cross_attention_dim[0])
    throw Error(ErrorCode::InvalidArgument, "UNet: encoder_hidden_states must be [B, tokens, " +
                                                std::to_string(c.cross_attention_dim[0]) + "], got " +
                                                c10::str(encoder_hidden_states.sizes()));
  const int64_t B = sample.size(0);

  // Sides that the upsamplers cannot reach by doubling get explicit sizes.
  const int64_t up_factor = int64_t(1) << (up_.size() - 1);
  const bool forward_upsample_size = sample.size(2) % up_factor != 0 || sample.size(3) % up_factor != 0;

  // 1. time: t [B] -> sinusoidal [B, C0] (float32) -> MLP in the model's dtype.
  auto t = timestep.to(sample.device());
  if (t.dim() == 0) t = t.unsqueeze(0);
  if (t.dim() != 1 || (t.size(0) != B && t.size(0) != 1))
    throw Error(ErrorCode::InvalidArgument, "UNet: timestep must be 0-d, [1] or [B], got " + c10::str(t.sizes()));
  t = t.expand({B});
  auto t_emb = timestep_embedding(t, c.block_out_channels[0], c.flip_sin_to_cos, c.freq_shift).to(sample.scalar_type());
  auto emb = time_embedding(t_emb);  // [B, 4*C0]

  UNetBlockContext bctx;
  if (ctx && ctx->attn2_probs_sink) bctx.sink = &ctx->attn2_probs_sink;
  bctx.checkpoint = ctx && ctx->gradient_checkpointing;

  // 2. pre-process
  if (c.center_input_sample) sample = 2 * sample - 1.0;
  auto h = conv_in(sample);  // [B, C0, h, w]

  // 3. down
  std::vector<torch::Tensor> skips{h};
  for (auto& block : down_) h = block->forward(h, emb, encoder_hidden_states, bctx, skips);

  // 4. mid
  h = mid_block->forward(h, emb, encoder_hidden_states, bctx);

  // 5. up
  for (size_t i = 0; i < up_.size(); ++i) {
    auto& block = up_[i];
    const bool is_final = i + 1 == up_.size();
    // After this block takes its skips, the next one on the stack has the target size.
    std::optional<std::vector<int64_t>> upsample_size;
    if (!is_final && forward_upsample_size) {
      const size_t remaining = skips.size() - static_cast<size_t>(block->num_layers());
      const auto& next = skips.at(remaining - 1);
      upsample_size = std::vector<int64_t>{next.size(2), next.size(3)};
    }
    h = block->forward(h, skips, emb, encoder_hidden_states, bctx, upsample_size);
  }

  // 6. post-process
  h = torch::silu(conv_norm_out(h));
  return conv_out(h);  // [B, out_channels, h, w]
}

}  // namespace rashisa::ml
