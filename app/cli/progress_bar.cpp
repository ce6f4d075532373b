#include "app/cli/progress_bar.h"

#include <cmath>
#include <cstdio>

#ifdef _WIN32
#include <io.h>
#define RASHISA_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define RASHISA_ISATTY(fd) isatty(fd)
#endif

namespace rashisa::cli {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%ld s", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  }
  return buf;
}

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), tty_(RASHISA_ISATTY(2) != 0) {}

void ProgressBar::update(const Progress& p) {
  if (p.total <= 0) return;
  const int width = 30;
  const int filled = static_cast<int>(static_cast<double>(p.step) / p.total * width);
  const int decile = p.step * 10 / p.total;
  if (!tty_ && decile == last_decile_ && p.step != p.total) return;
  last_decile_ = decile;
  std::string bar(filled, '#');
  bar.append(width - filled, '.');
  char loss[64] = "";
  if (p.loss != 0.0) std::snprintf(loss, sizeof loss, "  loss %.4f (reg %.4f)", p.loss, p.reg_loss);
  std::fprintf(stderr, "%s%s [%s] %d/%d  %.2f s/step  ETA %s%s%s", tty_ ? "\r" : "", label_.c_str(), bar.c_str(),
               p.step, p.total, p.seconds_per_step, format_duration(p.eta_seconds).c_str(), loss, tty_ ? "  " : "\n");
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (tty_ && drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace rashisa::cli
