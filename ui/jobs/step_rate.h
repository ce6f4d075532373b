#pragma once
// Seconds per step of the job in flight, from this run's own step times, with paused time left
// out, so the ETA the window shows is honest after a pause or a slow first step.
#include <QtGlobal>

#include <optional>

namespace rashisa::ui {

class StepRate {
 public:
  /// Forget everything (a new stage or job begins). `now` in seconds on a monotonic clock.
  void restart(qint64 stepsDone, double now);
  /// `stepsDone` steps are finished at `now`.
  void update(qint64 stepsDone, double now);
  void pauseBegan(double now);
  void pauseEnded(double now);

  /// Smoothed seconds per step; nullopt until one step has been timed.
  std::optional<double> secondsPerStep() const;
  /// Seconds for `remaining` more steps; nullopt while the rate is unknown.
  std::optional<double> secondsFor(qint64 remaining) const;

 private:
  qint64 lastSteps_ = 0;
  double lastTime_ = 0;
  double pausedSince_ = -1;
  double pausedTotal_ = 0;  // paused seconds since lastTime_
  double rate_ = -1;        // exponential moving average
  int samples_ = 0;
};

}  // namespace rashisa::ui
