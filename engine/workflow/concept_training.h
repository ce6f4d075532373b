#pragma once
// Products (concepts) in a project: set one up from the project's photos, train it with
// AttnDreamBooth, resume it. Checkpoints go into the project file as training makes them
// (stage ends and every N steps), so a crash, a power cut or a cancel loses at most N steps.
// Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/store/project.h"
#include "engine/workflow/model_session.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::workflow {

/// A number left negative keeps the preset's value.
struct StageOverrides {
  int steps = -1;
  double lr = -1;
  int batch = -1;
  double lambda_mean = -1;
  double lambda_var = -1;
};

struct ConceptSetup {
  std::string name;              // unique in the project, shown to the user
  std::string category;          // one simple English word: mug, bottle, bag, ...
  std::string preset = "default";  // default | fast
  std::int64_t seed = 0;
  int resolution = 512;          // multiple of 8, 64..1024
  std::array<StageOverrides, 3> stages;
  std::vector<std::int64_t> photo_ids;  // empty: every photo in the project
  bool fp32_delta = false;       // keep the UNet difference in fp32 (twice the size)
  int checkpoint_every = 100;    // steps; stage ends always checkpoint
};

/// Checks the setup and adds the concept (status "new") with its photos; the training settings
/// are resolved now and stored with it, so every later run (and resume) uses the same ones.
/// Throws Error(InvalidArgument) with the fix (no photos, bad preset or numbers, name in use).
std::int64_t create_concept(store::Project& project, const ConceptSetup& setup);

/// Finds a concept by its number or name; Error(InvalidArgument) listing the ones there are.
store::Concept find_concept(const store::Project& project, const std::string& key);

struct TrainRun {
  std::string memory_plan;  // 24gb, 16gb, 12gb, 8gb, cpu; empty: chosen from the free memory
  bool restart = false;     // throw away saved progress and start from the beginning
  /// Periodic checkpoints at most this often (stage ends and cancels always checkpoint).
  /// Writing a stage-3 checkpoint into the project file costs about 3x its ~10 GB in disk
  /// writes (new data, journal, overwriting the old one), so the default keeps it to one per
  /// 5 minutes of training: a crash loses at most that.
  double checkpoint_min_seconds = 300;
};

struct TrainReport {
  int resumed_stage = 0;  // 0: started from the beginning
  int resumed_step = 0;
  std::array<double, 3> seconds{};
  std::array<double, 3> first_loss{};  // mean over the stage's first (up to) 10 steps
  std::array<double, 3> last_loss{};   // mean over its last (up to) 10 steps
  std::int64_t package_bytes = 0;
  std::string warning;  // set when the product is trained but something after it did not finish
};

/// Trains (or resumes) the concept on `session` (opened with SessionPurpose::Train on the
/// project's base model). On success the package is stored and the checkpoint removed; on
/// cancel the status becomes "paused" (Error(Cancelled) is rethrown) and the next call resumes;
/// on failure "failed", with the last checkpoint kept. Progress: stages "stage1".."stage3".
TrainReport train_concept(store::Project& project, std::int64_t concept_id, ModelSession& session, const TrainRun& run,
                          const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace rashisa::workflow
