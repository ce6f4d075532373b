// Ref: transformers/src/transformers/models/clip/modeling_clip.py (v4.44:
// CLIPTextEmbeddings, CLIPAttention (eager), CLIPMLP, CLIPEncoderLayer,
// CLIPEncoder, CLIPTextTransformer, CLIPTextModel)
// Ref: transformers/src/transformers/models/clip/configuration_clip.py (CLIPTextConfig defaults)
#include "engine/ml/clip/clip_text_model.h"

#include "engine/core/error.h"

#include <cmath>
#include <limits>

namespace rashisa::ml {

namespace {

std::string where(const std::string& key) { return "text encoder config.json: key \"" + key + "\""; }

int64_t get_int(const nlohmann::json& j, const std::string& key, int64_t fallback, int64_t min_value) {
  if (!j.contains(key) || j[key].is_null()) return fallback;
  const auto& v = j[key];
  int64_t out = 0;
  if (v.is_number_integer()) {
    out = v.get<int64_t>();
  } else if (v.is_number_float() && v.get<double>() == static_cast<double>(static_cast<int64_t>(v.get<double>()))) {
    out = static_cast<int64_t>(v.get<double>());
  } else {
    throw Error(ErrorCode::FileFormat, where(key) + " must be an integer, not " + v.dump());
  }
  if (out < min_value)
    throw Error(ErrorCode::UnsupportedModel,
                where(key) + " has the unsupported value " + std::to_string(out) + " (at least " +
                    std::to_string(min_value) + " is needed)");
  return out;
}

double get_double(const nlohmann::json& j, const std::string& key, double fallback) {
  if (!j.contains(key) || j[key].is_null()) return fallback;
  if (!j[key].is_number()) throw Error(ErrorCode::FileFormat, where(key) + " must be a number, not " + j[key].dump());
  return j[key].get<double>();
}

// transformers' causal mask: 0 on and below the diagonal, the dtype's lowest
// value above it (added to the scores, so masked keys get zero probability).
torch::Tensor causal_mask(int64_t seq_len, const torch::TensorOptions& options) {
  double lowest = std::numeric_limits<float>::lowest();
  switch (options.dtype().toScalarType()) {
    case torch::kHalf: lowest = -65504.0; break;
    case torch::kBFloat16: lowest = -3.3895313892515355e38; break;
    case torch::kDouble: lowest = std::numeric_limits<double>::lowest(); break;
    default: break;
  }
  return torch::full({seq_len, seq_len}, lowest, options).triu(1);  // [S, S]
}

}  // namespace

ClipTextConfig ClipTextConfig::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error(ErrorCode::FileFormat, "text encoder config.json is not a JSON object");
  ClipTextConfig c;
  c.vocab_size = get_int(j, "vocab_size", c.vocab_size, 1);
  c.hidden_size = get_int(j, "hidden_size", c.hidden_size, 1);
  c.intermediate_size = get_int(j, "intermediate_size", c.intermediate_size, 1);
  c.num_hidden_layers = get_int(j, "num_hidden_layers", c.num_hidden_layers, 1);
  c.num_attention_heads = get_int(j, "num_attention_heads", c.num_attention_heads, 1);
  c.max_position_embeddings = get_int(j, "max_position_embeddings", c.max_position_embeddings, 1);
  c.eos_token_id = get_int(j, "eos_token_id", c.eos_token_id, std::numeric_limits<int64_t>::min());
  c.layer_norm_eps = get_double(j, "layer_norm_eps", c.layer_norm_eps);
  if (j.contains("hidden_act") && !j["hidden_act"].is_null()) {
    if (!j["hidden_act"].is_string())
      throw Error(ErrorCode::FileFormat, where("hidden_act") + " must be a string, not " + j["hidden_act"].dump());
    c.hidden_act = j["hidden_act"].get<std::string>();
  }
  if (c.hidden_act != "quick_gelu" && c.hidden_act != "gelu")
    throw Error(ErrorCode::UnsupportedModel,
                where("hidden_act") + " has the unsupported value \"" + c.hidden_act +
                    "\" (supported: \"quick_gelu\", \"gelu\")");
  if (c.hidden_size % c.num_attention_heads != 0)
    throw Error(ErrorCode::UnsupportedModel,
                where("num_attention_heads") + " = " + std::to_string(c.num_attention_heads) +
                    " does not divide hidden_size = " + std::to_string(c.hidden_size));
  return c;
}

const std::vector<std::string>& clip_text_ignorable_keys() {
  static const std::vector<std::string> keys = {"text_model.embeddings.position_ids"};
  return keys;
}

// ---------------------------------------------------------------- attention

