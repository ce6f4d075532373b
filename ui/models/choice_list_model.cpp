#include "ui/models/choice_list_model.h"

namespace rashisa::ui {

ChoiceListModel::ChoiceListModel(QObject* parent) : KeyedListModel<Choice>(parent) {}

void ChoiceListModel::setChoices(const QList<Choice>& choices) {
  const QList<qint64> before = checkedIds();
  replaceRows(choices);
  if (checkedIds() != before) Q_EMIT checkedChanged();
}

QList<qint64> ChoiceListModel::checkedIds() const {
  QList<qint64> out;
  for (const Choice& c : rows_)
    if (c.checked) out.push_back(c.id);
  return out;
}

void ChoiceListModel::setChecked(qint64 id, bool checked) {
  const int row = rowOf(id);
  if (row < 0 || rows_[row].checked == checked) return;
  rows_[row].checked = checked;
  Q_EMIT dataChanged(index(row), index(row), {Qt::CheckStateRole});
  Q_EMIT checkedChanged();
}

void ChoiceListModel::setAllChecked(bool checked) {
  bool changed = false;
  for (int row = 0; row < rows_.size(); ++row) {
    if (rows_[row].checked == checked) continue;
    rows_[row].checked = checked;
    changed = true;
    Q_EMIT dataChanged(index(row), index(row), {Qt::CheckStateRole});
  }
  if (changed) Q_EMIT checkedChanged();
}

QVariant ChoiceListModel::data(const QModelIndex& index, int role) const {
  const Choice* c = rowAt(index);
  if (!c) return {};
  switch (role) {
    case Qt::DisplayRole: return c->label;
    case Qt::DecorationRole: return c->picture.isNull() ? QVariant() : QVariant(c->picture);
    case Qt::ToolTipRole: return c->toolTip;
    case Qt::CheckStateRole: return c->checked ? Qt::Checked : Qt::Unchecked;
    case IdRole: return c->id;
    default: return {};
  }
}

bool ChoiceListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::CheckStateRole || !rowAt(index)) return false;
  setChecked(rows_[index.row()].id, value.toInt() == Qt::Checked);
  return true;
}

Qt::ItemFlags ChoiceListModel::flags(const QModelIndex& index) const {
  if (!rowAt(index)) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

}  // namespace rashisa::ui
