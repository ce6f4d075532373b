// Scheduler unit tests that need no reference data: numpy-exact helpers, the
// timestep rules quoted in ../shared/reference/README.md, config parsing with
// class defaults, step ordering and dtype handling.
#include "engine/core/error.h"
#include "engine/ml/schedulers/ddpm.h"
#include "engine/ml/schedulers/schedule_tables.h"
#include "engine/ml/schedulers/scheduler.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace rashisa::ml;

namespace {

std::vector<int64_t> as_vector(const torch::Tensor& t) {
  auto c = t.to(torch::kInt64).contiguous();
  return std::vector<int64_t>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
}

SchedulerConfig sd_config(const std::string& prediction = "epsilon") {
  return SchedulerConfig::from_json({{"_class_name", "PNDMScheduler"},
                                     {"beta_end", 0.012},
                                     {"beta_schedule", "scaled_linear"},
                                     {"beta_start", 0.00085},
                                     {"clip_sample", false},
                                     {"num_train_timesteps", 1000},
                                     {"prediction_type", prediction},
                                     {"set_alpha_to_one", false},
                                     {"skip_prk_steps", true},
                                     {"steps_offset", 1},
                                     {"trained_betas", nullptr}});
}

void expect_error(const std::function<void()>& f, rashisa::ErrorCode code, const std::vector<std::string>& words) {
  try {
    f();
    ADD_FAILURE() << "no error";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    for (const auto& w : words) EXPECT_NE(std::string(e.what()).find(w), std::string::npos) << e.what();
  }
}

}  // namespace

TEST(ScheduleTables, NumpyRoundingAndRanges) {
  EXPECT_EQ(sched::np_round(0.5), 0.0);
  EXPECT_EQ(sched::np_round(1.5), 2.0);
  EXPECT_EQ(sched::np_round(2.5), 2.0);
  EXPECT_EQ(sched::np_round(499.5), 500.0);
  EXPECT_EQ(sched::np_round(-1.5), -2.0);
  const auto l = sched::np_linspace(0, 999, 6);
  ASSERT_EQ(l.size(), 6u);
  EXPECT_DOUBLE_EQ(l[1], 199.8);
  EXPECT_EQ(l[5], 999.0);
  EXPECT_EQ(sched::np_linspace(3, 7, 1), std::vector<double>{3.0});
  const auto a = sched::np_arange(1000, 0, -1000.0 / 16);
  ASSERT_EQ(a.size(), 16u);
  EXPECT_EQ(a[1], 937.5);
  EXPECT_EQ(sched::np_interp_index({0.0, 0.5, 2.0, 5.0}, {1.0f, 2.0f, 4.0f}), (std::vector<double>{1.0, 1.5, 4.0, 4.0}));
}

TEST(ScheduleTables, KarrasRangeAndSigmaToT) {
  const auto s = sched::karras_sigmas(0.1, 10.0, 5);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_NEAR(s.front(), 10.0, 1e-12);
  EXPECT_NEAR(s.back(), 0.1, 1e-12);
  for (size_t i = 1; i < s.size(); ++i) EXPECT_LT(s[i], s[i - 1]);
  const std::vector<float> log_sigmas = {std::log(1.0f), std::log(2.0f), std::log(4.0f)};
  EXPECT_NEAR(sched::sigma_to_t(2.0, log_sigmas), 1.0, 1e-6);
  EXPECT_NEAR(sched::sigma_to_t(std::sqrt(2.0), log_sigmas), 0.5, 1e-6);
  EXPECT_EQ(sched::sigma_to_t(100.0, log_sigmas), 2.0);  // clipped to the table
  EXPECT_EQ(sched::sigma_to_t(0.01, log_sigmas), 0.0);
}

