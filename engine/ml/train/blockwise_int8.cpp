#include "engine/ml/train/blockwise_int8.h"

#include <torch/torch.h>

#include <cmath>
#include <mutex>
#include <vector>

namespace rashisa::ml {

namespace {

// create_dynamic_map(signed, max_exponent_bits=7, total_bits=8): for each exponent
// e = -6..0, 10^e times the midpoints of an even split of [0.1, 1]; the signed map mirrors
// them and gives each exponent half as many fraction values. Plus 0 and 1.
std::vector<float> build_map(bool is_signed) {
  const int max_exponent_bits = 7, non_sign_bits = 7;
  std::vector<double> data;
  for (int i = 0; i < max_exponent_bits; ++i) {
    const int items = is_signed ? (1 << (i + non_sign_bits - max_exponent_bits)) + 1
                                : (1 << (i + non_sign_bits - max_exponent_bits + 1)) + 1;
    const double scale = std::pow(10.0, -(max_exponent_bits - 1) + i);
    for (int k = 0; k + 1 < items; ++k) {
      // torch.linspace(0.1, 1, items) in float32, then the mean of neighbours.
      const float a = static_cast<float>(0.1 + (1.0 - 0.1) * k / (items - 1));
      const float b = static_cast<float>(0.1 + (1.0 - 0.1) * (k + 1) / (items - 1));
      const double mean = (static_cast<double>(a) + b) / 2.0;
      data.push_back(scale * mean);
      if (is_signed) data.push_back(-scale * mean);
    }
  }
  data.push_back(0.0);
  data.push_back(1.0);
  TORCH_CHECK(data.size() == 256, "dynamic map: ", data.size(), " values");
  std::vector<float> out(data.begin(), data.end());
  std::sort(out.begin(), out.end());
  return out;
}

const torch::Tensor& map_of(bool is_signed) {
  static std::once_flag once;
  static torch::Tensor maps[2];
  std::call_once(once, [] {
    for (bool s : {false, true}) {
      auto v = build_map(s);
      maps[s] = torch::from_blob(v.data(), {256}, torch::kFloat32).clone();
    }
  });
  return maps[is_signed];
}

/// [N] -> [blocks, 256], zero-padded.
torch::Tensor as_blocks(const torch::Tensor& flat) {
  const int64_t n = flat.numel();
  const int64_t blocks = (n + kQuantBlock - 1) / kQuantBlock;
  if (blocks * kQuantBlock == n) return flat.view({blocks, kQuantBlock});
  return torch::constant_pad_nd(flat, {0, blocks * kQuantBlock - n}).view({blocks, kQuantBlock});
}

}  // namespace

torch::Tensor dynamic_map(bool is_signed) { return map_of(is_signed); }

BlockwiseInt8 quantize_blockwise(const torch::Tensor& x, bool is_signed) {
  torch::NoGradGuard no_grad;
  const auto flat = x.detach().to(torch::kFloat32).reshape({-1});
  const auto blocks = as_blocks(flat);                                         // [B, 256]
  auto absmax = blocks.abs().amax(1);                                          // [B]
  const auto safe = torch::where(absmax > 0, absmax, torch::ones_like(absmax));
  const auto normed = (blocks / safe.unsqueeze(1)).reshape({-1}).narrow(0, 0, flat.numel());
  const auto code = map_of(is_signed).to(x.device());
  // Nearest entry: the boundaries between neighbouring codes split [-1, 1] into 256 cells.
  const auto mids = (code.narrow(0, 0, 255) + code.narrow(0, 1, 255)) / 2;
  auto idx = torch::bucketize(normed.contiguous(), mids, /*out_int32=*/false, /*right=*/true);
  return {idx.to(torch::kUInt8), absmax};
}

torch::Tensor dequantize_blockwise(const BlockwiseInt8& q, bool is_signed, torch::IntArrayRef sizes) {
  torch::NoGradGuard no_grad;
  const auto code = map_of(is_signed).to(q.codes.device());
  const auto values = code.index_select(0, q.codes.reshape({-1}).to(torch::kInt64));  // [N]
  const int64_t n = values.numel();
  const auto scaled = (as_blocks(values) * q.absmax.unsqueeze(1)).reshape({-1}).narrow(0, 0, n);
  return scaled.reshape(sizes).contiguous();
}

}  // namespace rashisa::ml
