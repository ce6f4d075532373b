// LDM -> diffusers name conversion, checked against pairs read off the diffusers
// conversion script for the real SD 1.5/2.1 layout (layers_per_block 2, 4 levels).
// Ref: diffusers/scripts/convert_original_stable_diffusion_to_diffusers.py,
//      diffusers/src/diffusers/pipelines/stable_diffusion/convert_from_ckpt.py
#include "engine/model_io/ldm_names.h"

#include <gtest/gtest.h>

namespace mio = rashisa::model_io;

namespace {
const std::string U = "model.diffusion_model.";
const std::string V = "first_stage_model.";
}  // namespace

TEST(LdmNames, UnetKnownPairs) {
  const std::pair<std::string, std::string> pairs[] = {
      {"time_embed.0.weight", "time_embedding.linear_1.weight"},
      {"time_embed.2.bias", "time_embedding.linear_2.bias"},
      {"input_blocks.0.0.weight", "conv_in.weight"},
      {"input_blocks.1.0.in_layers.0.weight", "down_blocks.0.resnets.0.norm1.weight"},
      {"input_blocks.1.0.in_layers.2.weight", "down_blocks.0.resnets.0.conv1.weight"},
      {"input_blocks.1.0.emb_layers.1.weight", "down_blocks.0.resnets.0.time_emb_proj.weight"},
      {"input_blocks.1.0.out_layers.0.bias", "down_blocks.0.resnets.0.norm2.bias"},
      {"input_blocks.1.0.out_layers.3.weight", "down_blocks.0.resnets.0.conv2.weight"},
      {"input_blocks.1.1.proj_in.weight", "down_blocks.0.attentions.0.proj_in.weight"},
      {"input_blocks.2.1.transformer_blocks.0.attn1.to_q.weight",
       "down_blocks.0.attentions.1.transformer_blocks.0.attn1.to_q.weight"},
      {"input_blocks.3.0.op.weight", "down_blocks.0.downsamplers.0.conv.weight"},
      {"input_blocks.4.0.skip_connection.weight", "down_blocks.1.resnets.0.conv_shortcut.weight"},
      {"input_blocks.5.1.transformer_blocks.0.attn2.to_k.weight",
       "down_blocks.1.attentions.1.transformer_blocks.0.attn2.to_k.weight"},
      {"input_blocks.6.0.op.bias", "down_blocks.1.downsamplers.0.conv.bias"},
      {"input_blocks.7.1.transformer_blocks.0.attn2.to_out.0.bias",
       "down_blocks.2.attentions.0.transformer_blocks.0.attn2.to_out.0.bias"},
      {"input_blocks.8.1.transformer_blocks.0.ff.net.0.proj.weight",
       "down_blocks.2.attentions.1.transformer_blocks.0.ff.net.0.proj.weight"},
      {"input_blocks.9.0.op.weight", "down_blocks.2.downsamplers.0.conv.weight"},
      {"input_blocks.11.0.out_layers.3.weight", "down_blocks.3.resnets.1.conv2.weight"},
      {"middle_block.0.in_layers.0.weight", "mid_block.resnets.0.norm1.weight"},
      {"middle_block.1.transformer_blocks.0.attn1.to_q.weight",
       "mid_block.attentions.0.transformer_blocks.0.attn1.to_q.weight"},
      {"middle_block.1.proj_out.bias", "mid_block.attentions.0.proj_out.bias"},
      {"middle_block.2.emb_layers.1.bias", "mid_block.resnets.1.time_emb_proj.bias"},
      {"output_blocks.0.0.skip_connection.weight", "up_blocks.0.resnets.0.conv_shortcut.weight"},
      {"output_blocks.2.1.conv.weight", "up_blocks.0.upsamplers.0.conv.weight"},
      {"output_blocks.3.1.norm.weight", "up_blocks.1.attentions.0.norm.weight"},
      {"output_blocks.5.2.conv.bias", "up_blocks.1.upsamplers.0.conv.bias"},
      {"output_blocks.6.1.transformer_blocks.0.ff.net.2.weight",
       "up_blocks.2.attentions.0.transformer_blocks.0.ff.net.2.weight"},
      {"output_blocks.8.1.transformer_blocks.0.norm3.weight",
       "up_blocks.2.attentions.2.transformer_blocks.0.norm3.weight"},
      {"output_blocks.11.0.in_layers.2.weight", "up_blocks.3.resnets.2.conv1.weight"},
      {"output_blocks.11.1.proj_out.weight", "up_blocks.3.attentions.2.proj_out.weight"},
      {"out.0.weight", "conv_norm_out.weight"},
      {"out.2.bias", "conv_out.bias"},
  };
  for (const auto& [ldm, diffusers] : pairs) {
    const auto got = mio::ldm_unet_key_to_diffusers(U + ldm, 2);
    ASSERT_TRUE(got.has_value()) << ldm;
    EXPECT_EQ(*got, diffusers) << ldm;
  }
}

