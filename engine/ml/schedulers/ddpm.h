#pragma once
// DDPM training schedule: forward noising and the v-prediction target.
// Ref: diffusers/src/diffusers/schedulers/scheduling_ddpm.py (v0.30.3): add_noise, get_velocity
#include "engine/ml/schedulers/scheduler.h"

namespace rashisa::ml {

class DdpmTraining {
 public:
  /// The config as DDPMScheduler.from_pretrained(model, subfolder="scheduler")
  /// reads it (class defaults for absent keys).
  explicit DdpmTraining(const SchedulerConfig& config);

  torch::Tensor betas() const { return betas_; }                    // float32 CPU [T]
  torch::Tensor alphas_cumprod() const { return alphas_cumprod_; }  // float32 CPU [T]
  int num_train_timesteps() const { return config_.num_train_timesteps; }
  PredictionType prediction_type() const { return config_.prediction_type; }

  /// sqrt(acp[t]) x0 + sqrt(1 - acp[t]) noise, per sample. x0, noise: [B, ...];
  /// timesteps: [B] int64 in [0, T). Computed in x0's dtype on x0's device.
  torch::Tensor add_noise(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& timesteps) const;
  /// The v-prediction target sqrt(acp[t]) noise - sqrt(1 - acp[t]) x0.
  torch::Tensor get_velocity(const torch::Tensor& x0, const torch::Tensor& noise,
                             const torch::Tensor& timesteps) const;

 private:
  // Per-sample sqrt(acp[t]) and sqrt(1 - acp[t]), shaped to broadcast against `like`.
  std::pair<torch::Tensor, torch::Tensor> coefficients(const torch::Tensor& like, const torch::Tensor& timesteps) const;

  SchedulerConfig config_;
  torch::Tensor betas_;
  torch::Tensor alphas_cumprod_;
};

}  // namespace rashisa::ml
