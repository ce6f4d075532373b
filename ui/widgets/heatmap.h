#pragma once
// The attention heat map of the product's token laid over a preview: where the model looks
// when it reads the product's word (AttnDreamBooth's own diagnostic).
#include <QImage>

namespace rashisa::ui {

/// Colour of a heat value 0..1 (dark violet -> red -> yellow, a perceptual "inferno"-like map).
QRgb heatColor(double value);
/// `heat` (grey, 255 = most attention) scaled to `image`, coloured and blended over it; the
/// blend follows the heat, so cold areas keep the picture visible.
QImage heatOverlay(const QImage& image, const QImage& heat, double opacity = 0.6);

}  // namespace rashisa::ui
