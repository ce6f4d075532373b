#include "engine/ml/train/mixed_precision.h"

#include "engine/ml/pipeline/device.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

namespace rashisa::ml {

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define RASHISA_AUTOCAST_DEVICE_API 1
#endif

torch::Dtype autocast_dtype_for(const torch::Device& device) {
  if (!device.is_cuda()) return torch::kFloat32;
  return supports_bf16(device) ? torch::kBFloat16 : torch::kFloat16;
}

AutocastGuard::AutocastGuard(bool enabled, torch::Dtype dtype) : enabled_(enabled) {
  if (!enabled_) return;
#ifdef RASHISA_AUTOCAST_DEVICE_API
  previous_ = at::autocast::is_autocast_enabled(at::kCUDA);
  at::autocast::set_autocast_dtype(at::kCUDA, dtype);
  at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
  previous_ = at::autocast::is_enabled();
  at::autocast::set_autocast_gpu_dtype(dtype);
  at::autocast::set_enabled(true);
#endif
}

AutocastGuard::~AutocastGuard() {
  if (!enabled_) return;
#ifdef RASHISA_AUTOCAST_DEVICE_API
  at::autocast::set_autocast_enabled(at::kCUDA, previous_);
#else
  at::autocast::set_enabled(previous_);
#endif
  if (!previous_) at::autocast::clear_cache();
}

LossScaler::LossScaler(bool enabled, double initial_scale) : enabled_(enabled), scale_(enabled ? initial_scale : 1.0) {}

void LossScaler::restore(double scale, int good_steps) {
  if (!enabled_) return;
  scale_ = scale;
  good_steps_ = good_steps;
}

torch::Tensor LossScaler::scale(const torch::Tensor& loss) const { return enabled_ ? loss * scale_ : loss; }

bool LossScaler::unscale(const std::vector<torch::Tensor>& params) {
  if (!enabled_) return true;
  torch::NoGradGuard no_grad;
  bool finite = true;
  for (const auto& p : params) {
    if (!p.grad().defined()) continue;
    p.grad().mul_(1.0 / scale_);
    if (!torch::isfinite(p.grad()).all().item<bool>()) finite = false;
  }
  if (!finite) {
    scale_ /= 2.0;
    good_steps_ = 0;
    return false;
  }
  if (++good_steps_ >= 2000) {
    scale_ *= 2.0;
    good_steps_ = 0;
  }
  return true;
}

}  // namespace rashisa::ml
