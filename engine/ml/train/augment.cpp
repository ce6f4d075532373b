#include "engine/ml/train/augment.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace rashisa::ml {

namespace {

double uniform01(at::Generator& gen) {
  return torch::rand({1}, gen, torch::TensorOptions().dtype(torch::kFloat64)).item<double>();
}

// Python's float `x % 360.0` (the result takes the sign of the divisor).
double python_mod360(double x) {
  const double m = std::fmod(x, 360.0);
  if (m == 0.0) return 0.0;
  return m < 0.0 ? m + 360.0 : m;
}

// Python's round(x, 15): correctly rounded to 15 decimals (printf and strtod are, in glibc).
double python_round15(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15f", x);
  return std::strtod(buf, nullptr);
}

using Affine = std::array<double, 6>;

std::pair<double, double> apply(const Affine& m, double x, double y) {
  return {m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
}

// Integer source coordinates [oh,ow] of each output pixel, PIL's affine nearest sampling.
// Ref: python-pillow/Pillow/src/libImaging/Geometry.c (ImagingTransformAffine, affine_fixed)
std::pair<torch::Tensor, torch::Tensor> affine_nearest_coords(const Affine& a, int64_t oh, int64_t ow,
                                                              const torch::Device& device) {
  auto i64 = torch::TensorOptions().dtype(torch::kInt64).device(device);
  auto ys = torch::arange(oh, i64).view({-1, 1});
  auto xs = torch::arange(ow, i64).view({1, -1});
  const auto fits = [&](double x, double y) {
    return std::fabs(x * a[0] + y * a[1] + a[2]) < 32768.0 && std::fabs(x * a[3] + y * a[4] + a[5]) < 32768.0;
  };
  const double fw = static_cast<double>(ow), fh = static_cast<double>(oh);
  if (fits(0, 0) && fits(fw, fh) && fits(0, fh) && fits(fw, 0)) {
    // 16.16 fixed point, pixel centres (+0.5), floor by arithmetic shift.
    const auto fix = [](double v) { return static_cast<int64_t>(std::floor(v * 65536.0 + 0.5)); };
    const int64_t a0 = fix(a[0]), a1 = fix(a[1]), a3 = fix(a[3]), a4 = fix(a[4]);
    const int64_t a2 = fix(a[2] + a[0] * 0.5 + a[1] * 0.5), a5 = fix(a[5] + a[3] * 0.5 + a[4] * 0.5);
    // Row terms first, so that each coordinate needs one full-size int64 temporary.
    auto xin = torch::div((ys * a1 + a2) + xs * a0, 65536, "floor").to(torch::kInt32);
    auto yin = torch::div((ys * a4 + a5) + xs * a3, 65536, "floor").to(torch::kInt32);
    return {xin, yin};
  }
  // Canvases beyond the fixed-point range: double arithmetic, PIL's COORD rounding
  // (truncation, -1 for negative positions).
  auto f64 = torch::TensorOptions().dtype(torch::kFloat64).device(device);
  auto xf = torch::arange(ow, f64).view({1, -1}), yf = torch::arange(oh, f64).view({-1, 1});
  const double xo = a[2] + a[1] * 0.5 + a[0] * 0.5, yo = a[5] + a[4] * 0.5 + a[3] * 0.5;
  auto coord = [](const torch::Tensor& v) {
    return torch::where(v < 0, torch::full_like(v, -1), v.trunc()).to(torch::kInt32);
  };
  return {coord(xo + xf * a[0] + yf * a[1]), coord(yo + xf * a[3] + yf * a[4])};
}

// Per-output taps of PIL's bilinear filter along one axis, as integer weights in units of
// 2^-22: index [out, ksize] (padding taps repeat the first index with weight 0) and weight.
// Ref: python-pillow/Pillow/src/libImaging/Resample.c (precompute_coeffs, normalize_coeffs_8bpc)
struct Taps {
  std::vector<int64_t> index;
  std::vector<double> weight;
  int64_t ksize = 0;
};

constexpr int kPrecisionBits = 32 - 8 - 2;

Taps bilinear_taps(int64_t in_size, int64_t out_size) {
  const double scale = static_cast<double>(static_cast<float>(in_size)) / static_cast<double>(out_size);
  const double filterscale = std::max(scale, 1.0);
  const double support = 1.0 * filterscale;  // the bilinear filter's support is 1
  Taps t;
  t.ksize = static_cast<int64_t>(std::ceil(support)) * 2 + 1;
  t.index.assign(out_size * t.ksize, 0);
  t.weight.assign(out_size * t.ksize, 0.0);
  const double inv_filterscale = 1.0 / filterscale;
  std::vector<double> k(t.ksize);
  for (int64_t xx = 0; xx < out_size; ++xx) {
    const double center = 0.0 + (static_cast<double>(xx) + 0.5) * scale;
    const int64_t xmin = std::max<int64_t>(0, static_cast<int>(center - support + 0.5));
    const int64_t xmax = std::min<int64_t>(in_size, static_cast<int>(center + support + 0.5)) - xmin;
    double ww = 0.0;
    for (int64_t x = 0; x < xmax; ++x) {
      const double d = std::fabs((static_cast<double>(x + xmin) - center + 0.5) * inv_filterscale);
      k[x] = d < 1.0 ? 1.0 - d : 0.0;
      ww += k[x];
    }
    for (int64_t x = 0; x < t.ksize; ++x) {
      double w = x < xmax ? k[x] : 0.0;
      if (x < xmax && ww != 0.0) w /= ww;
      const double q = w < 0 ? -0.5 + w * (1 << kPrecisionBits) : 0.5 + w * (1 << kPrecisionBits);
      t.index[xx * t.ksize + x] = x < xmax ? xmin + x : xmin;
      t.weight[xx * t.ksize + x] = static_cast<double>(static_cast<int32_t>(q));
    }
  }
  return t;
}

// One 8-bit pass of ImagingResample along `dim` of an image holding integers 0..255 (uint8
// or float64), for the outputs [first, first + count); `offset` is the input index of
// row 0. Returns float64. The sums are exact integers in double, so the result equals
// PIL's integer arithmetic.
// Ref: python-pillow/Pillow/src/libImaging/Resample.c (_ImagingResampleHorizontal_8bpc, clip8)
torch::Tensor resample_pass(const torch::Tensor& x, int64_t dim, const Taps& t, int64_t first, int64_t count,
                            int64_t offset) {
  const int64_t n = static_cast<int64_t>(t.index.size()) / t.ksize;
  auto index = torch::from_blob(const_cast<int64_t*>(t.index.data()), {n, t.ksize}, torch::kInt64)
                   .slice(0, first, first + count)
                   .sub(offset)
                   .to(x.device());
  auto weight = torch::from_blob(const_cast<double*>(t.weight.data()), {n, t.ksize}, torch::kFloat64)
                    .slice(0, first, first + count)
                    .to(x.device());
  std::vector<int64_t> shape(x.dim(), 1);
  shape[dim] = count;
  auto acc = torch::full({}, static_cast<double>(1 << (kPrecisionBits - 1)), x.options().dtype(torch::kFloat64));
  for (int64_t k = 0; k < t.ksize; ++k)
    acc = acc + x.index_select(dim, index.select(1, k)).to(torch::kFloat64) * weight.select(1, k).view(shape);
  return torch::floor(acc / static_cast<double>(1 << kPrecisionBits)).clamp(0.0, 255.0);
}

// The input range [lo, hi) that the outputs [first, first + count) read.
std::pair<int64_t, int64_t> taps_span(const Taps& t, int64_t first, int64_t count) {
  int64_t lo = t.index[first * t.ksize], hi = lo + 1;
  for (int64_t i = first * t.ksize; i < (first + count) * t.ksize; ++i) {
    lo = std::min(lo, t.index[i]);
    hi = std::max(hi, t.index[i] + 1);
  }
  return {lo, hi};
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

// Ref: python-pillow/Pillow/src/PIL/Image.py (Image.rotate with expand=True, center=None)
torch::Tensor rotate_expand(const torch::Tensor& image, double angle_degrees) {
  const double angle = python_mod360(angle_degrees);
  // PIL's exact fast paths (transposes).
  if (angle == 0.0) return image.clone();
  if (angle == 180.0) return image.flip({1, 2});
  if (angle == 90.0) return image.rot90(1, {1, 2}).contiguous();
  if (angle == 270.0) return image.rot90(-1, {1, 2}).contiguous();

  const int64_t h = image.size(1), w = image.size(2);
  const double cx = static_cast<double>(w) / 2.0, cy = static_cast<double>(h) / 2.0;
  const double rad = -(angle * (M_PI / 180.0));
  // Inverse map, destination -> source, about the centre.
  Affine m = {python_round15(std::cos(rad)), python_round15(std::sin(rad)), 0.0,
              python_round15(-std::sin(rad)), python_round15(std::cos(rad)), 0.0};
  std::tie(m[2], m[5]) = apply(m, -cx, -cy);
  m[2] += cx;
  m[5] += cy;
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
  bool first = true;
  for (auto [x, y] : {std::pair<double, double>{0, 0}, {double(w), 0}, {double(w), double(h)}, {0, double(h)}}) {
    const auto [tx, ty] = apply(m, x, y);
    min_x = first ? tx : std::min(min_x, tx);
    max_x = first ? tx : std::max(max_x, tx);
    min_y = first ? ty : std::min(min_y, ty);
    max_y = first ? ty : std::max(max_y, ty);
    first = false;
  }
  const int64_t nw = static_cast<int64_t>(std::ceil(max_x) - std::floor(min_x));
  const int64_t nh = static_cast<int64_t>(std::ceil(max_y) - std::floor(min_y));
  std::tie(m[2], m[5]) = apply(m, -static_cast<double>(nw - w) / 2.0, -static_cast<double>(nh - h) / 2.0);

  auto [xin, yin] = affine_nearest_coords(m, nh, nw, image.device());
  auto inside = (xin >= 0).logical_and_(xin < w).logical_and_(yin >= 0).logical_and_(yin < h);
  const auto index_type = h * w <= std::numeric_limits<int32_t>::max() ? torch::kInt32 : torch::kInt64;
  auto flat = torch::where(inside, yin.to(index_type) * w + xin, torch::zeros({}, xin.options().dtype(index_type)));
  flat = flat.flatten();
  auto out = image.reshape({image.size(0), h * w}).index_select(1, flat).view({image.size(0), nh, nw});
  return out.masked_fill(inside.logical_not().unsqueeze(0), 0);
}

// Ref: pytorch/vision/torchvision/transforms/functional.py (_compute_resized_output_size)
std::pair<int64_t, int64_t> resized_size(int64_t height, int64_t width, int64_t size) {
  const bool wide = width > height;
  const int64_t shorter = wide ? height : width, longer = wide ? width : height;
  const auto new_long = static_cast<int64_t>(static_cast<double>(size * longer) / static_cast<double>(shorter));
  return wide ? std::pair<int64_t, int64_t>{size, new_long} : std::pair<int64_t, int64_t>{new_long, size};
}

// Ref: python-pillow/Pillow/src/libImaging/Resample.c (ImagingResampleInner)
torch::Tensor resize_bilinear_pil(const torch::Tensor& image_u8, int64_t out_h, int64_t out_w,
                                  const ResizeWindow& window) {
  if (image_u8.scalar_type() != torch::kUInt8 || image_u8.dim() != 3)
    throw std::invalid_argument("resize_bilinear_pil expects a uint8 image [C,H,W]");
  const int64_t in_h = image_u8.size(1), in_w = image_u8.size(2);
  const int64_t top = window.top, left = window.left;
  const int64_t rows = window.height < 0 ? out_h - top : window.height;
  const int64_t cols = window.width < 0 ? out_w - left : window.width;
  if (top < 0 || left < 0 || rows <= 0 || cols <= 0 || top + rows > out_h || left + cols > out_w)
    throw std::invalid_argument("resize_bilinear_pil: the window is outside the output");
  // PIL skips a pass whose size does not change (it would be the identity).
  const bool need_h = out_w != in_w, need_v = out_h != in_h;
  auto x = image_u8;
  Taps vert;
  int64_t row_lo = top, row_hi = top + rows;
  if (need_v) {
    vert = bilinear_taps(in_h, out_h);
    std::tie(row_lo, row_hi) = taps_span(vert, top, rows);
  }
  x = x.slice(1, row_lo, row_hi);
  if (need_h) {
    x = resample_pass(x, 2, bilinear_taps(in_w, out_w), left, cols, 0);
  } else {
    x = x.slice(2, left, left + cols);
  }
  if (need_v) x = resample_pass(x, 1, vert, top, rows, row_lo);
  return x.to(torch::kUInt8).contiguous();
}

torch::Tensor augment(const torch::Tensor& image_hwc_u8, const AugmentDraw& draw, const AugmentConfig& config) {
  auto x = image_hwc_u8.permute({2, 0, 1});  // [3,H,W] uint8
  if (draw.rotate) x = rotate_expand(x, draw.angle_degrees);
  const int64_t r = config.resolution;
  const auto [nh, nw] = resized_size(x.size(1), x.size(2), r);
  // The square crop of the (possibly flipped) resized image, then only that window is
  // resampled: flipping after the resize is the same as cropping the mirrored window.
  const int64_t top = std::min<int64_t>(nh - r, static_cast<int64_t>(draw.crop_y * (nh - r + 1)));
  const int64_t left = std::min<int64_t>(nw - r, static_cast<int64_t>(draw.crop_x * (nw - r + 1)));
  const int64_t src_left = draw.flip ? nw - left - r : left;
  x = resize_bilinear_pil(x.contiguous(), nh, nw, {top, src_left, r, r});
  if (draw.flip) x = x.flip({2});
  return (x.to(torch::kFloat32) / 127.5 - 1.0).clamp(-1.0, 1.0).contiguous();
}

}  // namespace rashisa::ml
