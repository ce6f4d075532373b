#pragma once
// Private to WorkflowEngine: conversions between engine/workflow values and the window's.
#include "engine/core/progress.h"
#include "ui/jobs/engine.h"

#include <QImage>
#include <QString>

#include <filesystem>
#include <string>
#include <vector>

namespace rashisa::ui::convert {

inline std::filesystem::path path(const QString& p) { return std::filesystem::u8path(p.toStdString()); }
inline QString text(const std::string& s) { return QString::fromStdString(s); }
inline QString text(const std::filesystem::path& p) { return QString::fromStdString(p.u8string()); }

inline QImage png(const std::vector<std::uint8_t>& bytes) {
  QImage image;
  if (!bytes.empty()) image.loadFromData(bytes.data(), static_cast<int>(bytes.size()), "PNG");
  return image;
}

inline JobProgress progress(const Progress& p) {
  JobProgress out;
  out.stage = text(p.stage);
  out.step = p.step;
  out.total = p.total;
  out.loss = p.loss;
  out.regLoss = p.reg_loss;
  out.secondsPerStep = p.seconds_per_step;
  return out;
}

/// An engine progress callback that reports to the job and stops when it is cancelled;
/// pausing holds it between steps.
inline ProgressCallback reporter(JobContext& context) {
  return [&context](const Progress& p) {
    context.report(progress(p));
    return context.proceed();
  };
}

}  // namespace rashisa::ui::convert
