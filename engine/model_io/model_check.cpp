#include "engine/model_io/model_check.h"

#include "engine/model_io/tokenizer_check.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

namespace rashisa::model_io {

namespace {

constexpr const char* kRedownload =
    "Choose the original folder again, or download the model again from where you got it.";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

/// Size `dim` of a tensor, if the tensor is there and has that dimension.
std::optional<std::int64_t> dim_of(const TensorMap& w, const std::string& name, int64_t dim) {
  const auto it = w.find(name);
  if (it == w.end() || it->second.dim() <= dim) return std::nullopt;
  return it->second.size(dim);
}

/// The first tensor whose name ends with `suffix`.
const torch::Tensor* first_ending(const TensorMap& w, const std::string& suffix) {
  for (const auto& [name, t] : w)
    if (ends_with(name, suffix)) return &t;
  return nullptr;
}

/// How many numbered children "<prefix>N." the names have (highest N + 1), 0 when none.
std::int64_t children(const TensorMap& w, const std::string& prefix) {
  std::int64_t count = 0;
  for (auto it = w.lower_bound(prefix); it != w.end() && starts_with(it->first, prefix); ++it) {
    std::size_t end = prefix.size();
    while (end < it->first.size() && std::isdigit(static_cast<unsigned char>(it->first[end]))) ++end;
    if (end == prefix.size() || end >= it->first.size() || it->first[end] != '.') continue;
    count = std::max<std::int64_t>(count, std::stoll(it->first.substr(prefix.size(), end - prefix.size())) + 1);
  }
  return count;
}

std::optional<std::int64_t> config_int(const nlohmann::json& c, const char* key) {
  const auto it = c.find(key);
  if (it == c.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

std::optional<std::int64_t> config_item(const nlohmann::json& c, const char* key, std::size_t i) {
  const auto it = c.find(key);
  if (it == c.end() || !it->is_array() || it->size() <= i || !it->at(i).is_number_integer()) return std::nullopt;
  return it->at(i).get<std::int64_t>();
}

std::optional<std::int64_t> config_length(const nlohmann::json& c, const char* key) {
  const auto it = c.find(key);
  if (it == c.end() || !it->is_array()) return std::nullopt;
  return static_cast<std::int64_t>(it->size());
}

/// Collects the config values that disagree with the weights; only values the config states
/// are compared (the strict load later checks every tensor against the built model).
class Comparison {
 public:
  void expect(const std::string& setting, std::optional<std::int64_t> config, std::optional<std::int64_t> weights,
              const std::string& evidence) {
    if (!config || !weights || *config == *weights) return;
    problems_.push_back(setting + " is " + std::to_string(*config) + " in the config but " + std::to_string(*weights) +
                        " in the weights (" + evidence + ")");
  }
  void raise(const std::string& config_name, const std::string& source) const {
    if (problems_.empty()) return;
    std::string msg = source + ": " + config_name + " does not describe the weights beside it: ";
    for (std::size_t i = 0; i < problems_.size(); ++i) msg += (i ? "; " : "") + problems_[i];
    throw ModelError(ErrorCode::ModelMismatch, ModelFault::ConfigMismatch,
                     msg + ". The config and the weights come from different models or versions. " + kRedownload);
  }

 private:
  std::vector<std::string> problems_;
};

/// The settings a UNet and a VAE encoder share: the input, output and level widths and the
/// resnets per level. `prefix` is where the down path starts ("" or "encoder.").
void compare_levels(Comparison& cmp, const nlohmann::json& c, const TensorMap& w, const std::string& prefix,
                    const std::string& conv_out) {
  const std::string conv_in = prefix + "conv_in.weight";
  cmp.expect("block_out_channels[0]", config_item(c, "block_out_channels", 0), dim_of(w, conv_in, 0), conv_in);
  cmp.expect("in_channels", config_int(c, "in_channels"), dim_of(w, conv_in, 1), conv_in);
  cmp.expect("out_channels", config_int(c, "out_channels"), dim_of(w, conv_out, 0), conv_out);
  const std::string down = prefix + "down_blocks.";
  const std::int64_t levels = children(w, down);
  cmp.expect("the number of block_out_channels", config_length(c, "block_out_channels"), levels, down + "*");
  for (std::int64_t i = 1; i < levels; ++i) {
    const std::string name = down + std::to_string(i) + ".resnets.0.conv1.weight";
    cmp.expect("block_out_channels[" + std::to_string(i) + "]", config_item(c, "block_out_channels", i),
               dim_of(w, name, 0), name);
  }
  cmp.expect("layers_per_block", config_int(c, "layers_per_block"), children(w, down + "0.resnets."),
             down + "0.resnets.*");
}

struct Kind {
  const char* component;  // its place in a diffusers folder
  const char* key;        // a tensor only this kind of weights has
  const char* words;      // for messages
};
constexpr Kind kKinds[] = {
    {"unet", "time_embedding.linear_1.weight", "a UNet"},
    {"vae", "decoder.conv_in.weight", "a VAE"},
    {"text_encoder", "text_model.embeddings.token_embedding.weight", "a text encoder"},
};

/// What the weights are, in words, judged by their names ("" when unknown).
std::string kind_of(const TensorMap& w) {
  if (w.count("add_embedding.linear_1.weight")) return "the UNet of a Stable Diffusion XL model";
  for (const auto& [name, t] : w)
    for (const char* prefix : {"model.diffusion_model.", "first_stage_model.", "cond_stage_model.", "conditioner."})
      if (starts_with(name, prefix)) return "a single-file checkpoint (original names, not the diffusers layout)";
  for (const auto& k : kKinds)
    if (w.count(k.key)) return k.words;
  return {};
}

void check_kind(const TensorMap& w, const Kind& want, const std::string& source) {
  const std::string kind = kind_of(w);
  if (kind == want.words) return;
  throw ModelError(ErrorCode::ModelMismatch, ModelFault::OtherArchitecture,
                   source + ": the " + want.component + " weights are " +
                       (kind.empty() ? std::string("not those of ") + want.words + " (they have no " + want.key + ")"
                                     : kind + " instead of " + want.words) +
                       ". They belong to another kind of model. " + kRedownload);
}

/// "Stable Diffusion 1.x" / "2.x" / "XL" by cross-attention width and projection kind.
std::string unet_family(const std::optional<std::int64_t>& cross, bool linear_projection) {
  if (cross && *cross == 2048) return "Stable Diffusion XL";
  if ((cross && *cross == 1024) || linear_projection) return "Stable Diffusion 2.x";
  return "Stable Diffusion 1.x";
}

void check_unet(const nlohmann::json& c, const TensorMap& w, const std::string& config_name,
                const std::string& source) {
  check_kind(w, kKinds[0], source);
  const torch::Tensor* to_k = first_ending(w, ".attn2.to_k.weight");
  const torch::Tensor* proj_in = first_ending(w, ".proj_in.weight");
  const std::optional<std::int64_t> cross = to_k && to_k->dim() == 2 ? std::optional<std::int64_t>(to_k->size(1))
                                                                     : std::nullopt;
  const std::string weights_family = unet_family(cross, proj_in && proj_in->dim() == 2);
  const std::string config_family =
      unet_family(config_int(c, "cross_attention_dim"), c.value("use_linear_projection", false));
  if (weights_family != config_family)
    throw ModelError(ErrorCode::ModelMismatch, ModelFault::OtherArchitecture,
                     source + ": the UNet weights are for a different model (" + weights_family + ") than " +
                         config_name + " says (" + config_family + "). " + kRedownload);
  Comparison cmp;
  compare_levels(cmp, c, w, "", "conv_out.weight");
  cmp.expect("cross_attention_dim", config_int(c, "cross_attention_dim"), cross, "attn2.to_k.weight");
  cmp.raise(config_name, source);
}

void check_vae(const nlohmann::json& c, const TensorMap& w, const std::string& config_name, const std::string& source) {
  check_kind(w, kKinds[1], source);
  Comparison cmp;
  compare_levels(cmp, c, w, "encoder.", "decoder.conv_out.weight");
  cmp.expect("latent_channels", config_int(c, "latent_channels"), dim_of(w, "decoder.conv_in.weight", 1),
             "decoder.conv_in.weight");
  cmp.raise(config_name, source);
}

void check_text_encoder(const nlohmann::json& c, const TensorMap& w, const std::string& config_name,
                        const std::string& source) {
  check_kind(w, kKinds[2], source);
  const std::string tokens = "text_model.embeddings.token_embedding.weight";
  const std::string fc1 = "text_model.encoder.layers.0.mlp.fc1.weight";
  Comparison cmp;
  cmp.expect("vocab_size", config_int(c, "vocab_size"), dim_of(w, tokens, 0), tokens);
  cmp.expect("hidden_size", config_int(c, "hidden_size"), dim_of(w, tokens, 1), tokens);
  cmp.expect("max_position_embeddings", config_int(c, "max_position_embeddings"),
             dim_of(w, "text_model.embeddings.position_embedding.weight", 0),
             "text_model.embeddings.position_embedding.weight");
  cmp.expect("num_hidden_layers", config_int(c, "num_hidden_layers"), children(w, "text_model.encoder.layers."),
             "text_model.encoder.layers.*");
  cmp.expect("intermediate_size", config_int(c, "intermediate_size"), dim_of(w, fc1, 0), fc1);
  cmp.raise(config_name, source);
}

/// The components must fit each other: the UNet attends to the text encoder's outputs and
/// works on the VAE's latents.
void check_fit(const ModelParts& p) {
  const torch::Tensor* to_k = first_ending(*p.unet, ".attn2.to_k.weight");
  const auto cross = to_k && to_k->dim() == 2 ? std::optional<std::int64_t>(to_k->size(1)) : std::nullopt;
  const auto hidden = dim_of(*p.text, "text_model.embeddings.token_embedding.weight", 1);
  if (cross && hidden && *cross != *hidden)
    throw ModelError(ErrorCode::ModelMismatch, ModelFault::OtherArchitecture,
                     p.source + ": the text encoder (width " + std::to_string(*hidden) +
                         ") belongs to another model than the UNet (which reads width " + std::to_string(*cross) +
                         "), for example a Stable Diffusion 2.x text encoder with a 1.x UNet. " + kRedownload);
  const auto latents = dim_of(*p.vae, "decoder.conv_in.weight", 1);
  const auto unet_in = dim_of(*p.unet, "conv_in.weight", 1);
  if (latents && unet_in && *latents != *unet_in)
    throw ModelError(ErrorCode::ModelMismatch, ModelFault::OtherArchitecture,
                     p.source + ": the VAE makes " + std::to_string(*latents) + " latent channels but the UNet reads " +
                         std::to_string(*unet_in) + "; they belong to different models. " + kRedownload);
}

}  // namespace

void check_model_parts(const ModelParts& p) {
  if (!p.unet || !p.vae || !p.text || !p.unet_config || !p.vae_config || !p.text_config)
    throw Error(ErrorCode::Internal, "check_model_parts: a component is missing");
  const auto config_name = [&](const char* component) {
    return p.folder ? std::string(component) + "/config.json" : std::string("the config read from the checkpoint");
  };
  check_unet(*p.unet_config, *p.unet, config_name("unet"), p.source);
  check_vae(*p.vae_config, *p.vae, config_name("vae"), p.source);
  check_text_encoder(*p.text_config, *p.text, config_name("text_encoder"), p.source);
  check_fit(p);
  if (!p.tokenizer_dir.empty()) {
    const auto rows = dim_of(*p.text, "text_model.embeddings.token_embedding.weight", 0);
    check_tokenizer(p.tokenizer_dir, rows.value_or(-1), p.source);
  }
}

}  // namespace rashisa::model_io
