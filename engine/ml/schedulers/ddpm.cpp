// Ref: diffusers/src/diffusers/schedulers/scheduling_ddpm.py (v0.30.3): __init__, add_noise, get_velocity
#include "engine/ml/schedulers/ddpm.h"

#include "engine/core/error.h"
#include "engine/ml/schedulers/schedule_tables.h"

namespace rashisa::ml {

DdpmTraining::DdpmTraining(const SchedulerConfig& config)
    : config_(sched::effective_config(config, sched::SchedulerClass::DDPM)) {
  betas_ = sched::make_betas(config_);
  alphas_cumprod_ = sched::make_alphas_cumprod(betas_);
}

std::pair<torch::Tensor, torch::Tensor> DdpmTraining::coefficients(const torch::Tensor& like,
                                                                   const torch::Tensor& timesteps) const {
  if (timesteps.dim() != 1 || timesteps.size(0) != like.size(0) || timesteps.is_floating_point())
    throw Error(ErrorCode::InvalidArgument, "DDPM: timesteps must be an integer tensor [batch] matching the samples");
  if (timesteps.numel() > 0 &&
      (timesteps.min().item<int64_t>() < 0 || timesteps.max().item<int64_t>() >= config_.num_train_timesteps))
    throw Error(ErrorCode::InvalidArgument,
                "DDPM: timesteps must lie in [0, " + std::to_string(config_.num_train_timesteps) + ")");
  // diffusers moves the table to the samples' device and dtype before gathering.
  const auto acp = alphas_cumprod_.to(like.device(), like.scalar_type());
  const auto t = timesteps.to(like.device(), torch::kLong);
  auto a = acp.index({t});  // [B]
  auto sqrt_a = a.pow(0.5).flatten();
  auto sqrt_1ma = (1 - a).pow(0.5).flatten();
  while (sqrt_a.dim() < like.dim()) {
    sqrt_a = sqrt_a.unsqueeze(-1);
    sqrt_1ma = sqrt_1ma.unsqueeze(-1);
  }
  return {sqrt_a, sqrt_1ma};
}

torch::Tensor DdpmTraining::add_noise(const torch::Tensor& x0, const torch::Tensor& noise,
                                      const torch::Tensor& timesteps) const {
  auto [sqrt_a, sqrt_1ma] = coefficients(x0, timesteps);
  return sqrt_a * x0 + sqrt_1ma * noise;
}

torch::Tensor DdpmTraining::get_velocity(const torch::Tensor& x0, const torch::Tensor& noise,
                                         const torch::Tensor& timesteps) const {
  auto [sqrt_a, sqrt_1ma] = coefficients(x0, timesteps);
  return sqrt_a * noise - sqrt_1ma * x0;
}

}  // namespace rashisa::ml
