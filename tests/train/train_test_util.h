#pragma once
// Shared by the stage tests: the first tiny reference model and small, fast training settings.
#include "engine/ml/train/trainer.h"
#include "tests/support/reference.h"

#include <string>

namespace rashisa::testing {

/// The first model of the reference manifest, loaded on the CPU in float32.
inline ml::StableDiffusionModel load_first_reference_model() {
  const auto& models = manifest().at("models");
  return ml::load_model(reference_dir() / models.begin().value().at("path").get<std::string>());
}

/// 64 px, batch 2, CPU memory plan, seed 11; every stage 0 steps until the test sets them.
inline ml::TrainSettings tiny_train_settings() {
  ml::TrainSettings s;
  s.category = "toy";
  s.augment.resolution = 64;
  s.stages[0] = {0, 1e-2, 2, 0.1, 0.0};
  s.stages[1] = {0, 1e-3, 2, 2.0, 5.0};
  s.stages[2] = {0, 1e-4, 2, 2.0, 5.0};
  s.memory = ml::memory_plan_for(false, -1);
  s.seed = 11;
  return s;
}

}  // namespace rashisa::testing
