// When the trainer writes checkpoints: every `checkpoint_every` steps, at every stage end,
// and, with checkpoint_min_seconds, periodic ones only when the last is old enough.
#include "engine/ml/train/trainer.h"
#include "tests/support/reference.h"
#include "tests/train/synthetic_photos.h"
#include "tests/train/train_test_util.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace fs = std::filesystem;
namespace ml = rashisa::ml;

namespace {

std::vector<std::pair<int, int>> checkpoints_written(double min_seconds) {
  auto model = rashisa::testing::load_first_reference_model();
  auto s = rashisa::testing::tiny_train_settings({2, 3, 2}, 1, 0);
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
