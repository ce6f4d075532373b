#include "engine/ml/unet/unet_config.h"

#include "engine/core/error.h"

#include <algorithm>

namespace rashisa::ml {

namespace {

using nlohmann::json;

// A key counts as absent when missing or null (diffusers' None means "default").
bool has(const json& j, const char* key) { return j.contains(key) && !j.at(key).is_null(); }

[[noreturn]] void unsupported(const char* key, const json& value) {
  throw Error(ErrorCode::UnsupportedModel,
              std::string("UNet config: ") + key + " = " + value.dump() + " is not supported (only Stable Diffusion 1.x/2.x UNets are)");
}

[[noreturn]] void malformed(const char* key, const json& value, const char* expected) {
  throw Error(ErrorCode::FileFormat,
              std::string("UNet config: ") + key + " = " + value.dump() + " is not " + expected);
}

int64_t get_int(const json& j, const char* key, int64_t def) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if (!v.is_number_integer()) malformed(key, v, "an integer");
  return v.get<int64_t>();
}

double get_num(const json& j, const char* key, double def) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if (!v.is_number()) malformed(key, v, "a number");
  return v.get<double>();
}

bool get_bool(const json& j, const char* key, bool def) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if (!v.is_boolean()) malformed(key, v, "true or false");
  return v.get<bool>();
}

std::string get_str(const json& j, const char* key, const std::string& def) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if (!v.is_string()) malformed(key, v, "a string");
  return v.get<std::string>();
}

