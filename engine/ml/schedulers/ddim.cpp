// Ref: diffusers/src/diffusers/schedulers/scheduling_ddim.py (v0.30.3): set_timesteps, step (eta = 0)
// Coefficients are float32 like the 0-dim torch tensors diffusers computes them with.
#include "engine/ml/schedulers/ddim.h"

#include "engine/core/error.h"
#include "engine/ml/schedulers/schedule_tables.h"

#include <cmath>

namespace rashisa::ml {

DdimScheduler::DdimScheduler(const SchedulerConfig& config)
    : config_(sched::effective_config(config, sched::SchedulerClass::DDIM)) {
  auto acp = sched::make_alphas_cumprod(sched::make_betas(config_)).contiguous();
  alphas_cumprod_.assign(acp.data_ptr<float>(), acp.data_ptr<float>() + acp.numel());
  // The step after the last one: alpha 1 (clean image) or the first training alpha.
  final_alpha_cumprod_ = config_.set_alpha_to_one ? 1.0f : alphas_cumprod_.front();
}

void DdimScheduler::set_timesteps(int n) {
  sched::check_num_steps(n, config_);
  num_inference_steps_ = n;
  timesteps_ = sched::ddim_timesteps(*config_.timestep_spacing, config_.num_train_timesteps, n, config_.steps_offset);
  for (auto t : timesteps_)
    if (t < 0 || t >= config_.num_train_timesteps)
      throw Error(ErrorCode::InvalidArgument, "DDIM: " + std::to_string(n) + " steps with steps_offset " +
                                                  std::to_string(config_.steps_offset) +
                                                  " reach timestep " + std::to_string(t) + ", outside the schedule");
}

torch::Tensor DdimScheduler::timesteps() const { return sched::to_tensor(timesteps_); }

Scheduler::StepOutput DdimScheduler::step(const torch::Tensor& model_output, int i, const torch::Tensor& sample) {
  if (i < 0 || i >= static_cast<int>(timesteps_.size()))
    throw Error(ErrorCode::InvalidArgument, "DDIM: step index out of range (call set_timesteps first)");
  const int64_t t = timesteps_[i];
  // diffusers steps back by T // N whatever the spacing.
  const int64_t prev_t = t - config_.num_train_timesteps / num_inference_steps_;
  const float a = alphas_cumprod_[t];
  const float a_prev = prev_t >= 0 ? alphas_cumprod_[prev_t] : final_alpha_cumprod_;
  const float b = 1.0f - a;

  torch::Tensor x0, eps;
  if (config_.prediction_type == PredictionType::Epsilon) {
    x0 = (sample - model_output * std::sqrt(b)) / std::sqrt(a);
    eps = model_output;
  } else {
    x0 = sample * std::sqrt(a) - model_output * std::sqrt(b);
    eps = model_output * std::sqrt(a) + sample * std::sqrt(b);
  }
  if (config_.clip_sample) x0 = x0.clamp(-config_.clip_sample_range, config_.clip_sample_range);
  // eta = 0: no variance term, the direction keeps all of 1 - a'.
  auto direction = eps * std::sqrt(1.0f - a_prev);
  return {x0 * std::sqrt(a_prev) + direction, x0};
}

}  // namespace rashisa::ml
