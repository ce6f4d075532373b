#include "engine/ml/pipeline/seed.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

namespace rashisa::ml {

torch::Tensor seeded_randn(torch::IntArrayRef shape, std::uint64_t seed) {
  at::Generator gen = at::detail::createCPUGenerator(seed);
  return torch::randn(shape, gen, torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCPU));
}

}  // namespace rashisa::ml
