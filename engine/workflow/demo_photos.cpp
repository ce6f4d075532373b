// The demo photos: a glazed mug with a printed band and emblem, rendered with simple shading
// (Lambert + a specular highlight) on a studio sweep or a wooden table, from several angles and
// in several lights; one photo blurred and one nearly the same as another.
#include "engine/workflow/demo.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rashisa::workflow {

namespace {

constexpr int kWidth = 1600;
constexpr int kHeight = 1200;
constexpr double kPi = 3.14159265358979323846;

enum class Backdrop { Studio, Table, Slate };  // white sweep; oak table by a wall; dark slate

struct Shot {
  const char* file_name;
  const char* role;
  double rotation_deg;     // the mug turned about its axis (0: emblem to the camera, handle right)
  double elevation;        // how much of the top ellipse shows (0..1)
  double light_azimuth;    // degrees, 0 = from the camera, positive = from the right
  cv::Vec3d light;         // light colour, BGR, 1 = white
  Backdrop backdrop;
  double scale;            // mug height as a share of the photo height
  double shift_x;          // px
  double blur_sigma;       // 0 = sharp
  double brightness;       // added to every channel
};

const Shot kShots[] = {
    {"mug-01-front.jpg", "good", 0, 0.22, 35, {1.00, 1.00, 1.00}, Backdrop::Studio, 0.46, 0, 0, 0},
    {"mug-02-turned-left.jpg", "good", 55, 0.26, -50, {0.78, 0.92, 1.08}, Backdrop::Table, 0.44, -330, 0, 0},
    {"mug-03-back.jpg", "good", 165, 0.24, 20, {1.02, 1.00, 0.96}, Backdrop::Table, 0.40, 320, 0, 0},
    {"mug-04-turned-right.jpg", "good", -75, 0.20, 60, {1.10, 1.00, 0.90}, Backdrop::Slate, 0.44, 260, 0, 0},
    {"mug-05-from-above.jpg", "good", 30, 0.46, -25, {0.85, 0.95, 1.10}, Backdrop::Table, 0.50, 0, 0, 0},
    {"mug-06-close.jpg", "good", -25, 0.24, 10, {0.95, 0.98, 1.02}, Backdrop::Studio, 0.60, -250, 0, 0},
    {"mug-07-blurry.jpg", "blurry", 110, 0.25, -40, {1.00, 1.00, 1.00}, Backdrop::Slate, 0.45, -300, 9.0, 0},
    {"mug-08-near-duplicate.jpg", "near-duplicate", 0, 0.22, 35, {1.00, 1.00, 1.00}, Backdrop::Studio, 0.46, 10, 0, 5},
};

cv::Vec3d mix(const cv::Vec3d& a, const cv::Vec3d& b, double t) { return a * (1 - t) + b * t; }

void draw_background(cv::Mat& img, const Shot& s) {
  const int horizon = static_cast<int>(kHeight * 0.58);
  for (int y = 0; y < kHeight; ++y) {
    auto* row = img.ptr<cv::Vec3b>(y);
    for (int x = 0; x < kWidth; ++x) {
      cv::Vec3d c;
      if (s.backdrop == Backdrop::Studio) {  // a seamless sweep: bright at the top, a soft grey floor
        const double t = static_cast<double>(y) / kHeight;
        c = mix({236, 238, 240}, {198, 202, 206}, t * t);
      } else if (s.backdrop == Backdrop::Slate) {  // dark stone, lit from the top left
        const double t = (static_cast<double>(y) / kHeight + static_cast<double>(x) / kWidth) / 2;
        c = mix({92, 88, 84}, {46, 44, 42}, t) * (0.94 + 0.06 * std::sin(x * 0.11) * std::sin(y * 0.07));
      } else if (y < horizon) {  // a plain wall
        c = mix({196, 210, 222}, {170, 186, 200}, static_cast<double>(y) / horizon);
      } else {  // oak boards: grain along x, joints every 160 px in depth
        const double depth = static_cast<double>(y - horizon) / (kHeight - horizon);
        const double grain = 0.5 + 0.5 * std::sin(x * 0.045 + 7.0 * std::sin(y * 0.013) + y * 0.002);
        c = mix({58, 98, 150}, {86, 132, 186}, grain) * (0.8 + 0.25 * depth);
        if ((y - horizon) % 160 < 3) c *= 0.6;
      }
      for (int k = 0; k < 3; ++k) c[k] *= s.light[k];
      row[x] = cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                         cv::saturate_cast<uchar>(c[2]));
    }
  }
}

