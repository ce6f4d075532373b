#pragma once
// What was wrong in a template file that could not be imported: nothing was imported, and
// every problem is listed (which template or CSV line, which field, what to fix), so that all
// of them can be fixed in one go.
#include "ui/jobs/catalogue_types.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QTableView;

namespace rashisa::ui {

class TextTableModel;

class TemplateImportPanel : public QFrame {
  Q_OBJECT

 public:
  explicit TemplateImportPanel(QWidget* parent = nullptr);

  /// Shows the problems of the file at `path` (hidden when there are none).
  void showProblems(const QString& path, const QList<TemplateProblem>& problems);
  TextTableModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QLabel* title() const { return title_; }

 Q_SIGNALS:
  /// "Import again…": choose the fixed file.
  void retryRequested();

 private:
  TextTableModel* model_;
  QTableView* view_;
  QLabel* title_;
  QPushButton* retry_;
  QPushButton* copy_;
  QString details_;
};

}  // namespace rashisa::ui
