#pragma once
// Running queued batch jobs and remaking single images from their records. Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/store/project.h"
#include "engine/workflow/model_session.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace rashisa::workflow {

struct BatchProgress {
  std::int64_t job_id = 0;
  std::int64_t image = 0;   // 1-based number of the image being made
  std::int64_t images = 0;  // images in the job
  Progress step;            // the sampler's progress on this image (stage "denoise"/"decode")
};
/// Return false to stop (same as cancelling).
using BatchProgressCallback = std::function<bool(const BatchProgress&)>;

struct BatchRunReport {
  std::int64_t made = 0;           // images made by this call
  std::int64_t already_done = 0;   // images the job had before (a resumed job)
  std::vector<std::int64_t> image_ids;  // the images made by this call, in order
};

/// Makes the job's remaining images on `session` (opened for generation on the project's base
/// model): each is stored with every parameter as soon as it is made, so a crash or a cancel
/// loses at most the image in flight and running the job again continues after the last stored
/// image. Status: running, then done; cancelled (Error(Cancelled) rethrown) or failed. Audit:
/// "job.run" when it starts and "job.run.end" when it ends, with {"job", "status" (done,
/// cancelled, failed), "made" (images this run), "seconds" (wall time of this run)}.
BatchRunReport run_batch_job(store::Project& project, std::int64_t job_id, ModelSession& session,
                             const BatchProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// Makes the image again from its record (prompt, seed, sampler, steps, guidance, size, concept)
/// and returns its PNG bytes. On the same device and precision the result is the same image
/// (bit-exact on the CPU). Error(ModelMismatch) when the session's base model differs from the
/// one the image was made with; Error(InvalidArgument) when its concept was removed.
std::vector<std::uint8_t> regenerate_image(store::Project& project, std::int64_t image_id, ModelSession& session,
                                           const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace rashisa::workflow
