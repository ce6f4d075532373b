#include "ui/widgets/image_viewer.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace rashisa::ui {

namespace {
constexpr int kGap = 8;
}  // namespace

ImageViewer::ImageViewer(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ImageViewer::setImage(const QImage& image, const QString& caption) {
  if (image.cacheKey() != main_.image.cacheKey()) pan_ = {};
  main_ = {image, caption};
  update();
}

void ImageViewer::setSideImage(const QImage& image, const QString& caption) {
  side_ = {image, caption};
  hasSide_ = true;
  update();
}

void ImageViewer::clearSide() {
  if (!hasSide_) return;
  side_ = {};
  hasSide_ = false;
  update();
}

void ImageViewer::setPlaceholder(const QString& text) {
  placeholder_ = text;
  update();
}

void ImageViewer::setActualSize(bool actual) {
  if (actual == actual_) return;
  actual_ = actual;
  pan_ = {};
  setCursor(actual ? Qt::OpenHandCursor : Qt::ArrowCursor);
  update();
  Q_EMIT zoomChanged(actual);
}

void ImageViewer::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  const QRectF all = QRectF(rect()).adjusted(1, 1, -1, -1);
  if (main_.image.isNull() && !hasSide_) {
    QPainterPath frame;
    frame.addRoundedRect(all, 8, 8);
    p.fillPath(frame, QColor(0xee, 0xf1, 0xf4));
    p.setPen(palette().placeholderText().color());
    p.drawText(all.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    return;
  }
  if (!hasSide_) {
    paintPane(p, all, main_);
  } else {
    const qreal half = (all.width() - kGap) / 2;
    paintPane(p, QRectF(all.left(), all.top(), half, all.height()), main_);
    paintPane(p, QRectF(all.left() + half + kGap, all.top(), half, all.height()), side_);
  }
  if (hasFocus()) {
    p.setPen(QPen(palette().highlight().color(), 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(all, 8, 8);
  }
}

void ImageViewer::paintPane(QPainter& p, const QRectF& box, const Pane& pane) const {
  p.save();
  QPainterPath clip;
  clip.addRoundedRect(box, 8, 8);
  p.setClipPath(clip);
  p.fillRect(box, QColor(0x2b, 0x30, 0x36));
  if (!pane.image.isNull()) {
    QSizeF size = pane.image.size();
    if (!actual_) size.scale(box.size(), Qt::KeepAspectRatio);
    const QPointF centre = box.center() + (actual_ ? pan_ : QPointF());
    p.drawImage(QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height()),
                pane.image);
  }
  if (!pane.caption.isEmpty()) {
    const int h = fontMetrics().height() + 10;
    const QRectF band(box.left(), box.bottom() - h, box.width(), h);
    p.fillRect(band, QColor(0, 0, 0, 150));
    p.setPen(Qt::white);
    p.drawText(band.adjusted(10, 0, -10, 0), Qt::AlignVCenter | Qt::AlignLeft,
               fontMetrics().elidedText(pane.caption, Qt::ElideRight, static_cast<int>(band.width()) - 20));
  }
  p.restore();
}

void ImageViewer::clampPan() {
  const QSize image = main_.image.size().expandedTo(side_.image.size());
  const qreal paneWidth = hasSide_ ? (width() - kGap) / 2.0 : width();
  const qreal x = std::max(0.0, (image.width() - paneWidth) / 2);
  const qreal y = std::max(0.0, (image.height() - height()) / 2.0);
  pan_.setX(std::clamp(pan_.x(), -x, x));
  pan_.setY(std::clamp(pan_.y(), -y, y));
}

void ImageViewer::mousePressEvent(QMouseEvent* event) {
  setFocus(Qt::MouseFocusReason);
  dragFrom_ = event->position().toPoint();
  if (actual_) setCursor(Qt::ClosedHandCursor);
}

void ImageViewer::mouseMoveEvent(QMouseEvent* event) {
  if (!actual_ || !(event->buttons() & Qt::LeftButton)) return;
  const QPoint now = event->position().toPoint();
  pan_ += now - dragFrom_;
  dragFrom_ = now;
  clampPan();
  update();
}

void ImageViewer::mouseReleaseEvent(QMouseEvent*) {
  if (actual_) setCursor(Qt::OpenHandCursor);
}

void ImageViewer::mouseDoubleClickEvent(QMouseEvent*) { setActualSize(!actual_); }

}  // namespace rashisa::ui
