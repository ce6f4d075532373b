// UNet without weights: config parsing, full-size parameter counts, the strict loader,
// attention paths, dtypes and gradient checkpointing.
#include "engine/core/error.h"
#include "engine/ml/nn/attention.h"
#include "engine/ml/nn/checkpoint.h"
#include "engine/ml/unet/unet.h"
#include "tests/unet/model_test_util.h"

#include <ATen/autocast_mode.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <map>
#include <string>

namespace {

namespace rt = rashisa::testing;
namespace ml = rashisa::ml;
using nlohmann::json;

json tiny_config() {
  return json{{"_class_name", "UNet2DConditionModel"},
              {"block_out_channels", {16, 32}},
              {"down_block_types", {"CrossAttnDownBlock2D", "DownBlock2D"}},
              {"up_block_types", {"UpBlock2D", "CrossAttnUpBlock2D"}},
              {"layers_per_block", 1},
              {"cross_attention_dim", 12},
              {"attention_head_dim", {2, 4}},
              {"norm_num_groups", 8},
              {"sample_size", 8},
              {"use_linear_projection", true}};
}

json sd_unet_config(const char* model) {
  const auto dir = rt::shared_configs_dir();
  if (dir.empty()) return {};
  return rt::read_json_file(dir / model / "unet" / "config.json");
}

// Expects from_json to throw UnsupportedModel with a message naming key and value.
void expect_unsupported(json j, const std::string& key, const json& value) {
  j[key] = value;
  try {
    ml::UNetConfig::from_json(j);
    ADD_FAILURE() << key << " = " << value.dump() << " was accepted";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::UnsupportedModel) << e.what();
    EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(value.dump()), std::string::npos) << e.what();
  }
}

TEST(UNetConfig, ReadsSd15AndSd21Configs) {
  auto j15 = sd_unet_config("sd15");
  auto j21 = sd_unet_config("sd21-base");
  if (j15.is_null() || j21.is_null()) GTEST_SKIP() << "shared/configs not found";
  auto c15 = ml::UNetConfig::from_json(j15);
  EXPECT_EQ(c15.num_attention_heads, (std::vector<int64_t>{8, 8, 8, 8}));
  EXPECT_EQ(c15.cross_attention_dim, (std::vector<int64_t>{768, 768, 768, 768}));
  EXPECT_FALSE(c15.use_linear_projection);
  EXPECT_FALSE(c15.upcast_attention);  // null in the file
  EXPECT_EQ(c15.sample_size, 64);
  auto c21 = ml::UNetConfig::from_json(j21);
  EXPECT_EQ(c21.num_attention_heads, (std::vector<int64_t>{5, 10, 20, 20}));
  EXPECT_EQ(c21.cross_attention_dim, (std::vector<int64_t>{1024, 1024, 1024, 1024}));
  EXPECT_TRUE(c21.use_linear_projection);
  EXPECT_EQ(c21.block_out_channels, (std::vector<int64_t>{320, 640, 1280, 1280}));
  EXPECT_EQ(c21.layers_per_block, (std::vector<int64_t>{2, 2, 2, 2}));
}

TEST(UNetConfig, NumAttentionHeadsWinsOverAttentionHeadDim) {
  auto j = tiny_config();
  j["num_attention_heads"] = 4;
  EXPECT_EQ(ml::UNetConfig::from_json(j).num_attention_heads, (std::vector<int64_t>{4, 4}));
  j["num_attention_heads"] = nullptr;
  EXPECT_EQ(ml::UNetConfig::from_json(j).num_attention_heads, (std::vector<int64_t>{2, 4}));
}

