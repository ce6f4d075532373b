#include "engine/core/progress.h"

#include "engine/core/error.h"

namespace rashisa {

StepTimer::StepTimer(int total) : total_(total), start_(Clock::now()) {}

Progress StepTimer::tick(const std::string& stage) {
  ++done_;
  Progress p;
  p.stage = stage;
  p.step = done_;
  p.total = total_;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  p.seconds_per_step = elapsed / done_;
  p.eta_seconds = p.seconds_per_step * (total_ - done_);
  return p;
}

void check_cancel(const CancelToken* token, bool callback_result) {
  if (!callback_result || (token && token->cancelled())) {
    throw Error(ErrorCode::Cancelled, "cancelled by the user");
  }
}

}  // namespace rashisa
