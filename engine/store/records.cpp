#include "engine/store/records.h"

namespace rashisa::store {

const char* concept_status_name(ConceptStatus s) noexcept {
  switch (s) {
    case ConceptStatus::New: return "new";
    case ConceptStatus::Training: return "training";
    case ConceptStatus::Paused: return "paused";
    case ConceptStatus::Trained: return "trained";
    case ConceptStatus::Failed: return "failed";
  }
  return "new";
}

const char* job_status_name(JobStatus s) noexcept {
  switch (s) {
    case JobStatus::Queued: return "queued";
    case JobStatus::Running: return "running";
    case JobStatus::Done: return "done";
    case JobStatus::Failed: return "failed";
    case JobStatus::Cancelled: return "cancelled";
  }
  return "queued";
}

const char* review_name(Review r) noexcept {
  switch (r) {
    case Review::New: return "new";
    case Review::Approved: return "approved";
    case Review::Rejected: return "rejected";
  }
  return "new";
}

}  // namespace rashisa::store