TEST(UNetConfig, RejectsWhatSdDoesNotUse) {
  const auto j = tiny_config();
  expect_unsupported(j, "class_embed_type", "timestep");
  expect_unsupported(j, "addition_embed_type", "text_time");
  expect_unsupported(j, "dual_cross_attention", true);
  expect_unsupported(j, "only_cross_attention", true);
  expect_unsupported(j, "only_cross_attention", json{false, true});
  expect_unsupported(j, "resnet_time_scale_shift", "scale_shift");
  expect_unsupported(j, "time_embedding_type", "fourier");
  expect_unsupported(j, "transformer_layers_per_block", 2);
  expect_unsupported(j, "num_class_embeds", 10);
  expect_unsupported(j, "time_cond_proj_dim", 256);
  expect_unsupported(j, "encoder_hid_dim", 768);
  expect_unsupported(j, "act_fn", "gelu");
  expect_unsupported(j, "down_block_types", json{"SimpleCrossAttnDownBlock2D", "DownBlock2D"});
  expect_unsupported(j, "up_block_types", json{"UpBlock2D", "AttnUpBlock2D"});
  expect_unsupported(j, "mid_block_type", "UNetMidBlock2DSimpleCrossAttn");
  expect_unsupported(j, "_class_name", "UNet2DModel");
  // Defaults written out explicitly are fine.
  auto ok = j;
  ok["class_embed_type"] = nullptr;
  ok["only_cross_attention"] = false;
  ok["resnet_time_scale_shift"] = "default";
  ok["transformer_layers_per_block"] = 1;
  EXPECT_NO_THROW(ml::UNetConfig::from_json(ok));
}

TEST(UNetConfig, RejectsMalformedValues) {
  auto j = tiny_config();
  j["attention_head_dim"] = json{2, 4, 8};  // three entries for two blocks
  EXPECT_THROW(ml::UNetConfig::from_json(j), rashisa::Error);
  j = tiny_config();
  j["attention_head_dim"] = 3;  // does not divide 16
  EXPECT_THROW(ml::UNetConfig::from_json(j), rashisa::Error);
}

TEST(UNetModule, ParameterNamesAreDiffusersKeys) {
  ml::UNet2DConditionModel unet(ml::UNetConfig::from_json(tiny_config()));
  auto params = unet->named_parameters();
  for (const char* key : {"conv_in.weight", "time_embedding.linear_1.weight", "time_embedding.linear_2.bias",
                          "down_blocks.0.resnets.0.time_emb_proj.weight", "down_blocks.0.downsamplers.0.conv.weight",
                          "down_blocks.0.attentions.0.proj_in.weight",
                          "down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_out.0.bias",
                          "down_blocks.0.attentions.0.transformer_blocks.0.ff.net.0.proj.weight",
                          "down_blocks.0.attentions.0.transformer_blocks.0.ff.net.2.weight",
                          "mid_block.attentions.0.transformer_blocks.0.attn1.to_q.weight", "mid_block.resnets.1.conv2.bias",
                          "up_blocks.0.resnets.1.conv_shortcut.weight", "up_blocks.0.upsamplers.0.conv.weight",
                          "up_blocks.1.attentions.1.norm.weight", "conv_norm_out.weight", "conv_out.bias"}) {
    EXPECT_TRUE(params.contains(key)) << key;
  }
  EXPECT_FALSE(params.contains("down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_q.bias"));
  EXPECT_FALSE(params.contains("down_blocks.1.downsamplers.0.conv.weight"));  // final down block
  EXPECT_FALSE(params.contains("up_blocks.1.upsamplers.0.conv.weight"));      // final up block
  EXPECT_EQ(params["down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight"].sizes(),
            (std::vector<int64_t>{16, 12}));
}

TEST(Attention, SinkPathEqualsPlainPath) {
  torch::manual_seed(1);
  auto q = torch::randn({2, 3, 10, 8}), k = torch::randn({2, 3, 7, 8}), v = torch::randn({2, 3, 7, 8});
  torch::Tensor seen;
  ml::AttnProbsSink sink = [&](const std::string& name, const torch::Tensor& p) {
    EXPECT_EQ(name, "layer");
    seen = p;
  };
  auto with = ml::scaled_dot_product(q, k, v, 1.0 / std::sqrt(8.0), false, false, &sink, "layer");
  auto without = ml::scaled_dot_product(q, k, v, 1.0 / std::sqrt(8.0), false, false);
  ASSERT_TRUE(seen.defined());
  EXPECT_EQ(seen.sizes(), (std::vector<int64_t>{2, 3, 10, 7}));
  EXPECT_TRUE(torch::allclose(seen.sum(-1), torch::ones({2, 3, 10}), 1e-5, 1e-6));
  EXPECT_TRUE(torch::allclose(with, without, 1e-5, 1e-6));
  auto manual = torch::matmul(torch::softmax(torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(8.0), -1), v);
  EXPECT_TRUE(torch::allclose(with, manual, 1e-5, 1e-6));
}

