// Augmentation geometry against the reference (kind "augment_geometry"): PIL's
// rotate(NEAREST, expand=True) and its antialiased BILINEAR resize to a shorter side,
// each image of params.images, with the tolerances of params.tolerance; then augment()
// itself, whose crops must be windows of that resize.
#include "engine/ml/train/augment.h"
#include "tests/support/reference.h"

#include <torch/torch.h>

using rashisa::testing::RefCase;
namespace ml = rashisa::ml;

namespace {

torch::Tensor chw(const torch::Tensor& hwc) { return hwc.permute({2, 0, 1}).contiguous(); }

struct Diff {
  double max_abs, mean_abs;
};

Diff diff(const torch::Tensor& a, const torch::Tensor& b) {
  auto d = (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs();
  return {d.max().item<double>(), d.mean().item<double>()};
}

}  // namespace

class AugmentGeometryParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(AugmentGeometryParity, RotateAndResizeMatchPil) {
  const RefCase& c = GetParam();
  const auto golden = rashisa::testing::load_case(c);
  const auto p = c.params();
  const auto& tol = p.at("tolerance");
  const double max_mismatch = tol.at("rotated_mismatch_fraction");
  const double max_abs = tol.at("resized_max_abs"), max_mean = tol.at("resized_mean_abs");
  ASSERT_FALSE(p.at("images").empty());
  for (const auto& entry : p.at("images")) {
    const std::string name = entry.at("name");
    SCOPED_TRACE(name);
    const int64_t size = entry.at("size");
    const auto input = golden.at(entry.at("input").get<std::string>());
    const bool rotates = !entry.at("angle_degrees").is_null();
    const double angle = rotates ? entry.at("angle_degrees").get<double>() : 0.0;

    auto image = chw(input);
    if (rotates) {
      image = ml::rotate_expand(image, angle);
      const auto want = chw(golden.at(entry.at("rotated").get<std::string>()));
      ASSERT_EQ(image.sizes(), want.sizes()) << "canvas of the rotation by " << angle;
      const auto pixels = static_cast<double>(want.size(1) * want.size(2));
      const double mismatch = image.ne(want).any(0).sum().item<double>() / pixels;
      std::printf("[%s] rotated %.1f deg to %lldx%lld: %.5f of the pixels differ\n", name.c_str(), angle,
                  static_cast<long long>(want.size(1)), static_cast<long long>(want.size(2)), mismatch);
      EXPECT_LE(mismatch, max_mismatch);
    }

    const auto want = chw(golden.at(entry.at("resized").get<std::string>()));
    const auto [nh, nw] = ml::resized_size(image.size(1), image.size(2), size);
    ASSERT_EQ(nh, want.size(1));
    ASSERT_EQ(nw, want.size(2));
    const auto got = ml::resize_bilinear_pil(image, nh, nw);
    const Diff d = diff(got, want);
    std::printf("[%s] resized to %lldx%lld: max |diff| %.0f, mean |diff| %.5f levels\n", name.c_str(),
                static_cast<long long>(nh), static_cast<long long>(nw), d.max_abs, d.mean_abs);
    EXPECT_LE(d.max_abs, max_abs);
    EXPECT_LE(d.mean_abs, max_mean);

    // augment() with the same rotation: its crop (here the bottom-right one of the mirrored
    // image) is a window of the mirrored reference resize, scaled to [-1, 1].
    ml::AugmentConfig cfg;
    cfg.resolution = static_cast<int>(size);
    ml::AugmentDraw draw;
    draw.rotate = rotates;
    draw.angle_degrees = angle;
    draw.flip = true;
    draw.crop_x = draw.crop_y = 0.999999;
    const auto out = ml::augment(input, draw, cfg);
    ASSERT_EQ(out.sizes(), (std::vector<int64_t>{3, size, size}));
    const auto want_crop = want.flip({2}).slice(1, nh - size, nh).slice(2, nw - size, nw);
    const Diff da = diff((out + 1.0) * 127.5, want_crop);
    EXPECT_LE(da.max_abs, max_abs + 1e-3);
    EXPECT_LE(da.mean_abs, max_mean);
  }
}

INSTANTIATE_TEST_SUITE_P(Ref, AugmentGeometryParity,
                         ::testing::ValuesIn(rashisa::testing::cases_of_kind("augment_geometry")),
                         rashisa::testing::case_test_name);
