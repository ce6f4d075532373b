#pragma once
// Photo-check finding codes and photo-import failure codes -> plain, translated text.
#include "ui/jobs/engine_types.h"

#include <QCoreApplication>
#include <QString>

namespace rashisa::ui {

struct FindingText {
  QString title;   // short: "Blurred photo"
  QString advice;  // what to do
};

class PhotoText {
  Q_DECLARE_TR_FUNCTIONS(PhotoText)

 public:
  /// `photoCount` is the number of photos in the project (for the set-level findings).
  static FindingText finding(const PhotoFinding& finding, int photoCount);
  /// Why one file could not be imported, and what to do.
  static FindingText importFailure(const QString& code);
  /// "12 photos · 2 to check" / "写真 12 枚・確認 2 件".
  static QString summary(int photos, int warnings, int errors);
  static QString severityName(Severity severity);
};

}  // namespace rashisa::ui
