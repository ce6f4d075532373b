#include "ui/widgets/loss_chart.h"

#include "ui/widgets/icons.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rashisa::ui {

namespace {
constexpr double kSmoothing = 0.9;  // EMA weight of the previous value (diffusion losses are noisy)
}

LossChart::LossChart(QWidget* parent) : QWidget(parent) {
  setAccessibleName(tr("Training loss chart"));
  setToolTip(tr("How far the model's guesses are from the truth while it learns; lower is better. The line is "
                "noisy by nature: watch the bold trend."));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void LossChart::setPlan(const std::array<int, 3>& steps) {
  steps_ = steps;
  update();
}

void LossChart::addPoint(int stage, int step, double loss) {
  if (stage < 1 || stage > 3 || !std::isfinite(loss)) return;
  Series& s = series_[stage - 1];
  const double prev = s.smoothed.isEmpty() ? loss : s.smoothed.back().y();
  s.raw.push_back(QPointF(step, loss));
  s.smoothed.push_back(QPointF(step, s.smoothed.isEmpty() ? loss : kSmoothing * prev + (1 - kSmoothing) * loss));
  update();
}

void LossChart::clear() {
  for (auto& s : series_) s = Series{};
  update();
}

int LossChart::pointCount() const {
  int n = 0;
  for (const auto& s : series_) n += static_cast<int>(s.raw.size());
  return n;
}

double LossChart::smoothedLast(int stage) const {
  const auto& s = series_[stage - 1].smoothed;
  return s.isEmpty() ? std::numeric_limits<double>::quiet_NaN() : s.back().y();
}

QSize LossChart::sizeHint() const { return {420, 140}; }
QSize LossChart::minimumSizeHint() const { return {200, 90}; }

void LossChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF area = QRectF(rect()).adjusted(34, 16, -8, -8);
  p.fillRect(rect(), palette().base());
  p.setPen(palette().mid().color());
  p.drawRect(area);

  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (const auto& s : series_)
    for (const auto& pt : s.raw) lo = std::min(lo, pt.y()), hi = std::max(hi, pt.y());
  if (lo > hi) {
    p.setPen(palette().placeholderText().color());
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("The loss is drawn here while training runs."));
    return;
  }
  if (hi - lo < 1e-9) hi = lo + 1e-3;
  const double pad = (hi - lo) * 0.08;
  lo = std::max(0.0, lo - pad);
  hi += pad;

  const double sectionWidth = area.width() / 3.0;
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  p.setFont(small);
  for (int k = 0; k < 3; ++k) {
    const double x0 = area.left() + k * sectionWidth;
    if (k > 0) {
      p.setPen(QPen(palette().mid().color(), 1, Qt::DashLine));
      p.drawLine(QPointF(x0, area.top()), QPointF(x0, area.bottom()));
    }
    p.setPen(palette().text().color());
    p.drawText(QRectF(x0, 0, sectionWidth, area.top()), Qt::AlignCenter, QString::number(k + 1));
    const double total = std::max(1, steps_[k]);
    auto map = [&](const QPointF& pt) {
      return QPointF(x0 + sectionWidth * std::min(1.0, pt.x() / total),
                     area.bottom() - (pt.y() - lo) / (hi - lo) * area.height());
    };
    const Series& s = series_[k];
    if (s.raw.size() < 1) continue;
    QPainterPath raw, smooth;
    raw.moveTo(map(s.raw.front()));
    smooth.moveTo(map(s.smoothed.front()));
    for (int i = 1; i < s.raw.size(); ++i) {
      raw.lineTo(map(s.raw[i]));
      smooth.lineTo(map(s.smoothed[i]));
    }
    QColor faint = icons::accent();
    faint.setAlpha(70);
    p.setPen(QPen(faint, 1));
    p.drawPath(raw);
    p.setPen(QPen(icons::accent(), 2));
    p.drawPath(smooth);
  }
  p.setPen(palette().text().color());
  p.drawText(QRectF(0, area.top() - 8, area.left() - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
             QString::number(hi, 'g', 2));
  p.drawText(QRectF(0, area.bottom() - 8, area.left() - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
             QString::number(lo, 'g', 2));
}

}  // namespace rashisa::ui
