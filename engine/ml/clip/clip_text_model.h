#pragma once
// CLIP text encoder (transformers CLIPTextModel, eager attention) as Stable
// Diffusion 1.x/2.x pipelines use it. Children are registered under the
// checkpoint names, so named_parameters() yields e.g.
// "text_model.encoder.layers.0.self_attn.q_proj.weight".
// Ref: transformers/src/transformers/models/clip/modeling_clip.py (v4.44)
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::ml {

/// Parsed text_encoder/config.json (transformers CLIPTextConfig).
struct ClipTextConfig {
  int64_t vocab_size = 49408;
  int64_t hidden_size = 512;
  int64_t intermediate_size = 2048;
  int64_t num_hidden_layers = 12;
  int64_t num_attention_heads = 8;
  int64_t max_position_embeddings = 77;
  std::string hidden_act = "quick_gelu";  // "quick_gelu" or "gelu" (exact erf)
  double layer_norm_eps = 1e-5;
  int64_t eos_token_id = 49407;  // 2 (legacy configs, SD 1.x/2.x): pool at argmax(input_ids)

  /// Missing keys take CLIPTextConfig's defaults; unsupported values throw
  /// Error(UnsupportedModel) naming the key and value.
  static ClipTextConfig from_json(const nlohmann::json& config_json);
};

struct ClipTextOutput {
  torch::Tensor last_hidden_state;  // [B, S, D] after final_layer_norm
  torch::Tensor pooler_output;      // [B, D]
  // L+1 entries when requested: embeddings output, then each layer's output
  // (before final_layer_norm).
  std::vector<torch::Tensor> hidden_states;
};

/// Checkpoint keys that are not parameters of this module but may be present
/// in files written by older transformers versions (the position_ids buffer).
/// Strict loaders should drop exactly these.
const std::vector<std::string>& clip_text_ignorable_keys();

class ClipAttentionImpl : public torch::nn::Module {
 public:
  ClipAttentionImpl(const ClipTextConfig& config);
  // x: [B, S, D], causal_mask: [S, S] additive (0 or lowest) in x's dtype
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causal_mask);

  torch::nn::Linear k_proj{nullptr}, v_proj{nullptr}, q_proj{nullptr}, out_proj{nullptr};

 private:
  int64_t num_heads_;
  int64_t head_dim_;
  double scale_;
};
TORCH_MODULE(ClipAttention);

class ClipMlpImpl : public torch::nn::Module {
 public:
  ClipMlpImpl(const ClipTextConfig& config);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear fc1{nullptr}, fc2{nullptr};

 private:
  bool quick_gelu_;
};
TORCH_MODULE(ClipMlp);

class ClipEncoderLayerImpl : public torch::nn::Module {
 public:
  ClipEncoderLayerImpl(const ClipTextConfig& config);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causal_mask);

  ClipAttention self_attn{nullptr};
  torch::nn::LayerNorm layer_norm1{nullptr};
  ClipMlp mlp{nullptr};
  torch::nn::LayerNorm layer_norm2{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

class ClipTextEmbeddingsImpl : public torch::nn::Module {
 public:
  ClipTextEmbeddingsImpl(const ClipTextConfig& config);

  torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
};
TORCH_MODULE(ClipTextEmbeddings);

class ClipEncoderImpl : public torch::nn::Module {
 public:
  ClipEncoderImpl(const ClipTextConfig& config);

  torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(ClipEncoder);

class ClipTextTransformerImpl : public torch::nn::Module {
 public:
  ClipTextTransformerImpl(const ClipTextConfig& config);

  ClipTextEmbeddings embeddings{nullptr};
  ClipEncoder encoder{nullptr};
  torch::nn::LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(ClipTextTransformer);

class ClipTextModelImpl : public torch::nn::Module {
 public:
  explicit ClipTextModelImpl(const ClipTextConfig& config);

  /// input_ids: [B, S] int64 (S <= max_position_embeddings, 77 in SD).
  ClipTextOutput forward(torch::Tensor input_ids, bool output_hidden_states = false);

  /// Same as forward, with the token embeddings given: inputs_embeds [B, S, D]
  /// replaces token_embedding(input_ids); input_ids still picks the pooled position.
  ClipTextOutput forward_embeds(torch::Tensor inputs_embeds, torch::Tensor input_ids,
                                bool output_hidden_states = false);

  /// The token embedding table [V, D] (the parameter itself, trainable).
  torch::Tensor token_embedding_weight();

  /// Grows the vocabulary to new_size rows, keeping the existing rows. New rows
  /// are drawn like transformers 4.44 resize_token_embeddings draws them (a
  /// fresh nn.Embedding, N(0, 1)); callers overwrite them. Shrinking is refused.
  void resize_token_embeddings(int64_t new_size);

  /// clip_skip k >= 1: final_layer_norm(hidden_states[-(k+1)]), as
  /// StableDiffusionPipeline(clip_skip=k) feeds the UNet; k == 0 gives
  /// last_hidden_state. Runs only the layers it needs. Returns [B, S, D].
  torch::Tensor encode_with_clip_skip(torch::Tensor input_ids, int clip_skip);

  const ClipTextConfig& config() const { return config_; }

  ClipTextTransformer text_model{nullptr};

 private:
  torch::Tensor embed(const torch::Tensor& inputs_embeds);
  // Runs the first `num_layers` layers; fills `hidden_states` when non-null.
  torch::Tensor run_layers(torch::Tensor h, int64_t num_layers, std::vector<torch::Tensor>* hidden_states);
  ClipTextOutput finish(torch::Tensor inputs_embeds, const torch::Tensor& input_ids, bool output_hidden_states);

  ClipTextConfig config_;
};
TORCH_MODULE(ClipTextModel);

}  // namespace rashisa::ml
