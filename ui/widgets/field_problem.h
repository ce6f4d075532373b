#pragma once
// What is wrong with one field, shown right below it: one line per problem in the error colour,
// and "Copy details" when a problem is one the window has no words for.
#include <QWidget>

class QLabel;
class QPushButton;

namespace rashisa::ui {

class FieldProblem : public QWidget {
  Q_OBJECT

 public:
  explicit FieldProblem(QWidget* parent = nullptr);

  /// Hidden when `lines` is empty; `details` non-empty shows "Copy details".
  void setProblems(const QStringList& lines, const QString& details = {});
  void clear() { setProblems({}); }
  QString text() const;
  QPushButton* copyButton() const { return copy_; }

 private:
  QLabel* label_;
  QPushButton* copy_;
  QString details_;
};

}  // namespace rashisa::ui
