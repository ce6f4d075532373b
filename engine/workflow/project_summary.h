#pragma once
// A project's numbers for the window's overview: products trained, images made, approved and
// exported, and the compute time spent. Torch-free.
#include "engine/core/no_qt.h"
#include "engine/store/project.h"

#include <cstdint>

namespace rashisa::workflow {

struct ProjectSummary {
  int products_trained = 0;       // products (concepts) whose training is finished
  std::int64_t images_made = 0;   // catalogue images in the project now
  std::int64_t approved = 0;      // of those, approved in review
  /// Distinct images exported at least once, from the audit log ("image.export"), also those
  /// removed from the project since.
  std::int64_t exported = 0;
  /// Seconds of computing recorded in the audit log: training ("concept.train"), batch runs
  /// ("job.run.end", written by run_batch_job when a run ends: done, cancelled or failed),
  /// "try it" ("concept.try") and template examples ("template.examples"); each entry's
  /// "seconds". A training that was paused and never finished has no entry yet.
  double compute_seconds = 0.0;
};

/// Reads the concepts, the images' review state and the audit log (one pass each).
ProjectSummary project_summary(const store::Project& project);

}  // namespace rashisa::workflow
