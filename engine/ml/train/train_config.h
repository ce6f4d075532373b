#pragma once
// AttnDreamBooth settings (DESIGN.md section 5) and the knobs of one training job.
#include "engine/ml/train/augment.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::ml {

struct StageSettings {
  int steps = 0;
  double lr = 0.0;
  int batch = 8;
  double lambda_mean = 0.0;
  double lambda_var = 0.0;
};

enum class TrainPreset { Default, Fast };

/// Stage 1 (embedding), 2 (cross-attention), 3 (whole UNet).
using StagePlan = std::array<StageSettings, 3>;
StagePlan stage_plan(TrainPreset preset);
std::optional<TrainPreset> preset_from_name(const std::string& name);  // "default", "fast"

/// How the work is fitted onto the device (DESIGN.md section 9).
struct MemoryPlan {
  std::string name = "24gb";           // 24gb, 16gb, 12gb, 8gb, cpu
  bool gradient_checkpointing = false;
  int micro_batch = 0;                 // 0: the whole batch at once; else gradient accumulation
  bool mixed_precision = false;        // bf16 autocast (Ampere+) or fp16 with loss scaling
};
/// The plan for a device with `free_bytes` of memory (CPU: no mixed precision, no accumulation).
MemoryPlan memory_plan_for(bool cuda, std::int64_t free_bytes);
std::optional<MemoryPlan> memory_plan_from_name(const std::string& name);

struct TrainSettings {
  std::string category;                 // one CLIP token, e.g. "mug"
  std::string placeholder = "<rashisa>";
  StagePlan stages = stage_plan(TrainPreset::Default);
  std::string preset_name = "default";
  std::uint64_t seed = 0;
  AugmentConfig augment;                // augment.resolution is the training resolution
  MemoryPlan memory;
  int checkpoint_every = 100;           // steps; stage ends always checkpoint
  /// A periodic checkpoint is skipped when the last one is younger than this (seconds; 0 =
  /// every `checkpoint_every` steps). A full-UNet checkpoint is ~10 GB: on a fast GPU,
  /// writing one every 100 steps would cost more than the steps. Stage ends and cancels
  /// always checkpoint.
  double checkpoint_min_seconds = 0;
  std::filesystem::path checkpoint_dir; // empty: no checkpoints
  bool resume = false;
  /// Called on the training thread right after each checkpoint file is complete in
  /// `checkpoint_dir` (e.g. to copy it into the project file). `file` is the checkpoint,
  /// `stage`/`step` where it stands. An exception from here stops the training.
  std::function<void(const std::filesystem::path& file, int stage, int step)> on_checkpoint;
};

nlohmann::json to_json(const TrainSettings& s);

}  // namespace rashisa::ml
