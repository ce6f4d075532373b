#pragma once
// UNet2DConditionModel configuration as read from a diffusers unet/config.json.
// Only what SD 1.x / 2.x use is supported; other values are rejected by name.
// Ref: diffusers/src/diffusers/models/unets/unet_2d_condition.py UNet2DConditionModel.__init__
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::ml {

struct UNetConfig {
  int64_t sample_size = 0;  // latent side the model was trained at (0 if the file has none)
  int64_t in_channels = 4;
  int64_t out_channels = 4;
  bool center_input_sample = false;
  bool flip_sin_to_cos = true;
  double freq_shift = 0.0;
  // "CrossAttnDownBlock2D" | "DownBlock2D"; "UpBlock2D" | "CrossAttnUpBlock2D"
  std::vector<std::string> down_block_types{"CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                            "DownBlock2D"};
  std::vector<std::string> up_block_types{"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D",
                                          "CrossAttnUpBlock2D"};
  std::string mid_block_type = "UNetMidBlock2DCrossAttn";
  std::vector<int64_t> block_out_channels{320, 640, 1280, 1280};
  std::vector<int64_t> layers_per_block{2, 2, 2, 2};  // per down block; up blocks have one more
  int64_t downsample_padding = 1;
  double mid_block_scale_factor = 1.0;
  double resnet_out_scale_factor = 1.0;
  std::string act_fn = "silu";
  int64_t norm_num_groups = 32;
  double norm_eps = 1e-5;
  std::vector<int64_t> cross_attention_dim{1280, 1280, 1280, 1280};  // per down block
  // Heads per down block. diffusers reads the config's attention_head_dim as the number
  // of heads (num_attention_heads = num_attention_heads or attention_head_dim).
  std::vector<int64_t> num_attention_heads{8, 8, 8, 8};
  bool use_linear_projection = false;
  bool upcast_attention = false;

  /// Throws Error(UnsupportedModel) naming the key and value for anything we do not
  /// implement, Error(FileFormat) for malformed values.
  static UNetConfig from_json(const nlohmann::json& j);

  int64_t time_embed_dim() const { return block_out_channels.at(0) * 4; }
};

}  // namespace rashisa::ml
