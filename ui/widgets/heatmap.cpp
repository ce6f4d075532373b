#include "ui/widgets/heatmap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rashisa::ui {

namespace {

struct Stop {
  double at;
  int r, g, b;
};

// Sampled from matplotlib's "inferno" at 0, .25, .5, .75, 1.
constexpr std::array<Stop, 5> kStops{{
    {0.00, 0, 0, 4},
    {0.25, 87, 16, 110},
    {0.50, 188, 55, 84},
    {0.75, 249, 142, 9},
    {1.00, 252, 255, 164},
}};

}  // namespace

QRgb heatColor(double v) {
  v = std::clamp(v, 0.0, 1.0);
  for (std::size_t i = 1; i < kStops.size(); ++i) {
    if (v <= kStops[i].at) {
      const Stop& a = kStops[i - 1];
      const Stop& b = kStops[i];
      const double t = (v - a.at) / (b.at - a.at);
      return qRgb(static_cast<int>(std::lround(a.r + t * (b.r - a.r))),
                  static_cast<int>(std::lround(a.g + t * (b.g - a.g))),
                  static_cast<int>(std::lround(a.b + t * (b.b - a.b))));
    }
  }
  return qRgb(kStops.back().r, kStops.back().g, kStops.back().b);
}

QImage heatOverlay(const QImage& image, const QImage& heat, double opacity) {
  if (image.isNull()) return {};
  QImage out = image.convertToFormat(QImage::Format_RGB32);
  if (heat.isNull()) return out;
  const QImage h = heat.convertToFormat(QImage::Format_Grayscale8)
                       .scaled(out.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  for (int y = 0; y < out.height(); ++y) {
    auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
    const uchar* src = h.constScanLine(y);
    for (int x = 0; x < out.width(); ++x) {
      const double v = src[x] / 255.0;
      const double a = opacity * (0.25 + 0.75 * v);
      const QRgb c = heatColor(v);
      const QRgb o = dst[x];
      dst[x] = qRgb(static_cast<int>(qRed(o) * (1 - a) + qRed(c) * a), static_cast<int>(qGreen(o) * (1 - a) + qGreen(c) * a),
                    static_cast<int>(qBlue(o) * (1 - a) + qBlue(c) * a));
    }
  }
  return out;
}

}  // namespace rashisa::ui
