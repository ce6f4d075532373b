#include "ui/models/photo_delegate.h"

#include "ui/models/photo_list_model.h"
#include "ui/models/recent_projects_model.h"
#include "ui/widgets/icons.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>

namespace rashisa::ui {

namespace {
constexpr int kPad = 6;
constexpr int kBadge = 24;
}  // namespace

PhotoDelegate::PhotoDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize PhotoDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return {kTile, kTile + option.fontMetrics.height() + kPad};
}

void PhotoDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  p->save();
  p->setRenderHint(QPainter::Antialiasing);
  const QRect r = option.rect.adjusted(2, 2, -2, -2);
  const bool selected = option.state & QStyle::State_Selected;
  p->setPen(selected ? QPen(icons::accent(), 2) : QPen(option.palette.mid().color(), 1));
  p->setBrush(selected ? option.palette.highlight().color().lighter(190) : option.palette.base().color());
  p->drawRoundedRect(r, 6, 6);

  const int side = r.width() - 2 * kPad;
  const QRect imageRect(r.left() + kPad, r.top() + kPad, side, side);
  const QPixmap pm = index.data(Qt::DecorationRole).value<QPixmap>();
  if (!pm.isNull()) {
    const QPixmap scaled = pm.scaled(imageRect.size() * p->device()->devicePixelRatioF(), Qt::KeepAspectRatio,
                                     Qt::SmoothTransformation);
    QSizeF shown = QSizeF(scaled.size()) / p->device()->devicePixelRatioF();
    const QPointF at(imageRect.center().x() - shown.width() / 2 + 1, imageRect.center().y() - shown.height() / 2 + 1);
    p->drawPixmap(QRectF(at, shown), scaled, QRectF(scaled.rect()));
  } else {
    p->fillRect(imageRect, option.palette.alternateBase());
  }

  const int severity = index.data(PhotoListModel::SeverityRole).toInt();
  if (severity >= 0) {
    const QRect badge(imageRect.right() - kBadge + 2, imageRect.top() - 2, kBadge, kBadge);
    p->drawPixmap(badge, icons::badge(static_cast<Severity>(severity)).pixmap(kBadge, kBadge));
  }

  const QRect textRect(r.left() + kPad, imageRect.bottom() + 2, side, option.fontMetrics.height() + 2);
  p->setPen(option.palette.text().color());
  const QString name = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, side);
  p->drawText(textRect, Qt::AlignHCenter | Qt::AlignVCenter, name);
  p->restore();
}

RecentProjectDelegate::RecentProjectDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize RecentProjectDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return {320, std::max(56, 2 * option.fontMetrics.height() + 20)};
}

void RecentProjectDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QStyleOptionViewItem opt = option;
  initStyleOption(&opt, index);
  opt.text.clear();
  opt.icon = QIcon();
  QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, p);
  p->save();
  const QRect r = option.rect.adjusted(8, 6, -8, -6);
  const QRect thumb(r.left(), r.top(), r.height(), r.height());
  const QPixmap pm = index.data(Qt::DecorationRole).value<QPixmap>();
  if (!pm.isNull())
    p->drawPixmap(thumb, pm.scaled(thumb.size(), Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
  else
    p->fillRect(thumb, option.palette.alternateBase());
  const QRect text = r.adjusted(thumb.width() + 10, 0, 0, 0);
  const bool selected = option.state & QStyle::State_Selected;
  p->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
  QFont bold = option.font;
  bold.setBold(true);
  p->setFont(bold);
  const int lh = option.fontMetrics.height();
  p->drawText(QRect(text.left(), text.top(), text.width(), lh + 2), Qt::AlignLeft | Qt::AlignVCenter,
              option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, text.width()));
  p->setFont(option.font);
  if (!selected) p->setPen(option.palette.placeholderText().color());
  p->drawText(QRect(text.left(), text.top() + lh + 4, text.width(), lh + 2), Qt::AlignLeft | Qt::AlignVCenter,
              option.fontMetrics.elidedText(index.data(RecentProjectsModel::SubtitleRole).toString(), Qt::ElideRight,
                                            text.width()));
  p->restore();
}

}  // namespace rashisa::ui