TEST(Attention, LongSequencesGiveTheSameResultAsOneBlock) {
  // Enough queries x keys that the unfused path splits the queries into blocks.
  torch::manual_seed(2);
  auto q = torch::randn({1, 1, 9000, 2}), k = torch::randn({1, 1, 9000, 2}), v = torch::randn({1, 1, 9000, 2});
  auto got = ml::scaled_dot_product(q, k, v, 1.0 / std::sqrt(2.0), false, false);
  auto want = torch::matmul(torch::softmax(torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(2.0), -1), v);
  EXPECT_TRUE(torch::allclose(got, want, 1e-5, 1e-6));
}

struct TinyInputs {
  torch::Tensor sample, t, ehs;
};

TinyInputs tiny_inputs(int64_t h, int64_t w) {
  torch::manual_seed(7);
  return {torch::randn({2, 4, h, w}), torch::tensor({10, 700}, torch::kInt64), torch::randn({2, 5, 12})};
}

TEST(UNetModule, RunsInFloat64WithFloat32Probs) {
  ml::UNet2DConditionModel unet(ml::UNetConfig::from_json(tiny_config()));
  unet->to(torch::kFloat64);
  auto in = tiny_inputs(6, 10);  // not multiples of 2: upsample to the skip sizes
  int calls = 0;
  ml::UNetForwardContext ctx;
  ctx.attn2_probs_sink = [&](const std::string& name, const torch::Tensor& p) {
    ++calls;
    EXPECT_EQ(p.scalar_type(), torch::kFloat32) << name;
    EXPECT_EQ(p.size(0), 2);
    EXPECT_EQ(p.size(3), 5);
  };
  torch::NoGradGuard no_grad;
  auto out = unet->forward(in.sample.to(torch::kFloat64), in.t, in.ehs.to(torch::kFloat64), &ctx);
  EXPECT_EQ(out.scalar_type(), torch::kFloat64);
  EXPECT_EQ(out.sizes(), in.sample.sizes());
  EXPECT_EQ(calls, 4);  // down_blocks.0 (1), mid_block (1), up_blocks.1 (2)
}

// Loss with a term through the attention probabilities, as the trainer's regulariser.
torch::Tensor run_loss(ml::UNet2DConditionModel& unet, const TinyInputs& in, const torch::Tensor& ehs,
                       bool checkpointing, int* sink_calls) {
  torch::Tensor reg = torch::zeros({});
  ml::UNetForwardContext ctx;
  ctx.gradient_checkpointing = checkpointing;
  ctx.attn2_probs_sink = [&](const std::string&, const torch::Tensor& p) {
    ++*sink_calls;
    EXPECT_TRUE(p.requires_grad());
    reg = reg + p.select(-1, 1).mean() * 10.0 - p.select(-1, 2).var() * 100.0;
  };
  auto out = unet->forward(in.sample, in.t, ehs, &ctx);
  return out.pow(2).mean() + reg;
}

void expect_same_gradients(bool only_attn2, bool ehs_grad) {
  torch::manual_seed(3);
  ml::UNet2DConditionModel unet(ml::UNetConfig::from_json(tiny_config()));
  if (only_attn2) {
    for (auto& item : unet->named_parameters())
      item.value().set_requires_grad(item.key().find(".attn2.") != std::string::npos);
  }
  const auto in = tiny_inputs(8, 8);
  std::map<std::string, torch::Tensor> grads[2];
  torch::Tensor ehs_grads[2];
  torch::Tensor losses[2];
  for (int ck = 0; ck < 2; ++ck) {
    unet->zero_grad();
    auto ehs = in.ehs.clone().set_requires_grad(ehs_grad);
    int calls = 0;
    losses[ck] = run_loss(unet, in, ehs, ck == 1, &calls);
    EXPECT_EQ(calls, 4);
    losses[ck].backward();
    for (const auto& item : unet->named_parameters()) {
      if (item.value().requires_grad()) {
        ASSERT_TRUE(item.value().grad().defined()) << item.key() << (ck ? " (checkpointed)" : "");
        grads[ck][item.key()] = item.value().grad().clone();
      }
    }
    if (ehs_grad) ehs_grads[ck] = ehs.grad().clone();
  }
  EXPECT_TRUE(torch::allclose(losses[0], losses[1], 1e-6, 1e-7));
  ASSERT_FALSE(grads[0].empty());
  for (const auto& [name, g] : grads[0]) {
    const auto& g1 = grads[1].at(name);
    EXPECT_TRUE(torch::allclose(g, g1, 1e-5, 1e-7))
        << name << ": max diff " << (g - g1).abs().max().item<double>() << " of " << g.abs().max().item<double>();
  }
  if (ehs_grad) {
    EXPECT_TRUE(torch::allclose(ehs_grads[0], ehs_grads[1], 1e-5, 1e-7));
  }
}

