#pragma once
// Everyday product words, shown in the user's language, each with the one English word the
// model knows (マグカップ -> mug). Every word is a single token of the CLIP vocabulary that
// SD 1.5 and 2.1 share (tests/gui/test_categories checks this against the reference tokenizer).
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rashisa::ui {

struct Category {
  QString label;  // translated: "マグカップ" / "Mug"
  QString word;   // what the model reads: "mug"
};

class Categories {
  Q_DECLARE_TR_FUNCTIONS(Categories)

 public:
  static QList<Category> all();
  /// The translated label of a known word, or an empty string.
  static QString labelOf(const QString& word);
  /// "マグカップ（mug）" / "Mug (mug)"; a word not in the list is shown as it is.
  static QString display(const QString& word);
  /// Lower-cases and trims what the user typed; accepts a label ("マグカップ") for its word.
  static QString normalize(const QString& typed);
};

}  // namespace rashisa::ui
