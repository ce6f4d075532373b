#pragma once
// Disk space a product's training needs beside the project, checked before it starts. The
// checkpoints and the finished product live in the project file (see concept_training.h), so
// a run that cannot store them stops with "disk full" after minutes or hours of work; this
// says so up front, as a warning (the estimate is "about", and space can be freed meanwhile).
// Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/store/project.h"
#include "engine/workflow/concept_training.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace rashisa::workflow {

/// What sets the sizes: the UNet's parameter count and how the checkpoint and the product keep
/// them.
struct TrainingSpaceInputs {
  std::int64_t unet_parameters = 0;
  std::int64_t embedding_size = 1024;  // the <V> vector (768 SD 1.x, 1024 SD 2.x): a few KB
  bool bf16_weights = false;           // memory plans with bf16 UNet weights keep them so
  bool int8_moments = false;           // memory plans with blockwise 8-bit AdamW moments
  bool fp32_delta = false;             // the product keeps its UNet difference in fp32
  int stage3_steps = 0;
  int checkpoint_every = 100;          // 0: stage ends only
  std::int64_t saved_checkpoint_bytes = 0;  // a checkpoint the project holds already
};

struct TrainingSpaceEstimate {
  std::int64_t checkpoint_bytes = 0;  // the biggest checkpoint: stage 3, weights + AdamW moments
  std::int64_t package_bytes = 0;     // the finished product
  std::int64_t needed_bytes = 0;      // the most the project folder must take at once
};

/// The arithmetic, on its own (see training_space.cpp for the copies it counts).
TrainingSpaceEstimate estimate_training_space(const TrainingSpaceInputs& in);

struct TrainingSpace {
  std::filesystem::path folder;   // the project file's folder
  TrainingSpaceEstimate estimate;
  std::int64_t available = -1;    // bytes free in `folder` now; -1 when the system does not say
  bool short_of_space() const noexcept { return available >= 0 && available < estimate.needed_bytes; }
  /// An English sentence for the CLI and logs naming both numbers and the folder; empty when
  /// there is enough space (or the free space is not known).
  std::string warning() const;
};

/// The space check for training `setup` (a new product, or saved_setup() of one) on the
/// project's base model, with `memory_plan` (24gb ... cpu; empty: the setup's stored plan or,
/// without one, the plan with the largest checkpoint). `concept_id` > 0 counts the checkpoint
/// that product has saved already. Reads the base model's tensor headers only (no weights).
/// Throws rashisa::Error as describe_model() does when the base model cannot be read.
TrainingSpace check_training_space(const store::Project& project, const ConceptSetup& setup,
                                   const std::string& memory_plan, std::int64_t concept_id = 0);

}  // namespace rashisa::workflow
