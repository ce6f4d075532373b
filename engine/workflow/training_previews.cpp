// Training previews as PNGs: encoding what the trainer hands over, reading them back from the
// project, and the colour overlay people look at. OpenCV stays inside this file.
#include "engine/core/error.h"
#include "engine/workflow/concept_training.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace rashisa::workflow {

namespace {

[[noreturn]] void bad(const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); }

std::vector<std::uint8_t> encode(const cv::Mat& m, const char* what) {
  std::vector<std::uint8_t> png;
  if (!cv::imencode(".png", m, png) || png.empty()) throw Error(ErrorCode::Internal, std::string("could not encode the ") + what);
  return png;
}

cv::Mat decode(const std::vector<std::uint8_t>& png, int flags, const char* what) {
  cv::Mat m;
  if (!png.empty()) {
    try {
      m = cv::imdecode(cv::Mat(1, static_cast<int>(png.size()), CV_8UC1, const_cast<std::uint8_t*>(png.data())), flags);
    } catch (const cv::Exception&) {
      m.release();
    }
  }
  if (m.empty()) bad(std::string("the ") + what + " is not a PNG image that can be read");
  return m;
}

std::uint32_t be32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

/// Width and height from a PNG's IHDR chunk, without decoding it (0, 0 when it is no PNG).
std::pair<int, int> png_size(const std::vector<std::uint8_t>& png) {
  static const std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (png.size() < 24 || !std::equal(kSignature, kSignature + 8, png.begin()) ||
      std::string(png.begin() + 12, png.begin() + 16) != "IHDR")
    return {0, 0};
  return {static_cast<int>(be32(png.data() + 16)), static_cast<int>(be32(png.data() + 20))};
}

}  // namespace

TrainingPreview encode_training_preview(int stage, std::int64_t step, std::int64_t seed, int width, int height,
                                        const std::uint8_t* rgb, const float* heat) {
  if (width < 1 || height < 1 || !rgb || !heat) bad("a training preview needs its pixels and a size of at least 1x1");
  TrainingPreview p;
  p.stage = stage;
  p.step = step;
  p.seed = seed;
  p.width = width;
  p.height = height;
  const cv::Mat rgb_view(height, width, CV_8UC3, const_cast<std::uint8_t*>(rgb));
  cv::Mat bgr;  // OpenCV encodes B,G,R
  cv::cvtColor(rgb_view, bgr, cv::COLOR_RGB2BGR);
  p.image_png = encode(bgr, "preview image");
  cv::Mat grey(height, width, CV_8UC1);
  for (int y = 0; y < height; ++y) {
    auto* row = grey.ptr<std::uint8_t>(y);
    const float* in = heat + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      const float v = std::isfinite(in[x]) ? std::min(1.0f, std::max(0.0f, in[x])) : 0.0f;
      row[x] = static_cast<std::uint8_t>(std::lround(v * 255.0f));
    }
  }
  p.heatmap_png = encode(grey, "preview heat map");
  return p;
}

std::vector<TrainingPreview> concept_previews(const store::Project& project, std::int64_t concept_id) {
  std::vector<TrainingPreview> out;
  for (auto& r : project.list_previews(concept_id)) {
    TrainingPreview p;
    p.stage = r.stage;
    p.step = r.step;
    p.seed = r.seed;
    std::tie(p.width, p.height) = png_size(r.image_png);
    p.image_png = std::move(r.image_png);
    p.heatmap_png = std::move(r.heatmap_png);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::uint8_t> heatmap_overlay_png(const std::vector<std::uint8_t>& image_png,
                                              const std::vector<std::uint8_t>& heatmap_png) {
  const cv::Mat image = decode(image_png, cv::IMREAD_COLOR, "preview image");       // BGR
  cv::Mat heat = decode(heatmap_png, cv::IMREAD_GRAYSCALE, "preview heat map");     // 8-bit grey
  if (heat.size() != image.size()) {
    cv::Mat resized;
    cv::resize(heat, resized, image.size(), 0, 0, cv::INTER_LINEAR);
    heat = resized;
  }
  cv::Mat colour, blended;
  // Turbo: a perceptually ordered rainbow, readable over photos and for most colour vision.
  cv::applyColorMap(heat, colour, cv::COLORMAP_TURBO);  // BGR
  cv::addWeighted(image, 0.5, colour, 0.5, 0.0, blended);
  return encode(blended, "heat-map overlay");
}

}  // namespace rashisa::workflow
