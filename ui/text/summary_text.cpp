#include "ui/text/summary_text.h"

#include <QLocale>

#include <cmath>

namespace rashisa::ui {

QString SummaryText::hours(double h) {
  if (!std::isfinite(h)) h = 0;
  return QLocale().toString(h, 'f', std::abs(h) < 10 ? 1 : 0);
}

QString SummaryText::hoursSavedText(double h) {
  if (!(h >= 0.05)) return tr("No time saved yet");
  return tr("About %1 hours saved").arg(hours(h));
}

QString SummaryText::explanation(const ProjectSummary& s, double rate) {
  return tr("%n approved image(s) × %1 h (the time a photo shoot takes per finished catalogue image), minus %2 h "
            "the computer spent learning and making images.",
            nullptr, static_cast<int>(s.approved))
      .arg(hours(rate), hours(s.computeSeconds / 3600.0));
}

QString SummaryText::line(const ProjectSummary& s, double h) {
  const QString images = tr("%n image(s)", nullptr, static_cast<int>(s.imagesMade));
  if (!(h >= 0.05)) return images;
  return tr("%1 · %2 h saved").arg(images, hours(h));
}

}  // namespace rashisa::ui
