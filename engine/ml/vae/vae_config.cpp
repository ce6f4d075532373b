#include "engine/ml/vae/vae_config.h"

#include "engine/core/error.h"

namespace rashisa::ml {

namespace {

using nlohmann::json;

bool has(const json& j, const char* key) { return j.contains(key) && !j.at(key).is_null(); }

[[noreturn]] void unsupported(const char* key, const json& value) {
  throw Error(ErrorCode::UnsupportedModel, std::string("VAE config: ") + key + " = " + value.dump() +
                                               " is not supported (only Stable Diffusion 1.x/2.x VAEs are)");
}

[[noreturn]] void malformed(const char* key, const json& value, const char* expected) {
  throw Error(ErrorCode::FileFormat, std::string("VAE config: ") + key + " = " + value.dump() + " is not " + expected);
}

template <typename T>
T get(const json& j, const char* key, T def, const char* expected) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_boolean()) malformed(key, v, expected);
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) malformed(key, v, expected);
  } else if constexpr (std::is_integral_v<T>) {
    if (!v.is_number_integer()) malformed(key, v, expected);
  } else {
    if (!v.is_number()) malformed(key, v, expected);
  }
  return v.get<T>();
}

template <typename T>
std::vector<T> get_list(const json& j, const char* key, const std::vector<T>& def) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if (!v.is_array() || v.empty()) malformed(key, v, "a non-empty list");
  try {
    return v.get<std::vector<T>>();
  } catch (const json::exception&) {
    malformed(key, v, "a list of the right type");
  }
}

}  // namespace

VaeConfig VaeConfig::from_json(const json& j) {
  if (!j.is_object()) throw Error(ErrorCode::FileFormat, "VAE config: not a JSON object");
  if (has(j, "_class_name") && j.at("_class_name") != "AutoencoderKL") unsupported("_class_name", j.at("_class_name"));
  // SD3/Flux/SDXL-style latent normalisation is not part of SD 1.x/2.x.
  for (const char* key : {"shift_factor", "latents_mean", "latents_std"}) {
    if (has(j, key)) unsupported(key, j.at(key));
  }

  VaeConfig c;
  c.in_channels = get<int64_t>(j, "in_channels", c.in_channels, "an integer");
  c.out_channels = get<int64_t>(j, "out_channels", c.out_channels, "an integer");
  c.latent_channels = get<int64_t>(j, "latent_channels", c.latent_channels, "an integer");
  c.down_block_types = get_list<std::string>(j, "down_block_types", c.down_block_types);
  c.up_block_types = get_list<std::string>(j, "up_block_types", c.up_block_types);
  c.block_out_channels = get_list<int64_t>(j, "block_out_channels", c.block_out_channels);
  c.layers_per_block = get<int64_t>(j, "layers_per_block", c.layers_per_block, "an integer");
  c.act_fn = get<std::string>(j, "act_fn", c.act_fn, "a string");
  c.norm_num_groups = get<int64_t>(j, "norm_num_groups", c.norm_num_groups, "an integer");
  if (has(j, "sample_size")) {
    if (!j.at("sample_size").is_number_integer()) unsupported("sample_size", j.at("sample_size"));
    c.sample_size = j.at("sample_size").get<int64_t>();
  }
  c.scaling_factor = get<double>(j, "scaling_factor", c.scaling_factor, "a number");
  c.force_upcast = get<bool>(j, "force_upcast", c.force_upcast, "true or false");
  c.mid_block_add_attention = get<bool>(j, "mid_block_add_attention", c.mid_block_add_attention, "true or false");
  c.use_quant_conv = get<bool>(j, "use_quant_conv", c.use_quant_conv, "true or false");
  c.use_post_quant_conv = get<bool>(j, "use_post_quant_conv", c.use_post_quant_conv, "true or false");

  if (c.act_fn != "silu") unsupported("act_fn", c.act_fn);
  for (const auto& t : c.down_block_types) {
    if (t != "DownEncoderBlock2D") unsupported("down_block_types", j.at("down_block_types"));
  }
  for (const auto& t : c.up_block_types) {
    if (t != "UpDecoderBlock2D") unsupported("up_block_types", j.at("up_block_types"));
  }
  const size_t n = c.block_out_channels.size();
  if (c.down_block_types.size() != n || c.up_block_types.size() != n)
    malformed("down_block_types/up_block_types", j, "as long as block_out_channels");
  for (int64_t ch : c.block_out_channels) {
    if (ch <= 0 || ch % c.norm_num_groups != 0)
      malformed("block_out_channels", j.at("block_out_channels"), "positive multiples of norm_num_groups");
  }
  if (c.layers_per_block <= 0) malformed("layers_per_block", c.layers_per_block, "positive");
  if (c.in_channels <= 0 || c.out_channels <= 0 || c.latent_channels <= 0)
    malformed("in_channels/out_channels/latent_channels", j, "positive");
  if (!(c.scaling_factor > 0)) malformed("scaling_factor", c.scaling_factor, "positive");
  return c;
}

}  // namespace rashisa::ml
