#pragma once
// The project summary in words: what was made, the computer's time, and the hours saved against
// a photo shoot (the figure managers ask for when they decide whether to keep a tool).
#include "ui/jobs/engine_types.h"

#include <QCoreApplication>
#include <QString>

namespace rashisa::ui {

class SummaryText {
  Q_DECLARE_TR_FUNCTIONS(SummaryText)

 public:
  /// "About 22 hours saved", "No time saved yet".
  static QString hoursSavedText(double hours);
  /// How the figure is made, with the numbers in it (tooltips and the card's note).
  static QString explanation(const ProjectSummary& summary, double shootHoursPerImage);
  /// One short line for the step rail: "48 images · 22 h saved".
  static QString line(const ProjectSummary& summary, double hours);
  /// Hours with one decimal below 10 ("2.5"), whole hours above ("22"), in the current locale.
  static QString hours(double hours);
};

}  // namespace rashisa::ui
