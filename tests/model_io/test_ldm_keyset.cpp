// The LDM -> diffusers conversion maps a complete SD-shaped key set one-to-one: every
// diffusers key of the reference models (same block structure as SD 1.5 / 2.1), named
// the LDM way by an independent inverse table, converts back to itself. The configs
// synthesised from those shapes match the reference models' configs wherever shapes
// determine the value.
#include "engine/model_io/diffusers_folder.h"
#include "engine/model_io/ldm_configs.h"
#include "engine/model_io/ldm_names.h"
#include "tests/model_io/ldm_inverse.h"
#include "tests/model_io/ref_models.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mio = rashisa::model_io;
namespace rt = rashisa::testing;

namespace {

using rt::RefModel;

class LdmKeyset : public ::testing::TestWithParam<RefModel> {};

}  // namespace

TEST_P(LdmKeyset, ConversionIsOneToOneOntoTheDiffusersKeys) {
  const auto folder = mio::DiffusersFolder::open(GetParam().dir);
  const auto unet = mio::load_component_weights(folder.unet);
  const auto vae = mio::load_component_weights(folder.vae);
  const int lpb = folder.unet.config.at("layers_per_block").get<int>();
  const int levels = static_cast<int>(folder.vae.config.at("block_out_channels").size());
  const auto up_att = rt::up_blocks_with_attention(unet);

  std::set<std::string> ldm_names;
  for (const auto& [key, t] : unet) {
    const std::string ldm = rt::unet_to_ldm(key, lpb, up_att);
    EXPECT_TRUE(ldm_names.insert(ldm).second) << "two UNet keys share " << ldm;
    const auto back = mio::ldm_unet_key_to_diffusers(ldm, lpb);
    ASSERT_TRUE(back.has_value()) << ldm << " (from " << key << ") does not convert";
    EXPECT_EQ(*back, key) << ldm;
  }
  for (const auto& [key, t] : vae) {
    const std::string ldm = rt::vae_to_ldm(key, levels);
    EXPECT_TRUE(ldm_names.insert(ldm).second) << "two VAE keys share " << ldm;
    const auto back = mio::ldm_vae_key_to_diffusers(ldm, levels);
    ASSERT_TRUE(back.has_value()) << ldm << " (from " << key << ") does not convert";
    EXPECT_EQ(*back, key) << ldm;
  }
  EXPECT_EQ(ldm_names.size(), unet.size() + vae.size());
}

TEST_P(LdmKeyset, SynthesisedConfigsMatchTheReferenceConfigsWhereShapesTell) {
  const auto folder = mio::DiffusersFolder::open(GetParam().dir);
  const auto unet = mio::load_component_weights(folder.unet);
  const auto vae = mio::load_component_weights(folder.vae);
  const auto text = mio::load_component_weights(folder.text_encoder);
  // OpenCLIP (SD 2.x) is the gelu text tower; CLIP ViT-L (SD 1.x) uses quick_gelu.
  const bool sd2 = folder.text_encoder.config.at("hidden_act") == "gelu";
  const auto ldm = rt::make_ldm_checkpoint(unet, vae, text, folder.unet.config.at("layers_per_block").get<int>(),
                                           static_cast<int>(folder.vae.config.at("block_out_channels").size()), sd2);
  mio::ShapeMap shapes;
  for (const auto& [k, t] : ldm) shapes[k] = t.sizes().vec();

  const auto family = mio::detect_sd_family(shapes);
  EXPECT_EQ(family, sd2 ? mio::SdFamily::SD2 : mio::SdFamily::SD1);
  const auto u = mio::synthesize_unet_config(shapes, family, false);
  for (const char* k : {"in_channels", "out_channels", "block_out_channels", "layers_per_block", "cross_attention_dim",
                        "down_block_types", "up_block_types", "use_linear_projection"})
    EXPECT_EQ(u.at(k), folder.unet.config.at(k)) << "unet " << k;
  const auto v = mio::synthesize_vae_config(shapes, family);
  for (const char* k : {"in_channels", "out_channels", "latent_channels", "block_out_channels", "layers_per_block",
                        "down_block_types", "up_block_types"})
    EXPECT_EQ(v.at(k), folder.vae.config.at(k)) << "vae " << k;
  const auto t = mio::synthesize_text_encoder_config(shapes, family);
  for (const char* k : {"hidden_size", "intermediate_size", "num_hidden_layers", "vocab_size", "max_position_embeddings",
                        "hidden_act"})
    EXPECT_EQ(t.at(k), folder.text_encoder.config.at(k)) << "text_encoder " << k;
}

INSTANTIATE_TEST_SUITE_P(Ref, LdmKeyset, ::testing::ValuesIn(rt::reference_models()), rt::model_test_name);
