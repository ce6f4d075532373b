// Each augmentation step of DESIGN.md section 5: canvas expansion and black corners of
// the rotation, resize/crop/flip geometry, the rotation and flip frequencies, and
// determinism under a seed.
#include "engine/ml/train/augment.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace ml = rashisa::ml;

TEST(Augment, RotationExpandsTheCanvas) {
  auto img = torch::ones({3, 40, 100});
  auto r90 = ml::rotate_expand(img, 90.0);
  EXPECT_EQ(r90.size(1), 100);
  EXPECT_EQ(r90.size(2), 40);
  auto r45 = ml::rotate_expand(torch::ones({3, 64, 64}), 45.0);
  const int64_t expect = static_cast<int64_t>(std::ceil(64 * std::sqrt(2.0) - 1e-6));
  EXPECT_EQ(r45.size(1), expect);
  EXPECT_EQ(r45.size(2), expect);
  auto r0 = ml::rotate_expand(img, 0.0);
  EXPECT_TRUE(torch::equal(r0, img)) << "a zero rotation must not move pixels";
}

TEST(Augment, RotationLeavesBlackCornersAndKeepsTheImage) {
  auto img = torch::full({3, 64, 64}, 200.0);
  auto r = ml::rotate_expand(img, 30.0);
  const int64_t h = r.size(1), w = r.size(2);
  for (auto [y, x] : {std::pair<int64_t, int64_t>{0, 0}, {0, w - 1}, {h - 1, 0}, {h - 1, w - 1}})
    EXPECT_EQ(r.select(1, y).select(1, x).sum().item<float>(), 0.0f) << "corner " << y << "," << x;
  EXPECT_EQ(r[0][h / 2][w / 2].item<float>(), 200.0f);
  // Nearest sampling: only the original value or black, never a blend.
  auto values = std::get<0>(at::_unique(r.flatten()));
  EXPECT_EQ(values.numel(), 2);
  // Area is preserved up to the border pixels.
  const double area = r[0].gt(0).sum().item<double>();
  EXPECT_NEAR(area, 64.0 * 64.0, 64.0 * 4);
}

TEST(Augment, OutputIsASquareCropInMinusOneToOne) {
  ml::AugmentConfig cfg;
  cfg.resolution = 64;
  auto img = torch::randint(0, 256, {90, 120, 3}, torch::kUInt8);
  ml::AugmentDraw d;
  d.crop_x = 0.999;
  d.crop_y = 0.0;
  auto out = ml::augment(img, d, cfg);
  ASSERT_EQ(out.sizes(), (std::vector<int64_t>{3, 64, 64}));
  EXPECT_GE(out.min().item<float>(), -1.0f);
  EXPECT_LE(out.max().item<float>(), 1.0f);
  // Shorter side 90 -> 64: the width becomes round(120 * 64 / 90) = 85, the crop at the right edge.
  d.crop_x = 0.0;
  auto left = ml::augment(img, d, cfg);
  EXPECT_FALSE(torch::equal(left, out));
}

TEST(Augment, FlipMirrorsHorizontally) {
  ml::AugmentConfig cfg;
  cfg.resolution = 32;
  auto img = torch::randint(0, 256, {32, 32, 3}, torch::kUInt8);
  ml::AugmentDraw plain, flipped;
  flipped.flip = true;
  auto a = ml::augment(img, plain, cfg);
  auto b = ml::augment(img, flipped, cfg);
  EXPECT_TRUE(torch::equal(a.flip({2}), b));
  // No resize is needed at the training size: the pixels map exactly.
  EXPECT_TRUE(torch::allclose(a, img.permute({2, 0, 1}).to(torch::kFloat32) / 127.5 - 1.0));
}

TEST(Augment, FrequenciesMatchTheMethod) {
  ml::AugmentConfig cfg;
  at::Generator gen = at::detail::createCPUGenerator(1234);
  const int n = 4000;
  int rotated = 0, flipped = 0;
  double angle_sum = 0, max_abs = 0;
  for (int i = 0; i < n; ++i) {
    const auto d = ml::draw_augmentation(cfg, gen);
    rotated += d.rotate;
    flipped += d.flip;
    if (d.rotate) {
      angle_sum += d.angle_degrees;
      max_abs = std::max(max_abs, std::abs(d.angle_degrees));
    }
    EXPECT_GE(d.crop_x, 0.0);
    EXPECT_LT(d.crop_x, 1.0);
  }
  // Binomial bounds at 5 standard deviations.
  const double sd_rot = std::sqrt(n * 0.75 * 0.25), sd_flip = std::sqrt(n * 0.25 * 0.75);
  EXPECT_NEAR(rotated, 0.75 * n, 5 * sd_rot);
  EXPECT_NEAR(flipped, 0.25 * n, 5 * sd_flip);
  EXPECT_LE(max_abs, 45.0);
  EXPECT_GT(max_abs, 40.0);
  // Uniform on [-45, 45]: mean 0, sd 26 per draw.
  EXPECT_NEAR(angle_sum / rotated, 0.0, 5 * 26.0 / std::sqrt(static_cast<double>(rotated)));
}

TEST(Augment, DeterministicUnderASeed) {
  ml::AugmentConfig cfg;
  cfg.resolution = 48;
  auto img = torch::randint(0, 256, {60, 80, 3}, torch::kUInt8);
  auto run = [&](uint64_t seed) {
    at::Generator gen = at::detail::createCPUGenerator(seed);
    std::vector<torch::Tensor> out;
    for (int i = 0; i < 6; ++i) out.push_back(ml::augment(img, ml::draw_augmentation(cfg, gen), cfg));
    return torch::stack(out);
  };
  EXPECT_TRUE(torch::equal(run(5), run(5)));
  EXPECT_FALSE(torch::equal(run(5), run(6)));
}
