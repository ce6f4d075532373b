#include "engine/ml/nn/attention.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rashisa::ml {

// Ref: diffusers/src/diffusers/models/attention_processor.py Attention.__init__
AttentionImpl::AttentionImpl(const AttentionOptions& o) : options_(o), scale_(1.0 / std::sqrt(double(o.dim_head))) {
  const int64_t inner = o.heads * o.dim_head;
  const int64_t kv_dim = o.cross_attention_dim > 0 ? o.cross_attention_dim : o.query_dim;
  if (o.norm_num_groups > 0) {
    group_norm = register_module(
        "group_norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.norm_num_groups, o.query_dim).eps(o.eps)));
  }
  to_q = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(o.query_dim, inner).bias(o.bias)));
  to_k = register_module("to_k", torch::nn::Linear(torch::nn::LinearOptions(kv_dim, inner).bias(o.bias)));
  to_v = register_module("to_v", torch::nn::Linear(torch::nn::LinearOptions(kv_dim, inner).bias(o.bias)));
  out_proj_ = torch::nn::Linear(torch::nn::LinearOptions(inner, o.query_dim).bias(o.out_bias));
  to_out = register_module("to_out", torch::nn::ModuleList(out_proj_, torch::nn::Dropout(0.0)));
}

namespace {

// The classic path: scores, softmax, weighted sum.
torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale,
                     bool upcast_attention, bool upcast_softmax, const AttnProbsSink* sink, const std::string& name) {
  const auto dtype = q.scalar_type();
  auto qs = upcast_attention ? q.to(torch::kFloat32) : q;
  auto ks = upcast_attention ? k.to(torch::kFloat32) : k;
  // The reference uses baddbmm(beta=0, alpha=scale); a plain matmul avoids reading the
  // uninitialised beta=0 input that some torch builds mishandle.
  auto scores = torch::matmul(qs, ks.transpose(-1, -2)) * scale;  // [B, h, N, M]
  torch::Tensor probs;
  if (sink) {
    probs = scores.to(torch::kFloat32).softmax(-1);  // [B, h, N, M] float32
    (*sink)(name, probs);
  } else {
    probs = (upcast_softmax ? scores.to(torch::kFloat32) : scores).softmax(-1);
  }
  return torch::matmul(probs.to(dtype), v);  // [B, h, N, d]
}

// Largest score block the unfused path materialises at once (rows are independent,
// so splitting the queries changes nothing but peak memory).
constexpr int64_t kScoreBudgetBytes = int64_t(256) << 20;

}  // namespace

// Ref: diffusers/src/diffusers/models/attention_processor.py AttnProcessor.__call__ /
// Attention.get_attention_scores (classic path) and AttnProcessor2_0 (fused path).
torch::Tensor scaled_dot_product(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 double scale, bool upcast_attention, bool upcast_softmax,
                                 const AttnProbsSink* sink, const std::string& name) {
  if (sink) return attend(q, k, v, scale, upcast_attention, upcast_softmax, sink, name);
#if TORCH_VERSION_MAJOR >= 2
  // Its scale is always dim_head^-0.5 (the argument that changes it is not in every 2.x).
  if (std::abs(scale * std::sqrt(double(q.size(-1))) - 1.0) < 1e-12) return at::scaled_dot_product_attention(q, k, v);
  return attend(q, k, v, scale, upcast_attention, upcast_softmax, nullptr, name);
#else
  const int64_t N = q.size(-2), M = k.size(-2);
  const int64_t row_bytes = q.numel() / std::max<int64_t>(N, 1) / q.size(-1) * M * 4;
  const int64_t rows = std::max<int64_t>(1, kScoreBudgetBytes / std::max<int64_t>(row_bytes, 1));
  if (rows >= N) return attend(q, k, v, scale, upcast_attention, upcast_softmax, nullptr, name);
  std::vector<torch::Tensor> parts;
  for (int64_t start = 0; start < N; start += rows) {
    auto qc = q.narrow(-2, start, std::min(rows, N - start));
    parts.push_back(attend(qc, k, v, scale, upcast_attention, upcast_softmax, nullptr, name));
  }
  return torch::cat(parts, -2);  // [B, h, N, d]
#endif
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& context, const AttnProbsSink* sink) {
  const auto& o = options_;
  const bool spatial = x.dim() == 4;
  auto h = x;
  if (group_norm) h = group_norm(h);  // over channels; same as the reference's [B, C, HW] view
  int64_t B = x.size(0), C = 0, H = 0, W = 0;
  if (spatial) {
    C = x.size(1), H = x.size(2), W = x.size(3);
    h = h.view({B, C, H * W}).transpose(1, 2);  // [B, HW, C]
  }
  const auto& kv_in = context.defined() ? context : h;
  const int64_t N = h.size(1), M = kv_in.size(1);

  auto q = to_q(h).view({B, N, o.heads, o.dim_head}).transpose(1, 2);       // [B, h, N, d]
  auto k = to_k(kv_in).view({B, M, o.heads, o.dim_head}).transpose(1, 2);   // [B, h, M, d]
  auto v = to_v(kv_in).view({B, M, o.heads, o.dim_head}).transpose(1, 2);   // [B, h, M, d]
  auto a = scaled_dot_product(q, k, v, scale_, o.upcast_attention, o.upcast_softmax, sink, o.path);
  a = a.transpose(1, 2).reshape({B, N, o.heads * o.dim_head});  // [B, N, inner]
  auto out = out_proj_(a);                                      // [B, N, query_dim]

  if (spatial) out = out.transpose(-1, -2).reshape({B, C, H, W});
  if (o.residual_connection) out = out + x;
  if (o.rescale_output_factor != 1.0) out = out / o.rescale_output_factor;
  return out;
}

}  // namespace rashisa::ml
