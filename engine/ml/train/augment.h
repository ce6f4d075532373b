#pragma once
// Training-photo augmentation of AttnDreamBooth (DESIGN.md section 5), in torch on the
// training device, reproducible from a CPU generator:
//   p=0.75 rotate by U[-45, 45] deg, canvas expanded, black corners, nearest;
//   shorter side -> resolution (bilinear); p=0.25 horizontal flip; random square crop;
//   scale to [-1, 1].
#include <ATen/core/Generator.h>
#include <torch/types.h>

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

/// Rotates an image [C,H,W] (float) counter-clockwise with the canvas expanded to hold
/// all of it; uncovered pixels are 0 (nearest sampling).
torch::Tensor rotate_expand(const torch::Tensor& image, double angle_degrees);

/// image: [H,W,3] uint8 (any device) -> [3,R,R] float32 in [-1,1] on the same device.
torch::Tensor augment(const torch::Tensor& image_hwc_u8, const AugmentDraw& draw, const AugmentConfig& config);

}  // namespace rashisa::ml
