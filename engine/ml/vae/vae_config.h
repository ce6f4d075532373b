#pragma once
// AutoencoderKL configuration as read from a diffusers vae/config.json.
// Ref: diffusers/src/diffusers/models/autoencoders/autoencoder_kl.py AutoencoderKL.__init__
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::ml {

struct VaeConfig {
  int64_t in_channels = 3;
  int64_t out_channels = 3;
  int64_t latent_channels = 4;
  std::vector<std::string> down_block_types{"DownEncoderBlock2D"};
  std::vector<std::string> up_block_types{"UpDecoderBlock2D"};
  std::vector<int64_t> block_out_channels{64};
  int64_t layers_per_block = 1;
  std::string act_fn = "silu";
  int64_t norm_num_groups = 32;
  int64_t sample_size = 32;
  double scaling_factor = 0.18215;  // latents = posterior * scaling_factor; decode(latents / scaling_factor)
  bool force_upcast = true;         // run in float32 even when the rest of the pipeline is half
  bool mid_block_add_attention = true;
  bool use_quant_conv = true;
  bool use_post_quant_conv = true;

  /// Throws Error(UnsupportedModel) naming the key and value for anything we do not
  /// implement, Error(FileFormat) for malformed values.
  static VaeConfig from_json(const nlohmann::json& j);
};

}  // namespace rashisa::ml
