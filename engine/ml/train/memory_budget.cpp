#include "engine/ml/train/memory_budget.h"

#include "engine/model_io/diffusers_folder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rashisa::ml {

namespace {

constexpr double kGB = 1e9;
constexpr int64_t kGiB = int64_t{1} << 30;

// Ref: diffusers/src/diffusers/models/resnet.py ResnetBlock2D (norm1, conv1, time_emb_proj,
// norm2, conv2, conv_shortcut when the width changes).
void add_resnet(ParamCount& n, int64_t in, int64_t out, int64_t temb) {
  n.total += 2 * in + 9 * in * out + out + 2 * out + 9 * out * out + out;
  if (temb > 0) n.total += temb * out + out;
  if (in != out) n.total += in * out + out;
  n.largest = std::max(n.largest, 9 * std::max(in, out) * out);
}

// Ref: diffusers/src/diffusers/models/transformers/transformer_2d.py (one BasicTransformerBlock:
// self-attention, cross-attention, GEGLU feed-forward; proj_in/proj_out linear or 1x1 conv,
// the same count).
void add_transformer(ParamCount& n, int64_t c, int64_t d) {
  const int64_t attn1 = 3 * c * c + c * c + c;
  const int64_t attn2 = c * c + 2 * d * c + c * c + c;
  const int64_t ff = c * 8 * c + 8 * c + 4 * c * c + c;
  n.total += 2 * c + (c * c + c) + 2 * c + attn1 + 2 * c + attn2 + 2 * c + ff + (c * c + c);
  n.largest = std::max(n.largest, 8 * c * c);
}

void add_conv3(ParamCount& n, int64_t in, int64_t out) {
  n.total += 9 * in * out + out;
  n.largest = std::max(n.largest, 9 * in * out);
}

bool has_cross(const std::string& block_type) { return block_type.rfind("CrossAttn", 0) == 0; }

/// Walks the UNet's transformer blocks: (width, cross dim, heads, latent-side divisor).
template <typename F>
void for_each_transformer(const UNetConfig& c, F&& f) {
  const auto& ch = c.block_out_channels;
  const int64_t n = static_cast<int64_t>(ch.size());
  for (int64_t i = 0; i < n; ++i)
    if (has_cross(c.down_block_types[i]))
      for (int64_t j = 0; j < c.layers_per_block[i]; ++j) f(ch[i], c.cross_attention_dim[i], c.num_attention_heads[i], int64_t{1} << i);
  f(ch.back(), c.cross_attention_dim.back(), c.num_attention_heads.back(), int64_t{1} << (n - 1));
  for (int64_t i = 0; i < n; ++i) {
    const int64_t level = n - 1 - i;
    if (has_cross(c.up_block_types[i]))
      for (int64_t j = 0; j <= c.layers_per_block[level]; ++j)
        f(ch[level], c.cross_attention_dim[level], c.num_attention_heads[level], int64_t{1} << level);
  }
}

/// Walks the UNet's resnets: (width, latent-side divisor).
template <typename F>
void for_each_resnet(const UNetConfig& c, F&& f) {
  const auto& ch = c.block_out_channels;
  const int64_t n = static_cast<int64_t>(ch.size());
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < c.layers_per_block[i]; ++j) f(ch[i], int64_t{1} << i);
  f(ch.back(), int64_t{1} << (n - 1));
  f(ch.back(), int64_t{1} << (n - 1));
  for (int64_t i = 0; i < n; ++i) {
    const int64_t level = n - 1 - i;
    for (int64_t j = 0; j <= c.layers_per_block[level]; ++j) f(ch[level], int64_t{1} << level);
  }
}

std::string gb(int64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f GB", bytes / kGB);
  return buf;
}

std::string millions(int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f M", n / 1e6);
  return buf;
}

}  // namespace

