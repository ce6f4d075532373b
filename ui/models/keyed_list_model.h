#pragma once
// A list model whose rows are keyed by a stable id (an image, a product, a template). Updates
// keep the rows of ids that stay, so the views keep their selection and current item while the
// project changes under them (a batch adds images, a review mark changes a badge).
#include <QAbstractListModel>
#include <QList>

#include <utility>

namespace rashisa::ui {

/// `Row` needs `qint64 key() const`.
template <typename Row>
class KeyedListModel : public QAbstractListModel {
 public:
  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
  }

  /// The row of `key`, or -1.
  int rowOf(qint64 key) const {
    for (int i = 0; i < rows_.size(); ++i)
      if (rows_[i].key() == key) return i;
    return -1;
  }
  qint64 keyAt(int row) const { return row >= 0 && row < rows_.size() ? rows_[row].key() : -1; }

 protected:
  /// Lets a row that stays carry state over from its old self (a check mark, a cached pixmap).
  virtual void carryOver(Row& fresh, const Row& old) const {
    Q_UNUSED(fresh);
    Q_UNUSED(old);
  }

  /// Rows whose key stays keep their place (updated in place), gone ones are removed, new ones
  /// are appended in the order given.
  void replaceRows(const QList<Row>& fresh) {
    for (int row = static_cast<int>(rows_.size()) - 1; row >= 0; --row) {
      const qint64 key = rows_[row].key();
      bool stays = false;
      for (const Row& f : fresh) stays = stays || f.key() == key;
      if (stays) continue;
      beginRemoveRows({}, row, row);
      rows_.removeAt(row);
      endRemoveRows();
    }
    QList<Row> added;
    for (Row f : fresh) {
      const int row = rowOf(f.key());
      if (row < 0) {
        added.push_back(std::move(f));
        continue;
      }
      carryOver(f, rows_[row]);
      rows_[row] = std::move(f);
      Q_EMIT dataChanged(index(row), index(row));
    }
    appendRows(added);
  }

  void appendRows(const QList<Row>& added) {
    if (added.isEmpty()) return;
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    rows_.append(added);
    endInsertRows();
  }

  const Row* rowAt(const QModelIndex& index) const {
    if (!checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid |
                               QAbstractItemModel::CheckIndexOption::ParentIsInvalid))
      return nullptr;
    return &rows_[index.row()];
  }

  QList<Row> rows_;
};

}  // namespace rashisa::ui
