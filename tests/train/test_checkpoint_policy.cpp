// When the trainer writes checkpoints: every `checkpoint_every` steps, at every stage end,
// and, with checkpoint_min_seconds, periodic ones only when the last is old enough.
#include "engine/ml/train/trainer.h"
#include "tests/support/reference.h"
#include "tests/train/synthetic_photos.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace fs = std::filesystem;
namespace ml = rashisa::ml;

namespace {

std::vector<std::pair<int, int>> checkpoints_written(double min_seconds) {
  const auto& models = rashisa::testing::manifest().at("models");
  auto model = ml::load_model(rashisa::testing::reference_dir() / models.begin().value().at("path").get<std::string>());
  ml::TrainSettings s;
  s.category = "toy";
  s.augment.resolution = 64;
  s.stages[0] = {2, 1e-2, 1, 0.1, 0.0};
  s.stages[1] = {3, 1e-3, 1, 2.0, 5.0};
  s.stages[2] = {2, 1e-3, 1, 2.0, 5.0};
  s.memory = ml::memory_plan_for(false, -1);
  s.checkpoint_every = 1;
  s.checkpoint_min_seconds = min_seconds;
  const fs::path dir = fs::temp_directory_path() / ("rashisa_ckpt_policy_" + std::to_string(getpid()));
  s.checkpoint_dir = dir;
  std::vector<std::pair<int, int>> seen;
  s.on_checkpoint = [&](const fs::path& file, int stage, int step) {
    EXPECT_TRUE(fs::exists(file)) << "the hook runs after the file is complete";
    seen.emplace_back(stage, step);
  };
  ml::train_concept(model, rashisa::testing::draw_ball_photos(2, 64, 64), s);
  fs::remove_all(dir);
  return seen;
}

TEST(CheckpointPolicy, EveryStepWithoutAMinimumInterval) {
  const std::vector<std::pair<int, int>> all = {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {2, 3}, {3, 1}, {3, 2}};
  EXPECT_EQ(checkpoints_written(0), all);
}

TEST(CheckpointPolicy, OnlyStageEndsWhenTheIntervalIsLong) {
  const std::vector<std::pair<int, int>> ends = {{1, 2}, {2, 3}, {3, 2}};
  EXPECT_EQ(checkpoints_written(1e9), ends);
}

}  // namespace
