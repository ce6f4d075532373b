#include "ui/text/format.h"

#include <QLocale>

#include <cmath>

namespace rashisa::ui {

QString Format::duration(double seconds) {
  if (!(seconds >= 0) || !std::isfinite(seconds)) return tr("unknown");
  if (seconds < 60) return tr("under a minute");
  const qint64 minutes = std::llround(seconds / 60.0);
  if (minutes < 60) return tr("about %n minute(s)", nullptr, static_cast<int>(minutes));
  if (minutes < 48 * 60) {
    const qint64 h = minutes / 60, m = minutes % 60;
    if (m == 0 || h >= 10) return tr("about %n hour(s)", nullptr, static_cast<int>(std::llround(minutes / 60.0)));
    return tr("about %1 h %2 min").arg(h).arg(m);
  }
  return tr("about %n day(s)", nullptr, static_cast<int>(std::llround(minutes / (60.0 * 24))));
}

QString Format::bytes(qint64 bytes) {
  return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString Format::secondsPerStep(double seconds) {
  const int decimals = seconds < 10 ? 2 : 0;
  return tr("%1 s/step").arg(QLocale().toString(seconds, 'f', decimals));
}

}  // namespace rashisa::ui
