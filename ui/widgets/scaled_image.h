#pragma once
// An image that scales with the space it gets (aspect kept), with a placeholder background;
// lets the Learn page shrink on smaller windows instead of growing the window.
#include <QImage>
#include <QWidget>

namespace rashisa::ui {

class ScaledImage : public QWidget {
  Q_OBJECT

 public:
  explicit ScaledImage(int preferred, int minimum, QWidget* parent = nullptr);

  void setImage(const QImage& image);
  void clear() { setImage({}); }
  const QImage& image() const { return image_; }
  bool hasImage() const { return !image_.isNull(); }

  QSize sizeHint() const override { return {preferred_, preferred_}; }
  QSize minimumSizeHint() const override { return {minimum_, minimum_}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override { return width; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage image_;
  int preferred_;
  int minimum_;
};

}  // namespace rashisa::ui
