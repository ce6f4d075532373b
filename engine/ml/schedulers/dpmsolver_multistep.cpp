// Ref: diffusers/src/diffusers/schedulers/scheduling_dpmsolver_multistep.py (v0.30.3): set_timesteps,
// _sigma_to_alpha_sigma_t, convert_model_output, dpm_solver_first_order_update,
// multistep_dpm_solver_second_order_update, step (solver_order 2, dpmsolver++)
// Step coefficients are float32 like diffusers' 0-dim tensors.
#include "engine/ml/schedulers/dpmsolver_multistep.h"

#include "engine/core/error.h"
#include "engine/ml/schedulers/schedule_tables.h"

#include <algorithm>
#include <cmath>

namespace rashisa::ml {

namespace {

struct AlphaSigma {
  float alpha, sigma, lambda;
};

// VP parametrisation of a Karras sigma: alpha = 1 / sqrt(s^2 + 1), sigma = s * alpha.
AlphaSigma alpha_sigma(float s) {
  const float alpha = 1.0f / std::sqrt(s * s + 1.0f);
  const float sigma = s * alpha;
  return {alpha, sigma, std::log(alpha) - std::log(sigma)};
}

}  // namespace

DpmSolverMultistepScheduler::DpmSolverMultistepScheduler(const SchedulerConfig& config)
    : config_(sched::effective_config(config, sched::SchedulerClass::DPMSolver)) {
  if (config_.algorithm_type != "dpmsolver++")
    sched::unsupported("DPM-Solver", "algorithm_type", "\"" + config_.algorithm_type + "\"");
  if (config_.use_lu_lambdas) sched::unsupported("DPM-Solver", "use_lu_lambdas", "true");
  if (config_.variance_type == "learned" || config_.variance_type == "learned_range")
    sched::unsupported("DPM-Solver", "variance_type", "\"" + config_.variance_type + "\"");
  if (config_.solver_type != "midpoint" && config_.solver_type != "heun")
    sched::unsupported("DPM-Solver", "solver_type", "\"" + config_.solver_type + "\"");
  alphas_cumprod_ = sched::make_alphas_cumprod(sched::make_betas(config_));
}

void DpmSolverMultistepScheduler::set_timesteps(int n) {
  sched::check_num_steps(n, config_);
  const int T = config_.num_train_timesteps;
  // lambda_min_clipped cuts the noisiest end: last_timestep = T - searchsorted(flip(lambda_t), clip).
  auto lambda_t = (torch::log(alphas_cumprod_.sqrt()) - torch::log((1 - alphas_cumprod_).sqrt())).flip(0);
  const int64_t clipped_idx = lambda_t.lt(config_.lambda_min_clipped).sum().item<int64_t>();
  const int64_t last_timestep = T - clipped_idx;

  std::vector<int64_t> ts;
  switch (*config_.timestep_spacing) {
    case TimestepSpacing::Linspace: {
      const auto v = sched::np_linspace(0, static_cast<double>(last_timestep - 1), n + 1);
      for (int64_t k = n; k >= 1; --k) ts.push_back(static_cast<int64_t>(sched::np_round(v[k])));
      break;
    }
    case TimestepSpacing::Leading: {
      const int64_t ratio = last_timestep / (n + 1);
      for (int64_t k = n; k >= 1; --k) ts.push_back(k * ratio + config_.steps_offset);
      break;
    }
    case TimestepSpacing::Trailing: {
      for (double x : sched::np_arange(static_cast<double>(last_timestep), 0, -static_cast<double>(T) / n))
        ts.push_back(static_cast<int64_t>(sched::np_round(x)) - 1);
      break;
    }
  }

  const auto train_sigmas = sched::training_sigmas(alphas_cumprod_);
  std::vector<double> sig;
  float sigma_last = 0.0f;
  if (config_.use_karras_sigmas) {
    std::vector<float> log_sigmas(train_sigmas.size());
    std::transform(train_sigmas.begin(), train_sigmas.end(), log_sigmas.begin(), [](float s) { return std::log(s); });
    sig = sched::karras_sigmas(config_.sigma_min.value_or(train_sigmas.front()),
                               config_.sigma_max.value_or(train_sigmas.back()), n);
    ts.clear();
    for (double s : sig) ts.push_back(static_cast<int64_t>(sched::np_round(sched::sigma_to_t(s, log_sigmas))));
    if (config_.final_sigmas_type == "sigma_min") sigma_last = static_cast<float>(sig.back());
  } else {
    std::vector<double> t64(ts.begin(), ts.end());
    sig = sched::np_interp_index(t64, train_sigmas);
    if (config_.final_sigmas_type == "sigma_min") sigma_last = train_sigmas.front();
  }
  for (auto t : ts)
    if (t < 0 || t >= T)
      throw Error(ErrorCode::InvalidArgument, "DPM-Solver: " + std::to_string(n) + " steps reach timestep " +
                                                  std::to_string(t) + ", outside the schedule");
  sigmas_.assign(sig.begin(), sig.end());
  sigmas_.push_back(sigma_last);
  timesteps_ = std::move(ts);
  model_outputs_[0] = model_outputs_[1] = torch::Tensor();
  lower_order_nums_ = 0;
  next_step_ = 0;
}

torch::Tensor DpmSolverMultistepScheduler::timesteps() const { return sched::to_tensor(timesteps_); }

torch::Tensor DpmSolverMultistepScheduler::sigmas() const { return sched::to_tensor(sigmas_); }

torch::Tensor DpmSolverMultistepScheduler::convert_model_output(const torch::Tensor& m, const torch::Tensor& sample,
                                                                int i) const {
  // DPM-Solver++ works on the data prediction x0.
  const auto s = alpha_sigma(sigmas_[i]);
  if (config_.prediction_type == PredictionType::Epsilon) return (sample - m * s.sigma) / s.alpha;
  return sample * s.alpha - m * s.sigma;
}

torch::Tensor DpmSolverMultistepScheduler::first_order_update(const torch::Tensor& x0, const torch::Tensor& sample,
                                                              int i) const {
  // At the final sigma 0: alpha 1, sigma 0, lambda inf, so the result is x0.
  const auto t = alpha_sigma(sigmas_[i + 1]);
  const auto s = alpha_sigma(sigmas_[i]);
  const float h = t.lambda - s.lambda;
  return sample * (t.sigma / s.sigma) - x0 * (t.alpha * (std::exp(-h) - 1.0f));
}

torch::Tensor DpmSolverMultistepScheduler::second_order_update(const torch::Tensor& sample, int i) const {
  const auto t = alpha_sigma(sigmas_[i + 1]);
  const auto s0 = alpha_sigma(sigmas_[i]);
  const auto s1 = alpha_sigma(sigmas_[i - 1]);
  const auto& m0 = model_outputs_[1];
  const auto& m1 = model_outputs_[0];
  const float h = t.lambda - s0.lambda;
  const float h0 = s0.lambda - s1.lambda;
  const float r0 = h0 / h;
  const auto& d0 = m0;
  auto d1 = (m0 - m1) * (1.0f / r0);
  const float phi = t.alpha * (std::exp(-h) - 1.0f);
  if (config_.solver_type == "midpoint") return sample * (t.sigma / s0.sigma) - d0 * phi - d1 * (0.5f * phi);
  // heun
  return sample * (t.sigma / s0.sigma) - d0 * phi + d1 * (t.alpha * ((std::exp(-h) - 1.0f) / h + 1.0f));
}

Scheduler::StepOutput DpmSolverMultistepScheduler::step(const torch::Tensor& model_output, int i,
                                                        const torch::Tensor& sample_in) {
  const int n = static_cast<int>(timesteps_.size());
  if (i < 0 || i >= n)
    throw Error(ErrorCode::InvalidArgument, "DPM-Solver: step index out of range (call set_timesteps first)");
  if (i != next_step_)
    throw Error(ErrorCode::InvalidArgument, "DPM-Solver: steps must be taken in order (expected step " +
                                                std::to_string(next_step_) + ", got " + std::to_string(i) + ")");
  // First order at the end: always with a final sigma of 0, else for short schedules.
  const bool lower_order_final =
      i == n - 1 && (config_.euler_at_final || (config_.lower_order_final && n < 15) ||
                     config_.final_sigmas_type == "zero");
  const auto x0 = convert_model_output(model_output.to(torch::kFloat32), sample_in.to(torch::kFloat32), i);
  model_outputs_[0] = model_outputs_[1];
  model_outputs_[1] = x0;
  const auto sample = sample_in.to(torch::kFloat32);
  torch::Tensor prev = (lower_order_nums_ < 1 || lower_order_final) ? first_order_update(x0, sample, i)
                                                                    : second_order_update(sample, i);
  if (lower_order_nums_ < 2) ++lower_order_nums_;
  ++next_step_;
  return {prev.to(model_output.scalar_type()), torch::Tensor()};
}

}  // namespace rashisa::ml
