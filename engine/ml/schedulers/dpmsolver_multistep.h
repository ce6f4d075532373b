#pragma once
// DPM-Solver++ multistep sampler of order 2 ("DPM++ 2M"), optionally with
// Karras sigmas. Ref: diffusers/src/diffusers/schedulers/scheduling_dpmsolver_multistep.py (v0.30.3)
#include "engine/ml/schedulers/scheduler.h"

#include <vector>

namespace rashisa::ml {

class DpmSolverMultistepScheduler final : public Scheduler {
 public:
  /// Throws Error(UnsupportedModel) for algorithm_type other than dpmsolver++,
  /// use_lu_lambdas, learned variance or an unknown solver_type.
  explicit DpmSolverMultistepScheduler(const SchedulerConfig& config);
  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;  // int64
  double init_noise_sigma() const override { return 1.0; }
  torch::Tensor scale_model_input(const torch::Tensor& x, int) override { return x; }
  StepOutput step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample) override;
  torch::Tensor sigmas() const override;

 private:
  torch::Tensor convert_model_output(const torch::Tensor& model_output, const torch::Tensor& sample, int i) const;
  torch::Tensor first_order_update(const torch::Tensor& x0, const torch::Tensor& sample, int i) const;
  torch::Tensor second_order_update(const torch::Tensor& sample, int i) const;

  SchedulerConfig config_;
  torch::Tensor alphas_cumprod_;  // float32 [T]
  std::vector<int64_t> timesteps_;
  std::vector<float> sigmas_;  // len(timesteps) + 1
  // Data predictions x0 of the last two steps ([0] older) and how many exist.
  torch::Tensor model_outputs_[2];
  int lower_order_nums_ = 0;
  int next_step_ = 0;
};

}  // namespace rashisa::ml
