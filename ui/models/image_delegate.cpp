#include "ui/models/image_delegate.h"

#include "ui/models/image_list_model.h"
#include "ui/widgets/icons.h"

#include <QListView>
#include <QPainter>
#include <QPixmap>

namespace rashisa::ui {

namespace {

constexpr int kPad = 5;
constexpr int kBadge = 22;

/// The tile's frame (accent when selected) and the picture fitted into `imageRect`.
void paintTile(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index, const QRect& frame,
               const QRect& imageRect) {
  const bool selected = option.state & QStyle::State_Selected;
  const bool current = option.state & QStyle::State_HasFocus;
  p->setPen(selected ? QPen(icons::accent(), current ? 3 : 2) : QPen(option.palette.mid().color(), 1));
  p->setBrush(selected ? option.palette.highlight().color().lighter(190) : option.palette.base().color());
  p->drawRoundedRect(frame, 6, 6);
  const QPixmap pm = index.data(Qt::DecorationRole).value<QPixmap>();
  if (pm.isNull()) {
    p->fillRect(imageRect, option.palette.alternateBase());
    return;
  }
  QSizeF shown = pm.size();
  shown.scale(imageRect.size(), Qt::KeepAspectRatio);
  const QRectF target(imageRect.center().x() + 1 - shown.width() / 2, imageRect.center().y() + 1 - shown.height() / 2,
                      shown.width(), shown.height());
  p->drawPixmap(target, pm, QRectF(pm.rect()));
}

}  // namespace

ImageDelegate::ImageDelegate(int tile, QObject* parent) : QStyledItemDelegate(parent), tile_(tile) {}

QSize ImageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return {tile_, tile_ + option.fontMetrics.height() + kPad};
}

QPixmap ImageDelegate::reviewBadge(ReviewState state, int size) {
  switch (state) {
    case ReviewState::Approved: return icons::done().pixmap(size, size);
    case ReviewState::Rejected: return icons::rejected().pixmap(size, size);
    case ReviewState::New: break;
  }
  return {};
}

void ImageDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  p->save();
  p->setRenderHint(QPainter::Antialiasing);
  p->setRenderHint(QPainter::SmoothPixmapTransform);
  const QRect r = option.rect.adjusted(2, 2, -2, -2);
  const int side = r.width() - 2 * kPad;
  const QRect imageRect(r.left() + kPad, r.top() + kPad, side, side);
  paintTile(p, option, index, r, imageRect);

  const auto state = static_cast<ReviewState>(index.data(ImageListModel::ReviewRole).toInt());
  if (state == ReviewState::Rejected) p->fillRect(imageRect, QColor(255, 255, 255, 110));  // set aside
  const QPixmap badge = reviewBadge(state, kBadge);
  if (!badge.isNull()) p->drawPixmap(imageRect.right() - kBadge - 2, imageRect.top() + 3, badge);

  const QRect textRect(r.left() + kPad, imageRect.bottom() + 2, side, option.fontMetrics.height() + 2);
  p->setPen(option.palette.text().color());
  p->drawText(textRect, Qt::AlignHCenter | Qt::AlignVCenter,
              option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, side));
  p->restore();
}

QListView* makeImageGrid(QAbstractItemModel* model, int tile, QWidget* parent) {
  auto* grid = new QListView(parent);
  grid->setViewMode(QListView::IconMode);
  grid->setResizeMode(QListView::Adjust);
  grid->setMovement(QListView::Static);
  grid->setUniformItemSizes(true);
  grid->setSpacing(3);
  grid->setModel(model);
  grid->setItemDelegate(new ImageDelegate(tile, grid));
  return grid;
}

ThumbnailDelegate::ThumbnailDelegate(int side, QObject* parent) : QStyledItemDelegate(parent), side_(side) {}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const { return {side_, side_}; }

void ThumbnailDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  p->save();
  p->setRenderHint(QPainter::Antialiasing);
  p->setRenderHint(QPainter::SmoothPixmapTransform);
  const QRect r = option.rect.adjusted(2, 2, -2, -2);
  paintTile(p, option, index, r, r.adjusted(3, 3, -3, -3));
  p->restore();
}

}  // namespace rashisa::ui
