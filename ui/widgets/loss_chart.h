#pragma once
// The training loss as a small chart: one section per stage (equal widths, since stage 3 has
// five times the steps of the others), raw values faint, an exponential moving average bold.
// Painted with QPainter. Pattern: qBittorrent src/gui/properties/speedplotview.cpp.
#include <QVector>
#include <QWidget>

#include <array>

namespace rashisa::ui {

class LossChart : public QWidget {
  Q_OBJECT

 public:
  explicit LossChart(QWidget* parent = nullptr);

  /// Steps of each stage (the x axis of its section).
  void setPlan(const std::array<int, 3>& steps);
  /// Appends the loss of `step` (1-based) of `stage` (1..3).
  void addPoint(int stage, int step, double loss);
  void clear();
  int pointCount() const;
  /// The smoothed value last drawn for a stage (tests).
  double smoothedLast(int stage) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  struct Series {
    QVector<QPointF> raw;       // (step, loss)
    QVector<QPointF> smoothed;  // (step, EMA)
  };
  std::array<int, 3> steps_{60, 100, 500};
  std::array<Series, 3> series_;
};

}  // namespace rashisa::ui
