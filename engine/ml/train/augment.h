#pragma once
// Training-photo augmentation of AttnDreamBooth (DESIGN.md section 5), in torch on the
// training device, reproducible from a CPU generator. The geometry is that of the
// reference pipeline (torchvision transforms on PIL images), ported from Pillow:
//   p=0.75 rotate by U[-45, 45] deg (PIL rotate, NEAREST, expand=True, black corners);
//   shorter side -> resolution (PIL BILINEAR resize, antialiased when shrinking);
//   p=0.25 horizontal flip; random square crop; scale to [-1, 1].
#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <cstdint>
#include <utility>

namespace rashisa::ml {

struct AugmentConfig {
  int resolution = 512;
  double rotate_probability = 0.75;
  double max_rotation_degrees = 45.0;
  double flip_probability = 0.25;
};

/// The random choices for one sample, drawn before any pixel work so that tests can
/// check each step and a resumed run draws the same numbers.
struct AugmentDraw {
  bool rotate = false;
  double angle_degrees = 0.0;  // counter-clockwise
  bool flip = false;
  double crop_x = 0.0;  // in [0, 1): fraction of the free width / height
  double crop_y = 0.0;
};

AugmentDraw draw_augmentation(const AugmentConfig& config, at::Generator& gen);

/// PIL Image.rotate(angle, NEAREST, expand=True, fillcolor=0) of an image [C,H,W] of any
/// dtype: counter-clockwise about the centre, the canvas expanded to the rotated corners'
/// bounding box, uncovered pixels 0. Same device and dtype as the input.
torch::Tensor rotate_expand(const torch::Tensor& image, double angle_degrees);

/// Size {height, width} after torchvision Resize(size): the shorter side becomes `size`,
/// the longer int(size * long / short).
std::pair<int64_t, int64_t> resized_size(int64_t height, int64_t width, int64_t size);

/// A window of an output image: rows [top, top + height), columns [left, left + width).
struct ResizeWindow {
  int64_t top = 0, left = 0, height = -1, width = -1;  // -1: to the end
};

/// PIL Image.resize((out_w, out_h), BILINEAR) of a uint8 image [C,H,W] (any device):
/// separable, horizontal pass first, the filter support widened by the scale factor when
/// shrinking, 8-bit rounding after each pass. Returns only `window` of the result (the
/// pixels are those of the full resize), uint8 on the input's device.
torch::Tensor resize_bilinear_pil(const torch::Tensor& image_u8, int64_t out_h, int64_t out_w,
                                  const ResizeWindow& window = {});

/// image: [H,W,3] uint8 (any device) -> [3,R,R] float32 in [-1,1] on the same device.
torch::Tensor augment(const torch::Tensor& image_hwc_u8, const AugmentDraw& draw, const AugmentConfig& config);

}  // namespace rashisa::ml
