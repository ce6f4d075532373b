#pragma once
// A product trained quickly on a tiny reference model (64 px, two steps per stage, CPU): what
// the workflow tests that generate with a product need.
#include "engine/media/image_file.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/photo_intake.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rashisa::testing {

/// A red ball on teal, moved a little in each photo.
inline std::vector<std::uint8_t> ball_png(int i) {
  media::RgbImage im{96, 80, {}};
  for (int y = 0; y < im.height; ++y)
    for (int x = 0; x < im.width; ++x) {
      const int dx = x - 40 - 4 * i, dy = y - 38 - 3 * (i % 2);
      const bool ball = dx * dx + dy * dy < 22 * 22;
      im.pixels.insert(im.pixels.end(), {std::uint8_t(ball ? 220 : 20), std::uint8_t(ball ? 30 : 140),
                                         std::uint8_t(ball ? 40 : 150)});
    }
  return media::encode_png(im);
}

/// Adds four photos, sets `model` as the project's model and trains the product "ball"
/// (category "toy") on them; returns its id.
inline std::int64_t trained_product(store::Project& project, const std::filesystem::path& model) {
  using namespace rashisa::workflow;
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(add_photo_bytes(project, ball_png(i), "ball" + std::to_string(i) + ".png").ok());
  SessionOptions train;
  train.device = "cpu";
  train.purpose = SessionPurpose::Train;
  set_project_model(project, model, train);
  ConceptSetup setup;
  setup.name = "ball";
  setup.category = "toy";
  setup.resolution = 64;
  setup.checkpoint_every = 0;
  for (auto& s : setup.stages) {
    s.steps = 2;
    s.batch = 1;
  }
  const auto id = create_concept(project, setup);
  auto session = open_project_model(project, train);
  TrainRun run;
  run.memory_plan = "cpu";
  train_concept(project, id, *session, run);
  return id;
}

}  // namespace rashisa::testing