// Ref: diffusers/src/diffusers/models/unets/unet_2d_condition.py UNet2DConditionModel.__init__
ParamCount count_unet_parameters(const UNetConfig& c) {
  ParamCount n;
  const auto& ch = c.block_out_channels;
  const int64_t blocks = static_cast<int64_t>(ch.size());
  const int64_t temb = c.time_embed_dim();
  add_conv3(n, c.in_channels, ch[0]);
  n.total += ch[0] * temb + temb + temb * temb + temb;  // time_embedding linear_1, linear_2
  int64_t prev = ch[0];
  for (int64_t i = 0; i < blocks; ++i) {
    for (int64_t j = 0; j < c.layers_per_block[i]; ++j) {
      add_resnet(n, j == 0 ? prev : ch[i], ch[i], temb);
      if (has_cross(c.down_block_types[i])) add_transformer(n, ch[i], c.cross_attention_dim[i]);
    }
    prev = ch[i];
    if (i + 1 < blocks) add_conv3(n, ch[i], ch[i]);  // downsampler
  }
  add_resnet(n, ch.back(), ch.back(), temb);
  add_transformer(n, ch.back(), c.cross_attention_dim.back());
  add_resnet(n, ch.back(), ch.back(), temb);
  prev = ch.back();
  for (int64_t i = 0; i < blocks; ++i) {
    const int64_t level = blocks - 1 - i;
    const int64_t out = ch[level], in = ch[std::max<int64_t>(level - 1, 0)];
    const int64_t layers = c.layers_per_block[level] + 1;
    for (int64_t j = 0; j < layers; ++j) {
      const int64_t skip = j == layers - 1 ? in : out;
      add_resnet(n, (j == 0 ? prev : out) + skip, out, temb);
      if (has_cross(c.up_block_types[i])) add_transformer(n, out, c.cross_attention_dim[level]);
    }
    prev = out;
    if (i + 1 < blocks) add_conv3(n, out, out);  // upsampler
  }
  n.total += 2 * ch[0];  // conv_norm_out
  add_conv3(n, ch[0], c.out_channels);
  return n;
}

ParamCount count_cross_attention_parameters(const UNetConfig& c) {
  ParamCount n;
  for_each_transformer(c, [&](int64_t w, int64_t d, int64_t, int64_t) {
    n.total += w * w + 2 * d * w + w * w + w;
    n.largest = std::max(n.largest, w * std::max(w, d));
  });
  return n;
}

// Ref: diffusers/src/diffusers/models/autoencoders/vae.py Encoder/Decoder (UNetMidBlock2D with
// one attention of q, k, v, out linears) and autoencoder_kl.py (quant_conv, post_quant_conv).
ParamCount count_vae_parameters(const nlohmann::json& j) {
  const auto ch = j.at("block_out_channels").get<std::vector<int64_t>>();
  const int64_t layers = j.value("layers_per_block", 1), latent = j.value("latent_channels", 4);
  const int64_t in_ch = j.value("in_channels", 3), out_ch = j.value("out_channels", 3);
  const int64_t top = ch.back(), blocks = static_cast<int64_t>(ch.size());
  ParamCount n;
  auto mid = [&] {
    add_resnet(n, top, top, 0);
    n.total += 2 * top + 4 * (top * top + top);
    add_resnet(n, top, top, 0);
  };
  add_conv3(n, in_ch, ch[0]);
  int64_t prev = ch[0];
  for (int64_t i = 0; i < blocks; ++i) {
    for (int64_t k = 0; k < layers; ++k) add_resnet(n, k == 0 ? prev : ch[i], ch[i], 0);
    prev = ch[i];
    if (i + 1 < blocks) add_conv3(n, ch[i], ch[i]);
  }
  mid();
  n.total += 2 * top;
  add_conv3(n, top, 2 * latent);
  n.total += 4 * latent * latent + 2 * latent + latent * latent + latent;  // quant_conv, post_quant_conv
  add_conv3(n, latent, top);
  mid();
  prev = top;
  for (int64_t i = blocks - 1; i >= 0; --i) {
    for (int64_t k = 0; k <= layers; ++k) add_resnet(n, k == 0 ? prev : ch[i], ch[i], 0);
    prev = ch[i];
    if (i > 0) add_conv3(n, ch[i], ch[i]);
  }
  n.total += 2 * ch[0];
  add_conv3(n, ch[0], out_ch);
  return n;
}

// Ref: transformers/src/transformers/models/clip/modeling_clip.py CLIPTextTransformer
ParamCount count_text_encoder_parameters(const nlohmann::json& j) {
  const int64_t v = j.at("vocab_size"), h = j.at("hidden_size"), inter = j.at("intermediate_size");
  const int64_t layers = j.at("num_hidden_layers"), positions = j.value("max_position_embeddings", 77);
  ParamCount n;
  n.total = v * h + positions * h + layers * (2 * h + 4 * (h * h + h) + 2 * h + h * inter + inter + inter * h + h) + 2 * h;
  n.largest = v * h;
  return n;
}

