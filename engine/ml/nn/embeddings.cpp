#include "engine/ml/nn/embeddings.h"

#include <torch/torch.h>

#include <cmath>

namespace rashisa::ml {

// Ref: diffusers/src/diffusers/models/embeddings.py get_timestep_embedding
torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int64_t dim, bool flip_sin_to_cos,
                                 double downscale_freq_shift, double scale, double max_period) {
  TORCH_CHECK(timesteps.dim() == 1, "timestep_embedding: timesteps must be 1-D, got ", timesteps.sizes());
  const int64_t half = dim / 2;
  auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(timesteps.device());
  // Float32 throughout, in the reference's order of operations.
  auto exponent = torch::arange(0, half, opts) * static_cast<float>(-std::log(max_period));
  exponent = exponent / static_cast<float>(static_cast<double>(half) - downscale_freq_shift);
  auto freqs = torch::exp(exponent);                                            // [half]
  auto emb = timesteps.unsqueeze(1).to(torch::kFloat32) * freqs.unsqueeze(0);  // [N, half]
  if (scale != 1.0) emb = emb * scale;
  emb = flip_sin_to_cos ? torch::cat({torch::cos(emb), torch::sin(emb)}, -1)
                        : torch::cat({torch::sin(emb), torch::cos(emb)}, -1);  // [N, 2*half]
  if (dim % 2 == 1) emb = torch::constant_pad_nd(emb, {0, 1, 0, 0});
  return emb;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(int64_t in_channels, int64_t time_embed_dim) {
  linear_1 = register_module("linear_1", torch::nn::Linear(in_channels, time_embed_dim));
  linear_2 = register_module("linear_2", torch::nn::Linear(time_embed_dim, time_embed_dim));
}

torch::Tensor TimestepEmbeddingImpl::forward(const torch::Tensor& x) {
  return linear_2(torch::silu(linear_1(x)));
}

}  // namespace rashisa::ml
