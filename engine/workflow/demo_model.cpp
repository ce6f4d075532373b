// The demo model: a tiny Stable Diffusion 1.5-shaped diffusers folder with deterministic
// weights. The parameter names and shapes come from the engine's own modules built from the
// configs below, so the loader reads it exactly like a real model.
//
// Weights follow PyTorch's default initialisation in distribution (uniform +-1/sqrt(fan_in) for
// linear and convolution weights and their biases, normalisation scales 1 and shifts 0, token
// and position embeddings normal with std 0.02), drawn from splitmix64 seeded by each tensor's
// name, with only +, *, / and sqrt: the same bytes on every platform and libtorch version.
// Ref: pytorch torch/nn/modules/linear.py and conv.py (reset_parameters), huggingface/transformers
// src/transformers/models/clip/modeling_clip.py (CLIPPreTrainedModel._init_weights, embeddings)
#include "engine/core/error.h"
#include "engine/ml/clip/clip_text_model.h"
#include "engine/ml/unet/unet.h"
#include "engine/ml/vae/autoencoder_kl.h"
#include "engine/model_io/atomic_file.h"
#include "engine/model_io/safetensors.h"
#include "engine/workflow/demo.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <vector>

namespace rashisa::workflow {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kMarker = "_rashisa_demo";

json unet_config() {
  return {{"_class_name", "UNet2DConditionModel"},
          {"act_fn", "silu"},
          {"attention_head_dim", 8},
          {"block_out_channels", {32, 32, 64, 64}},
          {"center_input_sample", false},
          {"cross_attention_dim", 32},
          {"down_block_types", {"CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"}},
          {"downsample_padding", 1},
          {"flip_sin_to_cos", true},
          {"freq_shift", 0},
          {"in_channels", 4},
          {"layers_per_block", 2},
          {"mid_block_scale_factor", 1},
          {"norm_eps", 1e-5},
          {"norm_num_groups", 32},
          {"out_channels", 4},
          {"sample_size", 16},
          {"up_block_types", {"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"}},
          {"use_linear_projection", false}};
}

json vae_config() {
  return {{"_class_name", "AutoencoderKL"},
          {"act_fn", "silu"},
          {"block_out_channels", {32, 32, 64, 64}},
          {"down_block_types", {"DownEncoderBlock2D", "DownEncoderBlock2D", "DownEncoderBlock2D", "DownEncoderBlock2D"}},
          {"in_channels", 3},
          {"latent_channels", 4},
          {"layers_per_block", 2},
          {"norm_num_groups", 32},
          {"out_channels", 3},
          {"sample_size", 128},
          {"scaling_factor", 0.18215},
          {"up_block_types", {"UpDecoderBlock2D", "UpDecoderBlock2D", "UpDecoderBlock2D", "UpDecoderBlock2D"}}};
}

json text_encoder_config(std::size_t vocab_size) {
  return {{"architectures", {"CLIPTextModel"}},
          {"attention_dropout", 0.0},
          {"bos_token_id", 0},
          {"eos_token_id", 2},  // legacy: pooled at the highest id, <|endoftext|>
          {"hidden_act", "quick_gelu"},
          {"hidden_size", 32},
          {"initializer_factor", 1.0},
          {"initializer_range", 0.02},
          {"intermediate_size", 64},
          {"layer_norm_eps", 1e-5},
          {"max_position_embeddings", 77},
          {"model_type", "clip_text_model"},
          {"num_attention_heads", 4},
          {"num_hidden_layers", 2},
          {"pad_token_id", 1},
          {"projection_dim", 32},
          {"torch_dtype", "float32"},
          {"vocab_size", vocab_size}};
}

json scheduler_config() {  // Stable Diffusion 1.5's
  return {{"_class_name", "PNDMScheduler"}, {"beta_end", 0.012},     {"beta_schedule", "scaled_linear"},
          {"beta_start", 0.00085},           {"clip_sample", false}, {"num_train_timesteps", 1000},
          {"set_alpha_to_one", false},       {"skip_prk_steps", true}, {"steps_offset", 1}};
}

json model_index() {
  return {{"_class_name", "StableDiffusionPipeline"},
          {kMarker, "Rashisa's demo model: a tiny model with made-up weights for trying the workflow; its images "
                    "are abstract. Choose a real Stable Diffusion 1.5 or 2.1 model for real images."},
          {"requires_safety_checker", false},
          {"scheduler", {"diffusers", "PNDMScheduler"}},
          {"text_encoder", {"transformers", "CLIPTextModel"}},
          {"tokenizer", {"transformers", "CLIPTokenizer"}},
          {"unet", {"diffusers", "UNet2DConditionModel"}},
          {"vae", {"diffusers", "AutoencoderKL"}}};
}

json special_token(const char* content) {
  return {{"content", content}, {"lstrip", false}, {"normalized", true}, {"rstrip", false}, {"single_word", false}};
}

// splitmix64: a small, well-mixed generator with a fully specified integer recurrence.
// Ref: Steele, Lea, Flood, "Fast splittable pseudorandom number generators" (OOPSLA 2014)
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
  /// Irwin-Hall: the sum of 12 uniforms minus 6 has mean 0 and variance 1 (no log or cos).
  double normal() {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += uniform();
    return sum - 6;
  }
};

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