TEST(Schedulers, TimestepRulesOfTheReadme) {
  const auto cfg = sd_config();
  auto ddim = make_scheduler(SamplerKind::DDIM, cfg);
  ddim->set_timesteps(5);
  EXPECT_EQ(as_vector(ddim->timesteps()), (std::vector<int64_t>{801, 601, 401, 201, 1}));
  auto pndm = make_scheduler(SamplerKind::PNDM, cfg);
  pndm->set_timesteps(5);
  EXPECT_EQ(as_vector(pndm->timesteps()), (std::vector<int64_t>{801, 601, 601, 401, 201, 1}));
  auto dpm = make_scheduler(SamplerKind::DPMSolverPP2M, cfg);  // linspace: the class default
  dpm->set_timesteps(5);
  EXPECT_EQ(as_vector(dpm->timesteps()), (std::vector<int64_t>{999, 799, 599, 400, 200}));
  EXPECT_EQ(dpm->sigmas().size(0), 6);
  EXPECT_EQ(dpm->sigmas()[5].item<float>(), 0.0f);
  auto euler = make_scheduler(SamplerKind::Euler, cfg);
  euler->set_timesteps(4);
  EXPECT_EQ(euler->timesteps().scalar_type(), torch::kFloat32);
  EXPECT_TRUE(torch::allclose(euler->timesteps(), torch::tensor({999.0f, 666.0f, 333.0f, 0.0f})));
  EXPECT_EQ(euler->init_noise_sigma(), euler->sigmas().max().item<float>());

  auto trailing = cfg;
  trailing.timestep_spacing = TimestepSpacing::Trailing;
  auto ddim_t = make_scheduler(SamplerKind::DDIM, trailing);
  ddim_t->set_timesteps(4);
  EXPECT_EQ(as_vector(ddim_t->timesteps()), (std::vector<int64_t>{999, 749, 499, 249}));
  auto leading = cfg;
  leading.timestep_spacing = TimestepSpacing::Leading;
  auto euler_l = make_scheduler(SamplerKind::Euler, leading);
  euler_l->set_timesteps(4);
  const double m = euler_l->sigmas().max().item<float>();
  EXPECT_NEAR(euler_l->init_noise_sigma(), std::sqrt(m * m + 1), 1e-4);

  for (auto kind : {SamplerKind::DDIM, SamplerKind::PNDM, SamplerKind::Euler, SamplerKind::DPMSolverPP2M}) {
    auto s = make_scheduler(kind, cfg);
    EXPECT_THROW(s->set_timesteps(0), rashisa::Error);
    EXPECT_THROW(s->set_timesteps(1001), rashisa::Error);
  }
}

TEST(Schedulers, KarrasKindUsesKarrasSigmas) {
  auto plain = make_scheduler(SamplerKind::DPMSolverPP2M, sd_config());
  auto karras = make_scheduler(SamplerKind::DPMSolverPP2MKarras, sd_config());
  plain->set_timesteps(10);
  karras->set_timesteps(10);
  EXPECT_EQ(karras->timesteps().size(0), 10);
  EXPECT_FALSE(torch::equal(plain->sigmas(), karras->sigmas()));
  // Both start at the largest training sigma; Karras ends at the smallest one.
  EXPECT_NEAR(karras->sigmas()[0].item<float>(), plain->sigmas()[0].item<float>(), 1e-3);
  EXPECT_EQ(as_vector(karras->timesteps()).front(), 999);
  EXPECT_EQ(as_vector(karras->timesteps()).back(), 0);
}

