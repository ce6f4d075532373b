#pragma once
#include <torch/types.h>

#include <cstdint>

namespace rashisa::ml {

/// torch.randn(shape, generator=torch.Generator().manual_seed(seed)) on the CPU, as the
/// reference pipeline draws initial latents; libtorch's CPU generator (mt19937 +
/// Box-Muller, with the vectorised path for >= 16 elements) gives the same numbers.
torch::Tensor seeded_randn(torch::IntArrayRef shape, std::uint64_t seed);

}  // namespace rashisa::ml
