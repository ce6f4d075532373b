#include "ui/models/text_table_model.h"

namespace rashisa::ui {

TextTableModel::TextTableModel(const QStringList& headers, QObject* parent)
    : QAbstractTableModel(parent), headers_(headers) {}

void TextTableModel::setRows(const QList<QStringList>& rows) {
  if (rows.size() != rows_.size()) {
    const qsizetype common = std::min(rows.size(), rows_.size());
    const bool prefixSame = std::equal(rows.begin(), rows.begin() + common, rows_.begin());
    if (!prefixSame) {
      beginResetModel();
      rows_ = rows;
      endResetModel();
      return;
    }
    if (rows.size() > rows_.size()) {
      beginInsertRows({}, static_cast<int>(rows_.size()), static_cast<int>(rows.size()) - 1);
      rows_ = rows;
      endInsertRows();
    } else {
      beginRemoveRows({}, static_cast<int>(rows.size()), static_cast<int>(rows_.size()) - 1);
      rows_ = rows;
      endRemoveRows();
    }
    return;
  }
  for (int r = 0; r < rows.size(); ++r) {
    if (rows[r] == rows_[r]) continue;
    rows_[r] = rows[r];
    Q_EMIT dataChanged(index(r, 0), index(r, columnCount() - 1));
  }
}

int TextTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int TextTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(headers_.size());
}

QVariant TextTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  if (role == Qt::DisplayRole || role == Qt::EditRole) return text(index.row(), index.column());
  return {};
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Horizontal && role == Qt::DisplayRole) return headers_.value(section);
  return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags TextTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
  if (editable_.contains(index.column())) f |= Qt::ItemIsEditable;
  return f;
}

bool TextTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
      !editable_.contains(index.column()))
    return false;
  const QString text = value.toString();
  if (text == this->text(index.row(), index.column())) return false;
  Q_EMIT cellEdited(index.row(), index.column(), text);
  return true;
}

}  // namespace rashisa::ui