TEST(GradientCheckpointing, RecomputesInBackwardAndMatchesPlainGradients) {
  torch::manual_seed(5);
  torch::nn::Linear lin(6, 6);
  auto x = torch::randn({3, 6}, torch::requires_grad());
  int calls = 0;
  ml::CheckpointFn fn = [&](const std::vector<torch::Tensor>& in) {
    ++calls;
    EXPECT_FALSE(in[1].defined());  // undefined inputs keep their position
    auto h = torch::tanh(lin(in[0]));
    return std::vector<torch::Tensor>{h, h.sum(-1)};
  };
  auto outs = ml::checkpoint(fn, {x, torch::Tensor()}, ml::trainable_parameters(*lin));
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_TRUE(outs[0].requires_grad());
  (outs[0].pow(2).sum() + outs[1].sum()).backward();
  EXPECT_EQ(calls, 2);  // recomputed once in backward
  auto gx = x.grad().clone(), gw = lin->weight.grad().clone(), gb = lin->bias.grad().clone();

  x.mutable_grad() = torch::Tensor();
  lin->zero_grad();
  auto h = torch::tanh(lin(x));
  (h.pow(2).sum() + h.sum(-1).sum()).backward();
  EXPECT_TRUE(torch::allclose(gx, x.grad(), 1e-6, 1e-7));
  EXPECT_TRUE(torch::allclose(gw, lin->weight.grad(), 1e-6, 1e-7));
  EXPECT_TRUE(torch::allclose(gb, lin->bias.grad(), 1e-6, 1e-7));

  // Gradients also reach parameters when no input needs one (frozen earlier layers).
  lin->zero_grad();
  calls = 0;
  auto y = ml::checkpoint(fn, {x.detach(), torch::Tensor()}, ml::trainable_parameters(*lin));
  y[0].sum().backward();
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(lin->weight.grad().defined());
  EXPECT_GT(lin->weight.grad().abs().sum().item<double>(), 0.0);
}

// The per-device autocast API of libtorch >= 2.4, else the older per-backend one.
void set_cpu_autocast(bool enabled) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
  at::autocast::set_autocast_enabled(at::kCPU, enabled);
#else
  at::autocast::set_cpu_enabled(enabled);
#endif
}

TEST(GradientCheckpointing, RecomputesUnderTheForwardsAutocast) {
  torch::manual_seed(6);
  torch::nn::Linear lin(8, 8);
  auto x = torch::randn({4, 8});
  ml::CheckpointFn fn = [&](const std::vector<torch::Tensor>& in) { return std::vector<torch::Tensor>{lin(in[0])}; };
  torch::Tensor grads[2];
  for (int ck = 0; ck < 2; ++ck) {
    lin->zero_grad();
    set_cpu_autocast(true);  // bfloat16 on the CPU
    auto y = ck ? ml::checkpoint(fn, {x}, ml::trainable_parameters(*lin))[0] : lin(x);
    set_cpu_autocast(false);
    at::autocast::clear_cache();
    EXPECT_EQ(y.scalar_type(), torch::kBFloat16);
    (y.to(torch::kFloat32).pow(2)).sum().backward();
    grads[ck] = lin->weight.grad().clone();
  }
  EXPECT_TRUE(torch::equal(grads[0], grads[1]));
}

TEST(GradientCheckpointing, SameGradientsForWholeUNet) { expect_same_gradients(false, false); }

TEST(GradientCheckpointing, SameGradientsForCrossAttentionOnlyAndTextGrad) { expect_same_gradients(true, true); }

TEST(GradientCheckpointing, NoEffectWithoutGrad) {
  ml::UNet2DConditionModel unet(ml::UNetConfig::from_json(tiny_config()));
  const auto in = tiny_inputs(8, 8);
  torch::NoGradGuard no_grad;
  ml::UNetForwardContext ctx;
  ctx.gradient_checkpointing = true;
  auto a = unet->forward(in.sample, in.t, in.ehs, &ctx);
  auto b = unet->forward(in.sample, in.t, in.ehs);
  EXPECT_TRUE(torch::equal(a, b));
}

}  // namespace
