// The free-space estimate before training: the arithmetic of the biggest checkpoint, the product
// and the copies the project file holds at once, then the check on a real (demo) model beside a
// project, and the warning's words.
#include "engine/core/space_advice.h"
#include "engine/ml/pipeline/sd_model.h"
#include "engine/workflow/demo.h"
#include "engine/workflow/training_space.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kSd15Unet = 859520964;  // SD 1.5's UNet parameters

TEST(TrainingSpace, Fp32CheckpointsOfSd15NeedThreeCopies) {
  TrainingSpaceInputs in;
  in.unet_parameters = kSd15Unet;
  in.stage3_steps = 500;
  in.checkpoint_every = 100;
  const TrainingSpaceEstimate e = estimate_training_space(in);
  // fp32 weights and two fp32 moments: 12 bytes a weight, about 10.3 GB ("about 10 GB", --help).
  EXPECT_NEAR(static_cast<double>(e.checkpoint_bytes), 12.0 * kSd15Unet, 2e6);
  EXPECT_NEAR(static_cast<double>(e.package_bytes), 2.0 * kSd15Unet, 2e6);
  EXPECT_NEAR(static_cast<double>(e.needed_bytes), 3.0 * e.checkpoint_bytes, 3e6);
}

TEST(TrainingSpace, OneStage3CheckpointNeedsItTheProductAndItsJournal) {
  TrainingSpaceInputs in;
  in.unet_parameters = kSd15Unet;
  in.stage3_steps = 100;
  in.checkpoint_every = 100;  // only the stage end
  const TrainingSpaceEstimate e = estimate_training_space(in);
  EXPECT_NEAR(static_cast<double>(e.needed_bytes), 2.0 * e.checkpoint_bytes + e.package_bytes, 3e6);
  in.checkpoint_every = 0;
  in.stage3_steps = 5000;
  EXPECT_EQ(estimate_training_space(in).needed_bytes, e.needed_bytes);
}

TEST(TrainingSpace, SmallerPlansAndSavedProgressNeedLess) {
  TrainingSpaceInputs in;
  in.unet_parameters = kSd15Unet;
  in.stage3_steps = 500;
  const std::int64_t fp32 = estimate_training_space(in).checkpoint_bytes;
  in.bf16_weights = true;
  in.int8_moments = true;
  const TrainingSpaceEstimate small = estimate_training_space(in);
  // bf16 weights (2 bytes) and 8-bit moments (1 byte + a float per 256 each): about 4 bytes a weight.
  EXPECT_NEAR(static_cast<double>(small.checkpoint_bytes), (2.0 + 2.0 * (1.0 + 4.0 / 256)) * kSd15Unet, 2e6);
  EXPECT_LT(small.checkpoint_bytes * 2, fp32);
  in.saved_checkpoint_bytes = small.checkpoint_bytes;
  EXPECT_EQ(estimate_training_space(in).needed_bytes, small.needed_bytes - small.checkpoint_bytes);
  in.fp32_delta = true;
  EXPECT_EQ(estimate_training_space(in).package_bytes, small.package_bytes + 2 * kSd15Unet);
}

TEST(TrainingSpace, WarningNamesBothAmountsAndTheFolder) {
  TrainingSpace s;
  s.folder = "/data/商品";
  s.estimate.needed_bytes = 31'000'000'000;
  s.available = 5'000'000'000;
  ASSERT_TRUE(s.short_of_space());
  const std::string w = s.warning();
  EXPECT_NE(w.find("only about 5.0 GB is free in /data/商品"), std::string::npos) << w;
  EXPECT_NE(w.find("needs about 31 GB there"), std::string::npos) << w;
  s.available = 40'000'000'000;
  EXPECT_TRUE(s.warning().empty());
  s.available = -1;  // not known: no warning
  EXPECT_TRUE(s.warning().empty());
}

TEST(TrainingSpace, ChecksTheDemoModelBesideTheProject) {
  const fs::path dir = fs::temp_directory_path() / ("rashisa_training_space_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "プロジェクト");
  write_demo_model(dir / "model");
  store::Project project = store::Project::create(dir / "プロジェクト" / "p.rashisa");
  project.set_base_model({(dir / "model").u8string(), ""});
  ConceptSetup setup;
  setup.stages[2].steps = 4;
  const TrainingSpace s = check_training_space(project, setup, "");
  EXPECT_EQ(s.folder, folder_of(dir / "プロジェクト" / "p.rashisa"));
  EXPECT_GT(s.available, 0);
  const std::int64_t unet = ml::inspect_model(dir / "model").components.at("unet").parameters;
  TrainingSpaceInputs in;
  in.unet_parameters = unet;
  in.embedding_size = 768;
  in.stage3_steps = 4;
  EXPECT_EQ(s.estimate.needed_bytes, estimate_training_space(in).needed_bytes);
  // The 8gb plan keeps bf16 weights and 8-bit moments: a smaller checkpoint.
  EXPECT_LT(check_training_space(project, setup, "8gb").estimate.checkpoint_bytes, s.estimate.checkpoint_bytes);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rashisa::workflow
