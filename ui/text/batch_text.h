#pragma once
// Words for batches and generated images: why a batch cannot be made (by the engine's problem
// code), review states, sampler names, and the template's own names in the window's language.
#include "ui/jobs/catalogue_types.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace rashisa::ui {

class BatchText {
  Q_DECLARE_TR_FUNCTIONS(BatchText)

 public:
  /// What to change so the batch can be made ("" when the plan has no problem).
  static QString planProblem(const BatchPlan& plan);
  static QString reviewState(ReviewState state);
  /// The samplers a batch may use (engine names), and how each is shown.
  static QStringList samplers();
  static QString samplerName(const QString& sampler);
  /// "White studio · seed 3 · approved" for tooltips and screen readers.
  static QString imageTip(const ImageItem& image);
  /// "2026-12-01 19:00" in local time, from the engine's ISO 8601 UTC ("" stays "").
  static QString dateTime(const QString& iso);

  /// True when the window speaks Japanese (templates carry names in both languages).
  static bool japanese();
  static QString templateLabel(const TemplateItem& item);
  static QString variableLabel(const TemplateVariable& variable);
  static QString valueLabel(const TemplateValue& value);
  /// The image with its template's name in the window's language (when the template is known).
  static ImageItem labelled(const ImageItem& image, const QList<TemplateItem>& templates);
};

}  // namespace rashisa::ui
