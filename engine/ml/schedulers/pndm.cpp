// Ref: diffusers/src/diffusers/schedulers/scheduling_pndm.py (v0.30.3): set_timesteps, step_plms,
// _get_prev_sample (formula (9) of the PNDM paper, https://arxiv.org/abs/2202.09778)
#include "engine/ml/schedulers/pndm.h"

#include "engine/core/error.h"
#include "engine/ml/schedulers/schedule_tables.h"

#include <algorithm>
#include <cmath>

namespace rashisa::ml {

PndmScheduler::PndmScheduler(const SchedulerConfig& config)
    : config_(sched::effective_config(config, sched::SchedulerClass::PNDM)) {
  if (!config_.skip_prk_steps) sched::unsupported("PNDM", "skip_prk_steps", "false (Runge-Kutta warm-up steps)");
  auto acp = sched::make_alphas_cumprod(sched::make_betas(config_)).contiguous();
  alphas_cumprod_.assign(acp.data_ptr<float>(), acp.data_ptr<float>() + acp.numel());
  final_alpha_cumprod_ = config_.set_alpha_to_one ? 1.0f : alphas_cumprod_.front();
}

void PndmScheduler::set_timesteps(int n) {
  sched::check_num_steps(n, config_);
  num_inference_steps_ = n;
  // Ascending base list (the DDIM rules, reversed).
  auto base = sched::ddim_timesteps(*config_.timestep_spacing, config_.num_train_timesteps, n, config_.steps_offset);
  std::reverse(base.begin(), base.end());
  // PLMS: concat(L[:-1], L[-2:-1], L[-1:]) reversed, i.e. the second-to-last repeated.
  std::vector<int64_t> plms(base.begin(), base.end() - 1);
  if (base.size() >= 2) plms.push_back(base[base.size() - 2]);
  plms.push_back(base.back());
  std::reverse(plms.begin(), plms.end());
  for (auto t : plms)
    if (t < 0 || t >= config_.num_train_timesteps)
      throw Error(ErrorCode::InvalidArgument, "PNDM: " + std::to_string(n) + " steps reach timestep " +
                                                  std::to_string(t) + ", outside the schedule");
  timesteps_ = std::move(plms);
  ets_.clear();
  counter_ = 0;
  cur_sample_ = torch::Tensor();
}

torch::Tensor PndmScheduler::timesteps() const { return sched::to_tensor(timesteps_); }

Scheduler::StepOutput PndmScheduler::step(const torch::Tensor& model_output, int i, const torch::Tensor& sample) {
  if (i < 0 || i >= static_cast<int>(timesteps_.size()))
    throw Error(ErrorCode::InvalidArgument, "PNDM: step index out of range (call set_timesteps first)");
  if (i != counter_)
    throw Error(ErrorCode::InvalidArgument, "PNDM: steps must be taken in order (expected step " +
                                                std::to_string(counter_) + ", got " + std::to_string(i) + ")");
  const int64_t ratio = config_.num_train_timesteps / num_inference_steps_;
  int64_t t = timesteps_[i];
  int64_t prev_t = t - ratio;
  if (counter_ != 1) {
    if (ets_.size() > 3) ets_.erase(ets_.begin(), ets_.end() - 3);
    ets_.push_back(model_output);
  } else {
    // The repeated timestep re-evaluates the first step from t + ratio.
    prev_t = t;
    t = t + ratio;
  }

  torch::Tensor e;
  torch::Tensor x = sample;
  const size_t k = ets_.size();
  if (k == 1 && counter_ == 0) {
    e = model_output;
    cur_sample_ = sample;
  } else if (k == 1 && counter_ == 1) {
    e = (model_output + ets_.back()) / 2;
    x = cur_sample_;
    cur_sample_ = torch::Tensor();
  } else if (k == 2) {
    e = (ets_[1] * 3 - ets_[0]) / 2;
  } else if (k == 3) {
    e = (ets_[2] * 23 - ets_[1] * 16 + ets_[0] * 5) / 12;
  } else {
    e = (ets_[k - 1] * 55 - ets_[k - 2] * 59 + ets_[k - 3] * 37 - ets_[k - 4] * 9) * (1.0 / 24);
  }
  auto prev = prev_sample(x, t, prev_t, e);
  ++counter_;
  return {prev, torch::Tensor()};
}

torch::Tensor PndmScheduler::prev_sample(const torch::Tensor& x, int64_t t, int64_t prev_t, torch::Tensor e) const {
  const float a = alphas_cumprod_[t];
  const float a_prev = prev_t >= 0 ? alphas_cumprod_[prev_t] : final_alpha_cumprod_;
  const float b = 1.0f - a;
  const float b_prev = 1.0f - a_prev;
  if (config_.prediction_type == PredictionType::VPrediction) e = e * std::sqrt(a) + x * std::sqrt(b);
  const float sample_coeff = std::sqrt(a_prev / a);
  const float denom = a * std::sqrt(b_prev) + std::sqrt(a * b * a_prev);
  return x * sample_coeff - e * (a_prev - a) / denom;
}

}  // namespace rashisa::ml
