#pragma once
// Numbers people read: durations, sizes, counts.
#include <QCoreApplication>
#include <QString>

namespace rashisa::ui {

class Format {
  Q_DECLARE_TR_FUNCTIONS(Format)

 public:
  /// "about 25 minutes", "about 2 h 10 min", "under a minute", "about 3 days".
  static QString duration(double seconds);
  /// "12.3 GB" in the current locale.
  static QString bytes(qint64 bytes);
  /// "0.42 s/step" or "12 s/step".
  static QString secondsPerStep(double seconds);
};

}  // namespace rashisa::ui
