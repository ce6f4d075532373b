#include "ui/widgets/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace rashisa::ui::icons {

QColor accent() { return QColor(0x1f, 0x6f, 0xd1); }
QColor ok() { return QColor(0x2e, 0x8b, 0x57); }
QColor warning() { return QColor(0xd9, 0x8a, 0x00); }
QColor error() { return QColor(0xc6, 0x28, 0x28); }
QColor info() { return QColor(0x3d, 0x7e, 0xc8); }

QColor severityColor(Severity s) {
  switch (s) {
    case Severity::Error: return error();
    case Severity::Warning: return warning();
    case Severity::Info: return info();
  }
  return info();
}

namespace {

enum class Mark { Exclamation, Info, Tick, Lock, Cross };

QPixmap paintBadge(const QColor& fill, Mark mark, int size) {
  QPixmap pm(size, size);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  const qreal s = size;
  p.setPen(Qt::NoPen);
  p.setBrush(fill);
  p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
  QPen pen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(pen);
  p.setBrush(Qt::NoBrush);
  switch (mark) {
    case Mark::Exclamation:
      p.drawLine(QPointF(s / 2, s * 0.26), QPointF(s / 2, s * 0.58));
      p.drawPoint(QPointF(s / 2, s * 0.75));
      break;
    case Mark::Info:
      p.drawPoint(QPointF(s / 2, s * 0.28));
      p.drawLine(QPointF(s / 2, s * 0.45), QPointF(s / 2, s * 0.74));
      break;
    case Mark::Tick: {
      QPainterPath path;
      path.moveTo(s * 0.28, s * 0.52);
      path.lineTo(s * 0.44, s * 0.68);
      path.lineTo(s * 0.73, s * 0.34);
      p.drawPath(path);
      break;
    }
    case Mark::Cross:
      p.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
      p.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
      break;
    case Mark::Lock: {
      p.setPen(QPen(Qt::white, s * 0.09));
      p.drawArc(QRectF(s * 0.36, s * 0.22, s * 0.28, s * 0.32), 0, 180 * 16);
      p.setPen(Qt::NoPen);
      p.setBrush(Qt::white);
      p.drawRoundedRect(QRectF(s * 0.3, s * 0.42, s * 0.4, s * 0.32), s * 0.05, s * 0.05);
      break;
    }
  }
  return pm;
}

QIcon iconFrom(const QColor& fill, Mark mark) {
  QIcon icon;
  for (int size : {16, 20, 24, 32, 48}) icon.addPixmap(paintBadge(fill, mark, size));
  return icon;
}

}  // namespace

QIcon badge(Severity s) { return iconFrom(severityColor(s), s == Severity::Info ? Mark::Info : Mark::Exclamation); }
QIcon done() { return iconFrom(ok(), Mark::Tick); }
QIcon rejected() { return iconFrom(error(), Mark::Cross); }
QIcon locked() { return iconFrom(QColor(0x8a, 0x8f, 0x98), Mark::Lock); }
QIcon attention() { return iconFrom(warning(), Mark::Exclamation); }

QPixmap stageMark(int number, bool active, bool isDone, int size, qreal dpr) {
  QPixmap pm(QSize(size, size) * dpr);
  pm.setDevicePixelRatio(dpr);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF r(1.5, 1.5, size - 3, size - 3);
  if (isDone) {
    p.drawPixmap(0, 0, paintBadge(ok(), Mark::Tick, size));
    return pm;
  }
  const QColor c = active ? accent() : QColor(0x9a, 0xa0, 0xa8);
  p.setPen(QPen(c, 2));
  p.setBrush(active ? c : Qt::transparent);
  p.drawEllipse(r);
  QFont f = p.font();
  f.setPixelSize(size / 2);
  f.setBold(true);
  p.setFont(f);
  p.setPen(active ? Qt::white : c);
  p.drawText(r, Qt::AlignCenter, QString::number(number));
  return pm;
}

}  // namespace rashisa::ui::icons
