#include "ui/models/template_delegate.h"

#include "ui/models/template_list_model.h"
#include "ui/widgets/icons.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace rashisa::ui {

namespace {
constexpr int kPad = 8;
}  // namespace

TemplateDelegate::TemplateDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize TemplateDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return {240, std::max(kThumb + 2 * kPad, 2 * option.fontMetrics.height() + 2 * kPad + 4)};
}

void TemplateDelegate::paintPlaceholder(QPainter* p, const QRectF& r, const QPalette& palette) {
  p->save();
  p->setRenderHint(QPainter::Antialiasing);
  const QColor line = palette.mid().color();
  p->setPen(QPen(line, 1));
  p->setBrush(palette.alternateBase());
  p->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
  const QRectF in = r.adjusted(r.width() * 0.18, r.height() * 0.22, -r.width() * 0.18, -r.height() * 0.22);
  QPainterPath hills;
  hills.moveTo(in.left(), in.bottom());
  hills.lineTo(in.left() + in.width() * 0.35, in.top() + in.height() * 0.4);
  hills.lineTo(in.left() + in.width() * 0.55, in.top() + in.height() * 0.7);
  hills.lineTo(in.left() + in.width() * 0.72, in.top() + in.height() * 0.5);
  hills.lineTo(in.right(), in.bottom());
  hills.closeSubpath();
  p->setPen(Qt::NoPen);
  p->setBrush(line);
  p->drawPath(hills);
  const qreal sun = in.width() * 0.2;
  p->drawEllipse(QRectF(in.right() - sun, in.top(), sun, sun));
  p->restore();
}

void TemplateDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QStyleOptionViewItem opt = option;
  initStyleOption(&opt, index);
  const QWidget* widget = opt.widget;
  QStyle* style = widget ? widget->style() : QApplication::style();
  // The check box where the default editorEvent() expects it, so clicks toggle it.
  const QRect check = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget);
  opt.text.clear();
  opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;
  style->drawControl(QStyle::CE_ItemViewItem, &opt, p, widget);
  QStyleOptionViewItem box = opt;
  box.rect = check;
  box.state = box.state & ~QStyle::State_HasFocus;
  box.state |= index.data(Qt::CheckStateRole).toInt() == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
  style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &box, p, widget);

  p->save();
  const QRect r = option.rect.adjusted(check.right() - option.rect.left() + kPad, kPad / 2, -kPad, -kPad / 2);
  const QRect thumb(r.left(), r.top() + (r.height() - kThumb) / 2, kThumb, kThumb);
  const QImage example = index.data(TemplateListModel::ExampleRole).value<QImage>();
  if (example.isNull())
    paintPlaceholder(p, thumb, option.palette);
  else
    p->drawImage(thumb, example.scaled(thumb.size() * p->device()->devicePixelRatioF(), Qt::KeepAspectRatioByExpanding,
                                       Qt::SmoothTransformation));
  const bool selected = option.state & QStyle::State_Selected;
  const QRect text = r.adjusted(kThumb + 10, 0, 0, 0);
  const int lh = option.fontMetrics.height();
  const int top = text.top() + (text.height() - 2 * lh - 4) / 2;
  QFont bold = option.font;
  bold.setBold(true);
  p->setFont(bold);
  p->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
  p->drawText(QRect(text.left(), top, text.width(), lh + 2), Qt::AlignLeft | Qt::AlignVCenter,
              QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, text.width()));
  p->setFont(option.font);
  const bool dirty = index.data(TemplateListModel::DirtyRole).toBool();
  if (!selected) p->setPen(dirty ? icons::warning().darker(130) : option.palette.placeholderText().color());
  p->drawText(QRect(text.left(), top + lh + 4, text.width(), lh + 2), Qt::AlignLeft | Qt::AlignVCenter,
              option.fontMetrics.elidedText(index.data(TemplateListModel::SubtitleRole).toString(), Qt::ElideRight,
                                            text.width()));
  p->restore();
}

}  // namespace rashisa::ui