std::int64_t fan_in(const std::vector<std::int64_t>& shape) {
  std::int64_t n = 1;
  for (std::size_t i = 1; i < shape.size(); ++i) n *= shape[i];
  return n;
}

struct Tensor {
  std::vector<std::int64_t> shape;
  std::vector<float> values;
};

// name -> shape of every parameter of `module`.
std::map<std::string, std::vector<std::int64_t>> shapes_of(const torch::nn::Module& module) {
  std::map<std::string, std::vector<std::int64_t>> out;
  for (const auto& p : module.named_parameters(true)) out[p.key()] = p.value().sizes().vec();
  return out;
}

std::map<std::string, Tensor> initialise(const std::map<std::string, std::vector<std::int64_t>>& shapes) {
  std::map<std::string, Tensor> out;
  for (const auto& [name, shape] : shapes) {
    Tensor t{shape, {}};
    std::int64_t numel = 1;
    for (auto d : shape) numel *= d;
    t.values.resize(static_cast<std::size_t>(numel));
    SplitMix64 rng{fnv1a(name) ^ 0x7261736869736131ull};  // "rashisa1"
    const bool is_bias = name.size() > 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
    const std::string weight_name = is_bias ? name.substr(0, name.size() - 5) + ".weight" : name;
    const auto weight = shapes.find(weight_name);
    const bool layer = weight != shapes.end() && weight->second.size() >= 2;  // linear or convolution
    if (name.find("embedding") != std::string::npos && shape.size() == 2) {
      for (auto& v : t.values) v = static_cast<float>(0.02 * rng.normal());
    } else if (layer) {
      const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in(weight->second)));
      for (auto& v : t.values) v = static_cast<float>((2 * rng.uniform() - 1) * bound);
    } else {  // normalisation: scale 1, shift 0
      for (auto& v : t.values) v = is_bias ? 0.0f : 1.0f;
    }
    out.emplace(name, std::move(t));
  }
  return out;
}

bool has(const std::string& name, const char* part) { return name.find(part) != std::string::npos; }

// The VAE decoder turned into a smooth picture of the latents, so the demo's images are soft
// colour fields rather than pixel noise: every resnet and the attention add nothing (their last
// layer is zero, leaving the residual path), the first latent channels pass through every
// convolution on that path, each upsampler blurs ([1 2 1] / 4 in both directions), and the
// output maps latent channels 0..2 to a pastel red, green and blue. The encoder stays random.
void smooth_decoder(std::map<std::string, Tensor>& vae) {
  constexpr float kBlur[3] = {0.25f, 0.5f, 0.25f};
  constexpr float kGain = 0.45f;
  constexpr float kTint[3] = {-0.1f, 0.0f, 0.1f};
  for (auto& [name, t] : vae) {
    const bool decoder = name.rfind("decoder.", 0) == 0 || name.rfind("post_quant_conv.", 0) == 0;
    if (!decoder || has(name, "norm")) continue;
    const bool bias = t.shape.size() == 1;
    if (has(name, ".conv2.") || has(name, ".to_out.")) {
      std::fill(t.values.begin(), t.values.end(), 0.0f);
      continue;
    }
    const bool out = has(name, "conv_out");
    const bool path = has(name, "conv_in") || has(name, "conv_shortcut") || has(name, "upsamplers") || out ||
                      has(name, "post_quant_conv");
    if (!path) continue;  // conv1 and the attention's q, k, v: their results are multiplied by zero
    std::fill(t.values.begin(), t.values.end(), 0.0f);
    if (bias) {
      if (out)
        for (int c = 0; c < 3; ++c) t.values[static_cast<std::size_t>(c)] = kTint[c];
      continue;
    }
    const std::int64_t outs = t.shape[0], ins = t.shape[1], k = t.shape.size() == 4 ? t.shape[2] : 1;
    const bool blur = has(name, "upsamplers") && k == 3;
    for (std::int64_t c = 0; c < std::min<std::int64_t>({outs, ins, 4}); ++c)
      for (std::int64_t y = 0; y < k; ++y)
        for (std::int64_t x = 0; x < k; ++x) {
          const bool centre = y == k / 2 && x == k / 2;
          const float w = blur ? kBlur[y] * kBlur[x] : centre ? (out ? kGain : 1.0f) : 0.0f;
          t.values[static_cast<std::size_t>(((c * ins + c) * k + y) * k + x)] = w;
        }
  }
}

