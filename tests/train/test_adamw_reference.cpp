// rashisa::ml::AdamW against an independent float64 scalar AdamW written from PyTorch's
// single-tensor update, over several steps of a small problem with non-default
// hyper-parameters; the first step against numbers worked out by hand; and a resume from
// state() continuing bit for bit.
#include "engine/ml/train/adamw.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace ml = rashisa::ml;

namespace {

// float32 unit roundoff: the only error the implementation may have against float64.
constexpr double kU32 = 0x1p-24;

/// One element of one parameter, with its moments, in float64, and the largest |p| and |g|
/// it has seen (what the float32 roundings are relative to).
struct Scalar {
  double p = 0, m = 0, v = 0;
  double max_p = 0, max_g = 0;
};

/// One AdamW step in float64 on each element.
// Ref: pytorch/pytorch torch/optim/adamw.py (_single_tensor_adamw, amsgrad=False, maximize=False)
//   param.mul_(1 - lr * weight_decay); exp_avg.lerp_(grad, 1 - beta1);
//   exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2);
//   step_size = lr / (1 - beta1 ** step); denom = exp_avg_sq.sqrt() / sqrt(1 - beta2 ** step) + eps;
//   param.addcdiv_(exp_avg, denom, value=-step_size)
void reference_step(std::vector<Scalar>& xs, const std::vector<double>& grads, const ml::AdamWOptions& o, int step) {
  const double bias1 = 1.0 - std::pow(o.beta1, step), bias2 = 1.0 - std::pow(o.beta2, step);
  for (size_t i = 0; i < xs.size(); ++i) {
    Scalar& x = xs[i];
    const double g = grads[i];
    x.max_p = std::max(x.max_p, std::abs(x.p));
    x.max_g = std::max(x.max_g, std::abs(g));
    x.p *= 1.0 - o.lr * o.weight_decay;
    x.m += (g - x.m) * (1.0 - o.beta1);
    x.v = x.v * o.beta2 + (1.0 - o.beta2) * g * g;
    x.p -= (o.lr / bias1) * x.m / (std::sqrt(x.v) / std::sqrt(bias2) + o.eps);
    x.max_p = std::max(x.max_p, std::abs(x.p));
  }
}

std::vector<double> values(const torch::Tensor& t) {
  auto c = t.detach().to(torch::kFloat64).contiguous().flatten();
  return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

struct Problem {
  std::vector<std::string> names{"w", "b", "cube"};
  std::vector<torch::Tensor> params;
  std::vector<std::vector<torch::Tensor>> grads;  // [step][param], float32
};

/// Three tensors of different shapes; gradients of several magnitudes (one tensor's are
/// ~1e-3, so eps is not negligible beside them everywhere), some elements' gradients change
/// sign between steps.
Problem make_problem(int steps) {
  torch::manual_seed(7);
  Problem pr;
  const std::vector<std::vector<int64_t>> shapes = {{3, 4}, {5}, {2, 2, 2}};
  const std::vector<double> grad_scale = {1.0, 1e-3, 0.3};
  for (const auto& shape : shapes) pr.params.push_back(torch::randn(shape).requires_grad_(true));
  for (int s = 0; s < steps; ++s) {
    std::vector<torch::Tensor> g;
    for (size_t i = 0; i < shapes.size(); ++i) g.push_back(torch::randn(shapes[i]) * grad_scale[i]);
    pr.grads.push_back(g);
  }
  return pr;
}

void set_grads(Problem& pr, int step) {
  for (size_t i = 0; i < pr.params.size(); ++i) pr.params[i].mutable_grad() = pr.grads[step][i].clone();
}

TEST(AdamW, MatchesPyTorchUpdateOverSeveralSteps) {
  const int steps = 6;
  const ml::AdamWOptions o{0.05, 0.8, 0.95, 1e-6, 0.1};
  Problem pr = make_problem(steps);
  std::vector<std::vector<Scalar>> ref;
  for (const auto& p : pr.params) {
    std::vector<Scalar> xs;
    for (double v : values(p)) xs.push_back({v, 0.0, 0.0});
    ref.push_back(xs);
  }
  ml::AdamW opt(pr.names, pr.params, o);
  for (int s = 0; s < steps; ++s) {
    set_grads(pr, s);
    opt.step();
    opt.zero_grad();
    for (size_t i = 0; i < pr.params.size(); ++i) reference_step(ref[i], values(pr.grads[s][i]), o, s + 1);
  }
  EXPECT_EQ(opt.steps(), steps);
  const auto state = opt.state();
  EXPECT_EQ(state.at("step").item<int64_t>(), steps);

  // Tolerance, float32 rounding only: each step rounds each element at most ~8 times
  // (decay, lerp, mul+addcmul, sqrt, divide, add eps, addcdiv), each time by at most kU32
  // relative to the largest operand: |p| or the update (|update| <= 4 lr here: it is
  // lr |m_hat| / sqrt(v_hat), ~lr in practice) for the parameter, |m| or |g| for exp_avg
  // (lerp may cancel), |v| for exp_avg_sq (a sum of squares). Errors add up over the steps:
  // |p32 - p64| <= 8 * steps * kU32 * (max |p| + 4 lr), and likewise for the moments.
  // Mistakes such as coupled (L2) weight decay, decay after the update, or a missing bias
  // correction are orders of magnitude above this.
  for (size_t i = 0; i < pr.params.size(); ++i) {
    const auto got_p = values(pr.params[i]);
    const auto got_m = values(state.at(pr.names[i] + ".exp_avg"));
    const auto got_v = values(state.at(pr.names[i] + ".exp_avg_sq"));
    for (size_t k = 0; k < got_p.size(); ++k) {
      const Scalar& want = ref[i][k];
      const double bound = 8.0 * steps * kU32;
      EXPECT_NEAR(got_p[k], want.p, bound * (want.max_p + 4.0 * o.lr)) << pr.names[i] << "[" << k << "] param";
      EXPECT_NEAR(got_m[k], want.m, bound * (std::abs(want.m) + want.max_g)) << pr.names[i] << "[" << k << "] exp_avg";
      EXPECT_NEAR(got_v[k], want.v, bound * want.v) << pr.names[i] << "[" << k << "] exp_avg_sq";
    }
  }
}

TEST(AdamW, FirstStepIsLrTimesSignOfGradPlusDecay) {
  // With bias correction the first step is p * (1 - lr wd) - lr * g / (|g| + eps): about
  // lr * sign(g), whatever the betas. Worked by hand for lr 0.1, wd 0.01, eps 1e-8:
  //   p  1.0, g  0.5:  0.999 - 0.1 * 0.5 / 0.50000001   =  0.899000002
  //   p -2.0, g -0.25: -1.998 + 0.1 * 0.25 / 0.25000001 = -1.898000004
  //   p  0.5, g  0:    no gradient signal, decay only   =  0.4995
  const ml::AdamWOptions o{0.1, 0.9, 0.999, 1e-8, 0.01};
  auto p = torch::tensor({1.0f, -2.0f, 0.5f}).requires_grad_(true);
  const auto g = torch::tensor({0.5f, -0.25f, 0.0f});
  ml::AdamW opt({"p"}, {p}, o);
  p.mutable_grad() = g.clone();
  opt.step();
  const auto got = values(p);
  const std::vector<double> hand = {0.899000002, -1.898000004, 0.4995};
  for (size_t k = 0; k < hand.size(); ++k) {
    // A few float32 roundings of numbers of size ~1: 8 units in the last place.
    EXPECT_NEAR(got[k], hand[k], 8 * kU32 * 2.0) << "element " << k;
  }
  const auto g64 = values(g), p0 = std::vector<double>{1.0, -2.0, 0.5};
  for (size_t k = 0; k < 2; ++k) {
    const double sign = g64[k] > 0 ? 1.0 : -1.0;
    const double lr_sign = p0[k] * (1.0 - o.lr * o.weight_decay) - o.lr * sign;
    // |lr g / (|g| + eps) - lr sign(g)| = lr eps / (|g| + eps), plus the float32 roundings.
    EXPECT_NEAR(got[k], lr_sign, o.lr * o.eps / std::abs(g64[k]) + 8 * kU32 * 2.0) << "element " << k;
  }
}

TEST(AdamW, ResumedFromStateContinuesBitForBit) {
  const int steps = 6;
  const ml::AdamWOptions o{0.05, 0.8, 0.95, 1e-6, 0.1};
  Problem straight = make_problem(steps), resumed = make_problem(steps);
  ml::AdamW a(straight.names, straight.params, o);
  for (int s = 0; s < steps; ++s) {
    set_grads(straight, s);
    a.step();
    a.zero_grad();
  }
  std::map<std::string, torch::Tensor> saved;
  {
    ml::AdamW first(resumed.names, resumed.params, o);
    for (int s = 0; s < steps / 2; ++s) {
      set_grads(resumed, s);
      first.step();
      first.zero_grad();
    }
    for (const auto& [k, v] : first.state()) saved[k] = v.clone();
  }
  ml::AdamW second(resumed.names, resumed.params, o);
  second.load_state(saved);
  EXPECT_EQ(second.steps(), steps / 2);
  for (int s = steps / 2; s < steps; ++s) {
    set_grads(resumed, s);
    second.step();
    second.zero_grad();
  }
  for (size_t i = 0; i < straight.params.size(); ++i)
    EXPECT_TRUE(torch::equal(straight.params[i], resumed.params[i])) << straight.names[i];
}

}  // namespace
