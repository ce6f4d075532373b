#pragma once
// Progress reporting and cancellation for long engine work (DESIGN.md section 8).
#include "engine/core/no_qt.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace rashisa {

/// Set from any thread; long work polls it between steps and stops with
/// ErrorCode::Cancelled, leaving nothing half-written.
class CancelToken {
 public:
  void cancel() noexcept { flag_.store(true, std::memory_order_relaxed); }
  bool cancelled() const noexcept { return flag_.load(std::memory_order_relaxed); }
  void reset() noexcept { flag_.store(false, std::memory_order_relaxed); }

 private:
  std::atomic<bool> flag_{false};
};

struct Progress {
  std::string stage;         // "denoise", "decode", "stage1", ...
  int step = 0;              // steps done in this stage
  int total = 0;             // steps in this stage
  double loss = 0.0;         // training only: total loss of the step
  double reg_loss = 0.0;     // training only: the attention regulariser's part
  double seconds_per_step = 0.0;
  double eta_seconds = 0.0;  // for the remaining steps of this stage
};

/// Return false to ask the work to stop (same effect as cancelling the token).
using ProgressCallback = std::function<bool(const Progress&)>;

/// Tracks step timing for one stage and fills seconds_per_step / eta_seconds.
class StepTimer {
 public:
  explicit StepTimer(int total);
  /// Call after each finished step; returns the filled Progress for that step.
  Progress tick(const std::string& stage);

 private:
  using Clock = std::chrono::steady_clock;
  int total_;
  int done_ = 0;
  Clock::time_point start_;
};

/// Throws Error(Cancelled) if the token is set or the callback returned false.
void check_cancel(const CancelToken* token, bool callback_result = true);

}  // namespace rashisa
