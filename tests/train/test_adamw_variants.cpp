// The memory-saving AdamW variants on small problems: 8-bit block-wise moments (close to
// float32 AdamW; state round-trips bit for bit), the quantiser itself, and stochastic
// rounding to bf16 (unbiased; exact values stay exact; reproducible from its key).
#include "engine/ml/train/adamw.h"
#include "engine/ml/train/blockwise_int8.h"
#include "engine/ml/train/stochastic_rounding.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace ml = rashisa::ml;

namespace {

/// 100 AdamW steps on least squares ||A x - b||^2 / n with 1000 unknowns; returns x.
torch::Tensor least_squares(ml::AdamWOptions o, ml::AdamW** keep = nullptr) {
  torch::manual_seed(7);
  auto a = torch::randn({1200, 1000}) / 30.0;
  auto truth = torch::randn({1000});
  auto b = a.mv(truth);
  auto x = torch::zeros({1000}).requires_grad_(true);
  o.lr = 0.05;
  o.min_8bit_size = 1;  // quantise even this 1000-value tensor
  static std::unique_ptr<ml::AdamW> opt;
  opt = std::make_unique<ml::AdamW>(std::vector<std::string>{"x"}, std::vector<torch::Tensor>{x}, o);
  for (int i = 0; i < 100; ++i) {
    auto loss = (a.mv(x) - b).square().mean();
    loss.backward();
    opt->step();
    opt->zero_grad();
  }
  if (keep) *keep = opt.get();
  return x.detach().clone();
}

}  // namespace

TEST(Blockwise8bit, DynamicMapsAreSortedAndSpanTheRange) {
  const auto s = ml::dynamic_map(true), u = ml::dynamic_map(false);
  ASSERT_EQ(s.numel(), 256);
  ASSERT_EQ(u.numel(), 256);
  EXPECT_TRUE((s.narrow(0, 1, 255) > s.narrow(0, 0, 255)).all().item<bool>());
  EXPECT_TRUE((u.narrow(0, 1, 255) > u.narrow(0, 0, 255)).all().item<bool>());
  EXPECT_FLOAT_EQ(s.max().item<float>(), 1.0f);
  EXPECT_LT(s.min().item<float>(), -0.98f);
  EXPECT_FLOAT_EQ(u.min().item<float>(), 0.0f);
  EXPECT_LT(u.narrow(0, 1, 1).item<float>(), 1e-6f) << "dense near zero";
}

TEST(Blockwise8bit, QuantisationErrorIsSmallAndZeroIsExact) {
  torch::manual_seed(1);
  auto x = torch::randn({1000, 3});
  x.narrow(0, 0, 256).zero_();  // a whole block of zeros (absmax 0)
  const auto q = ml::quantize_blockwise(x, true);
  EXPECT_EQ(q.codes.scalar_type(), torch::kUInt8);
  EXPECT_EQ(q.absmax.numel(), (3000 + 255) / 256);
  const auto y = ml::dequantize_blockwise(q, true, x.sizes());
  EXPECT_TRUE(torch::equal(y.narrow(0, 0, 256), x.narrow(0, 0, 256)));
  // The dynamic map's widest gap near 1 is ~0.07 of the block maximum.
  const double rel = ((y - x).abs().max() / x.abs().max()).item<double>();
  EXPECT_LT(rel, 0.04);
  EXPECT_GT(rel, 0.0);
  // A block's positive maximum is exact (code 1.0); the signed map's most negative code is
  // -0.986 (bitsandbytes' map is asymmetric), the unsigned map's largest 1.0.
  const auto xa = x.abs();
  const auto ya = ml::dequantize_blockwise(ml::quantize_blockwise(xa, false), false, x.sizes());
  EXPECT_EQ(ya.max().item<float>(), xa.max().item<float>());
  EXPECT_LT(((ya - xa).abs().max() / xa.max()).item<double>(), 0.04);
}

TEST(AdamW8bit, LeastSquaresStaysCloseToFp32AdamW) {
  ml::AdamWOptions fp32;
  ml::AdamWOptions int8;
  int8.moments = ml::MomentStorage::Blockwise8bit;
  const auto x32 = least_squares(fp32);
  ml::AdamW* opt = nullptr;
  const auto x8 = least_squares(int8, &opt);
  const double rel = ((x8 - x32).norm() / x32.norm()).item<double>();
  std::printf("8-bit vs fp32 AdamW after 100 steps: relative difference %.4f\n", rel);
  EXPECT_LT(rel, 0.03);  // measured 0.019
  EXPECT_GT(rel, 0.0) << "the 8-bit moments must actually be quantised";
  EXPECT_LT(opt->state_bytes(), 2 * (1000 + 4 * 4) + 1);
}

