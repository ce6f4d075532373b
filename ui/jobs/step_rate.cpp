#include "ui/jobs/step_rate.h"

#include <algorithm>

namespace rashisa::ui {

namespace {
// Weight of the newest interval. The first step of a stage includes warm-up (allocation,
// kernel selection), so it is replaced, not averaged, once a second interval arrives.
constexpr double kAlpha = 0.2;
}  // namespace

void StepRate::restart(qint64 stepsDone, double now) {
  lastSteps_ = stepsDone;
  lastTime_ = now;
  pausedSince_ = -1;
  pausedTotal_ = 0;
  rate_ = -1;
  samples_ = 0;
}

void StepRate::update(qint64 stepsDone, double now) {
  if (pausedSince_ >= 0) pauseEnded(now);
  const qint64 steps = stepsDone - lastSteps_;
  if (steps <= 0) return;
  const double seconds = std::max(0.0, now - lastTime_ - pausedTotal_);
  const double perStep = seconds / static_cast<double>(steps);
  if (samples_ <= 1)
    rate_ = perStep;
  else
    rate_ = kAlpha * perStep + (1 - kAlpha) * rate_;
  ++samples_;
  lastSteps_ = stepsDone;
  lastTime_ = now;
  pausedTotal_ = 0;
}

void StepRate::pauseBegan(double now) {
  if (pausedSince_ < 0) pausedSince_ = now;
}

void StepRate::pauseEnded(double now) {
  if (pausedSince_ < 0) return;
  pausedTotal_ += std::max(0.0, now - pausedSince_);
  pausedSince_ = -1;
}

std::optional<double> StepRate::secondsPerStep() const {
  if (samples_ == 0) return std::nullopt;
  return rate_;
}

std::optional<double> StepRate::secondsFor(qint64 remaining) const {
  const auto r = secondsPerStep();
  if (!r) return std::nullopt;
  return *r * static_cast<double>(std::max<qint64>(0, remaining));
}

}  // namespace rashisa::ui