TEST(SchedulerConfig, AbsentKeysTakeTheTargetClassDefaults) {
  const auto empty = SchedulerConfig::from_json(nlohmann::json::object());
  EXPECT_EQ(empty.beta_schedule, "linear");
  EXPECT_EQ(empty.beta_start, 0.0001);
  EXPECT_EQ(empty.beta_end, 0.02);
  EXPECT_EQ(empty.steps_offset, 0);
  EXPECT_FALSE(empty.timestep_spacing.has_value());
  EXPECT_EQ(empty.prediction_type, PredictionType::Epsilon);
  EXPECT_EQ(sched::effective_config(empty, sched::SchedulerClass::DDIM).set_alpha_to_one, true);
  EXPECT_EQ(sched::effective_config(empty, sched::SchedulerClass::PNDM).set_alpha_to_one, false);
  EXPECT_EQ(sched::effective_config(empty, sched::SchedulerClass::DDIM).clip_sample, true);
  EXPECT_EQ(sched::effective_config(empty, sched::SchedulerClass::Euler).timestep_spacing, TimestepSpacing::Linspace);
  EXPECT_EQ(sched::effective_config(empty, sched::SchedulerClass::DDPM).timestep_spacing, TimestepSpacing::Leading);
  // Present keys are kept whatever the class.
  const auto sd = sd_config("v_prediction");
  EXPECT_EQ(sd.prediction_type, PredictionType::VPrediction);
  EXPECT_EQ(sched::effective_config(sd, sched::SchedulerClass::DDIM).set_alpha_to_one, false);
  EXPECT_EQ(sched::effective_config(sd, sched::SchedulerClass::DDIM).clip_sample, false);

  // DDIM with set_alpha_to_one (its default): the last step lands on x0.
  auto ddim = make_scheduler(SamplerKind::DDIM, SchedulerConfig::from_json({{"clip_sample", false}}));
  ddim->set_timesteps(1);
  auto x = torch::randn({1, 4, 2, 2}, torch::kFloat32);
  auto out = ddim->step(torch::randn_like(x), 0, x);
  EXPECT_TRUE(torch::allclose(out.prev_sample, out.pred_original_sample, 1e-6, 1e-6));
  // PNDM needs skip_prk_steps, which defaults to false.
  expect_error([] { make_scheduler(SamplerKind::PNDM, SchedulerConfig::from_json(nlohmann::json::object())); },
               rashisa::ErrorCode::UnsupportedModel, {"skip_prk_steps"});
}

TEST(SchedulerConfig, UnsupportedValuesNameKeyAndValue) {
  using rashisa::ErrorCode;
  expect_error([] { SchedulerConfig::from_json({{"thresholding", true}}); }, ErrorCode::UnsupportedModel,
               {"thresholding", "true"});
  expect_error([] { SchedulerConfig::from_json({{"beta_schedule", "squaredcos_cap_v2"}}); },
               ErrorCode::UnsupportedModel, {"beta_schedule", "squaredcos_cap_v2"});
  expect_error([] { SchedulerConfig::from_json({{"prediction_type", "sample"}}); }, ErrorCode::UnsupportedModel,
               {"prediction_type", "sample"});
  expect_error(
      [] {
        SchedulerConfig::from_json({{"_class_name", "DPMSolverMultistepScheduler"}, {"algorithm_type", "dpmsolver"}});
      },
      ErrorCode::UnsupportedModel, {"algorithm_type", "dpmsolver"});
  expect_error([] { SchedulerConfig::from_json({{"timestep_spacing", "random"}}); }, ErrorCode::UnsupportedModel,
               {"timestep_spacing", "random"});
  expect_error([] { SchedulerConfig::from_json({{"steps_offset", "one"}}); }, ErrorCode::FileFormat, {"steps_offset"});
  // A DPM key in another class's file is only carried along until a DPM scheduler is made.
  auto carried = SchedulerConfig::from_json({{"algorithm_type", "dpmsolver"}});
  expect_error([&] { make_scheduler(SamplerKind::DPMSolverPP2M, carried); }, ErrorCode::UnsupportedModel,
               {"algorithm_type", "dpmsolver"});
  EXPECT_NO_THROW(make_scheduler(SamplerKind::DDIM, carried));
  // Python writes -inf as -Infinity; a string stand-in is accepted.
  EXPECT_EQ(SchedulerConfig::from_json({{"lambda_min_clipped", "-Infinity"}}).lambda_min_clipped, -INFINITY);
}

TEST(Schedulers, NamesRoundTrip) {
  for (auto kind : {SamplerKind::DDIM, SamplerKind::PNDM, SamplerKind::Euler, SamplerKind::DPMSolverPP2M,
                    SamplerKind::DPMSolverPP2MKarras})
    EXPECT_EQ(sampler_from_name(sampler_name(kind)), kind);
  EXPECT_EQ(sampler_from_name("dpmpp-2m-karras"), SamplerKind::DPMSolverPP2MKarras);
  EXPECT_FALSE(sampler_from_name("lms").has_value());
}

