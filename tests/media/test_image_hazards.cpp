// Hostile and broken inputs: each gives a typed MediaError (or a correct import), never a crash,
// and size bombs are refused from the header alone.
#include "engine/media/photo_import.h"
#include "media_fixtures.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <optional>
#include <random>

namespace rashisa::media {
namespace {

using namespace testing;

// The fault import_photo reports, or nullopt when the import succeeded.
std::optional<MediaFault> fault_of(const Bytes& bytes, std::string* message = nullptr, const ImportLimits& limits = {}) {
  try {
    import_photo(bytes, "photo.jpg", limits);
    return std::nullopt;
  } catch (const MediaError& e) {
    EXPECT_EQ(e.code(), ErrorCode::FileFormat);
    EXPECT_NE(std::string(e.what()).find("photo.jpg: "), std::string::npos) << e.what();
    if (message) *message = e.what();
    return e.fault();
  }
}

void put_be32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
}
void put_le(Bytes& b, std::uint32_t v, int n) {
  for (int i = 0; i < n; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

Bytes png_header_only(std::uint32_t w, std::uint32_t h) {
  Bytes b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  Bytes ihdr;
  put_be32(ihdr, w);
  put_be32(ihdr, h);
  ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});
  const Bytes c = png_chunk("IHDR", ihdr);
  b.insert(b.end(), c.begin(), c.end());
  const Bytes idat = png_chunk("IDAT", {0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
  b.insert(b.end(), idat.begin(), idat.end());
  const Bytes iend = png_chunk("IEND", {});
  b.insert(b.end(), iend.begin(), iend.end());
  return b;
}

Bytes jpeg_header_only(unsigned w, unsigned h) {
  return {0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8, static_cast<std::uint8_t>(h >> 8), static_cast<std::uint8_t>(h),
          static_cast<std::uint8_t>(w >> 8), static_cast<std::uint8_t>(w), 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xFF, 0xD9};
}

Bytes webp_vp8x_only(std::uint32_t w, std::uint32_t h) {
  Bytes b = {'R', 'I', 'F', 'F'};
  put_le(b, 4 + 18, 4);
  b.insert(b.end(), {'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'});
  put_le(b, 10, 4);
  b.insert(b.end(), {0, 0, 0, 0});
  put_le(b, w - 1, 3);
  put_le(b, h - 1, 3);
  return b;
}

// A minimal little-endian TIFF: width, length, one strip, plus optional extra SHORT tags.
Bytes tiff_minimal(std::uint32_t w, std::uint32_t h, std::vector<std::pair<unsigned, unsigned>> extra = {}) {
  std::vector<std::pair<unsigned, std::uint32_t>> tags = {{256, w}, {257, h}, {273, 8}, {279, 1}};
  for (auto& e : extra) tags.emplace_back(e.first, e.second);
  std::sort(tags.begin(), tags.end());
  Bytes b = {'I', 'I', 42, 0};
  put_le(b, 10, 4);
  b.insert(b.end(), {0, 0});  // the one-byte "strip" at offset 8, padded
  put_le(b, static_cast<std::uint32_t>(tags.size()), 2);
  for (auto& t : tags) {
    put_le(b, t.first, 2);
    put_le(b, 4, 2);  // LONG
    put_le(b, 1, 4);
    put_le(b, t.second, 4);
  }
  put_le(b, 0, 4);
  return b;
}

Bytes bmp_header_only(std::int32_t w, std::int32_t h) {
  Bytes b = {'B', 'M'};
  put_le(b, 54, 4);
  put_le(b, 0, 4);
  put_le(b, 54, 4);
  put_le(b, 40, 4);
  put_le(b, static_cast<std::uint32_t>(w), 4);
  put_le(b, static_cast<std::uint32_t>(h), 4);
  put_le(b, 1, 2);
  put_le(b, 24, 2);
  b.resize(54, 0);
  return b;
}

// Bytes of a string literal, embedded NULs included.
template <std::size_t N>
Bytes raw(const char (&s)[N]) {
  return Bytes(s, s + N - 1);
}

TEST(ImageHazards, EmptyAndNonImages) {
  EXPECT_EQ(fault_of({}), MediaFault::Empty);
  EXPECT_EQ(fault_of(raw("This is not a photo, just text in a file named photo.jpg\n")), MediaFault::NotAnImage);
  EXPECT_EQ(fault_of(raw("\x00\x00\x00\x18" "ftypisom\x00\x00\x02\x00isomiso2")), MediaFault::NotAnImage);
  EXPECT_EQ(fault_of({0xFF}), MediaFault::NotAnImage);
}

TEST(ImageHazards, ForeignImagesAreUnsupportedWithAdvice) {
  const std::vector<Bytes> cases = {
      raw("\x00\x00\x00\x18" "ftypheic\x00\x00\x00\x00mif1heic"),
      raw("\x00\x00\x00\x1c" "ftypavif\x00\x00\x00\x00"),
      raw("GIF89a\x10\x00\x10\x00"),
      raw("8BPS\x00\x01"),
      raw("FUJIFILMCCD-RAW 0201"),
      tiff_minimal(64, 64, {{50706, 1}}),  // DNG
      [] { Bytes b = tiff_minimal(64, 64); b[8] = 'C'; b[9] = 'R'; b[10] = 2; b[11] = 0; return b; }(),  // CR2
      [] { Bytes b = webp_vp8x_only(64, 64); b[20] = 0x02; return b; }(),  // animated WebP
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    std::string msg;
    EXPECT_EQ(fault_of(cases[i], &msg), MediaFault::Unsupported);
    EXPECT_NE(msg.find("JPEG or PNG"), std::string::npos) << msg;
  }
  std::string msg;
  fault_of(cases[0], &msg);
  EXPECT_NE(msg.find("HEIC"), std::string::npos) << msg;
}

TEST(ImageHazards, SizeBombsAreRefusedFromTheHeader) {
  const std::vector<Bytes> bombs = {
      png_header_only(60000, 60000), png_header_only(100000, 100000), png_header_only(30000, 100),
      jpeg_header_only(60000, 60000), jpeg_header_only(65500, 65500),
      webp_vp8x_only(60000, 60000), tiff_minimal(60000, 60000), bmp_header_only(60000, -60000),
  };
  for (std::size_t i = 0; i < bombs.size(); ++i) {
    SCOPED_TRACE("bomb " + std::to_string(i));
    std::string msg;
    EXPECT_EQ(fault_of(bombs[i], &msg), MediaFault::TooLarge);
    EXPECT_NE(msg.find("scale it down"), std::string::npos) << msg;
  }
  // The limits are the caller's.
  ImportLimits tight;
  tight.max_pixels = 100;
  EXPECT_EQ(fault_of(encode(pattern_bgr(40, 24), ".png"), nullptr, tight), MediaFault::TooLarge);
  tight = ImportLimits{};
  tight.max_bytes = 10;
  EXPECT_EQ(fault_of(encode(pattern_bgr(40, 24), ".png"), nullptr, tight), MediaFault::TooLarge);
}

TEST(ImageHazards, TruncatedFilesOfEveryFormat) {
  const cv::Mat bgr = pattern_bgr(40, 24);
  const std::vector<std::pair<std::string, Bytes>> files = {
      {".jpg", encode(bgr, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 90})},
      {".jpg progressive", encode(bgr, ".jpg", {cv::IMWRITE_JPEG_PROGRESSIVE, 1})},
      {".png", encode(bgr, ".png")},
      {".webp", encode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80})},
      {".tiff", encode(bgr, ".tiff")},
      {".bmp", encode(bgr, ".bmp")},
  };
  for (const auto& [name, bytes] : files) {
    ASSERT_FALSE(fault_of(bytes).has_value()) << name;
    for (int percent : {10, 50, 90, 99}) {
      SCOPED_TRACE(name + " cut at " + std::to_string(percent) + "%");
      const Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() * percent / 100));
      EXPECT_EQ(fault_of(cut), MediaFault::Truncated);
    }
  }
  // A JPEG that lost only its final EOI marker is also cut short (OpenCV would show it whole
  // or grey-filled without complaint).
  Bytes no_eoi = files[0].second;
  no_eoi.resize(no_eoi.size() - 2);
  EXPECT_EQ(fault_of(no_eoi), MediaFault::Truncated);
  // Bytes after EOI (as in multi-picture JPEGs) are fine.
  Bytes trailing = files[0].second;
  trailing.insert(trailing.end(), 100, 0xAB);
  EXPECT_FALSE(fault_of(trailing).has_value());
}

