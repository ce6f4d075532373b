#pragma once
// Euler sampler (s_churn = 0, deterministic).
// Ref: diffusers/src/diffusers/schedulers/scheduling_euler_discrete.py (v0.30.3)
#include "engine/ml/schedulers/scheduler.h"

#include <vector>

namespace rashisa::ml {

class EulerDiscreteScheduler final : public Scheduler {
 public:
  /// Throws Error(UnsupportedModel) for interpolation_type other than linear or
  /// timestep_type other than discrete.
  explicit EulerDiscreteScheduler(const SchedulerConfig& config);
  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;  // float32
  double init_noise_sigma() const override;
  torch::Tensor scale_model_input(const torch::Tensor& x, int step_index) override;
  StepOutput step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample) override;
  torch::Tensor sigmas() const override;

 private:
  void check_index(int i) const;

  SchedulerConfig config_;
  torch::Tensor alphas_cumprod_;  // float32 [T]
  std::vector<float> timesteps_;
  std::vector<float> sigmas_;  // len(timesteps) + 1
};

}  // namespace rashisa::ml
