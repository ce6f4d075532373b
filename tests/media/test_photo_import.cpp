// Correct imports: orientation (all eight, per format), pixel formats, hashes, read_rgb.
#include "engine/core/sha256.h"
#include "engine/media/photo_import.h"
#include "media_fixtures.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

#include <unistd.h>

namespace rashisa::media {
namespace {

using namespace testing;

::testing::AssertionResult same_pixels(const RgbImage& a, const RgbImage& b, int tolerance = 0) {
  if (a.width != b.width || a.height != b.height)
    return ::testing::AssertionFailure() << "size " << a.width << "x" << a.height << " vs " << b.width << "x" << b.height;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) {
    if (std::abs(int(a.pixels[i]) - int(b.pixels[i])) > tolerance) {
      const std::size_t p = i / 3;
      return ::testing::AssertionFailure() << "pixel (" << p % a.width << ", " << p / a.width << ") channel " << i % 3 << ": "
                                           << int(a.pixels[i]) << " vs " << int(b.pixels[i]);
    }
  }
  return ::testing::AssertionSuccess();
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Each orientation is compared with the EXIF-free import of the same encoded pixels, so lossy
// formats are checked exactly too.
struct OrientationCase {
  const char* name;
  std::function<Bytes(const Bytes& plain, int w, int h, int orientation)> add_exif;
  std::string ext;
  std::vector<int> params;
};

class Orientation : public ::testing::TestWithParam<OrientationCase> {};

TEST_P(Orientation, AllEightArePixelExact) {
  const auto& c = GetParam();
  const int w = 40, h = 24;
  const Bytes plain = encode(pattern_bgr(w, h), c.ext, c.params);
  const ImportedPhoto stored = import_photo(plain, "plain");
  ASSERT_EQ(stored.orientation, 1);
  ASSERT_EQ(stored.image.width, w);
  for (int o = 1; o <= 8; ++o) {
    SCOPED_TRACE("orientation " + std::to_string(o));
    const Bytes bytes = c.add_exif(plain, w, h, o);
    const ImportedPhoto got = import_photo(bytes, "oriented");
    EXPECT_EQ(got.orientation, o);
    EXPECT_EQ(got.original_width, w);
    EXPECT_EQ(got.original_height, h);
    EXPECT_TRUE(same_pixels(got.image, oriented_reference(stored.image, o)));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, Orientation,
    ::testing::Values(
        OrientationCase{"JpegLittleEndian", [](const Bytes& b, int, int, int o) { return jpeg_with_app1(b, exif_block(o, true)); },
                        ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95}},
        OrientationCase{"JpegBigEndian", [](const Bytes& b, int, int, int o) { return jpeg_with_app1(b, exif_block(o, false)); },
                        ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95}},
        OrientationCase{"PngExif", [](const Bytes& b, int, int, int o) { return png_with_chunk(b, "eXIf", exif_block(o)); }, ".png", {}},
        OrientationCase{"WebpExif", [](const Bytes& b, int w, int h, int o) { return webp_with_exif(b, w, h, exif_block(o)); },
                        ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}},
        OrientationCase{"TiffTag", [](const Bytes& b, int, int, int o) { return tiff_with_orientation(b, o); }, ".tiff", {}}),
    [](const ::testing::TestParamInfo<OrientationCase>& i) { return std::string(i.param.name); });

TEST(PhotoImport, LosslessFormatsMatchTheSourceAndHashTheBytes) {
  const cv::Mat bgr = pattern_bgr(33, 21);
  const RgbImage expected = from_bgr(bgr);
  for (const char* ext : {".png", ".bmp", ".tiff"}) {
    SCOPED_TRACE(ext);
    const Bytes bytes = encode(bgr, ext);
    const ImportedPhoto got = import_photo(bytes, std::string("p") + ext);
    EXPECT_TRUE(same_pixels(got.image, expected));
    EXPECT_EQ(got.sha256, sha256_hex(bytes.data(), bytes.size()));
    EXPECT_TRUE(got.conversions.empty());
    EXPECT_TRUE(got.metadata.read) << got.metadata.problem;
  }
  const ImportedPhoto webp = import_photo(encode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}), "p.webp");
  EXPECT_EQ(webp.format, ImageFormat::Webp);
  EXPECT_TRUE(same_pixels(webp.image, expected));
}

TEST(PhotoImport, Sixteen_bitPngBecomesEightBit) {
  cv::Mat m16(6, 10, CV_16UC3), m16g(6, 10, CV_16UC1);
  for (int y = 0; y < 6; ++y)
    for (int x = 0; x < 10; ++x) {
      m16.at<cv::Vec3w>(y, x) = cv::Vec3w(257 * (x * 20), 257 * (y * 40), 65535 - 257 * (x * 10));
      m16g.at<std::uint16_t>(y, x) = static_cast<std::uint16_t>(257 * (x * 25));
    }
  const ImportedPhoto c = import_photo(encode(m16, ".png"), "deep.png");
  EXPECT_TRUE(has(c.conversions, "16-bit"));
  const std::uint8_t* p = px(c.image, 3, 2);
  EXPECT_EQ(p[0], 255 - 30);  // R came from channel 2
  EXPECT_EQ(p[1], 80);
  EXPECT_EQ(p[2], 60);
  const ImportedPhoto g = import_photo(encode(m16g, ".png"), "deep-grey.png");
  EXPECT_TRUE(has(g.conversions, "grayscale"));
  EXPECT_EQ(px(g.image, 4, 0)[0], 100);
  EXPECT_EQ(px(g.image, 4, 0)[2], 100);
  // 16-bit TIFF takes the same path.
  const ImportedPhoto t = import_photo(encode(m16, ".tiff"), "deep.tiff");
  EXPECT_TRUE(same_pixels(t.image, c.image));
}

