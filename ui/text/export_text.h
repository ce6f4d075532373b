#pragma once
// The export's file-name pattern in words: the placeholders people can insert, and what is
// wrong with a pattern the engine refused, said so that it can be fixed.
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rashisa::ui {

struct NamePlaceholder {
  QString token;  // "{product}"
  QString label;  // the insert button's text
  QString help;   // what it becomes
};

class ExportText {
  Q_DECLARE_TR_FUNCTIONS(ExportText)

 public:
  /// {product} {template} {image} {seed} {job} {date} {index}, in the order the buttons show.
  static QList<NamePlaceholder> placeholders();
  /// What is wrong with `pattern`, in plain words, after the engine refused it with
  /// `engineMessage` (its English sentence, kept for "copy details"). Looks at the pattern
  /// itself to say which part to change; a general sentence when nothing specific is found.
  static QString patternProblem(const QString& pattern, const QString& engineMessage);
  /// The sentence for names that repeat (two images would get the same file name).
  static QString repeatedNames();
};

}  // namespace rashisa::ui
