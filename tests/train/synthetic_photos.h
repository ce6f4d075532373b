#pragma once
// Photos of one distinctive object that the tests draw themselves: a red ball with a
// yellow band on a teal background, at a different place and size in each photo.
#include "engine/ml/train/trainer.h"

#include <torch/torch.h>

#include <vector>

namespace rashisa::testing {

inline std::vector<ml::TrainingPhoto> draw_ball_photos(int count, int64_t height = 96, int64_t width = 112) {
  std::vector<ml::TrainingPhoto> photos;
  auto ys = torch::arange(height, torch::kFloat32).view({-1, 1});
  auto xs = torch::arange(width, torch::kFloat32).view({1, -1});
  for (int i = 0; i < count; ++i) {
    const float cy = height * (0.4f + 0.05f * (i % 3)), cx = width * (0.35f + 0.07f * (i % 4));
    const float r = std::min(height, width) * (0.28f + 0.03f * (i % 2));
    auto inside = ((ys - cy).square() + (xs - cx).square()).lt(r * r);               // [H,W]
    auto band = inside.logical_and((ys - cy).abs().lt(r * 0.18f));
    auto img = torch::empty({height, width, 3}, torch::kUInt8);
    img.select(2, 0).fill_(20);
    img.select(2, 1).fill_(140);
    img.select(2, 2).fill_(150);
    for (auto [c, v] : {std::pair<int, int>{0, 220}, {1, 30}, {2, 40}}) img.select(2, c).masked_fill_(inside, v);
    for (auto [c, v] : {std::pair<int, int>{0, 250}, {1, 220}, {2, 30}}) img.select(2, c).masked_fill_(band, v);
    ml::TrainingPhoto p;
    p.rgb = img;
    p.sha256 = "drawn-ball-" + std::to_string(i);
    photos.push_back(p);
  }
  return photos;
}

}  // namespace rashisa::testing
