#pragma once
// Sinusoidal timestep embedding and its MLP.
// Ref: diffusers/src/diffusers/models/embeddings.py (get_timestep_embedding, Timesteps, TimestepEmbedding)
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

namespace rashisa::ml {

/// timesteps: [N] (int or float) -> [N, dim] float32 on the same device.
/// flip_sin_to_cos puts cos first; downscale_freq_shift is diffusers' freq_shift.
torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int64_t dim, bool flip_sin_to_cos,
                                 double downscale_freq_shift, double scale = 1.0, double max_period = 10000.0);

/// linear_1 -> SiLU -> linear_2 (act_fn "silu"; no condition projection, no post-activation).
class TimestepEmbeddingImpl : public torch::nn::Module {
 public:
  TimestepEmbeddingImpl(int64_t in_channels, int64_t time_embed_dim);
  /// x: [N, in_channels] -> [N, time_embed_dim]
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear linear_1{nullptr}, linear_2{nullptr};
};
TORCH_MODULE(TimestepEmbedding);

}  // namespace rashisa::ml
