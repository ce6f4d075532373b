// Ref: diffusers/src/diffusers/schedulers/scheduling_ddim.py (__init__ betas, set_timesteps spacing rules)
// Ref: diffusers/src/diffusers/schedulers/scheduling_euler_discrete.py (_convert_to_karras, _sigma_to_t)
// Ref: numpy 1.24 numpy/core/function_base.py (linspace), multiarray/ctors.c (arange + DOUBLE_fill),
//      multiarray/compiled_base.c (arr_interp)
#include "engine/ml/schedulers/schedule_tables.h"

#include "engine/core/error.h"

#include <algorithm>
#include <cfenv>
#include <cmath>

namespace rashisa::ml::sched {

torch::Tensor make_betas(const SchedulerConfig& c) {
  const auto opts = torch::TensorOptions().dtype(torch::kFloat32);
  if (c.beta_schedule == "linear") return torch::linspace(c.beta_start, c.beta_end, c.num_train_timesteps, opts);
  if (c.beta_schedule == "scaled_linear")
    // "Specific to the latent diffusion model": linear in sqrt(beta).
    return torch::linspace(std::sqrt(c.beta_start), std::sqrt(c.beta_end), c.num_train_timesteps, opts).pow(2);
  throw Error(ErrorCode::UnsupportedModel, "scheduler config key \"beta_schedule\" = \"" + c.beta_schedule +
                                               "\" is not supported (scaled_linear, linear)");
}

torch::Tensor make_alphas_cumprod(const torch::Tensor& betas) { return torch::cumprod(1.0 - betas, 0); }

std::vector<float> training_sigmas(const torch::Tensor& acp) {
  auto s = ((1 - acp) / acp).pow(0.5).contiguous();
  return std::vector<float>(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
}

std::vector<double> np_linspace(double start, double stop, int64_t num) {
  std::vector<double> y(static_cast<size_t>(std::max<int64_t>(num, 0)));
  const int64_t div = num - 1;
  const double delta = stop - start;
  if (div > 0) {
    const double step = delta / static_cast<double>(div);
    for (int64_t i = 0; i < num; ++i)
      y[i] = (step == 0 ? static_cast<double>(i) / div * delta : static_cast<double>(i) * step) + start;
    y[num - 1] = stop;
  } else {
    for (int64_t i = 0; i < num; ++i) y[i] = static_cast<double>(i) * delta + start;
  }
  return y;
}

std::vector<double> np_arange(double start, double stop, double step) {
  const double len_f = std::ceil((stop - start) / step);
  if (!(len_f > 0)) return {};
  const auto len = static_cast<size_t>(len_f);
  std::vector<double> y(len);
  y[0] = start;
  if (len > 1) y[1] = start + step;
  // numpy fills from the first two elements, not from `step` itself.
  const double delta = len > 1 ? y[1] - y[0] : 0.0;
  for (size_t i = 2; i < len; ++i) y[i] = start + static_cast<double>(i) * delta;
  return y;
}

double np_round(double x) {
  const int saved = std::fegetround();
  std::fesetround(FE_TONEAREST);
  const double r = std::nearbyint(x);
  std::fesetround(saved);
  return r;
}

std::vector<double> np_interp_index(const std::vector<double>& x, const std::vector<float>& fp) {
  const int64_t n = static_cast<int64_t>(fp.size());
  std::vector<double> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const double v = x[i];
    if (std::isnan(v)) {
      out[i] = v;
    } else if (v < 0) {
      out[i] = fp.front();
    } else if (v >= static_cast<double>(n - 1)) {
      out[i] = fp.back();
    } else {
      const auto j = static_cast<int64_t>(std::floor(v));
      if (static_cast<double>(j) == v) {
        out[i] = fp[j];
      } else {
        const double slope = (static_cast<double>(fp[j + 1]) - static_cast<double>(fp[j])) / 1.0;
        out[i] = slope * (v - static_cast<double>(j)) + static_cast<double>(fp[j]);
      }
    }
  }
  return out;
}

std::vector<int64_t> ddim_timesteps(TimestepSpacing spacing, int num_train, int n, int steps_offset) {
  std::vector<int64_t> t;
  switch (spacing) {
    case TimestepSpacing::Leading: {
      // "creates integer timesteps by multiplying by ratio", then shifted by steps_offset
      const int64_t ratio = num_train / n;
      for (int64_t i = n - 1; i >= 0; --i) t.push_back(i * ratio + steps_offset);
      break;
    }
    case TimestepSpacing::Linspace: {
      const auto v = np_linspace(0, num_train - 1, n);
      for (auto it = v.rbegin(); it != v.rend(); ++it) t.push_back(static_cast<int64_t>(np_round(*it)));
      break;
    }
    case TimestepSpacing::Trailing: {
      const auto v = np_arange(num_train, 0, -static_cast<double>(num_train) / n);
      for (double x : v) t.push_back(static_cast<int64_t>(np_round(x)) - 1);
      break;
    }
  }
  return t;
}

std::vector<double> karras_sigmas(double sigma_min, double sigma_max, int n) {
  const double rho = 7.0;  // the value used in the paper
  const auto ramp = np_linspace(0, 1, n);
  const double min_inv_rho = std::pow(sigma_min, 1 / rho);
  const double max_inv_rho = std::pow(sigma_max, 1 / rho);
  std::vector<double> s(ramp.size());
  for (size_t i = 0; i < ramp.size(); ++i) s[i] = std::pow(max_inv_rho + ramp[i] * (min_inv_rho - max_inv_rho), rho);
  return s;
}

double sigma_to_t(double sigma, const std::vector<float>& log_sigmas) {
  const double log_sigma = std::log(std::max(sigma, 1e-10));
  const int64_t n = static_cast<int64_t>(log_sigmas.size());
  // low_idx = argmax(cumsum(dists >= 0)): the first index reaching the final count.
  int64_t count = 0, best = 0, low = 0;
  for (int64_t i = 0; i < n; ++i) {
    count += (log_sigma - static_cast<double>(log_sigmas[i])) >= 0 ? 1 : 0;
    if (count > best) {
      best = count;
      low = i;
    }
  }
  low = std::min(low, n - 2);
  const int64_t high = low + 1;
  const float lo = log_sigmas[low], hi = log_sigmas[high];
  const float span = lo - hi;  // float32 - float32 stays float32 in numpy
  double w = (static_cast<double>(lo) - log_sigma) / static_cast<double>(span);
  w = std::min(std::max(w, 0.0), 1.0);
  return (1 - w) * static_cast<double>(low) + w * static_cast<double>(high);
}

torch::Tensor to_tensor(const std::vector<int64_t>& v) {
  return torch::tensor(v.empty() ? std::vector<int64_t>{} : v, torch::kInt64).reshape({static_cast<int64_t>(v.size())});
}

torch::Tensor to_tensor(const std::vector<float>& v) {
  return torch::tensor(v.empty() ? std::vector<float>{} : v, torch::kFloat32).reshape({static_cast<int64_t>(v.size())});
}

}  // namespace rashisa::ml::sched
