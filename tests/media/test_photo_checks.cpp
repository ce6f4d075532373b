// Photo checks and thumbnails.
#include "engine/media/photo_checks.h"
#include "engine/media/photo_import.h"
#include "media_fixtures.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <random>

namespace rashisa::media {
namespace {

using namespace testing;

// A busy synthetic scene: shapes, lines and text at random places, B,G,R.
cv::Mat scene(int w, int h, unsigned seed) {
  std::mt19937 rng(seed);
  cv::Mat m(h, w, CV_8UC3, cv::Scalar(rng() % 256, rng() % 256, rng() % 256));
  auto colour = [&] { return cv::Scalar(rng() % 256, rng() % 256, rng() % 256); };
  for (int i = 0; i < 40; ++i) {
    const cv::Point a(static_cast<int>(rng() % w), static_cast<int>(rng() % h));
    const cv::Point b(static_cast<int>(rng() % w), static_cast<int>(rng() % h));
    switch (i % 4) {
      case 0: cv::rectangle(m, a, b, colour(), cv::FILLED); break;
      case 1: cv::circle(m, a, static_cast<int>(rng() % (w / 6) + 5), colour(), cv::FILLED); break;
      case 2: cv::line(m, a, b, colour(), 2); break;
      default: cv::putText(m, "Rashisa 42", a, cv::FONT_HERSHEY_SIMPLEX, 1.2, colour(), 2); break;
    }
  }
  return m;
}

// A product shot: plain near-white background, a textured object of `fraction` of each side at (cx, cy).
cv::Mat product(int w, int h, double fraction, double cx = 0.5, double cy = 0.5) {
  cv::Mat m(h, w, CV_8UC3, cv::Scalar(245, 245, 245));
  const int ow = static_cast<int>(w * fraction), oh = static_cast<int>(h * fraction);
  const cv::Rect r(static_cast<int>(w * cx) - ow / 2, static_cast<int>(h * cy) - oh / 2, ow, oh);
  cv::Mat obj = scene(ow, oh, 7);
  const cv::Rect clipped = r & cv::Rect(0, 0, w, h);
  obj(cv::Rect(clipped.x - r.x, clipped.y - r.y, clipped.width, clipped.height)).copyTo(m(clipped));
  return m;
}

cv::Mat blurred(const cv::Mat& m, double sigma) {
  cv::Mat out;
  cv::GaussianBlur(m, out, cv::Size(0, 0), sigma);
  return out;
}

std::vector<std::string> codes(const std::vector<Finding>& f) {
  std::vector<std::string> c;
  for (const auto& x : f) c.push_back(x.code);
  return c;
}

const Finding* find(const std::vector<Finding>& f, const std::string& code) {
  for (const auto& x : f)
    if (x.code == code) return &x;
  return nullptr;
}

PhotoSummary ok_summary(const std::string& id, std::uint64_t hash) {
  PhotoSummary s;
  s.id = id;
  s.sha256 = "sha-" + id;
  s.width = 1024;
  s.height = 768;
  s.sharpness = 500;
  s.perceptual_hash = hash;
  s.has_hash = true;
  return s;
}

// Five photos with pairwise distant hashes.
std::vector<PhotoSummary> good_set(int n) {
  std::vector<PhotoSummary> v;
  std::mt19937_64 rng(99);
  for (int i = 0; i < n; ++i) v.push_back(ok_summary("p" + std::to_string(i), rng()));
  return v;
}

TEST(PhotoChecks, BlurIsMeasuredOnTheSharpestRegion) {
  const CheckThresholds t;
  for (unsigned seed : {1u, 2u, 3u}) {
    const cv::Mat sharp = scene(1200, 900, seed);
    const double s = measure_sharpness(from_bgr(sharp));
    // sigma 4 px at 1200 px wide is about 1.7 px at the 512 px scale the measure works at.
    const double b2 = measure_sharpness(from_bgr(blurred(sharp, 4.0)));
    const double b4 = measure_sharpness(from_bgr(blurred(sharp, 6.0)));
    EXPECT_GT(s, t.min_sharpness * 3) << "seed " << seed;
    EXPECT_LT(b2, t.min_sharpness) << "seed " << seed;
    EXPECT_LT(b4, b2);
  }
  // A sharp product on a plain background is sharp; the same shot defocused is not.
  const cv::Mat shot = product(1000, 800, 0.35);
  EXPECT_GT(measure_sharpness(from_bgr(shot)), t.min_sharpness);
  EXPECT_LT(measure_sharpness(from_bgr(blurred(shot, 4.0))), t.min_sharpness);

  std::vector<PhotoSummary> set = good_set(5);
  set[2] = summarize_photo("soft", from_bgr(blurred(scene(800, 600, 4), 4.0)), "x");
  const auto f = check_photos(set);
  ASSERT_NE(find(f, "blurry"), nullptr);
  EXPECT_EQ(find(f, "blurry")->photo_ids, std::vector<std::string>{"soft"});
  EXPECT_EQ(find(f, "blurry")->severity, Severity::Warning);
}

TEST(PhotoChecks, PerceptualHashFindsRecompressedAndResizedCopies) {
  const cv::Mat a = scene(640, 480, 11);
  const std::uint64_t h = perceptual_hash(from_bgr(a));
  cv::Mat smaller;
  cv::resize(a, smaller, cv::Size(480, 360), 0, 0, cv::INTER_AREA);
  const RgbImage jpeg = import_photo(encode(smaller, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 70}), "copy.jpg").image;
  EXPECT_LE(hash_distance(h, perceptual_hash(jpeg)), 4);
  for (unsigned seed : {12u, 13u, 14u, 15u}) EXPECT_GT(hash_distance(h, perceptual_hash(from_bgr(scene(640, 480, seed)))), 12);
  EXPECT_EQ(hash_distance(0, ~std::uint64_t(0)), 64);
}

TEST(PhotoChecks, ExactAndNearDuplicatesAreGrouped) {
  std::vector<PhotoSummary> set = good_set(6);
  set[4].sha256 = set[1].sha256;                        // the same file twice
  set[4].perceptual_hash = set[1].perceptual_hash;
  set[5].perceptual_hash = set[2].perceptual_hash ^ 0x5;  // 2 bits apart
  const auto f = check_photos(set);
  ASSERT_NE(find(f, "exact-duplicate"), nullptr);
  EXPECT_EQ(find(f, "exact-duplicate")->photo_ids, (std::vector<std::string>{"p1", "p4"}));
  ASSERT_NE(find(f, "near-duplicate"), nullptr);
  EXPECT_EQ(find(f, "near-duplicate")->photo_ids, (std::vector<std::string>{"p2", "p5"}));
  const auto all = codes(f);
  EXPECT_EQ(std::count(all.begin(), all.end(), "near-duplicate"), 1);  // exact pairs are not repeated
  EXPECT_TRUE(check_photos(good_set(6)).empty());
}

TEST(PhotoChecks, CountsAndResolution) {
  EXPECT_EQ(check_photos({}).at(0).severity, Severity::Error);
  EXPECT_EQ(codes(check_photos({})), std::vector<std::string>{"too-few-photos"});
  const auto few = check_photos(good_set(3));
  ASSERT_EQ(codes(few), std::vector<std::string>{"too-few-photos"});
  EXPECT_EQ(few[0].severity, Severity::Warning);
  EXPECT_NE(few[0].message.find("Only 3 photos"), std::string::npos) << few[0].message;
  EXPECT_TRUE(check_photos(good_set(5)).empty());
  EXPECT_TRUE(check_photos(good_set(20)).empty());
  EXPECT_EQ(codes(check_photos(good_set(21))), std::vector<std::string>{"too-many-photos"});

  auto set = good_set(5);
  set[3].width = 640;
  set[3].height = 480;
  const auto f = check_photos(set);
  ASSERT_EQ(codes(f), std::vector<std::string>{"low-resolution"});
  EXPECT_EQ(f[0].photo_ids, std::vector<std::string>{"p3"});
  EXPECT_NE(f[0].message.find("640 x 480"), std::string::npos);
  for (const auto& x : f) EXPECT_STREQ(severity_name(x.severity), "warning");
}

TEST(PhotoChecks, SubjectPlacementOnPlainBackgrounds) {
  const SubjectPlacement centred = measure_subject(from_bgr(product(800, 600, 0.5)));
  ASSERT_TRUE(centred.judged);
  EXPECT_NEAR(centred.area, 0.25, 0.03);
  EXPECT_FALSE(centred.touches_border);

  const SubjectPlacement tiny = measure_subject(from_bgr(product(800, 600, 0.15)));
  ASSERT_TRUE(tiny.judged);
  EXPECT_LT(tiny.area, 0.05);

  const SubjectPlacement cut = measure_subject(from_bgr(product(800, 600, 0.5, 0.9, 0.5)));
  ASSERT_TRUE(cut.judged);
  EXPECT_TRUE(cut.touches_border);

  // A busy background: nothing is claimed.
  cv::Mat noise(600, 800, CV_8UC3);
  cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(256));
  EXPECT_FALSE(measure_subject(from_bgr(noise)).judged);
  EXPECT_FALSE(measure_subject(from_bgr(blurred(noise, 4.0))).judged);

