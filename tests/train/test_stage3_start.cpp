// Stage 3 starts from the weights stage 2 ended with (and the embedding stage 1 learnt), not
// from the base UNet: a run whose stage 3 has learning rate 0 (AdamW's weight decay is
// multiplied by the learning rate, so nothing moves) must give bitwise the result of the same
// run without stage 3. Were stage 3 to reload the base weights, its delta would be empty.
#include "tests/train/synthetic_photos.h"
#include "tests/train/train_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace ml = rashisa::ml;
namespace rt = rashisa::testing;

namespace {

TEST(Stage3, StartsFromStage2Weights) {
  auto model = rt::load_first_reference_model();
  const auto photos = rt::draw_ball_photos(2, 64, 64);
  auto s = rt::tiny_train_settings();
  s.stages[0].steps = 1;
  s.stages[1].steps = 2;
  const auto stages12 = ml::train_concept(model, photos, s);
  ASSERT_FALSE(stages12.trained.unet_delta.empty()) << "stage 2 changed nothing: the test would prove nothing";

  s.stages[2].steps = 2;
  s.stages[2].lr = 0.0;
  const auto frozen3 = ml::train_concept(model, photos, s);
  ASSERT_EQ(frozen3.losses[2].size(), 2u) << "stage 3 did not run";
  EXPECT_EQ(frozen3.losses[1], stages12.losses[1]);

  EXPECT_TRUE(torch::equal(frozen3.trained.embedding, stages12.trained.embedding));
  ASSERT_EQ(frozen3.trained.unet_delta.size(), stages12.trained.unet_delta.size());
  for (const auto& [name, delta] : stages12.trained.unet_delta) {
    auto it = frozen3.trained.unet_delta.find(name);
    ASSERT_NE(it, frozen3.trained.unet_delta.end()) << name << " lost its stage-2 change in stage 3";
    EXPECT_TRUE(torch::equal(it->second, delta)) << name << " moved in a stage 3 with learning rate 0";
  }

  // Control: with a learning rate stage 3 does move the whole UNet, so the equality above
  // is not an artefact of stage 3 never touching the weights.
  s.stages[2].lr = 1e-4;
  const auto trained3 = ml::train_concept(model, photos, s);
  EXPECT_GT(trained3.trained.unet_delta.size(), stages12.trained.unet_delta.size());
}

}  // namespace