ModelSizes model_sizes(const std::filesystem::path& dir) {
  ModelSizes m;
  m.label = dir.filename().u8string();
  m.unet_config = UNetConfig::from_json(model_io::read_json_file(dir / "unet" / "config.json"));
  const auto vae = model_io::read_json_file(dir / "vae" / "config.json");
  const auto text = model_io::read_json_file(dir / "text_encoder" / "config.json");
  m.unet = count_unet_parameters(m.unet_config);
  m.cross_attention = count_cross_attention_parameters(m.unet_config);
  m.vae = count_vae_parameters(vae);
  m.text_encoder = count_text_encoder_parameters(text);
  m.text_hidden = text.at("hidden_size");
  m.vae_channels0 = vae.at("block_out_channels").at(0);
  return m;
}

int64_t usable_bytes(double gib) { return static_cast<int64_t>(0.95 * gib * static_cast<double>(kGiB)); }

namespace {

// Activation model, per sample, in elements of width x pixels (x bytes per element: 2 under
// bf16/fp16 autocast, 4 in fp32). Counted from what autograd saves in our modules:
//  - ResnetBlock2D: GroupNorm in/out, SiLU out, conv1 out, GroupNorm in/out, SiLU out, conv2
//    in: 8 tensors of the block's width.
//  - Transformer2D with one BasicTransformerBlock: norm/proj_in 3, LayerNorm + q/k/v/out of
//    the fused self-attention (its output and log-sum-exp, no [HW, HW] scores) 7, residuals 3,
//    cross-attention q/out 4, GEGLU input (8x width) 8, gate output 4, proj_out/residual 2: 31.
//  - Cross-attention probabilities [heads, HW, 77] in float32: the regulariser reads them
//    (DESIGN.md section 5), so they are kept even with checkpointing.
// With gradient checkpointing a block keeps only its input; its activations exist again
// while it is recomputed in backward, twice over (activations and their gradients).
// The model assumes fused self-attention (libtorch >= 2.0's scaled_dot_product_attention).
constexpr int64_t kResnetTensors = 8;
constexpr int64_t kTransformerTensors = 31;
constexpr int64_t kTokens = 77;

struct Activations {
  int64_t kept = 0;            // bytes saved for backward
  int64_t probabilities = 0;   // cross-attention probabilities (float32)
  int64_t largest_block = 0;   // bytes of the largest single block's activations
};

Activations unet_activations(const UNetConfig& c, int64_t batch, int64_t latent_side, int64_t elem, bool checkpointing) {
  Activations a;
  auto pixels = [&](int64_t divisor) { return (latent_side / divisor) * (latent_side / divisor); };
  for_each_resnet(c, [&](int64_t w, int64_t div) {
    const int64_t block = kResnetTensors * w * pixels(div) * elem * batch;
    a.largest_block = std::max(a.largest_block, block);
    a.kept += checkpointing ? w * pixels(div) * elem * batch : block;
  });
  for_each_transformer(c, [&](int64_t w, int64_t, int64_t heads, int64_t div) {
    const int64_t block = kTransformerTensors * w * pixels(div) * elem * batch;
    a.largest_block = std::max(a.largest_block, block);
    a.kept += checkpointing ? w * pixels(div) * elem * batch : block;
    a.probabilities += heads * pixels(div) * kTokens * 4 * batch;
  });
  return a;
}

}  // namespace

