#include "engine/ml/train/augment.h"

#include <torch/torch.h>

#include <cmath>

namespace rashisa::ml {

namespace F = torch::nn::functional;

namespace {
double uniform01(at::Generator& gen) {
  return torch::rand({1}, gen, torch::TensorOptions().dtype(torch::kFloat64)).item<double>();
}
}  // namespace

AugmentDraw draw_augmentation(const AugmentConfig& config, at::Generator& gen) {
  // A fixed number of draws per sample, whatever the outcome, so the stream stays aligned.
  AugmentDraw d;
  const double r_rotate = uniform01(gen);
  const double r_angle = uniform01(gen);
  const double r_flip = uniform01(gen);
  d.crop_x = uniform01(gen);
  d.crop_y = uniform01(gen);
  d.rotate = r_rotate < config.rotate_probability;
  d.angle_degrees = d.rotate ? (2.0 * r_angle - 1.0) * config.max_rotation_degrees : 0.0;
  d.flip = r_flip < config.flip_probability;
  return d;
}

torch::Tensor rotate_expand(const torch::Tensor& image, double angle_degrees) {
  // image: [C,H,W]
  const double a = angle_degrees * M_PI / 180.0;
  const double c = std::cos(a), s = std::sin(a);
  const int64_t h = image.size(1), w = image.size(2);
  // Bounding box of the rotated image (rounded to whole pixels, as torchvision's expand does).
  const int64_t ow = static_cast<int64_t>(std::ceil(std::abs(w * c) + std::abs(h * s) - 1e-6));
  const int64_t oh = static_cast<int64_t>(std::ceil(std::abs(w * s) + std::abs(h * c) - 1e-6));
  // affine_grid maps output normalised coords to input normalised coords:
  // in_px = R^-1 out_px (centred; y down, so counter-clockwise on screen flips the sign of s).
  const double sx_out = ow / 2.0, sy_out = oh / 2.0, sx_in = w / 2.0, sy_in = h / 2.0;
  auto theta = torch::tensor({{c * sx_out / sx_in, -s * sy_out / sx_in, 0.0},
                              {s * sx_out / sy_in, c * sy_out / sy_in, 0.0}},
                             torch::TensorOptions().dtype(image.scalar_type()).device(image.device()))
                   .unsqueeze(0);
  auto grid = F::affine_grid(theta, {1, image.size(0), oh, ow}, /*align_corners=*/false);
  return F::grid_sample(image.unsqueeze(0), grid,
                        F::GridSampleFuncOptions().mode(torch::kNearest).padding_mode(torch::kZeros).align_corners(false))
      .squeeze(0);
}

torch::Tensor augment(const torch::Tensor& image_hwc_u8, const AugmentDraw& draw, const AugmentConfig& config) {
  auto x = image_hwc_u8.permute({2, 0, 1}).to(torch::kFloat32);  // [3,H,W] in 0..255
  if (draw.rotate) x = rotate_expand(x, draw.angle_degrees);
  const int64_t h = x.size(1), w = x.size(2);
  const int r = config.resolution;
  const double scale = static_cast<double>(r) / std::min(h, w);
  const int64_t nh = std::max<int64_t>(r, std::llround(h * scale));
  const int64_t nw = std::max<int64_t>(r, std::llround(w * scale));
  x = F::interpolate(x.unsqueeze(0), F::InterpolateFuncOptions()
                                         .size(std::vector<int64_t>{nh, nw})
                                         .mode(torch::kBilinear)
                                         .align_corners(false))
          .squeeze(0);
  if (draw.flip) x = x.flip({2});
  const int64_t top = std::min<int64_t>(nh - r, static_cast<int64_t>(draw.crop_y * (nh - r + 1)));
  const int64_t left = std::min<int64_t>(nw - r, static_cast<int64_t>(draw.crop_x * (nw - r + 1)));
  x = x.slice(1, top, top + r).slice(2, left, left + r);
  return (x / 127.5 - 1.0).clamp(-1.0, 1.0).contiguous();
}

}  // namespace rashisa::ml
