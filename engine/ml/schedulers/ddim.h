#pragma once
// DDIM sampler (eta = 0). Ref: diffusers/src/diffusers/schedulers/scheduling_ddim.py (v0.30.3)
#include "engine/ml/schedulers/scheduler.h"

#include <vector>

namespace rashisa::ml {

class DdimScheduler final : public Scheduler {
 public:
  /// Absent class-dependent keys of `config` take this class's defaults.
  explicit DdimScheduler(const SchedulerConfig& config);
  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  torch::Tensor scale_model_input(const torch::Tensor& x, int) override { return x; }
  StepOutput step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample) override;

 private:
  SchedulerConfig config_;
  std::vector<float> alphas_cumprod_;
  float final_alpha_cumprod_;
  int num_inference_steps_ = 0;
  std::vector<int64_t> timesteps_;
};

}  // namespace rashisa::ml
