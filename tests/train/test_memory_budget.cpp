// The byte budget of each memory plan (memory_budget.h): exact parameter counts from the
// configs, and every named plan fitting its GPU size at the default schedule (512 px,
// batch 8) for SD 1.5 and SD 2.1. Fails when a plan is changed so that it no longer fits.
#include "engine/ml/train/memory_budget.h"
#include "engine/model_io/diffusers_folder.h"
#include "tests/support/reference.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace ml = rashisa::ml;
namespace fs = std::filesystem;

namespace {

fs::path configs_dir() {
  // The configs sit next to the reference folder in ../shared.
  return rashisa::testing::reference_dir().parent_path() / "configs";
}

}  // namespace

TEST(MemoryBudget, CountsMatchTheTinyModelsOfTheManifest) {
  for (const auto& [name, m] : rashisa::testing::manifest().at("models").items()) {
    SCOPED_TRACE(name);
    const auto sizes = ml::model_sizes(rashisa::testing::reference_dir() / m.at("path").get<std::string>());
    const auto& want = m.at("num_parameters");
    EXPECT_EQ(sizes.unet.total, want.at("unet").get<int64_t>());
    EXPECT_EQ(sizes.vae.total, want.at("vae").get<int64_t>());
    EXPECT_EQ(sizes.text_encoder.total, want.at("text_encoder").get<int64_t>());
  }
}

TEST(MemoryBudget, CountsOfTheRealStableDiffusionConfigs) {
  if (!fs::exists(configs_dir() / "sd15")) GTEST_SKIP() << "no configs at " << configs_dir();
  const auto sd15 = ml::model_sizes(configs_dir() / "sd15");
  const auto sd21 = ml::model_sizes(configs_dir() / "sd21-base");
  // diffusers' num_parameters() of the released models.
  EXPECT_EQ(sd15.unet.total, 859520964);
  EXPECT_EQ(sd21.unet.total, 865910724);
  EXPECT_EQ(sd15.vae.total, 83653863);
  EXPECT_EQ(sd15.text_encoder.total, 123060480);
  EXPECT_EQ(sd21.text_encoder.total, 340387840);
  EXPECT_GT(sd21.cross_attention.total, 0);
  EXPECT_LT(sd21.cross_attention.total, sd21.unet.total / 10);
}

TEST(MemoryBudget, EveryNamedPlanFitsItsGpuForBothModels) {
  if (!fs::exists(configs_dir() / "sd15")) GTEST_SKIP() << "no configs at " << configs_dir();
  const auto schedule = ml::stage_plan(ml::TrainPreset::Default);
  const auto fast = ml::stage_plan(ml::TrainPreset::Fast);
  for (const char* model : {"sd15", "sd21-base"}) {
    const auto sizes = ml::model_sizes(configs_dir() / model);
    for (const auto& plan : ml::named_memory_plans()) {
      if (plan.name == "cpu") continue;
      EXPECT_TRUE(ml::plan_problem(plan).empty()) << plan.name;
      const int64_t budget = ml::usable_bytes(ml::memory_plan_gpu_gib(plan));
      for (int stage = 1; stage <= 3; ++stage) {
        for (const auto* sched : {&schedule, &fast}) {
          const auto b = ml::stage_budget(sizes, plan, stage, (*sched)[stage - 1].batch, 512);
          EXPECT_LE(b.total, budget) << model << " plan " << plan.name << "\n" << ml::format_budget(b, budget);
        }
      }
    }
  }
}

TEST(MemoryBudget, ExactFp32StepWhereItFits) {
  if (!fs::exists(configs_dir() / "sd21-base")) GTEST_SKIP() << "no configs at " << configs_dir();
  const auto sizes = ml::model_sizes(configs_dir() / "sd21-base");
  // DESIGN.md section 9: 865.9 M parameters; fp32 weights 3.5 GB, gradients 3.5 GB, moments 6.9 GB.
  auto plan = *ml::memory_plan_from_name("24gb");
  plan.fused_backward = false;  // the plain step, as the design's arithmetic counts it
  const auto b = ml::stage_budget(sizes, plan, 3, 8, 512);
  auto line = [&](const std::string& item) {
    for (const auto& l : b.resident)
      if (l.item == item) return l.bytes / 1e9;
    return -1.0;
  };
  EXPECT_NEAR(line("UNet weights"), 3.46, 0.01);
  EXPECT_NEAR(line("gradients"), 3.46, 0.01);
  EXPECT_NEAR(line("AdamW moments"), 6.93, 0.01);
  // The larger plans stay exact: no approximation beyond autocast.
  for (const char* name : {"24gb", "16gb"}) {
    const auto a = ml::approximations(*ml::memory_plan_from_name(name));
    EXPECT_EQ(a, std::vector<std::string>{"mixed_precision_autocast"}) << name;
  }
  EXPECT_TRUE(ml::approximations(*ml::memory_plan_from_name("cpu")).empty());
  const auto small = ml::approximations(*ml::memory_plan_from_name("8gb"));
  EXPECT_NE(std::find(small.begin(), small.end(), "adamw_8bit_blockwise_moments"), small.end());
  EXPECT_NE(std::find(small.begin(), small.end(), "bf16_weights_stochastic_rounding"), small.end());
  // Fused removes the gradient buffer (but two tensors of 29.5 M); 8-bit shrinks the moments 4x.
  plan.fused_backward = true;
  plan.optimizer_moments = ml::MemoryPlan::Moments::Blockwise8bit;
  const auto f = ml::stage_budget(sizes, plan, 3, 8, 512);
  EXPECT_LT(f.total, b.total - 3.2e9 - 5.1e9);
}

TEST(MemoryBudget, ThePlanIsRecordedWithItsApproximations) {
  ml::TrainSettings s;
  s.memory = *ml::memory_plan_from_name("12gb");
  const auto j = ml::to_json(s);
  EXPECT_EQ(j.at("memory_plan"), "12gb");
  EXPECT_EQ(j.at("memory").at("optimizer_moments"), "8bit_blockwise");
  EXPECT_TRUE(j.at("memory").at("fused_backward").get<bool>());
  const auto approx = j.at("memory").at("approximations").get<std::vector<std::string>>();
  EXPECT_NE(std::find(approx.begin(), approx.end(), "adamw_8bit_blockwise_moments"), approx.end());
  ml::MemoryPlan bad = s.memory;
  bad.micro_batch = 2;
  EXPECT_FALSE(ml::plan_problem(bad).empty()) << "fused backward with micro-batches must be refused";
}
