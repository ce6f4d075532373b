#include "engine/ml/train/adamw.h"

#include "engine/core/error.h"

#include <torch/torch.h>

#include <cmath>

namespace rashisa::ml {

AdamW::AdamW(std::vector<std::string> names, std::vector<torch::Tensor> params, AdamWOptions options)
    : names_(std::move(names)), params_(std::move(params)), options_(options) {
  TORCH_CHECK(names_.size() == params_.size(), "AdamW: one name per parameter");
  torch::NoGradGuard no_grad;
  for (const auto& p : params_) {
    // Moments in float32 even for half parameters.
    exp_avg_.push_back(torch::zeros_like(p, p.options().dtype(torch::kFloat32)));
    exp_avg_sq_.push_back(torch::zeros_like(p, p.options().dtype(torch::kFloat32)));
  }
}

void AdamW::zero_grad() {
  for (auto& p : params_) {
    if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
  }
}

void AdamW::step() {
  torch::NoGradGuard no_grad;
  ++step_;
  const double bias1 = 1.0 - std::pow(options_.beta1, static_cast<double>(step_));
  const double bias2 = 1.0 - std::pow(options_.beta2, static_cast<double>(step_));
  const double step_size = options_.lr / bias1;
  const double bias2_sqrt = std::sqrt(bias2);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    auto& p = params_[i];
    if (!p.grad().defined()) continue;
    auto grad = p.grad().to(torch::kFloat32);
    auto& m = exp_avg_[i];
    auto& v = exp_avg_sq_[i];
    p.mul_(1.0 - options_.lr * options_.weight_decay);
    m.lerp_(grad, 1.0 - options_.beta1);
    v.mul_(options_.beta2).addcmul_(grad, grad, 1.0 - options_.beta2);
    auto denom = (v.sqrt() / bias2_sqrt).add_(options_.eps);
    if (p.scalar_type() == torch::kFloat32) {
      p.addcdiv_(m, denom, -step_size);
    } else {
      p.copy_(p.to(torch::kFloat32).addcdiv_(m, denom, -step_size));
    }
  }
}

std::map<std::string, torch::Tensor> AdamW::state() const {
  std::map<std::string, torch::Tensor> s;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    s[names_[i] + ".exp_avg"] = exp_avg_[i];
    s[names_[i] + ".exp_avg_sq"] = exp_avg_sq_[i];
  }
  s["step"] = torch::tensor(step_, torch::kInt64);
  return s;
}

void AdamW::load_state(const std::map<std::string, torch::Tensor>& s) {
  torch::NoGradGuard no_grad;
  auto fetch = [&](const std::string& key, const torch::Tensor& like) {
    auto it = s.find(key);
    if (it == s.end() || it->second.sizes() != like.sizes())
      throw Error(ErrorCode::FileFormat, "the training checkpoint does not match this run (optimiser state " + key + ")");
    return it->second;
  };
  for (std::size_t i = 0; i < names_.size(); ++i) {
    exp_avg_[i].copy_(fetch(names_[i] + ".exp_avg", exp_avg_[i]));
    exp_avg_sq_[i].copy_(fetch(names_[i] + ".exp_avg_sq", exp_avg_sq_[i]));
  }
  auto it = s.find("step");
  if (it == s.end()) throw Error(ErrorCode::FileFormat, "the training checkpoint has no optimiser step");
  step_ = it->second.item<int64_t>();
}

}  // namespace rashisa::ml