struct Mug {
  double cx, top, bottom, radius, ellipse;
};

void draw_shadow(cv::Mat& img, const Mug& m, const Shot& s) {
  cv::Mat shadow = cv::Mat::zeros(img.size(), CV_32F);
  const double dx = -std::sin(s.light_azimuth * kPi / 180) * m.radius * 0.7;
  cv::ellipse(shadow, cv::Point(static_cast<int>(m.cx + dx), static_cast<int>(m.bottom)),
              cv::Size(static_cast<int>(m.radius * 1.25), static_cast<int>(m.radius * (m.ellipse + 0.12))), 0, 0,
              360, cv::Scalar(0.45), cv::FILLED);
  cv::GaussianBlur(shadow, shadow, cv::Size(0, 0), m.radius * 0.18);
  for (int y = 0; y < img.rows; ++y) {
    auto* row = img.ptr<cv::Vec3b>(y);
    const float* sh = shadow.ptr<float>(y);
    for (int x = 0; x < img.cols; ++x)
      for (int k = 0; k < 3; ++k) row[x][k] = cv::saturate_cast<uchar>(row[x][k] * (1.0 - sh[x]));
  }
}

// Shaded colour of a surface point with normal (nx, ny, nz) and albedo.
cv::Vec3d shade(const cv::Vec3d& albedo, double nx, double ny, double nz, const Shot& s, double gloss) {
  const double az = s.light_azimuth * kPi / 180;
  const double lx = std::sin(az) * 0.8, ly = -0.45, lz = std::cos(az) * 0.8;
  const double len = std::sqrt(lx * lx + ly * ly + lz * lz);
  const double diffuse = std::max(0.0, (nx * lx + ny * ly + nz * lz) / len);
  // Blinn-Phong half vector between the light and the camera (0, 0, 1).
  double hx = lx / len, hy = ly / len, hz = lz / len + 1;
  const double hl = std::sqrt(hx * hx + hy * hy + hz * hz);
  const double spec = std::pow(std::max(0.0, (nx * hx + ny * hy + nz * hz) / hl), 60) * gloss;
  cv::Vec3d c;
  for (int k = 0; k < 3; ++k) c[k] = albedo[k] * (0.28 + 0.85 * diffuse) * s.light[k] + 255 * spec * s.light[k];
  return c;
}

// The glaze, the cream band and the emblem at angle theta (radians, 0 faces the camera when the
// mug is not turned) and height v (0 top .. 1 bottom).
cv::Vec3d albedo_at(double theta, double v, double radius, double height) {
  const cv::Vec3d glaze{150, 78, 32}, band{200, 232, 242}, ink{40, 60, 170};
  if (v < 0.36 || v > 0.58) return v > 0.95 ? cv::Vec3d{170, 190, 205} : glaze;  // unglazed foot ring
  const double t = std::remainder(theta, 2 * kPi);
  const double du = t * radius, dv = (v - 0.47) * height;
  if (du * du + dv * dv < std::pow(0.085 * height, 2)) return ink;           // the round emblem
  if (std::abs(v - 0.395) < 0.008 || std::abs(v - 0.545) < 0.008) return ink;  // thin lines
  return band;
}

