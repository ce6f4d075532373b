#include "engine/ml/nn/transformer_2d.h"

#include <torch/torch.h>

namespace rashisa::ml {

// Ref: diffusers/src/diffusers/models/activations.py GEGLU
GEGLUImpl::GEGLUImpl(int64_t dim_in, int64_t dim_out) {
  proj = register_module("proj", torch::nn::Linear(dim_in, dim_out * 2));
}

torch::Tensor GEGLUImpl::forward(const torch::Tensor& x) {
  auto parts = proj(x).chunk(2, -1);  // hidden, gate: [B, N, dim_out] each
  return parts[0] * torch::gelu(parts[1]);
}

// Ref: diffusers/src/diffusers/models/attention.py FeedForward (activation_fn "geglu")
FeedForwardImpl::FeedForwardImpl(int64_t dim, int64_t mult) {
  const int64_t inner = dim * mult;
  geglu_ = GEGLU(dim, inner);
  out_ = torch::nn::Linear(inner, dim);
  net = register_module("net", torch::nn::ModuleList(geglu_, torch::nn::Dropout(0.0), out_));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) { return out_(geglu_(x)); }

// Ref: diffusers/src/diffusers/models/attention.py BasicTransformerBlock (norm_type "layer_norm")
BasicTransformerBlockImpl::BasicTransformerBlockImpl(const BasicTransformerBlockOptions& o) {
  auto ln = [&] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.dim}).eps(o.norm_eps)); };
  AttentionOptions a;
  a.query_dim = o.dim;
  a.heads = o.heads;
  a.dim_head = o.dim_head;
  a.upcast_attention = o.upcast_attention;
  norm1 = register_module("norm1", ln());
  a.path = o.path + ".attn1";
  attn1 = register_module("attn1", Attention(a));
  norm2 = register_module("norm2", ln());
  a.cross_attention_dim = o.cross_attention_dim;
  a.path = o.path + ".attn2";
  attn2 = register_module("attn2", Attention(a));
  norm3 = register_module("norm3", ln());
  ff = register_module("ff", FeedForward(o.dim));
}

torch::Tensor BasicTransformerBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& context,
                                                 const AttnProbsSink* sink) {
  auto h = attn1(norm1(x)) + x;          // [B, N, dim]
  h = attn2(norm2(h), context, sink) + h;
  return ff(norm3(h)) + h;
}

// Ref: diffusers/src/diffusers/models/transformers/transformer_2d.py Transformer2DModel (is_input_continuous)
Transformer2DModelImpl::Transformer2DModelImpl(const Transformer2DModelOptions& o) : options_(o) {
  const int64_t inner = o.num_attention_heads * o.attention_head_dim;
  norm = register_module(
      "norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.norm_num_groups, o.in_channels).eps(1e-6)));
  if (o.use_linear_projection) {
    proj_in_linear = register_module("proj_in", torch::nn::Linear(o.in_channels, inner));
  } else {
    proj_in_conv = register_module("proj_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(o.in_channels, inner, 1)));
  }
  transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
  for (int64_t i = 0; i < o.num_layers; ++i) {
    BasicTransformerBlockOptions b;
    b.dim = inner;
    b.heads = o.num_attention_heads;
    b.dim_head = o.attention_head_dim;
    b.cross_attention_dim = o.cross_attention_dim;
    b.upcast_attention = o.upcast_attention;
    b.norm_eps = o.norm_eps;
    b.path = o.path + ".transformer_blocks." + std::to_string(i);
    blocks_.emplace_back(b);
    transformer_blocks->push_back(blocks_.back());
  }
  if (o.use_linear_projection) {
    proj_out_linear = register_module("proj_out", torch::nn::Linear(inner, o.in_channels));
  } else {
    proj_out_conv = register_module("proj_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(inner, o.in_channels, 1)));
  }
}

torch::Tensor Transformer2DModelImpl::forward(const torch::Tensor& x, const torch::Tensor& context,
                                              const AttnProbsSink* sink) {
  const int64_t B = x.size(0), H = x.size(2), W = x.size(3);
  auto h = norm(x);
  int64_t inner = 0;
  if (proj_in_conv) {
    h = proj_in_conv(h);
    inner = h.size(1);
    h = h.permute({0, 2, 3, 1}).reshape({B, H * W, inner});  // [B, HW, inner]
  } else {
    h = h.permute({0, 2, 3, 1}).reshape({B, H * W, h.size(1)});
    h = proj_in_linear(h);  // [B, HW, inner]
    inner = h.size(2);
  }
  for (auto& block : blocks_) h = block(h, context, sink);
  if (proj_out_conv) {
    h = h.reshape({B, H, W, inner}).permute({0, 3, 1, 2}).contiguous();
    h = proj_out_conv(h);
  } else {
    h = proj_out_linear(h);
    h = h.reshape({B, H, W, h.size(2)}).permute({0, 3, 1, 2}).contiguous();  // [B, C, H, W]
  }
  return h + x;
}

}  // namespace rashisa::ml