ClipAttentionImpl::ClipAttentionImpl(const ClipTextConfig& c)
    : num_heads_(c.num_attention_heads),
      head_dim_(c.hidden_size / c.num_attention_heads),
      scale_(1.0 / std::sqrt(static_cast<double>(c.hidden_size / c.num_attention_heads))) {
  k_proj = register_module("k_proj", torch::nn::Linear(c.hidden_size, c.hidden_size));
  v_proj = register_module("v_proj", torch::nn::Linear(c.hidden_size, c.hidden_size));
  q_proj = register_module("q_proj", torch::nn::Linear(c.hidden_size, c.hidden_size));
  out_proj = register_module("out_proj", torch::nn::Linear(c.hidden_size, c.hidden_size));
}

torch::Tensor ClipAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
  // x: [B, S, D]
  const int64_t b = x.size(0), s = x.size(1), d = x.size(2);
  // 4.44 scales the projected queries (not the scores); same maths, its rounding.
  auto q = (q_proj(x) * scale_).view({b, s, num_heads_, head_dim_}).transpose(1, 2);  // [B, H, S, hd]
  auto k = k_proj(x).view({b, s, num_heads_, head_dim_}).transpose(1, 2);
  auto v = v_proj(x).view({b, s, num_heads_, head_dim_}).transpose(1, 2);
  auto scores = torch::matmul(q, k.transpose(-1, -2)) + mask;  // [B, H, S, S]
  auto probs = torch::softmax(scores, -1);
  auto out = torch::matmul(probs, v).transpose(1, 2).reshape({b, s, d});  // [B, S, D]
  return out_proj(out);
}

// ---------------------------------------------------------------- MLP / layer

ClipMlpImpl::ClipMlpImpl(const ClipTextConfig& c) : quick_gelu_(c.hidden_act == "quick_gelu") {
  fc1 = register_module("fc1", torch::nn::Linear(c.hidden_size, c.intermediate_size));
  fc2 = register_module("fc2", torch::nn::Linear(c.intermediate_size, c.hidden_size));
}

