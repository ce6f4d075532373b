// Family detection and config synthesis from checkpoint shapes, without weights: the
// shapes of full-size SD 1.5 / SD 2.1-base checkpoints must give exactly the release
// config.json files in ../shared/configs.
#include "engine/model_io/ldm_checkpoint.h"
#include "engine/model_io/ldm_configs.h"

#include "engine/core/error.h"
#include "engine/model_io/diffusers_folder.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace mio = rashisa::model_io;
namespace fs = std::filesystem;
using mio::ShapeMap;
using mio::SdFamily;

namespace {

const std::string U = "model.diffusion_model.";
const std::string V = "first_stage_model.";

// The tensors the synthesis reads, with the shapes of the public releases
// (v1-inference.yaml / v2-inference.yaml: model_channels 320, channel_mult 1,2,4,4,
// num_res_blocks 2, attention at the first three levels; VAE ch 128, ch_mult 1,2,4,4).
ShapeMap full_size(SdFamily family) {
  const bool sd2 = family == SdFamily::SD2;
  const std::int64_t ctx = sd2 ? 1024 : 768;
  const std::int64_t ch[] = {320, 640, 1280, 1280};
  ShapeMap s;
  s[U + "input_blocks.0.0.weight"] = {320, 4, 3, 3};
  s[U + "out.2.weight"] = {4, 320, 3, 3};
  for (int b = 0; b < 4; ++b) {
    const int first = 1 + 3 * b;
    for (int l = 0; l < 2; ++l) {
      const std::string res = U + "input_blocks." + std::to_string(first + l) + ".";
      s[res + "0.out_layers.3.weight"] = {ch[b], ch[b], 3, 3};
      if (b < 3) {
        s[res + "1.proj_in.weight"] = sd2 ? std::vector<std::int64_t>{ch[b], ch[b]} : std::vector<std::int64_t>{ch[b], ch[b], 1, 1};
        s[res + "1.transformer_blocks.0.norm1.weight"] = {ch[b]};
        s[res + "1.transformer_blocks.0.attn2.to_k.weight"] = {ch[b], ctx};
      }
    }
    if (b < 3) s[U + "input_blocks." + std::to_string(first + 2) + ".0.op.weight"] = {ch[b], ch[b], 3, 3};
    if (b > 0) s[U + "output_blocks." + std::to_string(3 * b) + ".1.proj_in.weight"] = {ch[3 - b], ch[3 - b]};
  }
  s[U + "middle_block.1.proj_in.weight"] = {1280, 1280};

  const std::int64_t vch[] = {128, 256, 512, 512};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 2; ++j)
      s[V + "encoder.down." + std::to_string(i) + ".block." + std::to_string(j) + ".conv1.weight"] = {vch[i], i ? vch[i - 1] : 128, 3, 3};
  s[V + "encoder.conv_in.weight"] = {128, 3, 3, 3};
  s[V + "decoder.conv_out.weight"] = {3, 128, 3, 3};
  s[V + "post_quant_conv.weight"] = {4, 4, 1, 1};

  if (!sd2) {
    const std::string t = "cond_stage_model.transformer.text_model.";
    s[t + "embeddings.token_embedding.weight"] = {49408, 768};
    s[t + "embeddings.position_embedding.weight"] = {77, 768};
    for (int l = 0; l < 12; ++l) s[t + "encoder.layers." + std::to_string(l) + ".mlp.fc1.weight"] = {3072, 768};
  } else {
    const std::string t = "cond_stage_model.model.";
    s[t + "token_embedding.weight"] = {49408, 1024};
    s[t + "positional_embedding"] = {77, 1024};
    for (int l = 0; l < 24; ++l) s[t + "transformer.resblocks." + std::to_string(l) + ".mlp.c_fc.weight"] = {4096, 1024};
  }
  return s;
}

fs::path configs_dir() { return fs::path(RASHISA_CONFIGS_DIR); }

void expect_unsupported(const ShapeMap& s, const std::string& says) {
  try {
    mio::detect_sd_family(s);
    ADD_FAILURE() << "detected a family; expected: " << says;
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::UnsupportedModel) << e.what();
    EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
  }
}

}  // namespace

TEST(LdmConfigs, ReleaseConfigsAreTheSharedFiles) {
  if (!fs::exists(configs_dir())) GTEST_SKIP() << "no " << configs_dir();
  const std::pair<SdFamily, const char*> families[] = {{SdFamily::SD1, "sd15"}, {SdFamily::SD2, "sd21-base"}};
  for (const auto& [family, folder] : families) {
    EXPECT_EQ(mio::release_config(family, "unet"), mio::read_json_file(configs_dir() / folder / "unet/config.json"));
    EXPECT_EQ(mio::release_config(family, "vae"), mio::read_json_file(configs_dir() / folder / "vae/config.json"));
    EXPECT_EQ(mio::release_config(family, "text_encoder"),
              mio::read_json_file(configs_dir() / folder / "text_encoder/config.json"));
    EXPECT_EQ(mio::release_config(family, "scheduler"),
              mio::read_json_file(configs_dir() / folder / "scheduler/scheduler_config.json"));
  }
}

