#pragma once
// AttnDreamBooth settings (DESIGN.md section 5) and the knobs of one training job.
#include "engine/ml/train/augment.h"

#include <torch/types.h>

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

/// How the work is fitted onto the device (DESIGN.md section 9). The exact fp32 method
/// (fp32 weights, gradients and AdamW moments) is used wherever it fits; each setting that
/// changes the numbers is listed by approximations() and recorded in the concept's metadata.
/// The byte arithmetic of each named plan is in memory_budget.h (`bench_train --dry-run`).
struct MemoryPlan {
  enum class Moments { Fp32, Blockwise8bit };  // AdamW moments: float32, or bitsandbytes-style 8-bit blocks
  enum class Weights { Fp32, Bf16Stochastic }; // UNet weights: float32, or bf16 with stochastically rounded updates

  std::string name = "24gb";           // 24gb, 16gb, 12gb, 8gb, cpu
  bool gradient_checkpointing = false;
  int micro_batch = 0;                 // 0: the whole batch at once; else gradient accumulation
  bool mixed_precision = false;        // bf16 autocast (Ampere+) or fp16 with loss scaling
  /// Optimiser step inside the backward pass, gradients freed as they are applied (exact, see
  /// fused_backward.h). Needs micro_batch == 0 and no fp16 loss scaling: on a GPU without bf16
  /// the trainer takes the plain step instead.
  bool fused_backward = false;
  Moments optimizer_moments = Moments::Fp32;
  Weights weights = Weights::Fp32;     // Bf16Stochastic needs mixed_precision
  bool text_encoder_offload = false;   // text encoder on the CPU once stage 1 is done
  bool vae_offload = false;            // VAE on the CPU between encodes
  int vae_batch = 0;                   // images per VAE encode; 0: micro_batch, or the whole batch
};
/// The plan for a device with `free_bytes` of memory (CPU: no mixed precision, no accumulation).
MemoryPlan memory_plan_for(bool cuda, std::int64_t free_bytes);
std::optional<MemoryPlan> memory_plan_from_name(const std::string& name);
/// The named plans, largest first (24gb, 16gb, 12gb, 8gb), then cpu.
std::vector<MemoryPlan> named_memory_plans();
/// The next smaller GPU plan after `name` (24gb -> 16gb -> 12gb -> 8gb); none after 8gb or for cpu.
std::optional<MemoryPlan> smaller_memory_plan(const std::string& name);
/// GPU memory each named plan is made for, in GiB (0 for cpu).
int memory_plan_gpu_gib(const MemoryPlan& plan);
/// What makes the plan's result differ from the exact fp32 method, e.g. "adamw_8bit_blockwise_moments".
std::vector<std::string> approximations(const MemoryPlan& plan);
/// Empty when consistent; else why not (e.g. fused backward with micro-batches).
std::string plan_problem(const MemoryPlan& plan);
nlohmann::json to_json(const MemoryPlan& plan);

/// Preview images made while training (DESIGN.md section 8): what the concept looks like so far.
struct PreviewSettings {
  int every = 100;  // a preview every N steps within each stage, plus always at each stage end; 0 = stage ends only
  std::vector<std::uint64_t> seeds = {1234, 5678};  // one image per seed at each preview point
  int size = 0;     // square px, a multiple of 8 from 64; 0 = min(training resolution, 384)
  int steps = 25;   // DPM-Solver++ 2M steps
  double guidance = 7.5;
};

/// One preview: the prompt "a photo of <V> <category>" generated with the weights as they are
/// after `step` steps of `stage`, and where <V> looks in it.
struct TrainPreview {
  int stage = 0;           // 1..3
  int step = 0;            // steps done in the stage
  std::uint64_t seed = 0;
  torch::Tensor image;     // [H,W,3] uint8 CPU
  torch::Tensor heat;      // [H,W] float32 CPU in [0,1], max 1: <V>'s cross-attention (TokenHeatMap)
};

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
  /// Previews: none unless `on_preview` is set. Preview points are after step n of a stage
  /// when `preview.every > 0 && n % preview.every == 0`, and at the stage's last step; a
  /// resumed run makes only those after where it resumed. Each point calls `on_preview` once per
  /// seed on the training thread, after the model is back in its training state. Previews
  /// never change the result: they draw nothing from the training's random stream, so a run
  /// with previews gives bitwise the same concept as one without on the CPU. Not part of the
  /// job's identity (a resume may change them). An exception from `on_preview` stops the training.
  PreviewSettings preview;
  std::function<void(const TrainPreview&)> on_preview;  // empty = no previews
};

nlohmann::json to_json(const TrainSettings& s);

}  // namespace rashisa::ml