TEST(LdmNames, UnetRejectsWhatTheUnetDoesNotHave) {
  for (const std::string bad : {
           "input_blocks.3.0.in_layers.0.weight",   // the downsampler slot holds no resnet
           "input_blocks.1.0.op.weight",            // and a resnet slot no downsampler
           "output_blocks.1.1.conv.weight",         // upsamplers close a level only
           "output_blocks.2.3.conv.weight",
           "input_blocks.01.0.in_layers.0.weight",  // non-canonical index
           "label_emb.0.0.weight",                  // class-conditional models
           "input_blocks.1.1.transformer_blocks.0.attn1.to_x.weight",
           "input_blocks.1.1.transformer_blocks.0.norm4.weight",
           "input_blocks.1.0.in_layers.1.weight",
           "middle_block.3.in_layers.0.weight",
           "time_embed.1.weight",
           "input_blocks.1.1.proj_in",
       })
    EXPECT_FALSE(mio::ldm_unet_key_to_diffusers(U + bad, 2).has_value()) << bad;
  EXPECT_FALSE(mio::ldm_unet_key_to_diffusers("input_blocks.0.0.weight", 2).has_value()) << "needs the prefix";
  EXPECT_FALSE(mio::ldm_unet_key_to_diffusers(V + "encoder.conv_in.weight", 2).has_value());
  // layers_per_block moves the level boundaries.
  EXPECT_EQ(*mio::ldm_unet_key_to_diffusers(U + "input_blocks.2.0.op.weight", 1), "down_blocks.0.downsamplers.0.conv.weight");
  EXPECT_EQ(*mio::ldm_unet_key_to_diffusers(U + "output_blocks.3.0.in_layers.0.weight", 1),
            "up_blocks.1.resnets.1.norm1.weight");
}

TEST(LdmNames, VaeKnownPairs) {
  const std::pair<std::string, std::string> pairs[] = {
      {"encoder.conv_in.weight", "encoder.conv_in.weight"},
      {"encoder.down.0.block.0.nin_shortcut.weight", "encoder.down_blocks.0.resnets.0.conv_shortcut.weight"},
      {"encoder.down.1.block.0.nin_shortcut.bias", "encoder.down_blocks.1.resnets.0.conv_shortcut.bias"},
      {"encoder.down.2.block.1.norm2.weight", "encoder.down_blocks.2.resnets.1.norm2.weight"},
      {"encoder.down.0.downsample.conv.weight", "encoder.down_blocks.0.downsamplers.0.conv.weight"},
      {"encoder.mid.block_1.norm1.weight", "encoder.mid_block.resnets.0.norm1.weight"},
      {"encoder.mid.block_2.conv2.bias", "encoder.mid_block.resnets.1.conv2.bias"},
      {"encoder.mid.attn_1.norm.weight", "encoder.mid_block.attentions.0.group_norm.weight"},
      {"encoder.mid.attn_1.q.weight", "encoder.mid_block.attentions.0.to_q.weight"},
      {"encoder.mid.attn_1.k.bias", "encoder.mid_block.attentions.0.to_k.bias"},
      {"encoder.mid.attn_1.proj_out.bias", "encoder.mid_block.attentions.0.to_out.0.bias"},
      {"encoder.norm_out.weight", "encoder.conv_norm_out.weight"},
      {"encoder.conv_out.bias", "encoder.conv_out.bias"},
      {"quant_conv.weight", "quant_conv.weight"},
      {"post_quant_conv.bias", "post_quant_conv.bias"},
      {"decoder.conv_in.weight", "decoder.conv_in.weight"},
      {"decoder.up.3.block.0.conv1.weight", "decoder.up_blocks.0.resnets.0.conv1.weight"},
      {"decoder.up.0.block.2.norm2.bias", "decoder.up_blocks.3.resnets.2.norm2.bias"},
      {"decoder.up.3.upsample.conv.weight", "decoder.up_blocks.0.upsamplers.0.conv.weight"},
      {"decoder.up.1.upsample.conv.bias", "decoder.up_blocks.2.upsamplers.0.conv.bias"},
      {"decoder.up.1.block.0.nin_shortcut.weight", "decoder.up_blocks.2.resnets.0.conv_shortcut.weight"},
      {"decoder.mid.attn_1.v.bias", "decoder.mid_block.attentions.0.to_v.bias"},
      {"decoder.mid.block_2.norm1.bias", "decoder.mid_block.resnets.1.norm1.bias"},
      {"decoder.norm_out.bias", "decoder.conv_norm_out.bias"},
  };
  for (const auto& [ldm, diffusers] : pairs) {
    const auto got = mio::ldm_vae_key_to_diffusers(V + ldm, 4);
    ASSERT_TRUE(got.has_value()) << ldm;
    EXPECT_EQ(*got, diffusers) << ldm;
    EXPECT_EQ(mio::ldm_vae_key_to_diffusers(ldm, 4), got) << "a separate VAE file has no prefix: " << ldm;
  }
  for (const std::string bad : {"encoder.down.4.block.0.conv1.weight", "decoder.up.4.block.0.conv1.weight",
                                "encoder.mid.attn_2.q.weight", "encoder.mid.attn_1.qkv.weight",
                                "decoder.up.0.downsample.conv.weight", "encoder.down.0.block.0.norm3.weight",
                                "loss.logvar", "encoder.down.0.block.x.conv1.weight"})
    EXPECT_FALSE(mio::ldm_vae_key_to_diffusers(V + bad, 4).has_value()) << bad;
}

