#pragma once
// The large viewer of the Review page: one image, or two side by side (the generated image and
// a training photo to compare with, or the stored image and the same one made again), each with
// a caption. Fit to the space or shown at 100 % (drag to move around; both panes move together).
#include <QImage>
#include <QWidget>

namespace rashisa::ui {

class ImageViewer : public QWidget {
  Q_OBJECT

 public:
  explicit ImageViewer(QWidget* parent = nullptr);

  void setImage(const QImage& image, const QString& caption = {});
  void setSideImage(const QImage& image, const QString& caption);
  void clearSide();
  bool hasSide() const { return hasSide_; }
  const QImage& image() const { return main_.image; }
  const QImage& sideImage() const { return side_.image; }
  QString caption() const { return main_.caption; }
  QString sideCaption() const { return side_.caption; }
  /// Shown when there is no image.
  void setPlaceholder(const QString& text);
  QString placeholder() const { return placeholder_; }

  /// false: fit to the space; true: 100 %.
  void setActualSize(bool actual);
  bool actualSize() const { return actual_; }

  QSize sizeHint() const override { return {520, 480}; }
  QSize minimumSizeHint() const override { return {240, 200}; }

 Q_SIGNALS:
  void zoomChanged(bool actual);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  struct Pane {
    QImage image;
    QString caption;
  };
  void paintPane(QPainter& p, const QRectF& box, const Pane& pane) const;
  void clampPan();

  Pane main_;
  Pane side_;
  bool hasSide_ = false;
  bool actual_ = false;
  QPointF pan_;  // offset of the images' centres at 100 %
  QPoint dragFrom_;
  QString placeholder_;
};

}  // namespace rashisa::ui
