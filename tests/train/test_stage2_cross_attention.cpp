// Stage 2 trains exactly the cross-attention projections (attn2 to_q, to_k, to_v, to_out.0:
// weights and biases) of every transformer block of the UNet, and nothing else: neither
// another UNet weight nor the <V> embedding. The expected set is built from the module tree
// (each BasicTransformerBlock's attn2 Linear layers), not by matching names.
#include "engine/ml/nn/transformer_2d.h"
#include "tests/train/synthetic_photos.h"
#include "tests/train/train_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <set>

namespace ml = rashisa::ml;
namespace rt = rashisa::testing;

namespace {

/// Names of the parameters of attn2's to_q, to_k, to_v and to_out[0] in every transformer
/// block, checked to be the very tensors named_parameters() lists under those names.
std::set<std::string> cross_attention_parameters(ml::StableDiffusionModel& model, int* blocks) {
  const auto params = model.unet->named_parameters();
  std::set<std::string> names;
  *blocks = 0;
  for (const auto& item : model.unet->named_modules()) {
    auto* block = item.value()->as<ml::BasicTransformerBlockImpl>();
    if (!block) continue;
    ++*blocks;
    auto& attn2 = *block->attn2;
    auto* out = attn2.to_out[0]->as<torch::nn::LinearImpl>();
    EXPECT_NE(out, nullptr) << item.key() << ".attn2.to_out.0 is not a Linear";
    if (!out) continue;
    const std::vector<std::pair<std::string, torch::nn::LinearImpl*>> layers = {
        {"to_q", attn2.to_q.get()}, {"to_k", attn2.to_k.get()}, {"to_v", attn2.to_v.get()}, {"to_out.0", out}};
    for (const auto& [layer, linear] : layers) {
      for (const auto& [kind, tensor] : {std::pair<std::string, torch::Tensor>{"weight", linear->weight}, {"bias", linear->bias}}) {
        if (!tensor.defined()) continue;
        const std::string name = item.key() + ".attn2." + layer + "." + kind;
        const auto* listed = params.find(name);
        EXPECT_TRUE(listed && listed->is_same(tensor)) << name << " is not the UNet parameter of that name";
        names.insert(name);
      }
    }
  }
  return names;
}

TEST(Stage2, TrainsEveryCrossAttentionProjectionAndNothingElse) {
  auto model = rt::load_first_reference_model();
  int blocks = 0;
  const auto expected = cross_attention_parameters(model, &blocks);
  ASSERT_GT(blocks, 0);
  // SD 1.x/2.x shapes: q, k, v and out weights, and the out bias (q/k/v have none).
  EXPECT_EQ(expected.size(), static_cast<size_t>(blocks) * 5) << blocks << " transformer blocks";

  const int64_t category_id = *model.tokenizer->single_token_id("toy");
  const torch::Tensor initial_embedding = model.text_encoder->token_embedding_weight()[category_id].detach().clone();

  auto s = rt::tiny_train_settings();
  s.stages[1].steps = 2;
  const auto result = ml::train_concept(model, rt::draw_ball_photos(2, 64, 64), s);
  ASSERT_EQ(result.losses[1].size(), 2u);
  EXPECT_TRUE(result.losses[0].empty());
  EXPECT_TRUE(result.losses[2].empty());

  std::set<std::string> changed;
  for (const auto& [name, delta] : result.trained.unet_delta) changed.insert(name);
  EXPECT_EQ(changed, expected);
  // Every block had each of its trained tensors changed.
  std::set<std::string> blocks_changed;
  for (const auto& name : changed) blocks_changed.insert(name.substr(0, name.find(".attn2.")));
  EXPECT_EQ(blocks_changed.size(), static_cast<size_t>(blocks));

  // Stage 2 leaves <V> where stage 1 (here: no steps) left it: the category word's row.
  EXPECT_TRUE(torch::equal(result.trained.embedding, initial_embedding));
  // Nothing of the UNet is left trainable after the run.
  for (const auto& item : model.unet->named_parameters()) EXPECT_FALSE(item.value().requires_grad()) << item.key();
}

}  // namespace