TEST(ImageHazards, BrokenMetadataNeverLosesThePhoto) {
  const Bytes plain = encode(pattern_bgr(40, 24), ".jpg");
  Bytes junk = {'I', 'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F};  // IFD0 far outside the block
  for (int i = 0; i < 64; ++i) junk.push_back(static_cast<std::uint8_t>(i * 37));
  const ImportedPhoto a = import_photo(plain, "a.jpg");
  const ImportedPhoto b = import_photo(jpeg_with_app1(plain, junk), "b.jpg");
  EXPECT_EQ(b.orientation, 1);
  EXPECT_EQ(a.image.pixels, b.image.pixels);
  // Out-of-range orientation values are ignored, not guessed at.
  for (int o : {0, 9, 255, 65535}) {
    const ImportedPhoto c = import_photo(jpeg_with_app1(plain, exif_block(o)), "c.jpg");
    EXPECT_EQ(c.orientation, 1) << o;
    EXPECT_EQ(a.image.pixels, c.image.pixels) << o;
  }
}

// Random bytes and random mutations of valid files: the only acceptable outcomes are a typed
// MediaError or an import whose pixel buffer matches its size.
TEST(ImageHazards, RandomBytesAndMutationsNeverCrash) {
  std::mt19937 rng(12345);
  int errors = 0, imports = 0;
  auto run = [&](const Bytes& b) {
    try {
      const ImportedPhoto p = import_photo(b, "fuzz.jpg");
      ASSERT_EQ(p.image.pixels.size(), std::size_t(p.image.width) * p.image.height * 3);
      ++imports;
    } catch (const MediaError&) {
      ++errors;
    }
  };
  for (int i = 0; i < 300; ++i) {
    Bytes b(1 + rng() % 2048);
    for (auto& v : b) v = static_cast<std::uint8_t>(rng());
    run(b);
  }
  const cv::Mat bgr = pattern_bgr(32, 24);
  std::vector<Bytes> seeds = {encode(bgr, ".jpg"), encode(bgr, ".png"), encode(bgr, ".webp"), encode(bgr, ".tiff"),
                              encode(bgr, ".bmp"), jpeg_with_app1(encode(bgr, ".jpg"), exif_block(6))};
  for (const Bytes& seed : seeds) {
    for (int i = 0; i < 150; ++i) {
      Bytes b = seed;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < flips; ++k) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
      if (rng() % 4 == 0) b.resize(1 + rng() % b.size());
      run(b);
    }
  }
  EXPECT_EQ(errors + imports, 300 + 150 * static_cast<int>(seeds.size()));
  EXPECT_GT(errors, 300);  // the random buffers
}

}  // namespace
}  // namespace rashisa::media
