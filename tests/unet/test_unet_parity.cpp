// UNet2DConditionModel against the diffusers goldens (kind "unet").
#include "engine/ml/unet/unet.h"
#include "tests/support/reference.h"
#include "tests/support/test_device.h"
#include "tests/unet/model_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>

namespace {

using rashisa::testing::RefCase;
namespace rt = rashisa::testing;
namespace ml = rashisa::ml;

const std::string kProbsPrefix = "attn2_probs.";

class UNetParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(UNetParity, MatchesReference) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const torch::Device dev = rt::test_device();
  auto golden = rt::load_case(c);
  const auto dir = c.model_dir() / "unet";
  auto config = ml::UNetConfig::from_json(rt::read_json_file(dir / "config.json"));
  ml::UNet2DConditionModel unet(config);
  rt::load_weights(*unet, dir / "diffusion_pytorch_model.safetensors");
  unet->to(dev);
  unet->eval();

  std::map<std::string, torch::Tensor> probs;  // head-averaged [B, HW, 77]
  ml::UNetForwardContext ctx;
  ctx.attn2_probs_sink = [&](const std::string& name, const torch::Tensor& p) {
    EXPECT_EQ(p.dim(), 4) << name;
    EXPECT_EQ(p.scalar_type(), torch::kFloat32) << name;
    EXPECT_TRUE(probs.emplace(name, p.mean(1)).second) << "sink called twice for " << name;
  };
  torch::NoGradGuard no_grad;
  auto out = unet->forward(golden.at("sample").to(dev), golden.at("timestep").to(dev),
                           golden.at("encoder_hidden_states").to(dev), &ctx)
                 .cpu();
  EXPECT_TRUE(rt::matches_reference(c, "out_sample", out, golden));

  // Every cross-attention layer is reported (one per transformer block).
  int64_t transformers = 0;
  for (const auto& item : unet->named_modules()) {
    if (item.value()->as<ml::BasicTransformerBlockImpl>()) ++transformers;
  }
  EXPECT_EQ(static_cast<int64_t>(probs.size()), transformers);

  int checked = 0;
  double worst_probs = 0.0;
  for (const auto& [name, t] : golden) {
    if (name.rfind(kProbsPrefix, 0) != 0) continue;
    const std::string layer = name.substr(kProbsPrefix.size());
    auto it = probs.find(layer);
    ASSERT_NE(it, probs.end()) << "no probabilities reported for " << layer;
    EXPECT_TRUE(rt::matches_reference(c, name, it->second, golden));
    worst_probs = std::max(worst_probs, (it->second.cpu() - t).abs().max().item<double>());
    ++checked;
  }
  std::cout << c.name << ": out_sample max |err| " << (out - golden.at("out_sample")).abs().max().item<double>()
            << "; " << checked << " attn2_probs tensors, max |err| " << worst_probs << "\n";
}

TEST_P(UNetParity, FusedPathMatchesWithoutSink) {
  // Without a sink the attention may take the fused kernel; the output must not change.
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const torch::Device dev = rt::test_device();
  auto golden = rt::load_case(c);
  const auto dir = c.model_dir() / "unet";
  ml::UNet2DConditionModel unet(ml::UNetConfig::from_json(rt::read_json_file(dir / "config.json")));
  rt::load_weights(*unet, dir / "diffusion_pytorch_model.safetensors");
  unet->to(dev);
  torch::NoGradGuard no_grad;
  auto out = unet->forward(golden.at("sample").to(dev), golden.at("timestep").to(dev),
                           golden.at("encoder_hidden_states").to(dev));
  EXPECT_TRUE(rt::matches_reference(c, "out_sample", out, golden));
}

INSTANTIATE_TEST_SUITE_P(Ref, UNetParity, ::testing::ValuesIn(rt::cases_of_kind("unet")), rt::case_test_name);

}  // namespace