TEST(LdmNames, TextEncoders) {
  EXPECT_EQ(*mio::ldm_clip_key_to_transformers("cond_stage_model.transformer.text_model.encoder.layers.11.self_attn.q_proj.weight"),
            "text_model.encoder.layers.11.self_attn.q_proj.weight");
  EXPECT_EQ(*mio::ldm_clip_key_to_transformers("cond_stage_model.transformer.embeddings.token_embedding.weight"),
            "text_model.embeddings.token_embedding.weight");
  EXPECT_EQ(*mio::ldm_clip_key_to_transformers("cond_stage_model.transformer.text_model.final_layer_norm.bias"),
            "text_model.final_layer_norm.bias");
  EXPECT_FALSE(mio::ldm_clip_key_to_transformers("cond_stage_model.transformer.text_model.embeddings.position_ids"));
  EXPECT_FALSE(mio::ldm_clip_key_to_transformers("cond_stage_model.transformer.text_model.encoder.layers.0.mlp.fc3.weight"));
  EXPECT_TRUE(mio::ldm_key_is_unused("cond_stage_model.transformer.text_model.embeddings.position_ids"));

  const std::string o = "cond_stage_model.model.";
  using Names = std::vector<std::string>;
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "token_embedding.weight", 23),
            Names{"text_model.embeddings.token_embedding.weight"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "positional_embedding", 23),
            Names{"text_model.embeddings.position_embedding.weight"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "ln_final.weight", 23), Names{"text_model.final_layer_norm.weight"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.0.ln_1.bias", 23),
            Names{"text_model.encoder.layers.0.layer_norm1.bias"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.5.ln_2.weight", 23),
            Names{"text_model.encoder.layers.5.layer_norm2.weight"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.9.mlp.c_fc.bias", 23),
            Names{"text_model.encoder.layers.9.mlp.fc1.bias"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.9.mlp.c_proj.weight", 23),
            Names{"text_model.encoder.layers.9.mlp.fc2.weight"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.3.attn.out_proj.weight", 23),
            Names{"text_model.encoder.layers.3.self_attn.out_proj.weight"});
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.22.attn.in_proj_weight", 23),
            (Names{"text_model.encoder.layers.22.self_attn.q_proj.weight",
                   "text_model.encoder.layers.22.self_attn.k_proj.weight",
                   "text_model.encoder.layers.22.self_attn.v_proj.weight"}));
  EXPECT_EQ(mio::openclip_key_to_transformers(o + "transformer.resblocks.0.attn.in_proj_bias", 23).size(), 3u);
  EXPECT_TRUE(mio::openclip_key_to_transformers(o + "transformer.resblocks.23.ln_1.weight", 23).empty());
  EXPECT_TRUE(mio::openclip_key_to_transformers(o + "text_projection", 23).empty());
  EXPECT_TRUE(mio::openclip_key_to_transformers(o + "transformer.resblocks.0.attn.qkv.weight", 23).empty());
  EXPECT_TRUE(mio::ldm_key_is_unused(o + "text_projection"));
  EXPECT_TRUE(mio::ldm_key_is_unused(o + "logit_scale"));
  EXPECT_TRUE(mio::ldm_key_is_unused(V + "loss.discriminator.main.0.weight"));
  EXPECT_FALSE(mio::ldm_key_is_unused(U + "time_embed.0.weight"));
}
