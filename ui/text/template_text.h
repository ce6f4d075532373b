#pragma once
// Prompt-template text for the window: the labels of a template in the window's language, the
// samplers' friendly names, and the engine's template problem codes as translated sentences
// that say what to fix.
#include "ui/jobs/catalogue_types.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace rashisa::ui {

struct SamplerName {
  QString id;    // "dpmpp-2m", as the engine reads it
  QString name;  // translated, for the combo box
};

class TemplateText {
  Q_DECLARE_TR_FUNCTIONS(TemplateText)

 public:
  /// True when the window speaks Japanese (the default locale follows the chosen language).
  static bool japanese();
  /// The Japanese label when the window is Japanese and it has one, else the English one, else
  /// the template's id.
  static QString label(const TemplateItem& item);
  static QString label(const TemplateVariable& variable);
  static QString label(const TemplateValue& value);

  /// The samplers the engine knows, recommended first.
  static QList<SamplerName> samplers();
  static QString samplerName(const QString& id);

  /// The problem as one sentence that says what to fix (a generic sentence for unknown codes).
  static QString problem(const TemplateProblem& problem);
  static bool knownCode(const QString& code);
  /// The editor's name of the part a problem is about: "Prompt", "Size", ...
  static QString fieldName(const QString& field);
  /// Which template a problem is about: "Template "white-studio"", "Line 4", "The file".
  static QString where(const TemplateProblem& problem);
  /// For "copy details": the code, field, subject and the engine's English text (not translated).
  static QString details(const QList<TemplateProblem>& problems);

  /// The editor part a problem's field belongs to: "key", "labels", "prompt", "negative",
  /// "variables", "size", "steps", "guidance", "sampler", "images", or "" for the template as a
  /// whole. Accepts the engine's spellings ("negative_prompt", "var.background", "label_ja", ...).
  static QString part(const QString& field);
};

}  // namespace rashisa::ui
