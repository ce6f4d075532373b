// Strict state-dict application, parameter summaries and legacy VAE key upgrades.
#include "engine/model_io/state_dict.h"

#include "engine/core/error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mio = rashisa::model_io;

namespace {

// Children named like diffusers modules: a ModuleList, a conv, a norm with buffers.
struct ToyImpl : torch::nn::Module {
  ToyImpl() {
    to_out = register_module("to_out", torch::nn::ModuleList(torch::nn::Linear(4, 3), torch::nn::Dropout(0.0)));
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 2, 1)));
    norm = register_module("norm", torch::nn::BatchNorm1d(3));
  }
  torch::nn::ModuleList to_out{nullptr};
  torch::nn::Conv2d conv{nullptr};
  torch::nn::BatchNorm1d norm{nullptr};
};
TORCH_MODULE(Toy);

std::map<std::string, torch::Tensor> full_state(torch::Dtype dtype = torch::kFloat32) {
  std::map<std::string, torch::Tensor> s;
  Toy reference;
  for (const auto& p : reference->named_parameters()) s[p.key()] = torch::randn(p.value().sizes()).to(dtype);
  for (const auto& b : reference->named_buffers()) s[b.key()] = (b.value() + 3).to(b.value().scalar_type());
  return s;
}

std::string mismatch_message(Toy& toy, const std::map<std::string, torch::Tensor>& state,
                             const std::vector<std::string>& ignore = {}) {
  try {
    mio::load_state_dict(*toy, state, "toy.safetensors", ignore);
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::ModelMismatch);
    return e.what();
  }
  ADD_FAILURE() << "load_state_dict accepted a mismatching state";
  return {};
}

}  // namespace

TEST(StateDict, CopiesEveryParameterAndBufferConvertingDtype) {
  Toy toy;
  const auto state = full_state(torch::kFloat16);
  mio::load_state_dict(*toy, state, "toy");
  for (const auto& p : toy->named_parameters()) {
    EXPECT_EQ(p.value().scalar_type(), torch::kFloat32) << p.key();
    EXPECT_TRUE(torch::equal(p.value(), state.at(p.key()).to(torch::kFloat32))) << p.key();
    EXPECT_TRUE(p.value().requires_grad()) << p.key();
  }
  EXPECT_TRUE(torch::equal(toy->norm->running_mean, state.at("norm.running_mean")));
  EXPECT_EQ(toy->norm->num_batches_tracked.item<int64_t>(), 3);
  EXPECT_TRUE(state.count("to_out.0.weight"));
}

TEST(StateDict, ReportsMissingUnexpectedAndMisshapedTogetherAndCopiesNothing) {
  Toy toy;
  const auto before = toy->to_out[0]->as<torch::nn::Linear>()->weight.clone();
  auto state = full_state();
  state.erase("conv.bias");
  state["conv.weight"] = torch::zeros({2, 3, 3, 3});
  state["extra.weight"] = torch::zeros({1});
  const std::string msg = mismatch_message(toy, state);
  EXPECT_NE(msg.find("toy.safetensors"), std::string::npos) << msg;
  EXPECT_NE(msg.find("conv.bias"), std::string::npos) << msg;
  EXPECT_NE(msg.find("extra.weight"), std::string::npos) << msg;
  EXPECT_NE(msg.find("conv.weight (file [2, 3, 3, 3], model [2, 3, 1, 1])"), std::string::npos) << msg;
  EXPECT_TRUE(torch::equal(toy->to_out[0]->as<torch::nn::Linear>()->weight, before)) << "nothing may be copied";
}

