#pragma once
// A small table of texts (the variables and values of a template, the problems of an import).
// Edits are not applied here: setData() only reports them (cellEdited), so the owner can turn
// them into undoable commands and hand the result back with setRows(). setRows() keeps the rows
// (and the views' selection) when only texts change.
#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

namespace rashisa::ui {

class TextTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit TextTableModel(const QStringList& headers, QObject* parent = nullptr);

  /// Columns the user may edit in place (none by default).
  void setEditableColumns(const QSet<int>& columns) { editable_ = columns; }
  /// Each row has one text per column (missing ones are empty).
  void setRows(const QList<QStringList>& rows);
  const QList<QStringList>& rows() const { return rows_; }
  QString text(int row, int column) const { return rows_.value(row).value(column); }

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 Q_SIGNALS:
  /// The user changed a cell; nothing changes until setRows() is called.
  void cellEdited(int row, int column, const QString& text);

 private:
  QStringList headers_;
  QList<QStringList> rows_;
  QSet<int> editable_;
};

}  // namespace rashisa::ui
