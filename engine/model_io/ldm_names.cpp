#include "engine/model_io/ldm_names.h"


namespace rashisa::model_io {

namespace {

using Segs = std::vector<std::string_view>;

Segs split(std::string_view s) {
  Segs out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A canonical non-negative index ("0", "12"; not "01" or "+1"), so the mapping stays one-to-one.
std::optional<int> index_of(std::string_view s) {
  if (s.empty() || s.size() > 6 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool is_leaf(std::string_view s) { return s == "weight" || s == "bias"; }

// Matches segs[from..] against a pattern; "#" is an index, "@" a weight/bias leaf.
bool match(const Segs& segs, std::size_t from, std::initializer_list<std::string_view> pattern) {
  if (segs.size() - from != pattern.size()) return false;
  std::size_t i = from;
  for (auto p : pattern) {
    const auto s = segs[i++];
    if (p == "#" ? !index_of(s) : p == "@" ? !is_leaf(s) : s != p) return false;
  }
  return true;
}

std::string join(const Segs& segs, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < segs.size(); ++i) {
    if (i > from) out += '.';
    out += segs[i];
  }
  return out;
}

std::string str(std::string_view s) { return std::string(s); }

// Ref: convert_from_ckpt.py renew_resnet_paths (LDM ResBlock -> diffusers ResnetBlock2D).
std::optional<std::string> unet_resnet(const Segs& s, std::size_t from) {
  if (match(s, from, {"in_layers", "0", "@"})) return "norm1." + str(s[from + 2]);
  if (match(s, from, {"in_layers", "2", "@"})) return "conv1." + str(s[from + 2]);
  if (match(s, from, {"out_layers", "0", "@"})) return "norm2." + str(s[from + 2]);
  if (match(s, from, {"out_layers", "3", "@"})) return "conv2." + str(s[from + 2]);
  if (match(s, from, {"emb_layers", "1", "@"})) return "time_emb_proj." + str(s[from + 2]);
  if (match(s, from, {"skip_connection", "@"})) return "conv_shortcut." + str(s[from + 1]);
  return std::nullopt;
}

// SpatialTransformer and Transformer2DModel share their inner names (renew_attention_paths is
// the identity); only names the SD 1.x/2.x block has are accepted.
std::optional<std::string> unet_attention(const Segs& s, std::size_t from) {
  bool ok = match(s, from, {"norm", "@"}) || match(s, from, {"proj_in", "@"}) || match(s, from, {"proj_out", "@"});
  if (!ok && s.size() > from + 3 && s[from] == "transformer_blocks" && index_of(s[from + 1])) {
    const std::size_t b = from + 2;  // inside one BasicTransformerBlock
    ok = match(s, b, {"norm1", "@"}) || match(s, b, {"norm2", "@"}) || match(s, b, {"norm3", "@"}) ||
         match(s, b, {"ff", "net", "0", "proj", "@"}) || match(s, b, {"ff", "net", "2", "@"});
    for (std::string_view attn : {"attn1", "attn2"}) {
      ok = ok || match(s, b, {attn, "to_q", "@"}) || match(s, b, {attn, "to_k", "@"}) ||
           match(s, b, {attn, "to_v", "@"}) || match(s, b, {attn, "to_out", "0", "@"});
    }
  }
  if (!ok) return std::nullopt;
  return join(s, from);
}

// Ref: convert_from_ckpt.py renew_vae_resnet_paths.
std::optional<std::string> vae_resnet(const Segs& s, std::size_t from) {
  for (std::string_view n : {"norm1", "conv1", "norm2", "conv2"})
    if (match(s, from, {n, "@"})) return str(n) + "." + str(s[from + 1]);
  if (match(s, from, {"nin_shortcut", "@"})) return "conv_shortcut." + str(s[from + 1]);
  return std::nullopt;
}

// Ref: convert_from_ckpt.py renew_vae_attention_paths.
std::optional<std::string> vae_attention(const Segs& s, std::size_t from) {
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"norm", "group_norm"}, {"q", "to_q"}, {"k", "to_k"}, {"v", "to_v"}, {"proj_out", "to_out.0"}};
  for (const auto& [ldm, diffusers] : kNames)
    if (match(s, from, {ldm, "@"})) return str(diffusers) + "." + str(s[from + 1]);
  return std::nullopt;
}

std::optional<std::string> prefixed(const std::string& head, const std::optional<std::string>& tail) {
  if (!tail) return std::nullopt;
  return head + *tail;
}

// The encoder and decoder share conv_in/conv_out/norm_out and the mid block.
std::optional<std::string> vae_common(const Segs& s, std::string_view coder) {
  const std::string c = str(coder);
  if (match(s, 1, {"conv_in", "@"}) || match(s, 1, {"conv_out", "@"})) return join(s, 0);
  if (match(s, 1, {"norm_out", "@"})) return c + ".conv_norm_out." + str(s[2]);
  if (s.size() > 3 && s[1] == "mid") {
    if (s[2] == "block_1") return prefixed(c + ".mid_block.resnets.0.", vae_resnet(s, 3));
    if (s[2] == "block_2") return prefixed(c + ".mid_block.resnets.1.", vae_resnet(s, 3));
    if (s[2] == "attn_1") return prefixed(c + ".mid_block.attentions.0.", vae_attention(s, 3));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ldm_unet_key_to_diffusers(std::string_view key, int layers_per_block) {
  if (!starts_with(key, kLdmUnetPrefix) || layers_per_block < 1) return std::nullopt;
  const Segs s = split(key.substr(kLdmUnetPrefix.size()));
  const int per_level = layers_per_block + 1;  // resnets plus the down/up sampler

  // Ref: convert_ldm_unet_checkpoint: time embedding, conv_in, conv_norm_out, conv_out.
  if (match(s, 0, {"time_embed", "0", "@"})) return "time_embedding.linear_1." + str(s[2]);
  if (match(s, 0, {"time_embed", "2", "@"})) return "time_embedding.linear_2." + str(s[2]);
  if (match(s, 0, {"input_blocks", "0", "0", "@"})) return "conv_in." + str(s[3]);
  if (match(s, 0, {"out", "0", "@"})) return "conv_norm_out." + str(s[2]);
  if (match(s, 0, {"out", "2", "@"})) return "conv_out." + str(s[2]);
  if (s.size() < 4) return std::nullopt;
  const auto i = index_of(s[1]);
  if (!i) return std::nullopt;
  if (s[0] == "middle_block") {
    if (*i == 0) return prefixed("mid_block.resnets.0.", unet_resnet(s, 2));
    if (*i == 1) return prefixed("mid_block.attentions.0.", unet_attention(s, 2));
    if (*i == 2) return prefixed("mid_block.resnets.1.", unet_resnet(s, 2));
    return std::nullopt;
  }
  const auto j = index_of(s[2]);
  if (!j) return std::nullopt;

  if (s[0] == "input_blocks" && *i >= 1) {
    // input_blocks.1.. hold, per level, layers_per_block (resnet, attention) pairs then a downsampler.
    const std::string level = "down_blocks." + std::to_string((*i - 1) / per_level) + ".";
    const int layer = (*i - 1) % per_level;
    if (layer == layers_per_block) {
      if (*j == 0 && match(s, 3, {"op", "@"})) return level + "downsamplers.0.conv." + str(s[4]);
      return std::nullopt;
    }
    if (*j == 0) return prefixed(level + "resnets." + std::to_string(layer) + ".", unet_resnet(s, 3));
    if (*j == 1) return prefixed(level + "attentions." + std::to_string(layer) + ".", unet_attention(s, 3));
    return std::nullopt;
  }
  if (s[0] == "output_blocks") {
    // Each level has layers_per_block + 1 output blocks; the last one ends with the upsampler,
    // at index 1 (no attention) or 2 (after the attention).
    const std::string level = "up_blocks." + std::to_string(*i / per_level) + ".";
    const int layer = *i % per_level;
    if (*j == 0) return prefixed(level + "resnets." + std::to_string(layer) + ".", unet_resnet(s, 3));
    if ((*j == 1 || *j == 2) && match(s, 3, {"conv", "@"})) {
      if (layer != layers_per_block) return std::nullopt;
      return level + "upsamplers.0.conv." + str(s[4]);
    }
    if (*j == 1) return prefixed(level + "attentions." + std::to_string(layer) + ".", unet_attention(s, 3));
  }
  return std::nullopt;
}

std::optional<std::string> ldm_vae_key_to_diffusers(std::string_view key, int num_levels) {
  if (starts_with(key, kLdmVaePrefix)) key.remove_prefix(kLdmVaePrefix.size());
  const Segs s = split(key);
  if (match(s, 0, {"quant_conv", "@"}) || match(s, 0, {"post_quant_conv", "@"})) return join(s, 0);
  if (s.size() < 3 || (s[0] != "encoder" && s[0] != "decoder")) return std::nullopt;
  if (auto common = vae_common(s, s[0])) return common;

  // Ref: convert_ldm_vae_checkpoint: encoder.down.i -> encoder.down_blocks.i;
  // decoder.up.i -> decoder.up_blocks.(num_levels - 1 - i).
  if (s.size() < 5) return std::nullopt;
  const auto i = index_of(s[2]);
  if (!i || *i >= num_levels) return std::nullopt;
  if (s[0] == "encoder" && s[1] == "down") {
    const std::string level = "encoder.down_blocks." + std::to_string(*i) + ".";
    if (match(s, 3, {"downsample", "conv", "@"})) return level + "downsamplers.0.conv." + str(s[5]);
    if (s[3] == "block" && index_of(s[4]))
      return prefixed(level + "resnets." + str(s[4]) + ".", vae_resnet(s, 5));
  }
  if (s[0] == "decoder" && s[1] == "up") {
    const std::string level = "decoder.up_blocks." + std::to_string(num_levels - 1 - *i) + ".";
    if (match(s, 3, {"upsample", "conv", "@"})) return level + "upsamplers.0.conv." + str(s[5]);
    if (s[3] == "block" && index_of(s[4]))
      return prefixed(level + "resnets." + str(s[4]) + ".", vae_resnet(s, 5));
  }
  return std::nullopt;
}

std::optional<std::string> ldm_clip_key_to_transformers(std::string_view key) {
  // Ref: convert_ldm_clip_checkpoint: strip "cond_stage_model.transformer."; checkpoints made with
  // transformers < 4.x lack the "text_model." level.
  if (!starts_with(key, kLdmClipPrefix)) return std::nullopt;
  key.remove_prefix(kLdmClipPrefix.size());
  if (starts_with(key, "text_model.")) key.remove_prefix(std::string_view("text_model.").size());
  const Segs s = split(key);
  const bool ok = match(s, 0, {"embeddings", "token_embedding", "weight"}) ||
                  match(s, 0, {"embeddings", "position_embedding", "weight"}) ||
                  match(s, 0, {"final_layer_norm", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "layer_norm1", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "layer_norm2", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "mlp", "fc1", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "mlp", "fc2", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "self_attn", "q_proj", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "self_attn", "k_proj", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "self_attn", "v_proj", "@"}) ||
                  match(s, 0, {"encoder", "layers", "#", "self_attn", "out_proj", "@"});
  if (!ok) return std::nullopt;
  return "text_model." + join(s, 0);
}

std::vector<std::string> openclip_key_to_transformers(std::string_view key, int keep_layers) {
  // Ref: convert_open_clip_checkpoint (textenc_conversion_map, textenc_transformer_conversion_lst).
  if (!starts_with(key, kLdmOpenClipPrefix)) return {};
  const Segs s = split(key.substr(kLdmOpenClipPrefix.size()));
  if (match(s, 0, {"token_embedding", "weight"})) return {"text_model.embeddings.token_embedding.weight"};
  if (match(s, 0, {"positional_embedding"})) return {"text_model.embeddings.position_embedding.weight"};
  if (match(s, 0, {"ln_final", "@"})) return {"text_model.final_layer_norm." + str(s[1])};
  if (s.size() < 5 || s[0] != "transformer" || s[1] != "resblocks") return {};
  const auto n = index_of(s[2]);
  if (!n || *n >= keep_layers) return {};
  const std::string layer = "text_model.encoder.layers." + str(s[2]) + ".";
  if (match(s, 3, {"ln_1", "@"})) return {layer + "layer_norm1." + str(s[4])};
  if (match(s, 3, {"ln_2", "@"})) return {layer + "layer_norm2." + str(s[4])};
  if (match(s, 3, {"mlp", "c_fc", "@"})) return {layer + "mlp.fc1." + str(s[5])};
  if (match(s, 3, {"mlp", "c_proj", "@"})) return {layer + "mlp.fc2." + str(s[5])};
  if (match(s, 3, {"attn", "out_proj", "@"})) return {layer + "self_attn.out_proj." + str(s[5])};
  // The packed [3D, D] projection: rows are q, then k, then v.
  std::string leaf;
  if (match(s, 3, {"attn", "in_proj_weight"})) leaf = "weight";
  if (match(s, 3, {"attn", "in_proj_bias"})) leaf = "bias";
  if (leaf.empty()) return {};
  return {layer + "self_attn.q_proj." + leaf, layer + "self_attn.k_proj." + leaf, layer + "self_attn.v_proj." + leaf};
}

bool ldm_key_is_unused(std::string_view key) {
  return key == "cond_stage_model.transformer.text_model.embeddings.position_ids" ||
         key == "cond_stage_model.transformer.embeddings.position_ids" ||
         key == "cond_stage_model.model.text_projection" || key == "cond_stage_model.model.logit_scale" ||
         key == "cond_stage_model.model.attn_mask" || starts_with(key, "cond_stage_model.model.visual.") ||
         starts_with(key, "first_stage_model.loss.");
}

}  // namespace rashisa::model_io