torch::Tensor ClipMlpImpl::forward(const torch::Tensor& x) {
  auto h = fc1(x);
  // Ref: transformers/src/transformers/activations.py (QuickGELUActivation, GELUActivation)
  h = quick_gelu_ ? h * torch::sigmoid(1.702 * h) : torch::gelu(h);
  return fc2(h);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const ClipTextConfig& c) {
  self_attn = register_module("self_attn", ClipAttention(c));
  layer_norm1 = register_module("layer_norm1",
                                torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
  mlp = register_module("mlp", ClipMlp(c));
  layer_norm2 = register_module("layer_norm2",
                                torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
}

torch::Tensor ClipEncoderLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
  // Pre-LN residual blocks.
  auto h = x + self_attn(layer_norm1(x), mask);
  return h + mlp(layer_norm2(h));
}

// ---------------------------------------------------------------- containers

ClipTextEmbeddingsImpl::ClipTextEmbeddingsImpl(const ClipTextConfig& c) {
  token_embedding = register_module("token_embedding", torch::nn::Embedding(c.vocab_size, c.hidden_size));
  position_embedding =
      register_module("position_embedding", torch::nn::Embedding(c.max_position_embeddings, c.hidden_size));
}

ClipEncoderImpl::ClipEncoderImpl(const ClipTextConfig& c) {
  layers = register_module("layers", torch::nn::ModuleList());
  for (int64_t i = 0; i < c.num_hidden_layers; ++i) layers->push_back(ClipEncoderLayer(c));
}

ClipTextTransformerImpl::ClipTextTransformerImpl(const ClipTextConfig& c) {
  embeddings = register_module("embeddings", ClipTextEmbeddings(c));
  encoder = register_module("encoder", ClipEncoder(c));
  final_layer_norm = register_module(
      "final_layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
}

// ---------------------------------------------------------------- model

ClipTextModelImpl::ClipTextModelImpl(const ClipTextConfig& config) : config_(config) {
  text_model = register_module("text_model", ClipTextTransformer(config_));
}

torch::Tensor ClipTextModelImpl::embed(const torch::Tensor& inputs_embeds) {
  // inputs_embeds: [B, S, D] -> + position_embedding(arange(S))
  const int64_t s = inputs_embeds.size(1);
  if (s > config_.max_position_embeddings)
    throw Error(ErrorCode::InvalidArgument, "the text encoder takes at most " +
                                                std::to_string(config_.max_position_embeddings) + " tokens, got " +
                                                std::to_string(s));
  auto positions = text_model->embeddings->position_embedding->weight.slice(0, 0, s);  // [S, D]
  return inputs_embeds + positions;
}

torch::Tensor ClipTextModelImpl::run_layers(torch::Tensor h, int64_t num_layers,
                                            std::vector<torch::Tensor>* hidden_states) {
  const auto mask = causal_mask(h.size(1), h.options());
  auto& layers = text_model->encoder->layers;
  for (int64_t i = 0; i < num_layers; ++i) {
    if (hidden_states) hidden_states->push_back(h);
    h = layers[i]->as<ClipEncoderLayerImpl>()->forward(h, mask);
  }
  if (hidden_states) hidden_states->push_back(h);
  return h;
}

ClipTextOutput ClipTextModelImpl::finish(torch::Tensor inputs_embeds, const torch::Tensor& input_ids,
                                         bool output_hidden_states) {
  ClipTextOutput out;
  auto h = run_layers(embed(inputs_embeds), config_.num_hidden_layers,
                      output_hidden_states ? &out.hidden_states : nullptr);
  out.last_hidden_state = text_model->final_layer_norm(h);  // [B, S, D]

  // Legacy configs (eos_token_id 2) pool at the largest id, which is
  // <|endoftext|> unless an added token (e.g. a concept token) is larger.
  auto ids = input_ids.to(out.last_hidden_state.device(), torch::kInt);
  auto pos = config_.eos_token_id == 2 ? ids.argmax(-1) : ids.eq(config_.eos_token_id).to(torch::kInt).argmax(-1);
  auto rows = torch::arange(out.last_hidden_state.size(0), pos.options());
  out.pooler_output = out.last_hidden_state.index({rows, pos});  // [B, D]
  return out;
}

ClipTextOutput ClipTextModelImpl::forward(torch::Tensor input_ids, bool output_hidden_states) {
  if (input_ids.dim() != 2)
    throw Error(ErrorCode::InvalidArgument, "text encoder input_ids must be [batch, tokens]");
  auto embeds = text_model->embeddings->token_embedding(input_ids);  // [B, S, D]
  return finish(embeds, input_ids, output_hidden_states);
}

ClipTextOutput ClipTextModelImpl::forward_embeds(torch::Tensor inputs_embeds, torch::Tensor input_ids,
                                                 bool output_hidden_states) {
  if (inputs_embeds.dim() != 3 || input_ids.dim() != 2 || inputs_embeds.size(0) != input_ids.size(0) ||
      inputs_embeds.size(1) != input_ids.size(1) || inputs_embeds.size(2) != config_.hidden_size)
    throw Error(ErrorCode::InvalidArgument,
                "text encoder inputs_embeds must be [batch, tokens, hidden] matching input_ids [batch, tokens]");
  return finish(inputs_embeds, input_ids, output_hidden_states);
}

torch::Tensor ClipTextModelImpl::encode_with_clip_skip(torch::Tensor input_ids, int clip_skip) {
  if (clip_skip < 0 || clip_skip > config_.num_hidden_layers)
    throw Error(ErrorCode::InvalidArgument, "clip skip must be between 0 and " +
                                                std::to_string(config_.num_hidden_layers) + ", got " +
                                                std::to_string(clip_skip));
  if (input_ids.dim() != 2)
    throw Error(ErrorCode::InvalidArgument, "text encoder input_ids must be [batch, tokens]");
  auto h = embed(text_model->embeddings->token_embedding(input_ids));
  h = run_layers(h, config_.num_hidden_layers - clip_skip, nullptr);
  return text_model->final_layer_norm(h);  // [B, S, D]
}

torch::Tensor ClipTextModelImpl::token_embedding_weight() { return text_model->embeddings->token_embedding->weight; }

void ClipTextModelImpl::resize_token_embeddings(int64_t new_size) {
  auto& emb = text_model->embeddings->token_embedding;
  const int64_t old_size = emb->weight.size(0);
  if (new_size == old_size) return;
  if (new_size < old_size)
    throw Error(ErrorCode::InvalidArgument, "the text encoder vocabulary can only grow (" +
                                                std::to_string(old_size) + " -> " + std::to_string(new_size) + ")");
  torch::NoGradGuard no_grad;
  // Ref: transformers/src/transformers/modeling_utils.py _get_resized_embeddings (4.44): a new nn.Embedding
  // (default init N(0, 1); CLIP's _init_weights does not match a bare Embedding), old rows copied.
  auto grown = torch::randn({new_size, emb->weight.size(1)}, emb->weight.options().requires_grad(false));
  grown.slice(0, 0, old_size).copy_(emb->weight);
  // set_data keeps the parameter object, so references to it stay valid.
  emb->weight.set_data(grown);
  emb->options.num_embeddings(new_size);
  config_.vocab_size = new_size;
}

}  // namespace rashisa::ml