void draw_body(cv::Mat& img, const Mug& m, const Shot& s) {
  const double height = m.bottom - m.top;
  const double rot = s.rotation_deg * kPi / 180;
  for (int x = static_cast<int>(m.cx - m.radius); x <= static_cast<int>(m.cx + m.radius); ++x) {
    const double u = (x + 0.5 - m.cx) / m.radius;
    if (std::abs(u) >= 1) continue;
    const double nz = std::sqrt(1 - u * u);
    const double y0 = m.top + m.ellipse * m.radius * nz, y1 = m.bottom + m.ellipse * m.radius * nz;
    for (int y = std::max(0, static_cast<int>(y0)); y < std::min(kHeight, static_cast<int>(y1)); ++y) {
      const double v = (y - y0) / (y1 - y0);
      const cv::Vec3d c = shade(albedo_at(std::asin(u) + rot, v, m.radius, height), u, 0, nz, s, 0.55);
      img.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                                          cv::saturate_cast<uchar>(c[2]));
    }
  }
  // The opening: the inside wall in shade, a bright rim.
  const cv::Point top(static_cast<int>(m.cx), static_cast<int>(m.top));
  const cv::Size axes(static_cast<int>(m.radius), std::max(1, static_cast<int>(m.radius * m.ellipse)));
  const cv::Vec3d inside = shade({170, 92, 40}, 0, -0.3, 0.5, s, 0);
  cv::ellipse(img, top, axes, 0, 0, 360, cv::Scalar(inside[0], inside[1], inside[2]), cv::FILLED, cv::LINE_AA);
  const cv::Vec3d rim = shade({215, 150, 95}, 0, -1, 0.4, s, 0.4);
  cv::ellipse(img, top, axes, 0, 0, 360, cv::Scalar(rim[0], rim[1], rim[2]), std::max(2, static_cast<int>(m.radius * 0.05)),
              cv::LINE_AA);
}

void draw_handle(cv::Mat& img, const Mug& m, const Shot& s) {
  const double phi = (s.rotation_deg + 90) * kPi / 180;  // where the handle sits around the mug
  const double side = std::sin(phi);
  const double reach = 0.42 * m.radius * std::abs(side) + 0.06 * m.radius;
  const cv::Point center(static_cast<int>(m.cx + m.radius * side + (side >= 0 ? -1 : 1) * reach * 0.08),
                         static_cast<int>(m.top + (m.bottom - m.top) * 0.48));
  const cv::Size axes(static_cast<int>(reach), static_cast<int>((m.bottom - m.top) * 0.3));
  const cv::Vec3d c = shade({150, 78, 32}, side, 0, std::cos(phi) * 0.5 + 0.5, s, 0.4);
  const double start = side >= 0 ? -90 : 90;
  cv::ellipse(img, center, axes, 0, start, start + 180, cv::Scalar(c[0], c[1], c[2]),
              std::max(4, static_cast<int>(m.radius * 0.16)), cv::LINE_AA);
}

cv::Mat render(const Shot& s) {
  cv::Mat img(kHeight, kWidth, CV_8UC3);
  draw_background(img, s);
  Mug m;
  const double height = kHeight * s.scale;
  m.radius = height * 0.42;
  m.ellipse = s.elevation;
  m.cx = kWidth / 2.0 + s.shift_x;
  m.bottom = kHeight * 0.5 + height * 0.5;
  m.top = m.bottom - height;
  draw_shadow(img, m, s);
  const bool handle_behind = std::cos((s.rotation_deg + 90) * kPi / 180) < -0.2;
  if (handle_behind) draw_handle(img, m, s);
  draw_body(img, m, s);
  if (!handle_behind) draw_handle(img, m, s);

  cv::RNG rng(0x5eed + static_cast<std::uint64_t>(s.rotation_deg * 10 + 1000));
  cv::Mat noise(img.size(), CV_16SC3);
  rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(s.brightness), cv::Scalar::all(2.5));
  cv::Mat out;
  img.convertTo(out, CV_16SC3);
  out += noise;
  out.convertTo(img, CV_8UC3);
  if (s.blur_sigma > 0) cv::GaussianBlur(img, img, cv::Size(0, 0), s.blur_sigma);
  return img;
}

}  // namespace

std::vector<DemoPhoto> draw_demo_photos() {
  std::vector<DemoPhoto> photos;
  for (const Shot& s : kShots) {
    std::vector<std::uint8_t> jpeg;
    cv::imencode(".jpg", render(s), jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
    photos.push_back({s.file_name, s.role, std::move(jpeg)});
  }
  return photos;
}

}  // namespace rashisa::workflow