TEST(PhotoImport, AlphaIsCompositedOnWhite) {
  cv::Mat bgra(2, 3, CV_8UC4);
  bgra.at<cv::Vec4b>(0, 0) = cv::Vec4b(0, 0, 0, 0);        // transparent black -> white
  bgra.at<cv::Vec4b>(0, 1) = cv::Vec4b(0, 0, 200, 255);    // opaque red stays
  bgra.at<cv::Vec4b>(0, 2) = cv::Vec4b(0, 0, 0, 128);      // half black -> grey 127
  bgra.at<cv::Vec4b>(1, 0) = cv::Vec4b(255, 0, 0, 51);     // 20% blue
  bgra.at<cv::Vec4b>(1, 1) = cv::Vec4b(10, 20, 30, 255);
  bgra.at<cv::Vec4b>(1, 2) = cv::Vec4b(10, 20, 30, 255);
  const ImportedPhoto got = import_photo(encode(bgra, ".png"), "cutout.png");
  EXPECT_TRUE(has(got.conversions, "alpha-on-white"));
  auto rgb = [&](int x, int y) { const auto* p = px(got.image, x, y); return cv::Vec3i(p[0], p[1], p[2]); };
  EXPECT_EQ(rgb(0, 0), cv::Vec3i(255, 255, 255));
  EXPECT_EQ(rgb(1, 0), cv::Vec3i(200, 0, 0));
  EXPECT_EQ(rgb(2, 0), cv::Vec3i(127, 127, 127));
  EXPECT_EQ(rgb(0, 1), cv::Vec3i(204, 204, 255));
  EXPECT_EQ(rgb(1, 1), cv::Vec3i(30, 20, 10));
}

TEST(PhotoImport, GreyscaleJpegAndPngBecomeRgb) {
  cv::Mat grey(16, 24, CV_8UC1);
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 24; ++x) grey.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>(x * 10);
  for (const char* ext : {".png", ".jpg"}) {
    SCOPED_TRACE(ext);
    const ImportedPhoto got = import_photo(encode(grey, ext), std::string("g") + ext);
    EXPECT_TRUE(has(got.conversions, "grayscale"));
    for (int x = 0; x < 24; ++x) {
      const auto* p = px(got.image, x, 5);
      EXPECT_EQ(p[0], p[1]);
      EXPECT_EQ(p[1], p[2]);
      EXPECT_NEAR(p[0], x * 10, ext[1] == 'p' ? 0 : 3);
    }
  }
}

TEST(PhotoImport, CmykJpegBecomesRgb) {
  // Adobe-inverted CMYK (255 = no ink): white, cyan, black, and c=128/m=255/y=0/k=255 (a green).
  const std::vector<std::uint8_t> cmyk = {255, 255, 255, 255, 0, 255, 255, 255, 255, 255, 255, 0, 128, 255, 0, 255};
  const Bytes bytes = cmyk_jpeg(2, 2, cmyk);
  const ImportedPhoto got = import_photo(bytes, "print.jpg");
  ASSERT_EQ(got.image.width, 16);
  ASSERT_EQ(got.image.height, 16);
  EXPECT_TRUE(has(got.conversions, "cmyk"));
  for (int b = 0; b < 4; ++b) {
    SCOPED_TRACE("block " + std::to_string(b));
    const int k = cmyk[b * 4 + 3];
    for (int c = 0; c < 3; ++c) {
      const int expected = cmyk[b * 4 + c] * k / 255;  // inverted CMYK: channel = (1-C)(1-K)
      const auto* p = px(got.image, (b % 2) * 8 + 3, (b / 2) * 8 + 4);
      EXPECT_NEAR(p[c], expected, 2) << "channel " << c;
    }
  }
}

TEST(PhotoImport, ReadRgbAppliesOrientationFromAFile) {
  const Bytes plain = encode(pattern_bgr(20, 12), ".png");
  const Bytes rotated = png_with_chunk(plain, "eXIf", exif_block(6));
  const auto path = std::filesystem::temp_directory_path() / ("rashisa_media_read_rgb_" + std::to_string(::getpid()) + ".png");
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(rotated.data()), static_cast<std::streamsize>(rotated.size()));
  }
  std::string sha;
  const RgbImage got = read_rgb(path, &sha);
  std::filesystem::remove(path);
  EXPECT_EQ(got.width, 12);
  EXPECT_EQ(got.height, 20);
  EXPECT_EQ(sha, sha256_hex(rotated.data(), rotated.size()));
  EXPECT_THROW(read_rgb(path), Error);
}

}  // namespace
}  // namespace rashisa::media