TEST(LdmConfigs, FullSizeShapesGiveTheReleaseConfigsExactly) {
  for (SdFamily family : {SdFamily::SD1, SdFamily::SD2}) {
    const ShapeMap s = full_size(family);
    ASSERT_EQ(mio::detect_sd_family(s), family);
    EXPECT_EQ(mio::ldm_unet_layers_per_block(s), 2);
    EXPECT_EQ(mio::ldm_vae_levels(s), 4);
    EXPECT_EQ(mio::synthesize_unet_config(s, family, false), mio::release_config(family, "unet"))
        << mio::synthesize_unet_config(s, family, false).dump(1);
    EXPECT_EQ(mio::synthesize_vae_config(s, family), mio::release_config(family, "vae"));
    EXPECT_EQ(mio::synthesize_text_encoder_config(s, family), mio::release_config(family, "text_encoder"))
        << mio::synthesize_text_encoder_config(s, family).dump(1);
    EXPECT_EQ(mio::synthesize_scheduler_config(family, false), mio::release_config(family, "scheduler"));
  }
}

TEST(LdmConfigs, VPredictionChangesOnlyWhatThe768ReleaseChanges) {
  const ShapeMap s = full_size(SdFamily::SD2);
  auto unet = mio::synthesize_unet_config(s, SdFamily::SD2, true);
  EXPECT_EQ(unet["sample_size"], 96);
  EXPECT_EQ(unet["upcast_attention"], true);
  unet.erase("upcast_attention");
  unet["sample_size"] = 64;
  EXPECT_EQ(unet, mio::release_config(SdFamily::SD2, "unet"));
  EXPECT_EQ(mio::synthesize_scheduler_config(SdFamily::SD2, true)["prediction_type"], "v_prediction");
  EXPECT_EQ(mio::synthesize_scheduler_config(SdFamily::SD1, false)["prediction_type"], "epsilon");
}

TEST(LdmConfigs, ShapesThatDifferFromTheReleaseAreFollowed) {
  ShapeMap s = full_size(SdFamily::SD1);
  s[U + "input_blocks.1.1.transformer_blocks.1.norm1.weight"] = {320};
  s[V + "post_quant_conv.weight"] = {16, 16, 1, 1};
  s.erase("cond_stage_model.transformer.text_model.encoder.layers.11.mlp.fc1.weight");
  EXPECT_EQ(mio::synthesize_unet_config(s, SdFamily::SD1, false)["transformer_layers_per_block"], 2);
  EXPECT_EQ(mio::synthesize_vae_config(s, SdFamily::SD1)["latent_channels"], 16);
  EXPECT_EQ(mio::synthesize_text_encoder_config(s, SdFamily::SD1)["num_hidden_layers"], 11);
}

TEST(LdmConfigs, DetectionRefusesOtherModels) {
  ShapeMap xl = full_size(SdFamily::SD1);
  xl["conditioner.embedders.1.model.transformer.resblocks.9.mlp.c_proj.bias"] = {1280};
  expect_unsupported(xl, "XL");
  expect_unsupported({{"lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight", {4, 320}}}, "LoRA");
  expect_unsupported({{"encoder.conv_in.weight", {128, 3, 3, 3}}, {"decoder.conv_in.weight", {512, 4, 3, 3}}}, "VAE");
  expect_unsupported({{"emb_params", {1, 768}}}, "embedding");
  expect_unsupported({{"foo", {1}}}, "not a Stable Diffusion");

  ShapeMap mixed = full_size(SdFamily::SD1);
  for (auto it = mixed.begin(); it != mixed.end();)
    it = it->first.rfind("cond_stage_model.", 0) == 0 ? mixed.erase(it) : std::next(it);
  mixed["cond_stage_model.model.token_embedding.weight"] = {49408, 1024};
  expect_unsupported(mixed, "OpenCLIP");

  ShapeMap odd = full_size(SdFamily::SD1);
  odd[U + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight"] = {320, 512};
  expect_unsupported(odd, "512");
  odd["cond_stage_model.transformer.text_model.embeddings.token_embedding.weight"] = {49408, 512};
  EXPECT_EQ(mio::detect_sd_family(odd), SdFamily::SD1) << "a reduced model of the SD 1 design";

  ShapeMap no_attention = full_size(SdFamily::SD2);
  no_attention.erase(U + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight");
  expect_unsupported(no_attention, "cross-attention");
}

TEST(LdmConfigs, VPredictionGuess) {
  EXPECT_FALSE(mio::guess_v_prediction(SdFamily::SD2, "v2-1_512-ema-pruned.safetensors", {}));
  EXPECT_TRUE(mio::guess_v_prediction(SdFamily::SD2, "v2-1_768-ema-pruned.safetensors", {}));
  EXPECT_TRUE(mio::guess_v_prediction(SdFamily::SD2, "/models/768-v-ema.safetensors", {}));
  EXPECT_FALSE(mio::guess_v_prediction(SdFamily::SD1, "sd15-768.safetensors", {}));
  EXPECT_TRUE(mio::guess_v_prediction(SdFamily::SD2, "model.safetensors", {{"modelspec.prediction_type", "v"}}));
  EXPECT_FALSE(mio::guess_v_prediction(SdFamily::SD2, "x768.safetensors", {{"modelspec.prediction_type", "epsilon"}}));
  EXPECT_TRUE(mio::guess_v_prediction(SdFamily::SD2, "model.safetensors", {{"ss_v_parameterization", "True"}}));
  EXPECT_TRUE(
      mio::guess_v_prediction(SdFamily::SD2, "model.safetensors", {{"modelspec.architecture", "stable-diffusion-v2-768-v"}}));
}
