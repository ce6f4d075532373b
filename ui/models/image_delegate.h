#pragma once
// Paints one tile of a grid of generated images: the thumbnail, the template's name under it,
// and the review state as a badge in the corner (a green tick for approved, a red cross for
// rejected; nothing while the image waits for review).
#include "ui/jobs/catalogue_types.h"

#include <QStyledItemDelegate>

class QAbstractItemModel;
class QListView;

namespace rashisa::ui {

class ImageDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  /// `tile`: the tile's width; the thumbnail is square inside it.
  explicit ImageDelegate(int tile, QObject* parent = nullptr);

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

  /// The badge for a review state (null for New), `size` px.
  static QPixmap reviewBadge(ReviewState state, int size);

 private:
  int tile_;
};

/// A grid of image tiles over `model`: icon mode, `tile` px wide tiles painted by ImageDelegate,
/// rows that keep their place.
QListView* makeImageGrid(QAbstractItemModel* model, int tile, QWidget* parent);

/// A square thumbnail and nothing else (the strip of training photos to compare with).
class ThumbnailDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit ThumbnailDelegate(int side, QObject* parent = nullptr);

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  int side_;
};

}  // namespace rashisa::ui
