#include "engine/ml/pipeline/token_heatmap.h"

#include "engine/core/error.h"

#include <torch/torch.h>

#include <string>

namespace rashisa::ml {

namespace {

int64_t ceil_div_pow2(int64_t x, int k) { return (x + (int64_t(1) << k) - 1) >> k; }

}  // namespace

std::pair<int64_t, int64_t> attention_grid(int64_t hw, int64_t latent_h, int64_t latent_w) {
  if (latent_h < 1 || latent_w < 1 || hw < 1)
    throw Error(ErrorCode::InvalidArgument, "attention_grid: sizes must be positive");
  for (int k = 0; k < 62; ++k) {
    const int64_t h = ceil_div_pow2(latent_h, k), w = ceil_div_pow2(latent_w, k);
    if (h * w == hw) return {h, w};
    if (h * w < hw || (h == 1 && w == 1)) break;
  }
  throw Error(ErrorCode::InvalidArgument, "attention_grid: " + std::to_string(hw) +
                                              " query pixels fit no UNet level of a " + std::to_string(latent_h) +
                                              "x" + std::to_string(latent_w) + " latent");
}

TokenHeatMap::TokenHeatMap(int64_t token, int64_t latent_h, int64_t latent_w, int64_t out_h, int64_t out_w)
    : token_(token), latent_h_(latent_h), latent_w_(latent_w), out_h_(out_h), out_w_(out_w) {
  if (token < 0 || out_h < 1 || out_w < 1 || latent_h < 1 || latent_w < 1)
    throw Error(ErrorCode::InvalidArgument, "TokenHeatMap: the token index and sizes must be positive");
}

void TokenHeatMap::add(const torch::Tensor& probs) {
  TORCH_CHECK(probs.dim() == 4 && probs.size(0) >= 2 && probs.size(0) % 2 == 0,
              "TokenHeatMap: probs must be [2*prompts, heads, HW, keys], got ", probs.sizes());
  TORCH_CHECK(token_ < probs.size(3), "TokenHeatMap: token ", token_, " is beyond the ", probs.size(3), " keys");
  const int64_t b = probs.size(0);
  const auto grid = attention_grid(probs.size(2), latent_h_, latent_w_);
  // Ref: AttnDreamBooth hook.py _unravel_attn (map_[map_.size(0) // 2:] keeps the conditional half).
  auto column = probs.narrow(0, b / 2, b / 2).select(3, token_).to(torch::kFloat32);  // [b/2, heads, HW]
  auto map = column.mean(torch::IntArrayRef{0, 1}).view({1, 1, grid.first, grid.second});              // [1,1,h,w]
  // Ref: attention-map utils.py save_attention_maps (F.interpolate bilinear, align_corners=False).
  namespace F = torch::nn::functional;
  auto up = F::interpolate(map, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{out_h_, out_w_})
                                    .mode(torch::kBilinear)
                                    .align_corners(false));  // [1,1,H,W]
  auto plane = up.view({out_h_, out_w_});
  sum_ = sum_.defined() ? sum_ + plane : plane.clone();
  ++count_;
}

torch::Tensor TokenHeatMap::result() const {
  if (!sum_.defined()) return torch::zeros({out_h_, out_w_}, torch::kFloat32);
  auto mean = (sum_ / static_cast<double>(count_)).to(torch::kCPU).contiguous();  // [H,W]
  const double peak = mean.max().item<double>();
  if (!(peak > 0.0)) return torch::zeros_like(mean);
  return (mean / peak).clamp(0.0, 1.0);
}

}  // namespace rashisa::ml