std::vector<std::string> get_str_list(const json& j, const char* key, const std::vector<std::string>& def) {
  if (!has(j, key)) return def;
  const auto& v = j.at(key);
  if (!v.is_array() || v.empty()) malformed(key, v, "a non-empty list of strings");
  std::vector<std::string> out;
  for (const auto& e : v) {
    if (!e.is_string()) malformed(key, v, "a non-empty list of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

// An int, or a list of ints with one entry per down block.
std::vector<int64_t> get_per_block(const json& j, const char* key, const std::vector<int64_t>& def, size_t n) {
  if (!has(j, key)) {
    if (def.size() == n) return def;
    return std::vector<int64_t>(n, def.at(0));
  }
  const auto& v = j.at(key);
  if (v.is_number_integer()) return std::vector<int64_t>(n, v.get<int64_t>());
  if (!v.is_array() || v.size() != n) malformed(key, v, "an integer or a list with one entry per down block");
  std::vector<int64_t> out;
  for (const auto& e : v) {
    if (!e.is_number_integer()) malformed(key, v, "an integer or a list of integers");
    out.push_back(e.get<int64_t>());
  }
  return out;
}

void reject_if_set(const json& j, const char* key) {
  if (has(j, key)) unsupported(key, j.at(key));
}

void reject_unless(const json& j, const char* key, const json& allowed) {
  if (has(j, key) && j.at(key) != allowed) unsupported(key, j.at(key));
}

// Diffusers' get_down_block/get_up_block accept a legacy "UNetRes" prefix.
std::string strip_unetres(std::string s) { return s.rfind("UNetRes", 0) == 0 ? s.substr(7) : s; }

}  // namespace

UNetConfig UNetConfig::from_json(const json& j) {
  if (!j.is_object()) throw Error(ErrorCode::FileFormat, "UNet config: not a JSON object");
  reject_unless(j, "_class_name", "UNet2DConditionModel");

  // Features of other diffusers UNets (SDXL, ControlNet-style, LCM, ...).
  for (const char* key : {"class_embed_type", "addition_embed_type", "addition_time_embed_dim", "num_class_embeds",
                          "encoder_hid_dim", "encoder_hid_dim_type", "time_embedding_dim", "time_embedding_act_fn",
                          "timestep_post_act", "time_cond_proj_dim", "projection_class_embeddings_input_dim",
                          "cross_attention_norm", "reverse_transformer_layers_per_block"}) {
    reject_if_set(j, key);
  }
  reject_unless(j, "dual_cross_attention", false);
  reject_unless(j, "class_embeddings_concat", false);
  reject_unless(j, "mid_block_only_cross_attention", false);
  reject_unless(j, "resnet_time_scale_shift", "default");
  reject_unless(j, "resnet_skip_time_act", false);
  reject_unless(j, "time_embedding_type", "positional");
  reject_unless(j, "conv_in_kernel", 3);
  reject_unless(j, "conv_out_kernel", 3);
  reject_unless(j, "attention_type", "default");
  reject_unless(j, "act_fn", "silu");
  if (has(j, "dropout") && get_num(j, "dropout", 0.0) != 0.0) unsupported("dropout", j.at("dropout"));
  if (has(j, "only_cross_attention")) {
    const auto& v = j.at("only_cross_attention");
    const bool any_true = v.is_boolean() ? v.get<bool>()
                                         : (v.is_array() && std::any_of(v.begin(), v.end(), [](const json& e) {
                                              return !e.is_boolean() || e.get<bool>();
                                            }));
    if (any_true || !(v.is_boolean() || v.is_array())) unsupported("only_cross_attention", v);
  }

  UNetConfig c;
  if (has(j, "sample_size")) {
    if (!j.at("sample_size").is_number_integer()) unsupported("sample_size", j.at("sample_size"));
    c.sample_size = j.at("sample_size").get<int64_t>();
  }
  c.in_channels = get_int(j, "in_channels", c.in_channels);
  c.out_channels = get_int(j, "out_channels", c.out_channels);
  c.center_input_sample = get_bool(j, "center_input_sample", c.center_input_sample);
  c.flip_sin_to_cos = get_bool(j, "flip_sin_to_cos", c.flip_sin_to_cos);
  c.freq_shift = get_num(j, "freq_shift", c.freq_shift);
  c.down_block_types = get_str_list(j, "down_block_types", c.down_block_types);
  c.up_block_types = get_str_list(j, "up_block_types", c.up_block_types);
  c.mid_block_type = get_str(j, "mid_block_type", c.mid_block_type);
  if (j.contains("mid_block_type") && j.at("mid_block_type").is_null()) unsupported("mid_block_type", nullptr);
  if (c.mid_block_type != "UNetMidBlock2DCrossAttn") unsupported("mid_block_type", c.mid_block_type);
  for (auto& t : c.down_block_types) {
    t = strip_unetres(t);
    if (t != "CrossAttnDownBlock2D" && t != "DownBlock2D") unsupported("down_block_types", j.at("down_block_types"));
  }
  for (auto& t : c.up_block_types) {
    t = strip_unetres(t);
    if (t != "CrossAttnUpBlock2D" && t != "UpBlock2D") unsupported("up_block_types", j.at("up_block_types"));
  }
  const size_t n = c.down_block_types.size();
  if (c.up_block_types.size() != n) malformed("up_block_types", j.value("up_block_types", json()), "as long as down_block_types");

  if (has(j, "block_out_channels")) {
    if (!j.at("block_out_channels").is_array()) malformed("block_out_channels", j.at("block_out_channels"), "a list");
    c.block_out_channels = get_per_block(j, "block_out_channels", {}, n);
  } else if (c.block_out_channels.size() != n) {
    malformed("block_out_channels", json(), "given (its default has 4 entries)");
  }
  c.layers_per_block = get_per_block(j, "layers_per_block", {2}, n);
  c.downsample_padding = get_int(j, "downsample_padding", c.downsample_padding);
  c.mid_block_scale_factor = get_num(j, "mid_block_scale_factor", c.mid_block_scale_factor);
  c.resnet_out_scale_factor = get_num(j, "resnet_out_scale_factor", c.resnet_out_scale_factor);
  c.norm_num_groups = get_int(j, "norm_num_groups", c.norm_num_groups);
  c.norm_eps = get_num(j, "norm_eps", c.norm_eps);
  c.cross_attention_dim = get_per_block(j, "cross_attention_dim", {1280}, n);
  // The diffusers naming quirk: attention_head_dim holds the number of heads.
  if (has(j, "num_attention_heads")) {
    c.num_attention_heads = get_per_block(j, "num_attention_heads", {8}, n);
  } else {
    c.num_attention_heads = get_per_block(j, "attention_head_dim", {8}, n);
  }
  if (has(j, "transformer_layers_per_block")) {
    for (int64_t v : get_per_block(j, "transformer_layers_per_block", {1}, n)) {
      if (v != 1) unsupported("transformer_layers_per_block", j.at("transformer_layers_per_block"));
    }
  }
  c.use_linear_projection = get_bool(j, "use_linear_projection", c.use_linear_projection);
  c.upcast_attention = get_bool(j, "upcast_attention", c.upcast_attention);

  for (size_t i = 0; i < n; ++i) {
    const int64_t ch = c.block_out_channels[i];
    if (ch <= 0 || c.layers_per_block[i] <= 0 || c.num_attention_heads[i] <= 0 || c.cross_attention_dim[i] <= 0)
      malformed("block_out_channels/layers_per_block/attention_head_dim/cross_attention_dim", j,
                "positive in every block");
    if (ch % c.num_attention_heads[i] != 0)
      malformed("attention_head_dim", j.value("attention_head_dim", json()), "a divisor of block_out_channels");
    if (ch % c.norm_num_groups != 0) malformed("norm_num_groups", c.norm_num_groups, "a divisor of block_out_channels");
  }
  if (c.downsample_padding < 0) malformed("downsample_padding", c.downsample_padding, "non-negative");
  return c;
}

}  // namespace rashisa::ml
