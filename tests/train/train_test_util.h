#pragma once
// Shared by the training tests: the tiny reference models and small, fast training settings.
#include "engine/ml/train/trainer.h"
#include "tests/support/reference.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rashisa::testing {

/// Every model directory of the reference manifest.
inline std::vector<std::filesystem::path> reference_model_dirs() {
  std::vector<std::filesystem::path> out;
  for (const auto& [name, m] : manifest().at("models").items())
    out.push_back(reference_dir() / m.at("path").get<std::string>());
  return out;
}

/// The first model of the reference manifest, loaded on the CPU in float32.
inline ml::StableDiffusionModel load_first_reference_model() { return ml::load_model(reference_model_dirs().front()); }

/// 64 px, batch 2, CPU memory plan, seed 11; every stage 0 steps until the test sets them.
inline ml::TrainSettings tiny_train_settings() {
  ml::TrainSettings s;
  s.category = "toy";
  s.augment.resolution = 64;
  s.stages[0] = {0, 1e-2, 2, 0.1, 0.0};
  s.stages[1] = {0, 1e-3, 2, 2.0, 5.0};
  s.stages[2] = {0, 1e-3, 2, 2.0, 5.0};
  s.memory = ml::memory_plan_for(false, -1);
  s.seed = 11;
  return s;
}

/// The same with these steps per stage, `batch` photos a step and `seed`.
inline ml::TrainSettings tiny_train_settings(std::array<int, 3> steps, int batch, std::uint64_t seed) {
  auto s = tiny_train_settings();
  for (int k = 0; k < 3; ++k) {
    s.stages[k].steps = steps[k];
    s.stages[k].batch = batch;
  }
  s.seed = seed;
  return s;
}

}  // namespace rashisa::testing
