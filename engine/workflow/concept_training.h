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
#include <functional>
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

/// Preview images made while a product trains: "a photo of <token> <category>" with the weights
/// of that moment, one image per seed, and where the product's token looks in it (a heat map of
/// its cross-attention). Previews never change the trained result.
struct PreviewOptions {
  int every = 100;  // a preview every N steps within each stage, plus always at each stage end; 0 = stage ends only
  std::vector<std::int64_t> seeds = {1234, 5678};  // 0 .. 2^63-1
  int size = 0;     // square px, a multiple of 8 from 64; 0 = min(training resolution, 384)
  int steps = 25;   // denoising steps (DPM-Solver++ 2M, guidance 7.5)
  bool enabled = true;
};

/// One training preview as the project keeps it.
struct TrainingPreview {
  int stage = 0;            // 1..3
  std::int64_t step = 0;    // steps done in `stage`
  std::int64_t seed = 0;
  int width = 0;            // of both PNGs
  int height = 0;
  std::vector<std::uint8_t> image_png;    // RGB
  std::vector<std::uint8_t> heatmap_png;  // 8-bit grey, 255 = the map's maximum
};

struct TrainRun {
  std::string memory_plan;  // 24gb, 16gb, 12gb, 8gb, cpu; empty: chosen from the free memory
  bool restart = false;     // throw away saved progress and start from the beginning
  /// Periodic checkpoints at most this often (stage ends and cancels always checkpoint).
  /// Writing a stage-3 checkpoint into the project file costs about 3x its ~10 GB in disk
  /// writes (new data, journal, overwriting the old one), so the default keeps it to one per
  /// 5 minutes of training: a crash loses at most that.
  double checkpoint_min_seconds = 300;
  /// With previews.enabled, each preview is stored in the project as it is made (replacing one
  /// of the same stage, step and seed); a fresh start (no saved progress, or `restart`) first
  /// removes the product's old previews.
  PreviewOptions previews;
  /// Called on the training thread after a preview is stored in the project. An exception
  /// from here stops the training like a failure (progress since the last checkpoint is lost).
  std::function<void(const TrainingPreview&)> on_preview;
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

/// The product's training previews, ordered by stage, step and seed (empty when it has none).
/// Throws store::StoreError (NotFound for an unknown product).
std::vector<TrainingPreview> concept_previews(const store::Project& project, std::int64_t concept_id);

/// A colour picture of a heat map for people to look at: the grey heat map (resized to the
/// image when their sizes differ) through the "turbo" colour map (blue = no attention, red =
/// the most), blended half and half over the image. PNG in, PNG out (RGB, the image's size).
/// Throws Error(InvalidArgument) when either PNG cannot be decoded.
std::vector<std::uint8_t> heatmap_overlay_png(const std::vector<std::uint8_t>& image_png,
                                              const std::vector<std::uint8_t>& heatmap_png);

/// A preview from its pixels, as train_concept stores it (also for `rashisa-cli train`, which
/// trains without a project): `rgb` holds width*height*3 bytes (RGB, row-major), `heat`
/// width*height values in [0, 1], written as round(255 * value). Throws Error(InvalidArgument)
/// for a size below 1.
TrainingPreview encode_training_preview(int stage, std::int64_t step, std::int64_t seed, int width, int height,
                                        const std::uint8_t* rgb, const float* heat);

}  // namespace rashisa::workflow
