#pragma once
// Stochastic rounding of float32 to bfloat16 for training with bf16 weights: a value is
// rounded up with probability equal to its distance from the lower neighbour, so small
// updates survive on average instead of being rounded away. The random bits come from a
// counter-based hash of (key, element index), so a result depends only on the key (the
// trainer uses seed, step and parameter index): reproducible on every device and on resume,
// with no generator state to save.
// Ref: Gupta et al., "Deep Learning with Limited Numerical Precision" (ICML 2015), sec. 3;
//      the bit trick (add 16 random bits below the bf16 mantissa, truncate) as in
//      pytorch/ao torchao/optim/quant_utils.py (_fp32_to_bf16_sr)
#include <torch/types.h>

#include <cstdint>

namespace rashisa::ml {

/// 16 pseudo-random bits per element, [numel] int32 in [0, 65535], on `device`.
torch::Tensor random_bits16(int64_t numel, std::uint64_t key, const torch::Device& device);

/// x: float32, any shape -> bfloat16 of the same shape, each element rounded down or up
/// (towards or away from zero in magnitude) stochastically. Values that bf16 represents
/// exactly are returned unchanged.
torch::Tensor stochastic_round_bf16(const torch::Tensor& x, std::uint64_t key);

/// A key from a seed and two counters (e.g. step and parameter index).
std::uint64_t rounding_key(std::uint64_t seed, std::uint64_t a, std::uint64_t b);

}  // namespace rashisa::ml
