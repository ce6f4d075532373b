#pragma once
#include "engine/core/progress.h"

#include <string>

namespace rashisa::cli {

/// A one-line progress bar with ETA on stderr: redrawn in place on a terminal,
/// one line per 10% otherwise (logs stay readable).
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  void update(const Progress& p);
  void finish();

 private:
  std::string label_;
  bool tty_;
  int last_decile_ = -1;
  bool drawn_ = false;
};

/// "1:05" / "12 s"
std::string format_duration(double seconds);

}  // namespace rashisa::cli
