// Unit tests of the CLIP text encoder that need no reference data: sizes from
// the real SD configs, checkpoint names, causal masking, pooling, clip skip,
// substituted embeddings and vocabulary growth.
#include "engine/core/error.h"
#include "engine/ml/clip/clip_text_model.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

using rashisa::ml::ClipTextConfig;
using rashisa::ml::ClipTextModel;

namespace {

std::filesystem::path configs_dir() { return std::filesystem::path(RASHISA_SHARED_CONFIGS_DIR).lexically_normal(); }

int64_t count_parameters(torch::nn::Module& m) {
  int64_t n = 0;
  for (const auto& p : m.parameters()) n += p.numel();
  return n;
}

ClipTextConfig tiny_config(const std::string& act = "quick_gelu", int64_t eos = 2) {
  nlohmann::json j = {{"vocab_size", 100},       {"hidden_size", 16},         {"intermediate_size", 23},
                      {"num_hidden_layers", 3},  {"num_attention_heads", 4},  {"max_position_embeddings", 12},
                      {"hidden_act", act},       {"layer_norm_eps", 1e-5},    {"eos_token_id", eos}};
  return ClipTextConfig::from_json(j);
}

torch::Tensor tiny_ids() {
  // Two prompts: bos, words, eos (99 = largest id), then padding with eos.
  return torch::tensor({{98, 5, 7, 9, 99, 99, 99, 99, 99, 99, 99, 99}, {98, 11, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
                       torch::kInt64);
}

}  // namespace

class ClipRealConfigs : public ::testing::TestWithParam<std::pair<std::string, int64_t>> {};

TEST_P(ClipRealConfigs, ParameterCountMatchesTransformers) {
  const auto path = configs_dir() / GetParam().first / "text_encoder" / "config.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no config at " << path;
  std::ifstream in(path);
  auto cfg = ClipTextConfig::from_json(nlohmann::json::parse(in));
  ClipTextModel model(cfg);
  EXPECT_EQ(count_parameters(*model), GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(Real, ClipRealConfigs,
                         ::testing::Values(std::make_pair(std::string("sd15"), int64_t{123060480}),
                                           std::make_pair(std::string("sd21-base"), int64_t{340387840})),
                         [](const auto& info) {
                           std::string s = info.param.first;
                           for (char& ch : s)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

TEST(ClipTextConfig, RejectsUnsupportedValuesNamingTheKey) {
  nlohmann::json j = {{"hidden_act", "relu"}};
  try {
    ClipTextConfig::from_json(j);
    FAIL() << "relu accepted";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::UnsupportedModel);
    EXPECT_NE(std::string(e.what()).find("hidden_act"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("relu"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ClipTextConfig::from_json({{"hidden_size", 30}, {"num_attention_heads", 4}}), rashisa::Error);
  EXPECT_THROW(ClipTextConfig::from_json({{"hidden_size", "big"}}), rashisa::Error);
}

TEST(ClipTextConfig, AbsentKeysTakeTransformersDefaults) {
  auto c = ClipTextConfig::from_json(nlohmann::json::object());
  EXPECT_EQ(c.vocab_size, 49408);
  EXPECT_EQ(c.hidden_size, 512);
  EXPECT_EQ(c.intermediate_size, 2048);
  EXPECT_EQ(c.num_hidden_layers, 12);
  EXPECT_EQ(c.num_attention_heads, 8);
  EXPECT_EQ(c.max_position_embeddings, 77);
  EXPECT_EQ(c.hidden_act, "quick_gelu");
  EXPECT_EQ(c.eos_token_id, 49407);
}

TEST(ClipTextModel, ParameterNamesAreCheckpointKeys) {
  ClipTextModel model(tiny_config());
  auto params = model->named_parameters(true);
  EXPECT_EQ(params.size(), static_cast<size_t>(2 + 16 * 3 + 2));
  for (const char* key :
       {"text_model.embeddings.token_embedding.weight", "text_model.embeddings.position_embedding.weight",
        "text_model.encoder.layers.2.self_attn.q_proj.weight", "text_model.encoder.layers.0.self_attn.out_proj.bias",
        "text_model.encoder.layers.1.layer_norm1.weight", "text_model.encoder.layers.1.mlp.fc1.bias",
        "text_model.encoder.layers.1.mlp.fc2.weight", "text_model.encoder.layers.0.layer_norm2.bias",
        "text_model.final_layer_norm.weight"})
    EXPECT_NE(params.find(key), nullptr) << key;
  EXPECT_EQ(model->named_buffers(true).size(), 0u);
  EXPECT_EQ(rashisa::ml::clip_text_ignorable_keys(), std::vector<std::string>{"text_model.embeddings.position_ids"});
}

TEST(ClipTextModel, AttentionIsCausal) {
  torch::manual_seed(1);
  for (const char* act : {"quick_gelu", "gelu"}) {
    ClipTextModel model(tiny_config(act));
    model->eval();
    torch::NoGradGuard no_grad;
    auto ids = tiny_ids();
    auto changed = ids.clone();
    changed.index_put_({0, 6}, 42);
    auto a = model->forward(ids).last_hidden_state;
    auto b = model->forward(changed).last_hidden_state;
    EXPECT_TRUE(torch::equal(a.slice(1, 0, 6), b.slice(1, 0, 6))) << act;
    EXPECT_FALSE(torch::allclose(a.slice(1, 6), b.slice(1, 6))) << act;
  }
}

TEST(ClipTextModel, HiddenStatesClipSkipAndPooling) {
  torch::manual_seed(2);
  ClipTextModel model(tiny_config());
  torch::NoGradGuard no_grad;
  auto ids = tiny_ids();
  auto out = model->forward(ids, true);
  ASSERT_EQ(out.hidden_states.size(), 4u);
  EXPECT_EQ(out.last_hidden_state.sizes(), (std::vector<int64_t>{2, 12, 16}));
  EXPECT_TRUE(torch::equal(out.last_hidden_state, model->text_model->final_layer_norm(out.hidden_states.back())));
  EXPECT_TRUE(model->forward(ids).hidden_states.empty());
  for (int k = 0; k <= 3; ++k) {
    auto skipped = model->encode_with_clip_skip(ids, k);
    auto want = model->text_model->final_layer_norm(out.hidden_states[3 - k]);
    EXPECT_TRUE(torch::allclose(skipped, want, 1e-6, 1e-6)) << "clip_skip " << k;
  }
  EXPECT_THROW(model->encode_with_clip_skip(ids, 4), rashisa::Error);
  // Legacy rule: the first position of the largest id (99 at 4 in row 0, at 2 in row 1).
  EXPECT_TRUE(torch::equal(out.pooler_output[0], out.last_hidden_state[0][4]));
  EXPECT_TRUE(torch::equal(out.pooler_output[1], out.last_hidden_state[1][2]));
}

TEST(ClipTextModel, NonLegacyEosPoolsAtFirstEos) {
  torch::manual_seed(3);
  ClipTextModel model(tiny_config("quick_gelu", 9));
  torch::NoGradGuard no_grad;
  auto out = model->forward(tiny_ids());
  EXPECT_TRUE(torch::equal(out.pooler_output[0], out.last_hidden_state[0][3]));  // id 9 at position 3
  EXPECT_TRUE(torch::equal(out.pooler_output[1], out.last_hidden_state[1][0]));  // no 9: argmax of zeros = 0
}

TEST(ClipTextModel, ForwardEmbedsMatchesForward) {
  torch::manual_seed(4);
  ClipTextModel model(tiny_config());
  torch::NoGradGuard no_grad;
  auto ids = tiny_ids();
  auto embeds = model->token_embedding_weight().index({ids});
  auto a = model->forward(ids, true);
  auto b = model->forward_embeds(embeds, ids, true);
  EXPECT_TRUE(torch::equal(a.last_hidden_state, b.last_hidden_state));
  EXPECT_TRUE(torch::equal(a.pooler_output, b.pooler_output));
  EXPECT_EQ(b.hidden_states.size(), 4u);
  EXPECT_THROW(model->forward_embeds(embeds.slice(1, 0, 5), ids), rashisa::Error);
}

TEST(ClipTextModel, ResizeKeepsRowsAndGradientsFlowToNewRow) {
  torch::manual_seed(5);
  ClipTextModel model(tiny_config());
  auto param = model->token_embedding_weight();
  auto before = param.detach().clone();
  model->resize_token_embeddings(101);
  auto after = model->token_embedding_weight();
  EXPECT_TRUE(after.is_same(param));  // same parameter object, grown in place
  ASSERT_EQ(after.size(0), 101);
  EXPECT_EQ(model->config().vocab_size, 101);
  EXPECT_TRUE(torch::equal(after.slice(0, 0, 100), before));
  EXPECT_TRUE(after.requires_grad());
  EXPECT_THROW(model->resize_token_embeddings(50), rashisa::Error);

  // The added id (100) is now the largest: legacy pooling picks its position.
  auto ids = tiny_ids();
  ids.index_put_({1, 1}, 100);
  auto out = model->forward(ids);
  EXPECT_TRUE(torch::equal(out.pooler_output[1], out.last_hidden_state[1][1]));
  out.last_hidden_state.sum().backward();
  auto grad = model->token_embedding_weight().grad();
  ASSERT_TRUE(grad.defined());
  EXPECT_GT(grad[100].abs().sum().item<double>(), 0.0);
  EXPECT_EQ(grad[50].abs().sum().item<double>(), 0.0);
}
