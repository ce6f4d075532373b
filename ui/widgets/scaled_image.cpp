#include "ui/widgets/scaled_image.h"

#include <QPainter>
#include <QPainterPath>

namespace rashisa::ui {

ScaledImage::ScaledImage(int preferred, int minimum, QWidget* parent)
    : QWidget(parent), preferred_(preferred), minimum_(minimum) {
  QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
}

void ScaledImage::setImage(const QImage& image) {
  image_ = image;
  update();
}

void ScaledImage::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  const int side = std::min(width(), height());
  const QRectF box((width() - side) / 2.0, (height() - side) / 2.0, side, side);
  QPainterPath clip;
  clip.addRoundedRect(box, 6, 6);
  p.setClipPath(clip);
  p.fillRect(box, QColor(0xee, 0xf1, 0xf4));
  if (image_.isNull()) return;
  QSizeF size = image_.size();
  size.scale(box.size(), Qt::KeepAspectRatio);
  const QRectF target(box.center().x() - size.width() / 2, box.center().y() - size.height() / 2, size.width(),
                      size.height());
  p.drawImage(target, image_);
}

}  // namespace rashisa::ui