TEST(Schedulers, MultistepSchedulersRefuseStepsOutOfOrder) {
  for (auto kind : {SamplerKind::PNDM, SamplerKind::DPMSolverPP2M}) {
    auto s = make_scheduler(kind, sd_config());
    s->set_timesteps(10);
    auto x = torch::randn({1, 4, 2, 2});
    EXPECT_THROW(s->step(x, 1, x), rashisa::Error) << sampler_name(kind);
    EXPECT_NO_THROW(s->step(x, 0, x)) << sampler_name(kind);
    s->set_timesteps(10);  // resets the history
    EXPECT_NO_THROW(s->step(x, 0, x)) << sampler_name(kind);
  }
}

TEST(Schedulers, FullRunsStayFiniteAndKeepTheModelOutputDtype) {
  torch::manual_seed(0);
  for (const char* prediction : {"epsilon", "v_prediction"}) {
    for (auto kind : {SamplerKind::DDIM, SamplerKind::PNDM, SamplerKind::Euler, SamplerKind::DPMSolverPP2M,
                      SamplerKind::DPMSolverPP2MKarras}) {
      auto s = make_scheduler(kind, sd_config(prediction));
      s->set_timesteps(8);
      auto x = torch::randn({1, 4, 3, 3}, torch::kFloat64) * s->init_noise_sigma();
      const int n = static_cast<int>(s->timesteps().size(0));
      for (int i = 0; i < n; ++i) {
        auto in = s->scale_model_input(x, i);
        EXPECT_EQ(in.scalar_type(), torch::kFloat64);
        x = s->step(torch::randn_like(x) * 0.1, i, x).prev_sample;
      }
      EXPECT_EQ(x.scalar_type(), torch::kFloat64) << sampler_name(kind);
      EXPECT_TRUE(torch::isfinite(x).all().item<bool>()) << sampler_name(kind) << " " << prediction;
    }
  }
}

TEST(DdpmTraining, NoiseAndVelocityAreTheForwardProcess) {
  DdpmTraining ddpm(sd_config("v_prediction"));
  ASSERT_EQ(ddpm.betas().size(0), 1000);
  EXPECT_EQ(ddpm.alphas_cumprod().scalar_type(), torch::kFloat32);
  EXPECT_NEAR(ddpm.betas()[0].item<float>(), 0.00085f, 1e-9);
  EXPECT_NEAR(ddpm.betas()[999].item<float>(), 0.012f, 1e-8);
  EXPECT_NEAR(ddpm.alphas_cumprod()[1].item<double>(), (1 - 0.00085) * (1 - ddpm.betas()[1].item<double>()), 1e-7);
  auto x0 = torch::randn({3, 4, 2, 2});
  auto noise = torch::randn({3, 4, 2, 2});
  auto t = torch::tensor({0, 500, 999}, torch::kInt64);
  auto noisy = ddpm.add_noise(x0, noise, t);
  auto v = ddpm.get_velocity(x0, noise, t);
  for (int b = 0; b < 3; ++b) {
    const double a = ddpm.alphas_cumprod()[t[b].item<int64_t>()].item<double>();
    EXPECT_TRUE(torch::allclose(noisy[b], x0[b] * std::sqrt(a) + noise[b] * std::sqrt(1 - a), 1e-5, 1e-6));
    // x0 = sqrt(a) noisy - sqrt(1-a) v
    EXPECT_TRUE(torch::allclose(x0[b], noisy[b] * std::sqrt(a) - v[b] * std::sqrt(1 - a), 1e-4, 1e-5));
  }
  EXPECT_THROW(ddpm.add_noise(x0, noise, torch::tensor({0, 1000, 1}, torch::kInt64)), rashisa::Error);
  EXPECT_THROW(ddpm.add_noise(x0, noise, torch::tensor({0, 1}, torch::kInt64)), rashisa::Error);
}
