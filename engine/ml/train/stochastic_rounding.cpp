#include "engine/ml/train/stochastic_rounding.h"

#include <torch/torch.h>

namespace rashisa::ml {

namespace {

constexpr int64_t kMask32 = 0xFFFFFFFFLL;

// splitmix64 finaliser, for mixing the key on the host.
std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// (h * c) mod 2^32 for h, c < 2^32 held in int64, in two 16-bit halves so that no product
// reaches 2^63.
torch::Tensor mul_mod32(const torch::Tensor& h, int64_t c) {
  auto lo = h.bitwise_and(0xFFFF) * c;
  auto hi = (h.bitwise_right_shift(16) * c).bitwise_and(0xFFFF);
  return (lo + hi * 65536).bitwise_and(kMask32);
}

// murmur3's 32-bit finaliser on int64 tensors holding 32-bit values.
torch::Tensor fmix32(torch::Tensor h) {
  h = h.bitwise_xor(h.bitwise_right_shift(16));
  h = mul_mod32(h, 0x85EBCA6BLL);
  h = h.bitwise_xor(h.bitwise_right_shift(13));
  h = mul_mod32(h, 0xC2B2AE35LL);
  return h.bitwise_xor(h.bitwise_right_shift(16));
}

}  // namespace

std::uint64_t rounding_key(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
  return mix64(mix64(mix64(seed) ^ a) ^ b);
}

torch::Tensor random_bits16(int64_t numel, std::uint64_t key, const torch::Device& device) {
  torch::NoGradGuard no_grad;
  const int64_t k0 = static_cast<int64_t>(key & 0xFFFFFFFFULL);
  const int64_t k1 = static_cast<int64_t>(key >> 32);
  auto idx = torch::arange(numel, torch::TensorOptions().dtype(torch::kInt64).device(device));
  // Two rounds keyed by both halves of the key; the index's high bits join the second.
  auto h = fmix32(idx.bitwise_and(kMask32).bitwise_xor(k0));
  h = fmix32(h.bitwise_xor(k1).add_(idx.bitwise_right_shift(32)).bitwise_and(kMask32));
  return h.bitwise_right_shift(8).bitwise_and(0xFFFF).to(torch::kInt32);
}

torch::Tensor stochastic_round_bf16(const torch::Tensor& x, std::uint64_t key) {
  torch::NoGradGuard no_grad;
  TORCH_CHECK(x.scalar_type() == torch::kFloat32, "stochastic_round_bf16 takes float32");
  const auto bits = x.contiguous().view(torch::kInt32);
  // Adding r in [0, 2^16) to the sign-magnitude pattern carries into the bf16 mantissa with
  // probability (low 16 bits) / 2^16; clearing the low bits then truncates. Infinities keep
  // Infinities and NaNs are converted as they are.
  auto r = random_bits16(x.numel(), key, x.device()).view(x.sizes());
  const auto rounded = (bits + r).bitwise_and(static_cast<int64_t>(static_cast<int32_t>(0xFFFF0000u))).view(torch::kFloat32);
  return torch::where(torch::isfinite(x), rounded, x).to(torch::kBFloat16);
}

}  // namespace rashisa::ml
