// Each augmentation step of DESIGN.md section 5: canvas expansion and black corners of
// the rotation, resize/crop/flip geometry, antialiasing when shrinking, the rotation and
// flip frequencies, and determinism under a seed. Parity with PIL is in
// test_augment_geometry_parity.cpp.
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
  // PIL sizes the canvas by whole pixels around the rotated corners: ceil(max) - floor(min)
  // of the corner coordinates, 32 +- 32 * sqrt(2) at 45 degrees.
  auto r45 = ml::rotate_expand(torch::ones({3, 64, 64}), 45.0);
  const double reach = 32.0 * std::sqrt(2.0);
  const int64_t expect = static_cast<int64_t>(std::ceil(32.0 + reach) - std::floor(32.0 - reach));
  EXPECT_EQ(expect, 92);
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

TEST(Augment, QuarterTurnIsCounterClockwiseAndKeepsTheDtype) {
  auto img = torch::arange(2 * 3, torch::kUInt8).view({1, 2, 3});  // [[0,1,2],[3,4,5]]
  auto r = ml::rotate_expand(img, 90.0);
  ASSERT_EQ(r.sizes(), (std::vector<int64_t>{1, 3, 2}));
  EXPECT_EQ(r.scalar_type(), torch::kUInt8);
  // Counter-clockwise: the top-right pixel comes to the top-left.
  EXPECT_TRUE(torch::equal(r[0], torch::tensor({2, 5, 1, 4, 0, 3}, torch::kUInt8).view({3, 2})));
  EXPECT_TRUE(torch::equal(ml::rotate_expand(img, -270.0), r));
  EXPECT_TRUE(torch::equal(ml::rotate_expand(img, 270.0), r.flip({1, 2})));
}

TEST(Augment, ResizedSizeFollowsTorchvision) {
  // Shorter side = size, longer side truncated: int(size * long / short).
  EXPECT_EQ(ml::resized_size(900, 1200, 512), (std::pair<int64_t, int64_t>{512, 682}));
  EXPECT_EQ(ml::resized_size(1136, 874, 128), (std::pair<int64_t, int64_t>{166, 128}));
  EXPECT_EQ(ml::resized_size(300, 300, 64), (std::pair<int64_t, int64_t>{64, 64}));
}

TEST(Augment, ResizeWindowEqualsTheCropOfTheFullResize) {
  auto img = torch::randint(0, 256, {3, 97, 131}, torch::kUInt8);
  auto full = ml::resize_bilinear_pil(img, 40, 54);
  ASSERT_EQ(full.sizes(), (std::vector<int64_t>{3, 40, 54}));
  auto part = ml::resize_bilinear_pil(img, 40, 54, {7, 11, 20, 30});
  EXPECT_TRUE(torch::equal(part, full.slice(1, 7, 27).slice(2, 11, 41)));
  // Unchanged size is the identity, as in PIL.
  EXPECT_TRUE(torch::equal(ml::resize_bilinear_pil(img, 97, 131), img));
}

TEST(Augment, ShrinkingFineStripesGivesUniformGrey) {
  // Vertical stripes with a 3-pixel period (one white column in three) shrunk 8x: an
  // antialiased filter averages them to a flat 85; point or 2-tap bilinear sampling
  // would alias them into bands between 0 and 128.
  auto img = torch::zeros({256, 256, 3}, torch::kUInt8);
  img.slice(1, 0, 256, 3).fill_(255);
  ml::AugmentConfig cfg;
  cfg.resolution = 32;
  auto out = (ml::augment(img, ml::AugmentDraw{}, cfg) + 1.0) * 127.5;  // back to levels
  ASSERT_EQ(out.sizes(), (std::vector<int64_t>{3, 32, 32}));
  const auto inner = out.slice(2, 1, 31);  // the edge columns see a clipped filter
  EXPECT_NEAR(inner.mean().item<double>(), 85.0, 1.0);
  EXPECT_LT((inner - 85.0).abs().max().item<double>(), 4.0);
  // The same shrink without antialiasing is visibly striped (so this test can fail).
  namespace F = torch::nn::functional;
  auto aliased = F::interpolate(
      img.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32),
      F::InterpolateFuncOptions().size(std::vector<int64_t>{32, 32}).mode(torch::kBilinear).align_corners(false));
  EXPECT_GT((aliased.slice(3, 1, 31) - 85.0).abs().max().item<double>(), 30.0);
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
