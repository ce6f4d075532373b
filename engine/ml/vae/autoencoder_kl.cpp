#include "engine/ml/vae/autoencoder_kl.h"

#include "engine/core/error.h"

#include <torch/torch.h>

namespace rashisa::ml {

torch::Tensor LatentDist::sample(torch::Tensor eps) const {
  return mean + std * eps.to(mean.options());
}

// Ref: diffusers/src/diffusers/models/autoencoders/autoencoder_kl.py AutoencoderKL.__init__
AutoencoderKLImpl::AutoencoderKLImpl(const VaeConfig& config) : config_(config) {
  const int64_t lc = config_.latent_channels;
  encoder = register_module("encoder", Encoder(config_));
  decoder = register_module("decoder", Decoder(config_));
  if (config_.use_quant_conv)
    quant_conv = register_module("quant_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(2 * lc, 2 * lc, 1)));
  if (config_.use_post_quant_conv)
    post_quant_conv = register_module("post_quant_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(lc, lc, 1)));
}

// Ref: diffusers/src/diffusers/models/autoencoders/autoencoder_kl.py AutoencoderKL._encode / encode
// Ref: diffusers/src/diffusers/models/autoencoders/vae.py DiagonalGaussianDistribution.__init__
LatentDist AutoencoderKLImpl::encode(torch::Tensor image) {
  if (image.dim() != 4 || image.size(1) != config_.in_channels)
    throw Error(ErrorCode::InvalidArgument, "VAE encode: image must be [B, " + std::to_string(config_.in_channels) +
                                                ", H, W], got " + c10::str(image.sizes()));
  auto moments = encoder(image);                   // [B, 2*latent, h, w]
  if (quant_conv) moments = quant_conv(moments);
  auto halves = moments.chunk(2, 1);
  LatentDist d;
  d.mean = halves[0];
  d.logvar = torch::clamp(halves[1], -30.0, 20.0);
  d.std = torch::exp(0.5 * d.logvar);
  return d;
}

// Ref: diffusers/src/diffusers/models/autoencoders/autoencoder_kl.py AutoencoderKL._decode
torch::Tensor AutoencoderKLImpl::decode(torch::Tensor z) {
  if (z.dim() != 4 || z.size(1) != config_.latent_channels)
    throw Error(ErrorCode::InvalidArgument, "VAE decode: latents must be [B, " +
                                                std::to_string(config_.latent_channels) + ", h, w], got " +
                                                c10::str(z.sizes()));
  if (post_quant_conv) z = post_quant_conv(z);
  return decoder(z);
}

}  // namespace rashisa::ml
