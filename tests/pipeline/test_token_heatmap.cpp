// TokenHeatMap on synthetic cross-attention probabilities: the map comes from the chosen token's
// column of the conditional (second) half of the CFG batch, averaged over heads, layers and
// steps, upsampled to the image and scaled to max 1; layer grids for non-square latents.
#include "engine/core/error.h"
#include "engine/ml/pipeline/token_heatmap.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace ml = rashisa::ml;

namespace {

constexpr int64_t kToken = 4;
constexpr int64_t kKeys = 77;
constexpr int64_t kHeads = 2;

/// [h, w] float: 1 where the column index is left of the middle, else 0 ("left" = true), or
/// the mirror image.
torch::Tensor half_pattern(int64_t h, int64_t w, bool left) {
  auto xs = torch::arange(w, torch::kFloat32).view({1, w}).expand({h, w});
  auto mask = left ? xs.lt(w / 2.0) : xs.ge(w / 2.0);
  return mask.to(torch::kFloat32);
}

/// probs [2, heads, h*w, 77] of one layer: random mass on every column; the token's column of
/// the positive row is `positive` (heads scaled 0.5x and 1.5x), of the negative row `negative`,
/// and the column after the token holds `positive`'s mirror, so a wrong column or row shows.
torch::Tensor layer_probs(const torch::Tensor& positive, const torch::Tensor& negative) {
  const int64_t hw = positive.numel();
  auto probs = torch::rand({2, kHeads, hw, kKeys}) * 0.01;
  auto pos = positive.reshape({1, hw});
  auto neg = negative.reshape({1, hw});
  probs[1].select(2, kToken).copy_(torch::cat({pos * 0.5, pos * 1.5}));
  probs[0].select(2, kToken).copy_(torch::cat({neg, neg}));
  probs.select(3, kToken + 1).copy_((1 - pos).expand({2, kHeads, hw}));
  return probs;
}

}  // namespace

TEST(TokenHeatMap, LayerGridsOfNonSquareLatents) {
  // A 48x80 image: latent 6x10, then ceil-halved by each downsampler.
  EXPECT_EQ(ml::attention_grid(60, 6, 10), std::make_pair(int64_t(6), int64_t(10)));
  EXPECT_EQ(ml::attention_grid(15, 6, 10), std::make_pair(int64_t(3), int64_t(5)));
  EXPECT_EQ(ml::attention_grid(6, 6, 10), std::make_pair(int64_t(2), int64_t(3)));
  EXPECT_EQ(ml::attention_grid(2, 6, 10), std::make_pair(int64_t(1), int64_t(2)));
  EXPECT_EQ(ml::attention_grid(64, 8, 8), std::make_pair(int64_t(8), int64_t(8)));
  EXPECT_EQ(ml::attention_grid(1, 8, 8), std::make_pair(int64_t(1), int64_t(1)));
  EXPECT_THROW(ml::attention_grid(7, 6, 10), rashisa::Error);
  EXPECT_THROW(ml::attention_grid(61, 6, 10), rashisa::Error);
}

TEST(TokenHeatMap, TakesTheTokenColumnOfThePositiveHalfAtEveryLayer) {
  const int64_t lh = 6, lw = 10, H = 48, W = 80;
  ml::TokenHeatMap heat(kToken, lh, lw, H, W);
  for (int step = 0; step < 2; ++step) {
    for (const auto& [h, w] : {std::pair<int64_t, int64_t>{6, 10}, {3, 5}, {2, 3}, {1, 2}}) {
      heat.add(layer_probs(half_pattern(h, w, true), half_pattern(h, w, false)));
    }
  }
  EXPECT_EQ(heat.count(), 8);
  const auto map = heat.result();
  ASSERT_EQ(map.sizes(), (std::vector<int64_t>{H, W}));
  EXPECT_EQ(map.scalar_type(), torch::kFloat32);
  EXPECT_EQ(map.max().item<float>(), 1.0f);
  EXPECT_GE(map.min().item<float>(), 0.0f);
  // The token looked at the left half in every layer: full on the left edge, none on the right.
  EXPECT_TRUE(torch::allclose(map.select(1, 0), torch::ones({H}))) << map.select(1, 0);
  EXPECT_TRUE(torch::allclose(map.select(1, W - 1), torch::zeros({H}), 0, 1e-6)) << map.select(1, W - 1);
  // Bilinear upsampling of left-high maps falls monotonically from left to right.
  auto dx = map.narrow(1, 1, W - 1) - map.narrow(1, 0, W - 1);
  EXPECT_LE(dx.max().item<float>(), 1e-6f);
  // Every row is the same: the pattern does not depend on the row.
  EXPECT_TRUE(torch::allclose(map, map[0].expand({H, W})));
}

TEST(TokenHeatMap, EveryLayerAndStepWeighsTheSame) {
  ml::TokenHeatMap heat(kToken, 8, 8, 64, 64);
  heat.add(layer_probs(half_pattern(8, 8, true), torch::zeros({8, 8})));         // left: 1
  heat.add(layer_probs(half_pattern(8, 8, false) * 3, torch::zeros({8, 8})));    // right: 3
  const auto map = heat.result();
  // mean = (left + 3 right) / 2, divided by its max 1.5: left 1/3, right 1.
  EXPECT_NEAR(map[10][0].item<float>(), 1.0f / 3.0f, 1e-5);
  EXPECT_NEAR(map[10][63].item<float>(), 1.0f, 1e-6);
}

TEST(TokenHeatMap, LayerResolutionIsUpsampledToTheImage) {
  // One hot latent cell at (row 2, column 5) of an 8x8 latent: the map peaks in its 8x8 block.
  ml::TokenHeatMap heat(kToken, 8, 8, 64, 64);
  auto hot = torch::zeros({8, 8});
  hot[2][5] = 1;
  heat.add(layer_probs(hot, torch::zeros({8, 8})));
  const auto map = heat.result();
  const auto flat = map.argmax().item<int64_t>();
  const int64_t y = flat / 64, x = flat % 64;
  EXPECT_GE(y, 16);
  EXPECT_LT(y, 24);
  EXPECT_GE(x, 40);
  EXPECT_LT(x, 48);
  EXPECT_EQ(map[60][4].item<float>(), 0.0f);
}

TEST(TokenHeatMap, NoAttentionGivesZerosNotNaN) {
  ml::TokenHeatMap empty(kToken, 8, 8, 64, 64);
  EXPECT_TRUE(torch::equal(empty.result(), torch::zeros({64, 64})));
  ml::TokenHeatMap heat(kToken, 8, 8, 64, 64);
  heat.add(layer_probs(torch::zeros({8, 8}), torch::ones({8, 8})));
  EXPECT_TRUE(torch::equal(heat.result(), torch::zeros({64, 64})));
}

TEST(TokenHeatMap, RejectsProbabilitiesOfAnotherShape) {
  ml::TokenHeatMap heat(kToken, 8, 8, 64, 64);
  EXPECT_ANY_THROW(heat.add(torch::rand({2, kHeads, 63, kKeys})));  // no UNet level has 63 pixels
  EXPECT_ANY_THROW(heat.add(torch::rand({1, kHeads, 64, kKeys})));  // no CFG pair
  EXPECT_ANY_THROW(heat.add(torch::rand({2, kHeads, 64, 3})));      // the token is not a key
}
