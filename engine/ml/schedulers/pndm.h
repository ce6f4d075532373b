#pragma once
// PNDM sampler, PLMS steps only (skip_prk_steps), as SD pipelines configure it.
// Ref: diffusers/src/diffusers/schedulers/scheduling_pndm.py (v0.30.3)
#include "engine/ml/schedulers/scheduler.h"

#include <vector>

namespace rashisa::ml {

class PndmScheduler final : public Scheduler {
 public:
  /// Throws Error(UnsupportedModel) when skip_prk_steps is false (Runge-Kutta warm-up).
  explicit PndmScheduler(const SchedulerConfig& config);
  void set_timesteps(int num_inference_steps) override;
  /// N+1 entries for N >= 2: the second timestep is repeated.
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  torch::Tensor scale_model_input(const torch::Tensor& x, int) override { return x; }
  StepOutput step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample) override;

 private:
  torch::Tensor prev_sample(const torch::Tensor& x, int64_t t, int64_t prev_t, torch::Tensor e) const;

  SchedulerConfig config_;
  std::vector<float> alphas_cumprod_;
  float final_alpha_cumprod_;
  int num_inference_steps_ = 0;
  std::vector<int64_t> timesteps_;
  // PLMS history: the last (up to 4) model outputs, the step counter and the
  // sample remembered at step 0 for the repeated step 1.
  std::vector<torch::Tensor> ets_;
  int counter_ = 0;
  torch::Tensor cur_sample_;
};

}  // namespace rashisa::ml