  auto set = good_set(5);
  set[0] = summarize_photo("small", from_bgr(product(800, 600, 0.15)), "a");
  set[1] = summarize_photo("cut", from_bgr(product(800, 600, 0.5, 0.9, 0.5)), "b");
  const auto f = check_photos(set);
  ASSERT_NE(find(f, "subject-small"), nullptr);
  EXPECT_EQ(find(f, "subject-small")->photo_ids, std::vector<std::string>{"small"});
  ASSERT_NE(find(f, "subject-cut-off"), nullptr);
  EXPECT_EQ(find(f, "subject-cut-off")->photo_ids, std::vector<std::string>{"cut"});
}

TEST(Thumbnail, FitsTheBoxKeepsAspectAndNeverEnlarges) {
  const RgbImage big = from_bgr(scene(1000, 500, 1));
  const ImportedPhoto t = import_photo(make_thumbnail_png(big), "thumb.png");
  EXPECT_EQ(t.format, ImageFormat::Png);
  EXPECT_EQ(t.image.width, 256);
  EXPECT_EQ(t.image.height, 128);
  const ImportedPhoto t2 = import_photo(make_thumbnail_png(big, 64), "thumb.png");
  EXPECT_EQ(t2.image.width, 64);
  EXPECT_EQ(t2.image.height, 32);
  const RgbImage small = from_bgr(pattern_bgr(30, 20));
  const ImportedPhoto same = import_photo(make_thumbnail_png(small), "thumb.png");
  EXPECT_EQ(same.image.pixels, small.pixels);
  EXPECT_THROW(make_thumbnail_png(RgbImage{}), Error);
  EXPECT_THROW(make_thumbnail_png(small, 0), Error);
}

}  // namespace
}  // namespace rashisa::media