TEST(StateDict, IgnoresUnexpectedKeysMatchingThePatterns) {
  Toy toy;
  auto state = full_state();
  state["text_model.embeddings.position_ids"] = torch::arange(77).unsqueeze(0);
  EXPECT_NO_THROW(mio::load_state_dict(*toy, state, "toy", {"text_model\\.embeddings\\.position_ids"}));
  state["other.position_ids"] = torch::zeros({1});
  const std::string msg = mismatch_message(toy, state, {"^text_model\\.embeddings\\.position_ids$"});
  EXPECT_NE(msg.find("other.position_ids"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("text_model.embeddings.position_ids"), std::string::npos) << msg;
}

TEST(StateDict, LongListsAreCutWithACount) {
  Toy toy;
  auto state = full_state();
  for (int i = 0; i < 45; ++i) state["junk." + std::to_string(100 + i)] = torch::zeros({1});
  const std::string msg = mismatch_message(toy, state);
  EXPECT_NE(msg.find("(45)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("and 25 more"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("junk.144"), std::string::npos) << msg;
}

TEST(StateDict, SummaryCountsElementsPerDtype) {
  const auto s = mio::summarize({{"a", torch::zeros({2, 3})},
                                 {"b", torch::zeros({4}, torch::kFloat16)},
                                 {"c", torch::zeros({5}, torch::kFloat16)},
                                 {"d", torch::zeros({1}, torch::kInt64)}});
  EXPECT_EQ(s.count, 16);
  EXPECT_EQ(s.by_dtype.at("F32"), 6);
  EXPECT_EQ(s.by_dtype.at("F16"), 9);
  EXPECT_EQ(s.by_dtype.at("I64"), 1);
}

TEST(StateDict, UpgradesLegacyVaeAttentionNamesAndShapes) {
  std::map<std::string, torch::Tensor> s = {
      {"encoder.mid_block.attentions.0.query.weight", torch::randn({8, 8})},
      {"encoder.mid_block.attentions.0.query.bias", torch::randn({8})},
      {"encoder.mid_block.attentions.0.key.weight", torch::randn({8, 8, 1, 1})},
      {"encoder.mid_block.attentions.0.value.weight", torch::randn({8, 8})},
      {"encoder.mid_block.attentions.0.proj_attn.weight", torch::randn({8, 8, 1})},
      {"encoder.mid_block.attentions.0.proj_attn.bias", torch::randn({8})},
      {"decoder.mid_block.attentions.0.to_q.weight", torch::randn({8, 8, 1, 1})},
      {"decoder.mid_block.attentions.0.group_norm.weight", torch::randn({8})},
      {"decoder.conv_in.weight", torch::randn({8, 4, 3, 3})},
      {"decoder.up_blocks.0.resnets.0.conv_shortcut.weight", torch::randn({8, 8, 1, 1})},
  };
  const auto key = s.at("encoder.mid_block.attentions.0.key.weight").clone();
  mio::upgrade_legacy_vae_keys(s);
  EXPECT_EQ(s.size(), 10u);
  EXPECT_TRUE(s.count("encoder.mid_block.attentions.0.to_q.weight"));
  EXPECT_TRUE(s.count("encoder.mid_block.attentions.0.to_q.bias"));
  EXPECT_TRUE(s.count("encoder.mid_block.attentions.0.to_v.weight"));
  EXPECT_TRUE(s.count("encoder.mid_block.attentions.0.to_out.0.bias"));
  EXPECT_EQ(s.at("encoder.mid_block.attentions.0.to_k.weight").sizes(), (std::vector<int64_t>{8, 8}));
  EXPECT_TRUE(torch::equal(s.at("encoder.mid_block.attentions.0.to_k.weight"), key.reshape({8, 8})));
  EXPECT_EQ(s.at("encoder.mid_block.attentions.0.to_out.0.weight").dim(), 2);
  EXPECT_EQ(s.at("decoder.mid_block.attentions.0.to_q.weight").dim(), 2);
  EXPECT_EQ(s.at("decoder.conv_in.weight").dim(), 4);
  EXPECT_EQ(s.at("decoder.up_blocks.0.resnets.0.conv_shortcut.weight").dim(), 4) << "only attention projections";
  EXPECT_TRUE(s.count("decoder.mid_block.attentions.0.group_norm.weight"));
}

TEST(StateDict, LegacyAndNewNameTogetherIsAnError) {
  std::map<std::string, torch::Tensor> s = {{"encoder.mid_block.attentions.0.query.weight", torch::zeros({2, 2})},
                                            {"encoder.mid_block.attentions.0.to_q.weight", torch::zeros({2, 2})}};
  EXPECT_THROW(mio::upgrade_legacy_vae_keys(s), rashisa::Error);
}
