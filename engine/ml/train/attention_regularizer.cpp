#include "engine/ml/train/attention_regularizer.h"

#include <torch/torch.h>

namespace rashisa::ml {

torch::Tensor placeholder_columns(const torch::Tensor& probs, const torch::Tensor& positions) {
  const auto b = probs.size(0), heads = probs.size(1), hw = probs.size(2);
  auto pos = positions.to(probs.device(), torch::kInt64).view({b, 1, 1, 1});
  auto index = torch::cat({pos, pos + 1}, 3).expand({b, heads, hw, 2});
  return probs.gather(3, index);  // [B, heads, HW, 2]
}

torch::Tensor attention_regularizer(const std::vector<torch::Tensor>& columns, double lambda_mean, double lambda_var) {
  TORCH_CHECK(!columns.empty(), "attention_regularizer: no cross-attention layers were captured");
  torch::Tensor total;
  for (const auto& cols : columns) {
    // At least float32 (half-precision probabilities under autocast), float64 kept.
    auto c = cols.to(torch::promote_types(cols.scalar_type(), torch::kFloat32));
    const auto b = c.size(0);
    auto v = c.select(3, 0).reshape({b, -1});    // [B, heads*HW]
    auto cat = c.select(3, 1).reshape({b, -1});  // [B, heads*HW]
    auto d_mean = v.mean(1) - cat.mean(1);
    auto d_var = v.var(1, /*unbiased=*/true) - cat.var(1, /*unbiased=*/true);
    auto layer = (lambda_mean * d_mean.square() + lambda_var * d_var.square()).sum();  // sum over the batch
    total = total.defined() ? total + layer : layer;
  }
  return total / static_cast<double>(columns.size());
}

}  // namespace rashisa::ml
