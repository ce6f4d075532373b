#pragma once
// Resume state of a training job, one safetensors file written atomically (no pickle):
// trained weights, optimiser moments, generator state, step and photo order.
#include <torch/types.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace rashisa::ml {

struct TrainCheckpoint {
  int stage = 1;  // 1..3: the stage this state belongs to
  int step = 0;   // steps of that stage completed (== its step count at a stage end)
  torch::Tensor embedding;                          // [D] float32, the <V> vector
  std::map<std::string, torch::Tensor> unet;        // UNet parameters that differ from the base
  std::map<std::string, torch::Tensor> optimizer;   // AdamW::state()
  torch::Tensor rng_state;                          // CPU generator state
  torch::Tensor photo_order;                        // [N] int64
  int64_t photo_cursor = 0;
  nlohmann::json identity;  // what must match to resume (settings, photos, base model)
  nlohmann::json losses;    // {"stage1": [...], "stage1_reg": [...], ...}
};

std::filesystem::path checkpoint_path(const std::filesystem::path& dir);
void save_train_checkpoint(const std::filesystem::path& dir, const TrainCheckpoint& c);
/// nullopt when the folder holds no checkpoint; Error(FileFormat) when it is damaged.
std::optional<TrainCheckpoint> load_train_checkpoint(const std::filesystem::path& dir);

}  // namespace rashisa::ml
