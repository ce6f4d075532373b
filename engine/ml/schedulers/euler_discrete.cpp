// Ref: diffusers/src/diffusers/schedulers/scheduling_euler_discrete.py (v0.30.3): set_timesteps,
// init_noise_sigma, scale_model_input, step (s_churn = 0). Timesteps are numpy float64 cast to
// float32, sigmas np.interp in float64 stored as float32, step coefficients float32.
#include "engine/ml/schedulers/euler_discrete.h"

#include "engine/core/error.h"
#include "engine/ml/schedulers/schedule_tables.h"

#include <algorithm>
#include <cmath>

namespace rashisa::ml {

EulerDiscreteScheduler::EulerDiscreteScheduler(const SchedulerConfig& config)
    : config_(sched::effective_config(config, sched::SchedulerClass::Euler)) {
  if (config_.interpolation_type != "linear")
    sched::unsupported("Euler", "interpolation_type", "\"" + config_.interpolation_type + "\"");
  if (config_.timestep_type != "discrete")
    sched::unsupported("Euler", "timestep_type", "\"" + config_.timestep_type + "\"");
  alphas_cumprod_ = sched::make_alphas_cumprod(sched::make_betas(config_));
}

void EulerDiscreteScheduler::set_timesteps(int n) {
  sched::check_num_steps(n, config_);
  const int T = config_.num_train_timesteps;
  std::vector<float> ts;
  switch (*config_.timestep_spacing) {
    case TimestepSpacing::Linspace: {
      const auto v = sched::np_linspace(0, T - 1, n);  // not rounded for Euler
      for (auto it = v.rbegin(); it != v.rend(); ++it) ts.push_back(static_cast<float>(*it));
      break;
    }
    case TimestepSpacing::Leading: {
      const int64_t ratio = T / n;
      for (int64_t i = n - 1; i >= 0; --i) ts.push_back(static_cast<float>(i * ratio) + config_.steps_offset);
      break;
    }
    case TimestepSpacing::Trailing: {
      for (double x : sched::np_arange(T, 0, -static_cast<double>(T) / n))
        ts.push_back(static_cast<float>(sched::np_round(x)) - 1.0f);
      break;
    }
  }

  const auto train_sigmas = sched::training_sigmas(alphas_cumprod_);
  std::vector<double> t64(ts.begin(), ts.end());
  auto sig = sched::np_interp_index(t64, train_sigmas);
  if (config_.use_karras_sigmas) {
    std::vector<float> log_sigmas(train_sigmas.size());
    std::transform(train_sigmas.begin(), train_sigmas.end(), log_sigmas.begin(), [](float s) { return std::log(s); });
    // The Karras range is that of the interpolated schedule unless the config overrides it.
    sig = sched::karras_sigmas(config_.sigma_min.value_or(sig.back()), config_.sigma_max.value_or(sig.front()), n);
    ts.clear();
    for (double s : sig) ts.push_back(static_cast<float>(sched::sigma_to_t(s, log_sigmas)));
  }
  sigmas_.assign(sig.begin(), sig.end());  // float64 -> float32
  // Final sigma: 0, or ((1 - acp[0]) / acp[0]) ** 0.5 = the smallest training sigma.
  sigmas_.push_back(config_.final_sigmas_type == "sigma_min" ? train_sigmas.front() : 0.0f);
  timesteps_ = std::move(ts);
}

torch::Tensor EulerDiscreteScheduler::timesteps() const { return sched::to_tensor(timesteps_); }

torch::Tensor EulerDiscreteScheduler::sigmas() const { return sched::to_tensor(sigmas_); }

double EulerDiscreteScheduler::init_noise_sigma() const {
  if (sigmas_.empty()) throw Error(ErrorCode::InvalidArgument, "Euler: call set_timesteps first");
  const float max_sigma = *std::max_element(sigmas_.begin(), sigmas_.end());
  // "standard deviation of the initial noise distribution"
  if (*config_.timestep_spacing != TimestepSpacing::Leading) return max_sigma;
  return std::sqrt(max_sigma * max_sigma + 1.0f);
}

void EulerDiscreteScheduler::check_index(int i) const {
  if (i < 0 || i >= static_cast<int>(timesteps_.size()))
    throw Error(ErrorCode::InvalidArgument, "Euler: step index out of range (call set_timesteps first)");
}

torch::Tensor EulerDiscreteScheduler::scale_model_input(const torch::Tensor& x, int i) {
  check_index(i);
  const float s = sigmas_[i];
  return x / std::sqrt(s * s + 1.0f);
}

Scheduler::StepOutput EulerDiscreteScheduler::step(const torch::Tensor& model_output, int i,
                                                   const torch::Tensor& sample_in) {
  check_index(i);
  // Upcast like diffusers "to avoid precision issues when computing prev_sample".
  const auto sample = sample_in.to(torch::kFloat32);
  const auto m = model_output.to(torch::kFloat32);
  const float sigma = sigmas_[i];  // s_churn = 0: sigma_hat = sigma
  torch::Tensor x0;
  if (config_.prediction_type == PredictionType::Epsilon)
    x0 = sample - m * sigma;
  else
    x0 = m * (-sigma / std::sqrt(sigma * sigma + 1.0f)) + sample / (sigma * sigma + 1.0f);
  auto derivative = (sample - x0) / sigma;
  const float dt = sigmas_[i + 1] - sigma;
  auto prev = sample + derivative * dt;
  return {prev.to(model_output.scalar_type()), x0};
}

}  // namespace rashisa::ml
