#pragma once
// Paints one tile of the photo grid: the thumbnail, the file name, and a severity badge in
// the corner when a check found something about the photo.
#include <QStyledItemDelegate>

namespace rashisa::ui {

class PhotoDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit PhotoDelegate(QObject* parent = nullptr);
  static constexpr int kTile = 132;  // tile width; the thumbnail is square inside it

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

/// Two lines per recent project: name (bold) and the subtitle, with the thumbnail on the left.
class RecentProjectDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit RecentProjectDelegate(QObject* parent = nullptr);
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rashisa::ui