StageBudget stage_budget(const ModelSizes& m, const MemoryPlan& plan, int stage, int batch, int resolution) {
  StageBudget b;
  b.stage = stage;
  const bool mixed = plan.mixed_precision;
  const bool bf16_weights = plan.weights == MemoryPlan::Weights::Bf16Stochastic && mixed;
  const bool int8 = plan.optimizer_moments == MemoryPlan::Moments::Blockwise8bit;
  const int64_t elem = mixed ? 2 : 4;
  const int64_t wbytes = bf16_weights ? 2 : 4;
  const ParamCount trained = stage == 1 ? ParamCount{m.text_hidden, m.text_hidden}
                             : stage == 2 ? m.cross_attention
                                          : m.unet;
  auto add = [](std::vector<BudgetLine>& v, std::string item, int64_t bytes, std::string how) {
    v.push_back({std::move(item), bytes, std::move(how)});
  };
  add(b.resident, "UNet weights", m.unet.total * wbytes,
      millions(m.unet.total) + " x " + std::to_string(wbytes) + " B" + (bf16_weights ? " (bf16)" : " (fp32)"));
  if (mixed && !bf16_weights)
    add(b.resident, "UNet weight casts", m.unet.total * 2, millions(m.unet.total) + " x 2 B (bf16 copies autocast saves for backward)");
  const bool te_here = stage == 1 || !plan.text_encoder_offload;
  add(b.resident, "text encoder", te_here ? m.text_encoder.total * 4 : 0,
      te_here ? millions(m.text_encoder.total) + " x 4 B" : "offloaded to the CPU after stage 1");
  add(b.resident, "VAE", plan.vae_offload ? 0 : m.vae.total * 4,
      plan.vae_offload ? "on the CPU between encodes" : millions(m.vae.total) + " x 4 B");
  const int64_t gbytes = bf16_weights ? 2 : 4;
  if (plan.fused_backward)
    add(b.resident, "gradients", 2 * trained.largest * gbytes,
        "fused step: at most 2 tensors alive, 2 x " + millions(trained.largest) + " x " + std::to_string(gbytes) + " B");
  else
    add(b.resident, "gradients", trained.total * gbytes, millions(trained.total) + " x " + std::to_string(gbytes) + " B");
  if (int8) {
    const int64_t blocks = (trained.total + kQuantBlock - 1) / kQuantBlock;
    add(b.resident, "AdamW moments", 2 * (trained.total + 4 * blocks),
        "8-bit: 2 x (" + millions(trained.total) + " x 1 B + 4 B per 256-value block)");
  } else {
    add(b.resident, "AdamW moments", trained.total * 8, "fp32: 2 x " + millions(trained.total) + " x 4 B");
  }
  add(b.resident, "workspace", 3 * kGiB / 4, "CUDA context, cuBLAS/cuDNN workspaces (0.75 GiB)");

  const int64_t side = resolution / 8;
  const auto act = unet_activations(m.unet_config, batch, side, elem, plan.gradient_checkpointing);
  int64_t backward_peak = act.kept + act.probabilities;
  std::string how = "batch " + std::to_string(batch) + ", " + std::to_string(side) + "x" + std::to_string(side) +
                    " latents, " + std::to_string(elem) + " B/elem: kept " + gb(act.kept) + " + attention probs " +
                    gb(act.probabilities);
  if (plan.gradient_checkpointing) {
    backward_peak += 2 * act.largest_block;
    how += " + 2 x recomputed block " + gb(act.largest_block);
  }
  // The update's float32 temporaries of the largest tensor (grad, m, v, denom, weight).
  backward_peak += 5 * 4 * trained.largest;
  how += " + optimiser temporaries " + gb(5 * 4 * trained.largest);
  add(b.phases, "forward/backward", backward_peak, how);
  const int64_t per_encode = plan.vae_batch > 0 ? plan.vae_batch : (plan.micro_batch > 0 ? plan.micro_batch : batch);
  const int64_t encode = std::min<int64_t>(per_encode, batch);
  // The VAE encoder's widest full-resolution tensors, ~3 alive at once, float32, no grad.
  const int64_t vae_peak = 3 * m.vae_channels0 * int64_t{resolution} * resolution * 4 * encode +
                           (plan.vae_offload ? m.vae.total * 4 : 0);
  add(b.phases, "VAE encode", vae_peak,
      std::to_string(encode) + " image(s) x 3 x " + std::to_string(m.vae_channels0) + " x " + std::to_string(resolution) +
          "^2 x 4 B" + (plan.vae_offload ? " + VAE weights brought in" : ""));
  int64_t total = 0;
  for (const auto& l : b.resident) total += l.bytes;
  int64_t phase = 0;
  for (const auto& l : b.phases) phase = std::max(phase, l.bytes);
  b.total = total + phase;
  return b;
}

std::string format_budget(const StageBudget& b, int64_t budget_bytes) {
  std::string out = "  stage " + std::to_string(b.stage) + "\n";
  char buf[512];
  for (const auto& l : b.resident) {
    std::snprintf(buf, sizeof buf, "    %-18s %9s  %s\n", l.item.c_str(), gb(l.bytes).c_str(), l.how.c_str());
    out += buf;
  }
  for (const auto& l : b.phases) {
    std::snprintf(buf, sizeof buf, "    %-18s %9s  (peak) %s\n", l.item.c_str(), gb(l.bytes).c_str(), l.how.c_str());
    out += buf;
  }
  if (budget_bytes <= 0)
    std::snprintf(buf, sizeof buf, "    total %s (no GPU budget)\n", gb(b.total).c_str());
  else
    std::snprintf(buf, sizeof buf, "    total %s of %s budget: %s\n", gb(b.total).c_str(), gb(budget_bytes).c_str(),
                  b.total <= budget_bytes ? "fits" : "DOES NOT FIT");
  out += buf;
  return out;
}

}  // namespace rashisa::ml
