#include "ui/pages/template_variables_editor.h"

#include "ui/models/text_table_model.h"
#include "ui/text/template_text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rashisa::ui {

TemplateVariablesEditor::TemplateVariablesEditor(QWidget* parent) : QWidget(parent) {
  variablesModel_ = new TextTableModel({tr("Name"), tr("Japanese"), tr("English"), tr("Values")}, this);
  variablesModel_->setEditableColumns({0, 1, 2});
  valuesModel_ = new TextTableModel({tr("Value"), tr("Japanese"), tr("English")}, this);
  valuesModel_->setEditableColumns({0, 1, 2});

  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(12);
  auto* left = new QVBoxLayout;
  left->setSpacing(4);
  variablesView_ = makeView(variablesModel_);
  variablesView_->setAccessibleName(tr("Variables"));
  variablesView_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
  auto* variablesTitle = new QLabel(tr("Variables: each one is a {placeholder} in the prompt"), this);
  left->addWidget(variablesTitle);
  left->addWidget(variablesView_, 1);
  auto* leftButtons = new QHBoxLayout;
  addVariable_ = new QPushButton(tr("Add"), this);
  addVariable_->setToolTip(tr("Add a variable"));
  removeVariable_ = new QPushButton(tr("Remove"), this);
  removeVariable_->setToolTip(tr("Remove the selected variable"));
  insert_ = new QPushButton(tr("Use in prompt"), this);
  insert_->setToolTip(tr("Put the selected variable's placeholder into the prompt at the cursor"));
  leftButtons->addWidget(addVariable_);
  leftButtons->addWidget(removeVariable_);
  leftButtons->addWidget(insert_);
  leftButtons->addStretch(1);
  left->addLayout(leftButtons);

  auto* right = new QVBoxLayout;
  right->setSpacing(4);
  valuesTitle_ = new QLabel(this);
  valuesView_ = makeView(valuesModel_);
  valuesView_->setAccessibleName(tr("Values"));
  valuesView_->setToolTip(tr("Each value goes into the prompt as it is written, in English. The Japanese and "
                             "English names are what Rashisa shows."));
  right->addWidget(valuesTitle_);
  right->addWidget(valuesView_, 1);
  auto* rightButtons = new QHBoxLayout;
  addValue_ = new QPushButton(tr("Add"), this);
  addValue_->setToolTip(tr("Add a value"));
  removeValue_ = new QPushButton(tr("Remove"), this);
  removeValue_->setToolTip(tr("Remove the selected value"));
  rightButtons->addWidget(addValue_);
  rightButtons->addWidget(removeValue_);
  rightButtons->addStretch(1);
  right->addLayout(rightButtons);
  row->addLayout(left, 1);
  row->addLayout(right, 1);

  connect(variablesModel_, &TextTableModel::cellEdited, this, &TemplateVariablesEditor::editVariable);
  connect(valuesModel_, &TextTableModel::cellEdited, this, &TemplateVariablesEditor::editValue);
  connect(variablesView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            current_ = current.row();
            showValues();
          });
  connect(valuesView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &TemplateVariablesEditor::updateButtons);
  connect(addVariable_, &QPushButton::clicked, this, &TemplateVariablesEditor::addVariable);
  connect(removeVariable_, &QPushButton::clicked, this, &TemplateVariablesEditor::removeVariable);
  connect(addValue_, &QPushButton::clicked, this, &TemplateVariablesEditor::addValue);
  connect(removeValue_, &QPushButton::clicked, this, &TemplateVariablesEditor::removeValue);
  connect(insert_, &QPushButton::clicked, this, [this] {
    if (current_ >= 0) Q_EMIT insertRequested(QLatin1Char('{') + variables_[current_].name + QLatin1Char('}'));
  });
  showValues();
}

QTableView* TemplateVariablesEditor::makeView(TextTableModel* model) {
  auto* view = new QTableView(this);
  view->setModel(model);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                        QAbstractItemView::AnyKeyPressed);
  view->verticalHeader()->hide();
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  view->horizontalHeader()->setMinimumSectionSize(40);
  view->setFixedHeight(5 * (view->fontMetrics().height() + 8) + 4);
  return view;
}

