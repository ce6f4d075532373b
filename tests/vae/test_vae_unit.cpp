// AutoencoderKL without weights: config parsing, parameter names and counts, shapes.
#include "engine/core/error.h"
#include "engine/ml/vae/autoencoder_kl.h"
#include "tests/unet/model_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace {

namespace rt = rashisa::testing;
namespace ml = rashisa::ml;
using nlohmann::json;

json tiny_config() {
  return json{{"block_out_channels", {8, 16}},
              {"down_block_types", {"DownEncoderBlock2D", "DownEncoderBlock2D"}},
              {"up_block_types", {"UpDecoderBlock2D", "UpDecoderBlock2D"}},
              {"layers_per_block", 1},
              {"norm_num_groups", 4},
              {"latent_channels", 4}};
}

json sd_vae_config(const char* model) {
  const auto dir = rt::shared_configs_dir();
  if (dir.empty()) return {};
  return rt::read_json_file(dir / model / "vae" / "config.json");
}

TEST(VaeConfig, ReadsSdConfigsWithDefaults) {
  auto j15 = sd_vae_config("sd15");
  auto j21 = sd_vae_config("sd21-base");
  if (j15.is_null() || j21.is_null()) GTEST_SKIP() << "shared/configs not found";
  auto c15 = ml::VaeConfig::from_json(j15);
  EXPECT_DOUBLE_EQ(c15.scaling_factor, 0.18215);
  EXPECT_EQ(c15.block_out_channels, (std::vector<int64_t>{128, 256, 512, 512}));
  EXPECT_EQ(c15.layers_per_block, 2);
  auto c21 = ml::VaeConfig::from_json(j21);  // has no scaling_factor key
  EXPECT_DOUBLE_EQ(c21.scaling_factor, 0.18215);
  EXPECT_TRUE(c21.force_upcast);
  EXPECT_TRUE(c21.mid_block_add_attention);
}

TEST(VaeConfig, RejectsWhatSdDoesNotUse) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{
           {"shift_factor", 0.1159},
           {"latents_mean", json{0.1, 0.2, 0.3, 0.4}},
           {"act_fn", "gelu"},
           {"down_block_types", json{"DownEncoderBlock2D", "AttnDownEncoderBlock2D"}},
           {"_class_name", "AutoencoderTiny"}}) {
    auto j = tiny_config();
    j[key] = value;
    try {
      ml::VaeConfig::from_json(j);
      ADD_FAILURE() << key << " accepted";
    } catch (const rashisa::Error& e) {
      EXPECT_EQ(e.code(), rashisa::ErrorCode::UnsupportedModel) << e.what();
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  }
  auto j = tiny_config();
  j["shift_factor"] = nullptr;
  EXPECT_NO_THROW(ml::VaeConfig::from_json(j));
}

TEST(VaeModule, FullSizeParameterCount) {
  for (const char* model : {"sd15", "sd21-base"}) {
    auto j = sd_vae_config(model);
    if (j.is_null()) GTEST_SKIP() << "shared/configs not found";
    torch::NoGradGuard no_grad;
    ml::AutoencoderKL vae(ml::VaeConfig::from_json(j));
    EXPECT_EQ(rt::count_parameters(*vae), 83653863) << model;
  }
}

TEST(VaeModule, ParameterNamesAndShapes) {
  ml::AutoencoderKL vae(ml::VaeConfig::from_json(tiny_config()));
  auto p = vae->named_parameters();
  for (const char* key : {"encoder.conv_in.weight", "encoder.down_blocks.0.downsamplers.0.conv.weight",
                          "encoder.mid_block.attentions.0.group_norm.weight", "encoder.mid_block.attentions.0.to_q.bias",
                          "encoder.mid_block.attentions.0.to_out.0.weight", "encoder.mid_block.resnets.1.conv2.weight",
                          "encoder.conv_norm_out.weight", "quant_conv.weight", "post_quant_conv.bias",
                          "decoder.up_blocks.0.upsamplers.0.conv.weight", "decoder.up_blocks.1.resnets.0.conv_shortcut.weight",
                          "decoder.up_blocks.1.resnets.1.norm1.weight", "decoder.conv_out.bias"}) {
    EXPECT_TRUE(p.contains(key)) << key;
  }
  EXPECT_FALSE(p.contains("encoder.down_blocks.1.downsamplers.0.conv.weight"));
  EXPECT_FALSE(p.contains("decoder.up_blocks.1.upsamplers.0.conv.weight"));
  EXPECT_EQ(p["encoder.conv_out.weight"].size(0), 8);  // mean and logvar

  torch::manual_seed(0);
  torch::NoGradGuard no_grad;
  auto image = torch::rand({2, 3, 16, 24}) * 2 - 1;
  auto dist = vae->encode(image);
  EXPECT_EQ(dist.mean.sizes(), (std::vector<int64_t>{2, 4, 8, 12}));
  EXPECT_TRUE(dist.logvar.le(20).all().item<bool>());
  EXPECT_TRUE(torch::allclose(dist.std, torch::exp(0.5 * dist.logvar)));
  auto eps = torch::randn_like(dist.mean);
  EXPECT_TRUE(torch::allclose(dist.sample(eps), dist.mean + dist.std * eps));
  EXPECT_EQ(vae->decode(dist.mean).sizes(), image.sizes());
  EXPECT_THROW(vae->decode(torch::zeros({1, 3, 4, 4})), rashisa::Error);
}

}  // namespace
