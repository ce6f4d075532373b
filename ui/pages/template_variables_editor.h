#pragma once
// The variables of a template ({background}, {light}, ...) and the values of the chosen one,
// as two small tables edited in place. Edits are reported as the whole new list (edited) and
// shown once the owner hands it back (setVariables), so each one can be undone.
#include "ui/jobs/catalogue_types.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace rashisa::ui {

class TextTableModel;

class TemplateVariablesEditor : public QWidget {
  Q_OBJECT

 public:
  explicit TemplateVariablesEditor(QWidget* parent = nullptr);

  void setVariables(const QList<TemplateVariable>& variables);
  const QList<TemplateVariable>& variables() const { return variables_; }
  /// The variable whose values are shown (-1: none).
  int currentVariable() const { return current_; }
  void selectVariable(int row);

  QTableView* variablesView() const { return variablesView_; }
  QTableView* valuesView() const { return valuesView_; }
  TextTableModel* variablesModel() const { return variablesModel_; }
  TextTableModel* valuesModel() const { return valuesModel_; }
  QPushButton* addVariableButton() const { return addVariable_; }
  QPushButton* removeVariableButton() const { return removeVariable_; }
  QPushButton* addValueButton() const { return addValue_; }
  QPushButton* removeValueButton() const { return removeValue_; }

 Q_SIGNALS:
  void edited(const QList<TemplateVariable>& variables);
  /// "Insert {name}" into the prompt.
  void insertRequested(const QString& placeholder);

 private:
  QTableView* makeView(TextTableModel* model);
  void showValues();
  void updateButtons();
  void editVariable(int row, int column, const QString& text);
  void editValue(int row, int column, const QString& text);
  void addVariable();
  void removeVariable();
  void addValue();
  void removeValue();
  void startEditing(QTableView* view, int row);

  QList<TemplateVariable> variables_;
  int current_ = -1;
  TextTableModel* variablesModel_;
  TextTableModel* valuesModel_;
  QTableView* variablesView_;
  QTableView* valuesView_;
  QLabel* valuesTitle_;
  QPushButton* addVariable_;
  QPushButton* removeVariable_;
  QPushButton* insert_;
  QPushButton* addValue_;
  QPushButton* removeValue_;
};

}  // namespace rashisa::ui