void TemplateVariablesEditor::setVariables(const QList<TemplateVariable>& variables) {
  variables_ = variables;
  QList<QStringList> rows;
  for (const TemplateVariable& v : variables)
    rows.push_back({v.name, v.labelJa, v.labelEn, QString::number(v.values.size())});
  variablesModel_->setRows(rows);
  current_ = variables_.isEmpty() ? -1 : std::clamp(current_, 0, static_cast<int>(variables_.size()) - 1);
  if (current_ >= 0 && variablesView_->currentIndex().row() != current_)
    variablesView_->setCurrentIndex(variablesModel_->index(current_, 0));
  showValues();
}

void TemplateVariablesEditor::selectVariable(int row) {
  if (row < 0 || row >= variables_.size()) return;
  current_ = row;
  variablesView_->setCurrentIndex(variablesModel_->index(row, 0));
  showValues();
}

void TemplateVariablesEditor::showValues() {
  QList<QStringList> rows;
  if (current_ >= 0)
    for (const TemplateValue& v : variables_[current_].values) rows.push_back({v.value, v.labelJa, v.labelEn});
  valuesModel_->setRows(rows);
  valuesTitle_->setText(current_ >= 0 ? tr("Values of \"%1\"").arg(TemplateText::label(variables_[current_]))
                                      : tr("Add a variable to give it values."));
  updateButtons();
}

void TemplateVariablesEditor::updateButtons() {
  const bool has = current_ >= 0 && current_ < variables_.size();
  removeVariable_->setEnabled(has);
  insert_->setEnabled(has && !variables_[current_].name.isEmpty());
  addValue_->setEnabled(has);
  removeValue_->setEnabled(has && valuesView_->currentIndex().isValid());
  valuesView_->setEnabled(has);
}

void TemplateVariablesEditor::editVariable(int row, int column, const QString& text) {
  QList<TemplateVariable> next = variables_;
  if (row < 0 || row >= next.size()) return;
  TemplateVariable& v = next[row];
  (column == 0 ? v.name : column == 1 ? v.labelJa : v.labelEn) = column == 0 ? text.trimmed() : text;
  Q_EMIT edited(next);
}

void TemplateVariablesEditor::editValue(int row, int column, const QString& text) {
  QList<TemplateVariable> next = variables_;
  if (current_ < 0 || row < 0 || row >= next[current_].values.size()) return;
  TemplateValue& v = next[current_].values[row];
  (column == 0 ? v.value : column == 1 ? v.labelJa : v.labelEn) = text;
  Q_EMIT edited(next);
}

void TemplateVariablesEditor::addVariable() {
  QStringList names;
  for (const TemplateVariable& v : variables_) names << v.name;
  QString name = QStringLiteral("variable");
  for (int i = 2; names.contains(name); ++i) name = QStringLiteral("variable%1").arg(i);
  QList<TemplateVariable> next = variables_;
  next.push_back({name, {}, {}, {}});
  current_ = static_cast<int>(next.size()) - 1;
  Q_EMIT edited(next);
  startEditing(variablesView_, current_);
}

void TemplateVariablesEditor::removeVariable() {
  if (current_ < 0) return;
  QList<TemplateVariable> next = variables_;
  next.removeAt(current_);
  Q_EMIT edited(next);
}

void TemplateVariablesEditor::addValue() {
  if (current_ < 0) return;
  QList<TemplateVariable> next = variables_;
  next[current_].values.push_back({});
  Q_EMIT edited(next);
  startEditing(valuesView_, static_cast<int>(next[current_].values.size()) - 1);
}

void TemplateVariablesEditor::removeValue() {
  const int row = valuesView_->currentIndex().row();
  if (current_ < 0 || row < 0 || row >= variables_[current_].values.size()) return;
  QList<TemplateVariable> next = variables_;
  next[current_].values.removeAt(row);
  Q_EMIT edited(next);
}

void TemplateVariablesEditor::startEditing(QTableView* view, int row) {
  // The owner has applied the edit synchronously (an undo command), so the row exists now.
  const QModelIndex index = view->model()->index(row, 0);
  if (!index.isValid()) return;
  view->setCurrentIndex(index);
  if (view->isVisible()) view->edit(index);
}

}  // namespace rashisa::ui