TEST(AdamW8bit, StateRoundTripsBitwiseAndConvertsToFp32) {
  ml::AdamWOptions o;
  o.moments = ml::MomentStorage::Blockwise8bit;
  ml::AdamW* opt = nullptr;
  least_squares(o, &opt);
  const auto state = opt->state();
  ASSERT_TRUE(state.count("x.exp_avg.code"));
  ASSERT_TRUE(state.count("x.exp_avg_sq.absmax"));
  EXPECT_EQ(state.at("x.exp_avg.code").scalar_type(), torch::kUInt8);
  auto y = torch::zeros({1000}).requires_grad_(true);
  o.min_8bit_size = 1;
  ml::AdamW again({"x"}, {y}, o);
  again.load_state(state);
  EXPECT_EQ(again.steps(), 100);
  for (const auto& [k, v] : again.state()) EXPECT_TRUE(torch::equal(v, state.at(k))) << k;
  // A float32 run resuming from 8-bit state gets the dequantised moments.
  ml::AdamW full({"x"}, {y}, ml::AdamWOptions{});
  full.load_state(state);
  const auto f = full.state();
  EXPECT_TRUE(torch::equal(f.at("x.exp_avg"),
                           ml::dequantize_blockwise({state.at("x.exp_avg.code"), state.at("x.exp_avg.absmax")}, true,
                                                    {1000})));
}

TEST(StochasticRounding, MeanOfManyRoundingsIsTheValue) {
  // Values between two bf16 neighbours at several magnitudes and signs.
  auto x = torch::tensor({1.0f + 1.0f / 1024, -3.14159f, 1e-3f, -7.77e4f, 0.3f});
  const int n = 4000;
  auto sum = torch::zeros_like(x, torch::kFloat64);
  for (int i = 0; i < n; ++i) sum += ml::stochastic_round_bf16(x, ml::rounding_key(11, i, 0)).to(torch::kFloat64);
  const auto mean = sum / n;
  // Each rounding is one of the two neighbours, ulp apart: the mean's standard error is
  // below ulp / (2 sqrt(n)); allow 5 of those.
  const auto ulp = x.abs().to(torch::kFloat64) * std::pow(2.0, -7);
  const auto err = (mean - x.to(torch::kFloat64)).abs();
  EXPECT_TRUE((err < ulp * 5 / (2 * std::sqrt(double(n)))).all().item<bool>()) << err << ulp;
  // Rounding to nearest would be biased for 1 + 1/1024 (always 1.0).
  const auto nearest = x.to(torch::kBFloat16).to(torch::kFloat64);
  EXPECT_GT((nearest - x.to(torch::kFloat64)).abs()[0].item<double>(), 5 * err[0].item<double>());
}

TEST(StochasticRounding, RepresentableValuesStayExactAndKeysReproduce) {
  torch::manual_seed(3);
  auto exact = torch::randn({5000}).to(torch::kBFloat16).to(torch::kFloat32);
  exact[0] = 0.0f;
  exact[1] = std::numeric_limits<float>::infinity();
  for (std::uint64_t k = 0; k < 5; ++k)
    EXPECT_TRUE(torch::equal(ml::stochastic_round_bf16(exact, k).to(torch::kFloat32), exact));
  auto x = torch::randn({5000});
  const auto a = ml::stochastic_round_bf16(x, ml::rounding_key(1, 2, 3));
  EXPECT_TRUE(torch::equal(a, ml::stochastic_round_bf16(x, ml::rounding_key(1, 2, 3))));
  EXPECT_FALSE(torch::equal(a, ml::stochastic_round_bf16(x, ml::rounding_key(1, 2, 4))));
  // Always one of the two neighbours.
  const auto down = (a.to(torch::kFloat32) - x).abs();
  EXPECT_TRUE((down <= x.abs() * std::pow(2.0, -7)).all().item<bool>());
  const auto bits = ml::random_bits16(100000, 5, torch::kCPU);
  EXPECT_GE(bits.min().item<int>(), 0);
  EXPECT_LE(bits.max().item<int>(), 65535);
  EXPECT_NEAR(bits.to(torch::kFloat64).mean().item<double>(), 32767.5, 300);
}

TEST(StochasticRounding, Bf16WeightsFollowTheFp32TrajectoryWhereNearestStalls) {
  // Steps of lr 1e-3 on weights near 1.0, whose bf16 spacing is 2^-7 ~ 0.0078: rounded to
  // nearest every update is lost; rounded stochastically the weights move as in fp32 on average.
  auto run = [](torch::Dtype dtype, bool stochastic) {
    auto w = torch::ones({4096}, dtype).requires_grad_(true);
    ml::AdamWOptions o;
    o.lr = 1e-3;
    o.weight_decay = 0;
    o.stochastic_rounding = stochastic;
    o.rounding_seed = 9;
    ml::AdamW opt({"w"}, {w}, o);
    for (int i = 0; i < 50; ++i) {
      w.mutable_grad() = torch::ones({4096}, dtype);  // every step moves each weight by -lr
      opt.step();
    }
    return w.detach().to(torch::kFloat32);
  };
  const auto exact = run(torch::kFloat32, false);
  const auto nearest = run(torch::kBFloat16, false);
  const auto stochastic = run(torch::kBFloat16, true);
  EXPECT_NEAR(exact.mean().item<double>(), 1.0 - 50e-3, 1e-4);
  EXPECT_EQ(nearest.mean().item<double>(), 1.0) << "each update is below half a bf16 step";
  EXPECT_NEAR(stochastic.mean().item<double>(), exact.mean().item<double>(), 1e-3);
  EXPECT_EQ(run(torch::kBFloat16, true).equal(stochastic), true) << "the same seed gives the same weights";
}
