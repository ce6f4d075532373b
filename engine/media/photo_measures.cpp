#include "engine/media/photo_checks.h"

#include "engine/media/pixel_convert_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>

namespace rashisa::media {
namespace {

// Area-averaged copy whose longer side is at most `max_side` (never enlarged).
cv::Mat shrink(const cv::Mat& m, int max_side) {
  const int longest = std::max(m.cols, m.rows);
  if (longest <= max_side) return m;
  const double s = static_cast<double>(max_side) / longest;
  cv::Mat out;
  cv::resize(m, out, cv::Size(std::max(1, static_cast<int>(std::lround(m.cols * s))), std::max(1, static_cast<int>(std::lround(m.rows * s)))), 0, 0,
             cv::INTER_AREA);
  return out;
}

cv::Mat grey_of(const RgbImage& image, const char* who) {
  cv::Mat grey;
  cv::cvtColor(detail::rgb_view(image, who), grey, cv::COLOR_RGB2GRAY);
  return grey;
}

}  // namespace

double measure_sharpness(const RgbImage& image) {
  const cv::Mat grey = shrink(grey_of(image, "measure_sharpness"), 512);
  cv::Mat lap;
  cv::Laplacian(grey, lap, CV_32F, 1);
  constexpr int kGrid = 4;
  double best = 0;
  for (int gy = 0; gy < kGrid; ++gy) {
    for (int gx = 0; gx < kGrid; ++gx) {
      const int x0 = lap.cols * gx / kGrid, x1 = lap.cols * (gx + 1) / kGrid;
      const int y0 = lap.rows * gy / kGrid, y1 = lap.rows * (gy + 1) / kGrid;
      if (x1 <= x0 || y1 <= y0) continue;
      cv::Scalar mean, stddev;
      cv::meanStdDev(lap(cv::Rect(x0, y0, x1 - x0, y1 - y0)), mean, stddev);
      best = std::max(best, stddev[0] * stddev[0]);
    }
  }
  return best;
}

std::uint64_t perceptual_hash(const RgbImage& image) {
  cv::Mat f, small, freq;
  shrink(grey_of(image, "perceptual_hash"), 512).convertTo(f, CV_32F);
  cv::resize(f, small, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
  cv::dct(small, freq);
  std::array<float, 64> low{};
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) low[y * 8 + x] = freq.at<float>(y, x);
  std::array<float, 64> sorted = low;
  std::sort(sorted.begin(), sorted.end());
  const float median = 0.5f * (sorted[31] + sorted[32]);
  std::uint64_t hash = 0;
  for (int i = 0; i < 64; ++i)
    if (low[i] > median) hash |= std::uint64_t(1) << i;
  return hash;
}

int hash_distance(std::uint64_t a, std::uint64_t b) { return static_cast<int>(std::bitset<64>(a ^ b).count()); }

SubjectPlacement measure_subject(const RgbImage& image) {
  const cv::Mat small = shrink(detail::rgb_view(image, "measure_subject"), 256);
  const int w = small.cols, h = small.rows;
  SubjectPlacement out;
  if (w < 16 || h < 16) return out;
  const int ring = std::max(2, static_cast<int>(std::lround(0.02 * std::min(w, h))));
  auto in_ring = [&](int x, int y) { return x < ring || y < ring || x >= w - ring || y >= h - ring; };

  std::array<std::vector<std::uint8_t>, 3> border;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (in_ring(x, y))
        for (int c = 0; c < 3; ++c) border[c].push_back(small.at<cv::Vec3b>(y, x)[c]);
  std::array<int, 3> bg{};
  for (int c = 0; c < 3; ++c) {
    auto& v = border[c];
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    bg[c] = v[v.size() / 2];
  }

  constexpr int kTolerance = 32;
  cv::Mat mask(h, w, CV_8U);
  std::size_t ring_total = 0, ring_fg = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const cv::Vec3b p = small.at<cv::Vec3b>(y, x);
      const bool fg = std::abs(p[0] - bg[0]) > kTolerance || std::abs(p[1] - bg[1]) > kTolerance ||
                      std::abs(p[2] - bg[2]) > kTolerance;
      mask.at<std::uint8_t>(y, x) = fg ? 255 : 0;
      if (in_ring(x, y)) {
        ++ring_total;
        ring_fg += fg;
      }
    }
  }
  if (ring_fg > ring_total * 4 / 10) return out;  // busy background: nothing reliable to say
  cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));

  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  const int min_area = std::max(4, w * h / 2000);
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (int i = 1; i < n; ++i) {
    if (stats.at<int>(i, cv::CC_STAT_AREA) < min_area) continue;
    x0 = std::min(x0, stats.at<int>(i, cv::CC_STAT_LEFT));
    y0 = std::min(y0, stats.at<int>(i, cv::CC_STAT_TOP));
    x1 = std::max(x1, stats.at<int>(i, cv::CC_STAT_LEFT) + stats.at<int>(i, cv::CC_STAT_WIDTH));
    y1 = std::max(y1, stats.at<int>(i, cv::CC_STAT_TOP) + stats.at<int>(i, cv::CC_STAT_HEIGHT));
  }
  if (x1 < 0) return out;  // nothing stands out from the background
  out.judged = true;
  out.area = static_cast<double>(x1 - x0) * (y1 - y0) / (static_cast<double>(w) * h);
  // Touching: subject pixels over more than 5% of an outermost row or column.
  auto edge_count = [&](bool row, int index) {
    const cv::Mat line = row ? mask.row(index) : mask.col(index);
    return cv::countNonZero(line);
  };
  out.touches_border = edge_count(true, 0) > w / 20 || edge_count(true, h - 1) > w / 20 ||
                       edge_count(false, 0) > h / 20 || edge_count(false, w - 1) > h / 20;
  return out;
}

PhotoSummary summarize_photo(const std::string& id, const RgbImage& image, const std::string& sha256) {
  PhotoSummary s;
  s.id = id;
  s.sha256 = sha256;
  s.width = image.width;
  s.height = image.height;
  s.sharpness = measure_sharpness(image);
  s.perceptual_hash = perceptual_hash(image);
  s.has_hash = true;
  const SubjectPlacement subject = measure_subject(image);
  s.subject_judged = subject.judged;
  s.subject_area = subject.area;
  s.subject_touches_border = subject.touches_border;
  return s;
}

}  // namespace rashisa::media
