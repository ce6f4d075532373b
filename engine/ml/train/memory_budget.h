#pragma once
// The byte budget of a training stage under a memory plan (DESIGN.md section 9): weights,
// gradients, optimiser state, activations and workspace, against a GPU's size. Parameter
// counts are exact, from the model's config.json files (no weights loaded); activations are
// an estimate from the UNet's block layout (see memory_budget.cpp for the per-block model),
// which bench_train checks against the measured peak on a GPU.
#include "engine/ml/train/blockwise_int8.h"
#include "engine/ml/train/train_config.h"
#include "engine/ml/unet/unet_config.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rashisa::ml {

struct ParamCount {
  int64_t total = 0;
  int64_t largest = 0;  // numel of the largest single tensor
};

/// Exact parameter counts of our modules for a config (equal to named_parameters()).
ParamCount count_unet_parameters(const UNetConfig& c);
/// The stage-2 subset: every attn2 to_q/to_k/to_v/to_out.0 weight and to_out.0 bias.
ParamCount count_cross_attention_parameters(const UNetConfig& c);
ParamCount count_vae_parameters(const nlohmann::json& vae_config);
ParamCount count_text_encoder_parameters(const nlohmann::json& text_encoder_config);

struct ModelSizes {
  std::string label;
  UNetConfig unet_config;
  ParamCount unet, cross_attention, vae, text_encoder;
  int64_t text_hidden = 0;     // text-encoder width (the <V> vector's size)
  int64_t vae_channels0 = 0;   // VAE encoder's first width (its full-resolution activations)
};
/// From a diffusers folder or a configs folder (unet/, vae/, text_encoder/ config.json).
ModelSizes model_sizes(const std::filesystem::path& dir);

struct BudgetLine {
  std::string item;
  int64_t bytes = 0;
  std::string how;  // the arithmetic, for people
};

struct StageBudget {
  int stage = 0;
  std::vector<BudgetLine> resident;   // alive through the whole step
  std::vector<BudgetLine> phases;     // peaks at different moments; the larger one counts
  int64_t total = 0;                  // sum(resident) + max(phases)
};

/// Stage 1..3 at `batch` and `resolution` px under `plan`, as on a CUDA device (bf16 autocast
/// when plan.mixed_precision).
StageBudget stage_budget(const ModelSizes& m, const MemoryPlan& plan, int stage, int batch, int resolution);

/// What a GPU of `gib` GiB leaves for training: 95% (the rest for fragmentation and the display).
int64_t usable_bytes(double gib);

/// Lines for people: each item with its bytes and arithmetic, then the total against the budget
/// (budget_bytes <= 0: no budget, the total alone).
std::string format_budget(const StageBudget& b, int64_t budget_bytes);

}  // namespace rashisa::ml
