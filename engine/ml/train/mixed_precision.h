#pragma once
// Mixed precision for training on CUDA: bf16 autocast where the GPU has it (Ampere and
// newer), fp16 autocast with dynamic loss scaling otherwise. Master weights stay fp32.
#include <torch/types.h>

#include <vector>

namespace rashisa::ml {

/// bf16 on compute capability >= 8.0, fp16 below, float32 on the CPU.
torch::Dtype autocast_dtype_for(const torch::Device& device);

/// Enables CUDA autocast to `dtype` for its lifetime (no-op when disabled).
class AutocastGuard {
 public:
  AutocastGuard(bool enabled, torch::Dtype dtype);
  ~AutocastGuard();
  AutocastGuard(const AutocastGuard&) = delete;
  AutocastGuard& operator=(const AutocastGuard&) = delete;

 private:
  bool enabled_;
  bool previous_ = false;
};

/// Dynamic loss scaling as torch.cuda.amp.GradScaler does it: scale the loss, unscale
/// gradients, skip the step and halve the scale on inf/nan, double it after 2000 good steps.
class LossScaler {
 public:
  explicit LossScaler(bool enabled, double initial_scale = 65536.0);
  torch::Tensor scale(const torch::Tensor& loss) const;
  /// Unscales gradients in place; false when they overflowed (the step must be skipped).
  bool unscale(const std::vector<torch::Tensor>& params);
  double value() const { return scale_; }
  bool enabled() const { return enabled_; }
  /// Steps since the scale last changed; with value(), what a checkpoint keeps so that a resume
  /// continues with the same scale.
  int good_steps() const { return good_steps_; }
  /// Puts back value() and good_steps() as saved (no effect when disabled).
  void restore(double scale, int good_steps);

 private:
  bool enabled_;
  double scale_;
  int good_steps_ = 0;
};

}  // namespace rashisa::ml
