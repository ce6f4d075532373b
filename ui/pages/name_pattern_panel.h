#pragma once
// The export's file-name pattern: the pattern field, buttons that insert the placeholders, and a
// live preview of the first names (or, when the engine refuses the pattern, why, in words).
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace rashisa::ui {

class NamePatternPanel : public QWidget {
  Q_OBJECT

 public:
  /// How many names the preview shows.
  static constexpr int kShown = 4;

  explicit NamePatternPanel(QWidget* parent = nullptr);

  QString pattern() const;
  void setPattern(const QString& pattern);
  /// The engine's answer for the current pattern: every name, or its problem (English).
  void setNames(const QStringList& names, const QString& engineProblem);
  /// The pattern cannot be used (the engine refused it, or names repeat); the sentence says why.
  QString problem() const { return problem_; }
  /// The engine's own sentence for the last refusal (for support; never shown as it is).
  QString engineProblem() const { return engineProblem_; }

  QLineEdit* edit() const { return edit_; }
  QList<QToolButton*> insertButtons() const { return buttons_; }
  QLabel* problemLabel() const { return problemLabel_; }
  /// The names the preview shows now.
  QStringList shownNames() const;

 Q_SIGNALS:
  void patternChanged();

 private:
  void insert(const QString& token);

  QLineEdit* edit_;
  QList<QToolButton*> buttons_;
  QList<QLabel*> nameLabels_;
  QLabel* more_;
  QLabel* problemLabel_;
  QString problem_;
  QString engineProblem_;
};

}  // namespace rashisa::ui
