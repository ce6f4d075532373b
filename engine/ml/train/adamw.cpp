#include "engine/ml/train/adamw.h"

#include "engine/core/error.h"
#include "engine/ml/train/stochastic_rounding.h"

#include <torch/torch.h>

#include <cmath>

namespace rashisa::ml {

AdamW::AdamW(std::vector<std::string> names, std::vector<torch::Tensor> params, AdamWOptions options)
    : names_(std::move(names)), params_(std::move(params)), options_(options) {
  TORCH_CHECK(names_.size() == params_.size(), "AdamW: one name per parameter");
  torch::NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    exp_avg_.emplace_back();
    exp_avg_sq_.emplace_back();
    // Moments in float32 even for half parameters; zero is exactly code 0 of either map.
    write(i, false, torch::zeros_like(params_[i], params_[i].options().dtype(torch::kFloat32)));
    write(i, true, torch::zeros_like(params_[i], params_[i].options().dtype(torch::kFloat32)));
  }
}

bool AdamW::quantised(std::size_t i) const {
  return options_.moments == MomentStorage::Blockwise8bit && params_[i].numel() >= options_.min_8bit_size;
}

torch::Tensor AdamW::read(std::size_t i, bool second) const {
  const Moment& m = second ? exp_avg_sq_[i] : exp_avg_[i];
  if (m.full.defined()) return m.full;
  return dequantize_blockwise(m.quant, /*is_signed=*/!second, params_[i].sizes());
}

void AdamW::write(std::size_t i, bool second, const torch::Tensor& value) {
  Moment& m = second ? exp_avg_sq_[i] : exp_avg_[i];
  if (quantised(i)) {
    m.full = torch::Tensor();
    m.quant = quantize_blockwise(value, /*is_signed=*/!second);
  } else if (!m.full.defined() || !m.full.is_same(value)) {
    m.full = value;
  }
}

void AdamW::zero_grad() {
  for (auto& p : params_) {
    if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
  }
}

void AdamW::begin_step() {
  ++step_;
  const double bias1 = 1.0 - std::pow(options_.beta1, static_cast<double>(step_));
  const double bias2 = 1.0 - std::pow(options_.beta2, static_cast<double>(step_));
  step_size_ = options_.lr / bias1;
  bias2_sqrt_ = std::sqrt(bias2);
}

void AdamW::update(std::size_t i, const torch::Tensor& g) {
  torch::NoGradGuard no_grad;
  auto& p = params_[i];
  auto grad = g.to(torch::kFloat32);
  auto m = read(i, false);
  auto v = read(i, true);
  m.lerp_(grad, 1.0 - options_.beta1);
  v.mul_(options_.beta2).addcmul_(grad, grad, 1.0 - options_.beta2);
  auto denom = (v.sqrt() / bias2_sqrt_).add_(options_.eps);
  if (p.scalar_type() == torch::kFloat32) {
    p.mul_(1.0 - options_.lr * options_.weight_decay);
    p.addcdiv_(m, denom, -step_size_);
  } else {
    // Low-precision weights: the whole update in float32, one rounding at the end.
    auto w = p.to(torch::kFloat32).mul_(1.0 - options_.lr * options_.weight_decay).addcdiv_(m, denom, -step_size_);
    if (options_.stochastic_rounding && p.scalar_type() == torch::kBFloat16)
      p.copy_(stochastic_round_bf16(w, rounding_key(options_.rounding_seed, static_cast<std::uint64_t>(step_), i)));
    else
      p.copy_(w);
  }
  write(i, false, m);
  write(i, true, v);
}

void AdamW::step() {
  begin_step();
  for (std::size_t i = 0; i < params_.size(); ++i) {
    if (params_[i].grad().defined()) update(i, params_[i].grad());
  }
}

int64_t AdamW::state_bytes() const {
  int64_t bytes = 0;
  for (const auto* moments : {&exp_avg_, &exp_avg_sq_})
    for (const auto& m : *moments)
      bytes += m.full.defined() ? m.full.numel() * 4 : m.quant.codes.numel() + m.quant.absmax.numel() * 4;
  return bytes;
}

std::map<std::string, torch::Tensor> AdamW::state() const {
  std::map<std::string, torch::Tensor> s;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    for (const bool second : {false, true}) {
      const Moment& m = second ? exp_avg_sq_[i] : exp_avg_[i];
      const std::string key = names_[i] + (second ? ".exp_avg_sq" : ".exp_avg");
      if (m.full.defined()) {
        s[key] = m.full;
      } else {
        s[key + ".code"] = m.quant.codes;
        s[key + ".absmax"] = m.quant.absmax;
      }
    }
  }
  s["step"] = torch::tensor(step_, torch::kInt64);
  return s;
}

void AdamW::load_state(const std::map<std::string, torch::Tensor>& s) {
  torch::NoGradGuard no_grad;
  auto mismatch = [](const std::string& key) {
    return Error(ErrorCode::FileFormat, "the training checkpoint does not match this run (optimiser state " + key + ")");
  };
  for (std::size_t i = 0; i < names_.size(); ++i) {
    const auto& p = params_[i];
    for (const bool second : {false, true}) {
      const std::string key = names_[i] + (second ? ".exp_avg_sq" : ".exp_avg");
      torch::Tensor value;  // float32 on the parameter's device
      if (auto it = s.find(key); it != s.end()) {
        if (it->second.sizes() != p.sizes()) throw mismatch(key);
        value = it->second.to(p.device(), torch::kFloat32);
      } else {
        auto code = s.find(key + ".code"), absmax = s.find(key + ".absmax");
        if (code == s.end() || absmax == s.end() || code->second.numel() != p.numel() ||
            absmax->second.numel() != (p.numel() + kQuantBlock - 1) / kQuantBlock)
          throw mismatch(key);
        BlockwiseInt8 q{code->second.to(p.device()).reshape({-1}), absmax->second.to(p.device(), torch::kFloat32)};
        if (quantised(i)) {
          // Same storage: take the codes as they are, bit for bit.
          Moment& m = second ? exp_avg_sq_[i] : exp_avg_[i];
          m.full = torch::Tensor();
          m.quant = {q.codes.clone(), q.absmax.clone()};
          continue;
        }
        value = dequantize_blockwise(q, !second, p.sizes());
      }
      if (quantised(i)) {
        write(i, second, value);
      } else {
        Moment& m = second ? exp_avg_sq_[i] : exp_avg_[i];
        m.full.copy_(value);
      }
    }
  }
  auto it = s.find("step");
  if (it == s.end()) throw Error(ErrorCode::FileFormat, "the training checkpoint has no optimiser step");
  step_ = it->second.item<int64_t>();
}

}  // namespace rashisa::ml
