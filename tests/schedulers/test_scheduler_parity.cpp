// Parity of the schedulers with diffusers 0.30.3 on every "scheduler" case of
// the reference manifest. Variants, step counts and tensor names all come from
// the case (params.configs, params.n_list, the golden file); every golden
// output must be checked by some part of this test.
#include "engine/ml/schedulers/ddpm.h"
#include "engine/ml/schedulers/schedule_tables.h"
#include "engine/ml/schedulers/scheduler.h"
#include "tests/support/reference.h"
#include "tests/support/test_device.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <set>

using namespace rashisa::ml;
using rashisa::testing::RefCase;

namespace {

// Variant keys use '_' where sampler names use '-': "dpmpp_2m_karras" -> "dpmpp-2m-karras".
std::optional<SamplerKind> kind_of(std::string variant) {
  std::replace(variant.begin(), variant.end(), '_', '-');
  return sampler_from_name(variant);
}

sched::SchedulerClass class_of(SamplerKind k) {
  switch (k) {
    case SamplerKind::DDIM: return sched::SchedulerClass::DDIM;
    case SamplerKind::PNDM: return sched::SchedulerClass::PNDM;
    case SamplerKind::Euler: return sched::SchedulerClass::Euler;
    default: return sched::SchedulerClass::DPMSolver;
  }
}

std::vector<int> n_list(const RefCase& c) { return c.params().at("n_list").get<std::vector<int>>(); }

struct Checker {
  const RefCase& c;
  const std::map<std::string, torch::Tensor>& golden;
  std::set<std::string> checked;
  // Compares when the golden file has the tensor; absent names are the file's choice.
  void operator()(const std::string& name, const torch::Tensor& got) {
    if (!golden.count(name)) return;
    EXPECT_TRUE(rashisa::testing::matches_reference(c, name, got, golden));
    checked.insert(name);
  }
  void expect_all_checked() {
    for (const auto& out : c.raw.at("outputs"))
      EXPECT_TRUE(checked.count(out.get<std::string>())) << c.name << ": golden output " << out << " not checked";
  }
};

void run_sampler(Checker& check, SamplerKind kind, const SchedulerConfig& cfg, const std::string& variant, int n) {
  // The samples on the test device, the tables where the scheduler keeps them.
  const torch::Device dev = rashisa::testing::test_device();
  const auto bank = check.golden.at("model_output_bank").to(dev);
  auto s = make_scheduler(kind, cfg);
  s->set_timesteps(n);
  const auto ts = s->timesteps();
  const int steps = static_cast<int>(ts.size(0));
  ASSERT_LE(steps, bank.size(0)) << variant << " n" << n;
  std::vector<torch::Tensor> scaled, prev, x0;
  auto x = check.golden.at("init_sample").to(dev) * s->init_noise_sigma();
  for (int i = 0; i < steps; ++i) {
    scaled.push_back(s->scale_model_input(x, i));
    auto out = s->step(bank[i], i, x);
    prev.push_back(out.prev_sample);
    if (out.pred_original_sample.defined()) x0.push_back(out.pred_original_sample);
    x = out.prev_sample;
  }
  const std::string p = variant + ".n" + std::to_string(n) + ".";
  check(p + "timesteps", ts);
  check(p + "init_noise_sigma", torch::scalar_tensor(s->init_noise_sigma(), torch::kFloat32));
  if (s->sigmas().defined()) check(p + "sigmas", s->sigmas());
  check(p + "scaled_inputs", torch::stack(scaled));
  check(p + "prev_samples", torch::stack(prev));
  if (!x0.empty()) check(p + "pred_original_samples", torch::stack(x0));
}

void check_ddpm(Checker& check, const SchedulerConfig& cfg) {
  DdpmTraining ddpm(cfg);
  check("ddpm.betas", ddpm.betas());
  check("ddpm.alphas_cumprod", ddpm.alphas_cumprod());
  const auto& g = check.golden;
  if (!g.count("ddpm.original_samples")) return;
  const torch::Device dev = rashisa::testing::test_device();
  const auto x0 = g.at("ddpm.original_samples").to(dev), noise = g.at("ddpm.noise").to(dev);
  const auto t = g.at("ddpm.timesteps").to(dev);
  check("ddpm.noisy_samples", ddpm.add_noise(x0, noise, t));
  check("ddpm.velocity", ddpm.get_velocity(x0, noise, t));
}

nlohmann::json model_scheduler_json(const RefCase& c) {
  std::ifstream in(c.model_dir() / "scheduler" / "scheduler_config.json");
  if (!in) throw std::runtime_error("no scheduler/scheduler_config.json in " + c.model_dir().string());
  return nlohmann::json::parse(in);
}

}  // namespace

class SchedulerParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(SchedulerParity, EveryVariantMatchesDiffusers) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const auto golden = rashisa::testing::load_case(c);
  Checker check{c, golden, {}};
  const auto params = c.params();  // params() returns a copy: keep it alive for the loop
  for (const auto& [variant, cfg_json] : params.at("configs").items()) {
    SCOPED_TRACE(variant);
    const auto cfg = SchedulerConfig::from_json(cfg_json);
    if (variant == "ddpm") {
      check_ddpm(check, cfg);
      continue;
    }
    const auto dot = variant.find('.');
    const auto kind = kind_of(variant.substr(0, dot));
    if (!kind) {
      ADD_FAILURE() << c.name << ": variant " << variant << " names no sampler";
      continue;
    }
    for (int n : n_list(c)) {
      if (dot == std::string::npos) {
        run_sampler(check, *kind, cfg, variant, n);
      } else {  // "ddim.trailing": only the tables, stored as spacing.<variant>.n<N>.*
        auto s = make_scheduler(*kind, cfg);
        s->set_timesteps(n);
        const std::string p = "spacing." + variant + ".n" + std::to_string(n) + ".";
        check(p + "timesteps", s->timesteps());
        if (s->sigmas().defined()) check(p + "sigmas", s->sigmas());
      }
    }
  }
  check.expect_all_checked();
}

// The model's own scheduler_config.json, converted the from_config way, must
// give each variant's effective config and hence its golden tables.
TEST_P(SchedulerParity, ModelConfigGivesTheEffectiveConfigs) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const auto golden = rashisa::testing::load_case(c);
  const auto base = SchedulerConfig::from_json(model_scheduler_json(c));
  Checker check{c, golden, {}};
  const auto params = c.params();
  for (const auto& [variant, cfg_json] : params.at("configs").items()) {
    if (variant.find('.') != std::string::npos) continue;  // spacing variants override the spacing
    SCOPED_TRACE(variant);
    const auto want = SchedulerConfig::from_json(cfg_json);
    if (variant == "ddpm") {
      const auto got = sched::effective_config(base, sched::SchedulerClass::DDPM);
      EXPECT_EQ(got.prediction_type, want.prediction_type);
      check_ddpm(check, base);
      continue;
    }
    const auto kind = kind_of(variant);
    ASSERT_TRUE(kind) << variant;
    auto got = sched::effective_config(base, class_of(*kind));
    if (*kind == SamplerKind::DPMSolverPP2MKarras) got.use_karras_sigmas = true;
    const auto exp = sched::effective_config(want, class_of(*kind));
    EXPECT_EQ(got.timestep_spacing, exp.timestep_spacing);
    EXPECT_EQ(got.prediction_type, exp.prediction_type);
    EXPECT_EQ(got.steps_offset, exp.steps_offset);
    EXPECT_EQ(got.set_alpha_to_one, exp.set_alpha_to_one);
    EXPECT_EQ(got.skip_prk_steps, exp.skip_prk_steps);
    EXPECT_EQ(got.use_karras_sigmas, exp.use_karras_sigmas);
    EXPECT_EQ(got.beta_schedule, exp.beta_schedule);
    EXPECT_EQ(got.beta_start, exp.beta_start);
    EXPECT_EQ(got.beta_end, exp.beta_end);
    EXPECT_EQ(got.num_train_timesteps, exp.num_train_timesteps);
    for (int n : n_list(c)) {
      auto s = make_scheduler(*kind, base);
      s->set_timesteps(n);
      const std::string p = variant + ".n" + std::to_string(n) + ".";
      check(p + "timesteps", s->timesteps());
      check(p + "init_noise_sigma", torch::scalar_tensor(s->init_noise_sigma(), torch::kFloat32));
      if (s->sigmas().defined()) check(p + "sigmas", s->sigmas());
    }
  }
  EXPECT_FALSE(check.checked.empty());
}

INSTANTIATE_TEST_SUITE_P(Ref, SchedulerParity, ::testing::ValuesIn(rashisa::testing::cases_of_kind("scheduler")),
                         rashisa::testing::case_test_name);
