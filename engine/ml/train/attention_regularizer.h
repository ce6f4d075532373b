#pragma once
// AttnDreamBooth's cross-attention map regulariser (DESIGN.md section 5):
//   L_reg = (1/L) sum_layers sum_batch [ l_mean (mu(A_V) - mu(A_cat))^2 + l_var (var(A_V) - var(A_cat))^2 ]
// A_V: attention probabilities at the <V> key column, A_cat: at the column right after
// it; mu and the unbiased variance are taken jointly over heads x query pixels.
#include <torch/types.h>

#include <string>
#include <vector>

namespace rashisa::ml {

/// probs: [B, heads, HW, 77] -> [B, heads, HW, 2] at key columns (pos[b], pos[b] + 1).
torch::Tensor placeholder_columns(const torch::Tensor& probs, const torch::Tensor& positions);

/// columns: one [B, heads, HW, 2] tensor per cross-attention layer. Returns a 0-d tensor
/// (float32, or float64 for float64 input), differentiable through both columns.
torch::Tensor attention_regularizer(const std::vector<torch::Tensor>& columns, double lambda_mean, double lambda_var);

}  // namespace rashisa::ml