void write_weights(const fs::path& file, const std::map<std::string, Tensor>& tensors) {
  std::vector<model_io::TensorBytes> list;
  for (const auto& [name, t] : tensors)
    list.push_back({name, model_io::DType::F32, t.shape, t.values.data(), t.values.size() * sizeof(float)});
  model_io::write_safetensors(file, std::move(list), {{"format", "pt"}});
}

void write_text(const fs::path& file, const std::string& text) {
  model_io::write_file_atomically(file, text.data(), text.size());
}

}  // namespace

void write_demo_model(const fs::path& dir) {
  std::error_code ec;
  for (const char* sub : {"unet", "vae", "text_encoder", "tokenizer", "scheduler"}) {
    fs::create_directories(dir / sub, ec);
    if (ec) throw Error(ErrorCode::FileWrite, "cannot create the folder " + (dir / sub).u8string() + ": " + ec.message());
  }
  const DemoTokenizerText tokenizer = demo_tokenizer_text();
  const json text_cfg = text_encoder_config(tokenizer.vocab_size);
  torch::NoGradGuard no_grad;
  write_weights(dir / "unet" / "diffusion_pytorch_model.safetensors",
                initialise(shapes_of(*ml::UNet2DConditionModel(ml::UNetConfig::from_json(unet_config())))));
  auto vae = initialise(shapes_of(*ml::AutoencoderKL(ml::VaeConfig::from_json(vae_config()))));
  smooth_decoder(vae);
  write_weights(dir / "vae" / "diffusion_pytorch_model.safetensors", vae);
  write_weights(dir / "text_encoder" / "model.safetensors",
                initialise(shapes_of(*ml::ClipTextModel(ml::ClipTextConfig::from_json(text_cfg)))));

  write_text(dir / "unet" / "config.json", unet_config().dump(2));
  write_text(dir / "vae" / "config.json", vae_config().dump(2));
  write_text(dir / "text_encoder" / "config.json", text_cfg.dump(2));
  write_text(dir / "scheduler" / "scheduler_config.json", scheduler_config().dump(2));
  write_text(dir / "tokenizer" / "vocab.json", tokenizer.vocab_json);
  write_text(dir / "tokenizer" / "merges.txt", tokenizer.merges_txt);
  write_text(dir / "tokenizer" / "special_tokens_map.json",
             json{{"bos_token", special_token("<|startoftext|>")},
                  {"eos_token", special_token("<|endoftext|>")},
                  {"pad_token", "<|endoftext|>"},
                  {"unk_token", special_token("<|endoftext|>")}}
                 .dump(2));
  write_text(dir / "tokenizer" / "tokenizer_config.json",
             json{{"tokenizer_class", "CLIPTokenizer"}, {"do_lower_case", true}, {"model_max_length", 77},
                  {"bos_token", "<|startoftext|>"}, {"eos_token", "<|endoftext|>"}, {"pad_token", "<|endoftext|>"},
                  {"unk_token", "<|endoftext|>"}, {"errors", "replace"}, {"add_prefix_space", false}}
                 .dump(2));
  // Last: a folder without model_index.json is not a model, so an interrupted write is not
  // mistaken for the demo.
  write_text(dir / "model_index.json", model_index().dump(2));
}

bool is_demo_model(const fs::path& model) {
  try {
    std::error_code ec;
    const fs::path index = model / "model_index.json";
    if (!fs::is_regular_file(index, ec) || fs::file_size(index, ec) > (1u << 20)) return false;
    std::ifstream in(index, std::ios::binary);
    const json j = json::parse(in, nullptr, false);
    return j.is_object() && j.contains(kMarker);
  } catch (...) {
    return false;
  }
}

}  // namespace rashisa::workflow
