#pragma once
// AutoencoderKL: image <-> latent for Stable Diffusion.
// Ref: diffusers/src/diffusers/models/autoencoders/autoencoder_kl.py
// Ref: diffusers/src/diffusers/models/autoencoders/vae.py (DiagonalGaussianDistribution)
#include "engine/ml/vae/vae.h"
#include "engine/ml/vae/vae_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

namespace rashisa::ml {

/// The posterior of encode(): a diagonal Gaussian per latent element, each [B, latent, h, w].
struct LatentDist {
  torch::Tensor mean, logvar, std;  // logvar clamped to [-30, 20]; std = exp(logvar / 2)
  /// mean + std * eps (the reparameterised sample; eps ~ N(0, 1), same shape as mean).
  torch::Tensor sample(torch::Tensor eps) const;
};

class AutoencoderKLImpl : public torch::nn::Module {
 public:
  explicit AutoencoderKLImpl(const VaeConfig& config);

  /// image: [B, in_channels, H, W] in [-1, 1] -> posterior over [B, latent, H/8, W/8] (SD).
  LatentDist encode(torch::Tensor image);
  /// z: [B, latent, h, w], the raw decoder input (pipelines pass latents / scaling_factor)
  /// -> [B, out_channels, 8h, 8w], roughly in [-1, 1], not clamped.
  torch::Tensor decode(torch::Tensor z);

  const VaeConfig& config() const { return config_; }

  Encoder encoder{nullptr};
  Decoder decoder{nullptr};
  torch::nn::Conv2d quant_conv{nullptr}, post_quant_conv{nullptr};

 private:
  VaeConfig config_;
};
TORCH_MODULE(AutoencoderKL);

}  // namespace rashisa::ml
