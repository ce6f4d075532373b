// PRIV-1: what Rashisa stores of a photo carries no personal metadata and imports to exactly the
// same pixels; JPEG scans are copied byte for byte (../shared/RELIABILITY.md §5).
#include "engine/media/photo_sanitize.h"
#include "media_fixtures.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"  // exiv2 0.27 hands out std::auto_ptr
#include <exiv2/exiv2.hpp>

#include "engine/core/exiv2_compat.h"

#include <algorithm>
#include <cstring>
#include <random>

namespace rashisa::media {
namespace {

using namespace testing;

const char* const kSerial = "SN-RASHISA-4242";
const char* const kOwner = "Ada Example-Owner";
const char* const kMake = "RashisaTestCam";

Bytes text(const char* s) { return Bytes(s, s + std::strlen(s)); }
// A well-formed PNG tEXt payload (exiv2 gives up on a file with a malformed one).
Bytes text_chunk(const char* keyword, const char* value) {
  Bytes b = text(keyword);
  b.push_back(0);
  const Bytes v = text(value);
  b.insert(b.end(), v.begin(), v.end());
  return b;
}

// Exif.GPSInfo.GPSLatitude "48/1 51/1" as stored, in either byte order.
std::string gps_bytes(bool le) {
  std::string s;
  for (std::uint32_t v : {48u, 1u, 51u, 1u})
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>(v >> (8 * (le ? i : 3 - i))));
  return s;
}

// Copied from test_photo_metadata.cpp: exiv2 writes GPS, serial, owner, make and a thumbnail.
Bytes with_private_metadata(const Bytes& original, int orientation = 0) {
  Exiv2::XmpParser::initialize();
  auto image = rashisa::exiv2_compat::open(original.data(), original.size());
  image->readMetadata();
  Exiv2::ExifData& exif = image->exifData();
  exif["Exif.Image.Make"] = kMake;
  exif["Exif.Image.Model"] = "Model 7";
  exif["Exif.Photo.DateTimeOriginal"] = "2024:05:01 10:20:30";
  exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  exif["Exif.GPSInfo.GPSLatitude"] = "48/1 51/1 2934/100";
  exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
  exif["Exif.GPSInfo.GPSLongitude"] = "2/1 17/1 4000/100";
  exif["Exif.Photo.BodySerialNumber"] = kSerial;
  exif["Exif.Photo.CameraOwnerName"] = kOwner;
  if (orientation) exif["Exif.Image.Orientation"] = static_cast<std::uint16_t>(orientation);
  const Bytes thumb = encode(pattern_bgr(16, 12, 3), ".jpg");
  Exiv2::ExifThumb(exif).setJpegThumbnail(thumb.data(), static_cast<rashisa::exiv2_compat::Size>(thumb.size()));
  image->xmpData()["Xmp.dc.creator"] = kOwner;
  image->writeMetadata();
  Exiv2::BasicIo& io = image->io();
  return rashisa::exiv2_compat::read_all(io);
}

::testing::AssertionResult same_pixels(const RgbImage& a, const RgbImage& b) {
  if (a.width != b.width || a.height != b.height)
    return ::testing::AssertionFailure() << "size " << a.width << "x" << a.height << " vs " << b.width << "x" << b.height;
  if (a.pixels != b.pixels) return ::testing::AssertionFailure() << "pixels differ";
  return ::testing::AssertionSuccess();
}

// Every metadata key exiv2 enumerates in `bytes`, except the Orientation we write on purpose.
std::vector<std::string> exiv2_keys(const Bytes& bytes) {
  auto image = rashisa::exiv2_compat::open(bytes.data(), bytes.size());
  image->readMetadata();
  std::vector<std::string> keys;
  for (const auto& d : image->exifData())
    if (d.key() != "Exif.Image.Orientation") keys.push_back(d.key());
  for (const auto& d : image->xmpData()) keys.push_back(d.key());
  for (const auto& d : image->iptcData()) keys.push_back(d.key());
  if (!image->comment().empty()) keys.push_back("comment");
  return keys;
}

// Sanitises `original`, checks the PRIV-1 postconditions and returns the stored photo.
StoredPhoto sanitize_checked(const Bytes& original, bool expect_reencoded) {
  const ImportedPhoto photo = import_photo(original, "fixture");
  const StoredPhoto stored = sanitize_for_storage(original, photo);
  EXPECT_EQ(stored.reencoded, expect_reencoded);
  const ImportedPhoto again = import_photo(stored.bytes, "stored");
  EXPECT_TRUE(same_pixels(again.image, photo.image));
  EXPECT_EQ(again.orientation, stored.reencoded ? 1 : photo.orientation);
  for (const std::string& s : {std::string(kSerial), std::string(kOwner), std::string(kMake), gps_bytes(true), gps_bytes(false)})
    EXPECT_FALSE(contains_bytes(stored.bytes, s)) << "stored bytes contain " << s;
  EXPECT_TRUE(again.metadata.read) << again.metadata.problem;
  EXPECT_TRUE(again.metadata.private_keys.empty());
  EXPECT_FALSE(again.metadata.has_gps || again.metadata.has_serial_number || again.metadata.has_owner_name ||
               again.metadata.has_thumbnail || again.metadata.has_other_personal);
  EXPECT_TRUE(again.metadata.camera_make.empty());
  if (photo.format != ImageFormat::Bmp) {
    EXPECT_TRUE(exiv2_keys(stored.bytes).empty());
  }
  return stored;
}

// JPEG: a marker segment (0xFF, marker, big-endian length, payload).
Bytes segment(unsigned marker, const std::string& payload) {
  const std::size_t len = payload.size() + 2;
  Bytes s(len + 2);
  s[0] = 0xFF, s[1] = std::uint8_t(marker), s[2] = std::uint8_t(len >> 8), s[3] = std::uint8_t(len);
  std::copy(payload.begin(), payload.end(), s.begin() + 4);
  return s;
}
Bytes insert_at(Bytes b, std::size_t at, const Bytes& what) {
  b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), what.begin(), what.end());
  return b;
}
std::size_t find(const Bytes& b, const Bytes& what, std::size_t from = 0) {
  const auto it = std::search(b.begin() + static_cast<std::ptrdiff_t>(from), b.end(), what.begin(), what.end());
  return it == b.end() ? std::string::npos : static_cast<std::size_t>(it - b.begin());
}
// Offset of the first segment with `marker` before the first scan (walks the segments, since a
// JPEG thumbnail inside APP1 holds its own DQT/SOS); npos if none.
std::size_t segment_at(const Bytes& jpeg, unsigned marker) {
  for (std::size_t pos = 2; pos + 4 <= jpeg.size() && jpeg[pos] == 0xFF;) {
    if (jpeg[pos + 1] == marker) return pos;
    if (jpeg[pos + 1] == 0xDA) break;
    pos += 2 + ((std::size_t(jpeg[pos + 2]) << 8) | jpeg[pos + 3]);
  }
  return std::string::npos;
}
// From the first SOS marker to the end of EOI (0xFF 0xD9 never occurs inside entropy-coded data).
Bytes scan_data(const Bytes& jpeg) {
  const std::size_t sos = segment_at(jpeg, 0xDA);
  const std::size_t eoi = sos == std::string::npos ? sos : find(jpeg, {0xFF, 0xD9}, sos);
  if (eoi == std::string::npos) return {};
  return Bytes(jpeg.begin() + static_cast<std::ptrdiff_t>(sos), jpeg.begin() + static_cast<std::ptrdiff_t>(eoi + 2));
}

std::vector<std::string> png_chunk_types(const Bytes& png) {
  std::vector<std::string> types;
  for (std::size_t pos = 8; pos + 12 <= png.size();) {
    const std::size_t len = (std::size_t(png[pos]) << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
    types.emplace_back(reinterpret_cast<const char*>(png.data() + pos + 4), 4);
    pos += 12 + len;
  }
  return types;
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

const Bytes& plain_jpeg() {
  static const Bytes b = encode(pattern_bgr(40, 24), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
  return b;
}

TEST(PhotoSanitize, JpegAllEightOrientationsKeepScansAndLoseMetadata) {
  for (int o = 1; o <= 8; ++o) {
    SCOPED_TRACE("orientation " + std::to_string(o));
    const Bytes tagged = with_private_metadata(plain_jpeg(), o);
    ASSERT_TRUE(contains_bytes(tagged, kSerial) && contains_bytes(tagged, kOwner) && contains_bytes(tagged, kMake));
    ASSERT_TRUE(contains_bytes(tagged, gps_bytes(true)) || contains_bytes(tagged, gps_bytes(false)));
    ASSERT_EQ(import_photo(tagged, "t").orientation, o);
    ASSERT_TRUE(import_photo(tagged, "t").metadata.has_thumbnail);
    const StoredPhoto stored = sanitize_checked(tagged, false);
    EXPECT_EQ(import_photo(stored.bytes, "s").orientation, o);
    const Bytes scans = scan_data(tagged);
    ASSERT_GT(scans.size(), 100u);
    EXPECT_EQ(scan_data(stored.bytes), scans);
    EXPECT_LT(stored.bytes.size(), tagged.size());
  }
}

TEST(PhotoSanitize, JpegKeepsIccAndJfifDropsEveryOtherSegmentAndTrailer) {
  // ICC profile: a 132-byte profile header with no tags, in one APP2 chunk.
  std::string icc(132, '\0');
  icc[3] = char(132);
  std::memcpy(&icc[36], "acsp", 4);
  icc.replace(40, 4, "ICCX");  // a marker to find again
  const Bytes app2 = segment(0xE2, std::string("ICC_PROFILE\0\x01\x01", 14) + icc);
  Bytes extra;
  for (const Bytes& s : {segment(0xE0, std::string("JFXX\0\x10", 6) + kOwner), segment(0xE1, std::string("http://ns.adobe.com/xap/1.0/\0", 29) + kOwner),
                         segment(0xED, std::string("Photoshop 3.0\0", 14) + kOwner), segment(0xE2, std::string("MPF\0", 4) + kOwner),
                         segment(0xEF, kOwner), segment(0xFE, kOwner), app2})
    extra.insert(extra.end(), s.begin(), s.end());
  Bytes tagged = with_private_metadata(plain_jpeg(), 6);
  const std::size_t app0 = segment_at(tagged, 0xE0);
  ASSERT_EQ(app0, 2u);  // libjpeg writes JFIF first
  const std::size_t app0_end = app0 + 2 + ((tagged[app0 + 2] << 8) | tagged[app0 + 3]);
  tagged.erase(tagged.begin() + 2, tagged.begin() + static_cast<std::ptrdiff_t>(app0_end));
  // JFIF 1.02 with a 2x1 RGB thumbnail ("THUMBS"), then the other segments before DQT.
  const Bytes jfif = segment(0xE0, std::string("JFIF\0\x01\x02\0\0\x01\0\x01\x02\x01", 14) + "THUMBS");
  tagged = insert_at(tagged, segment_at(tagged, 0xDB), extra);
  tagged = insert_at(tagged, 2, jfif);
  tagged.insert(tagged.end(), kOwner, kOwner + std::strlen(kOwner));  // a trailer after EOI

  const StoredPhoto stored = sanitize_checked(tagged, false);
  EXPECT_EQ(scan_data(stored.bytes), scan_data(plain_jpeg()));
  EXPECT_NE(find(stored.bytes, app2), std::string::npos) << "the ICC profile segment must be kept verbatim";
  EXPECT_EQ(stored.bytes[2], 0xFF);
  EXPECT_EQ(stored.bytes[3], 0xE0);  // JFIF first, without its thumbnail
  EXPECT_FALSE(contains_bytes(stored.bytes, "THUMBS"));
  for (const char* gone : {"JFXX", "http://ns.adobe", "Photoshop", "MPF"}) EXPECT_FALSE(contains_bytes(stored.bytes, gone)) << gone;
  EXPECT_EQ(stored.bytes[stored.bytes.size() - 2], 0xFF);
  EXPECT_EQ(stored.bytes.back(), 0xD9);
}

TEST(PhotoSanitize, ProgressiveJpegLosesCommentsBetweenScans) {
  const Bytes prog = encode(pattern_bgr(48, 32), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 90, cv::IMWRITE_JPEG_PROGRESSIVE, 1});
  const std::size_t second_sos = find(prog, {0xFF, 0xDA}, find(prog, {0xFF, 0xDA}) + 2);
  ASSERT_NE(second_sos, std::string::npos);
  const Bytes tagged = insert_at(prog, second_sos, segment(0xFE, kOwner));
  const StoredPhoto stored = sanitize_checked(tagged, false);
  EXPECT_EQ(scan_data(stored.bytes), scan_data(prog));
}

TEST(PhotoSanitize, CmykJpegKeepsAdobeTransform) {
  std::vector<std::uint8_t> cmyk;
  for (int i = 0; i < 4 * 3 * 4; ++i) cmyk.push_back(static_cast<std::uint8_t>(30 + (i * 37) % 200));
  Bytes ycck = cmyk_jpeg(4, 3, cmyk);
  ASSERT_EQ(std::string(ycck.begin() + 6, ycck.begin() + 11), "Adobe");
  ycck[17] = 2;  // Adobe transform 2: the same data read as YCCK, so the marker decides the colours
  ASSERT_FALSE(same_pixels(import_photo(ycck, "y").image, import_photo(cmyk_jpeg(4, 3, cmyk), "c").image));
  for (const Bytes& plain : {cmyk_jpeg(4, 3, cmyk), ycck}) {
    const Bytes tagged = insert_at(jpeg_with_app1(plain, exif_block(6)), 2, segment(0xFE, kOwner));
    const ImportedPhoto photo = import_photo(tagged, "cmyk");
    ASSERT_TRUE(has(photo.conversions, "cmyk"));
    ASSERT_EQ(photo.orientation, 6);
    const StoredPhoto stored = sanitize_checked(tagged, false);
    EXPECT_TRUE(contains_bytes(stored.bytes, "Adobe"));
    EXPECT_EQ(scan_data(stored.bytes), scan_data(plain));
  }
}

TEST(PhotoSanitize, PngDropsTextExifTimeAndPrivateChunks) {
  Bytes png = with_private_metadata(encode(pattern_bgr(30, 20), ".png"));
  ASSERT_TRUE(import_photo(png, "t").metadata.has_gps);  // exiv2 stores Exif in a compressed zTXt
  png = png_with_chunk(png, "tEXt", text_chunk("Author", kOwner));
  Bytes itxt = text("Author");
  itxt.insert(itxt.end(), 5, 0);  // keyword end, no compression, method, empty language and translated keyword
  const Bytes serial = text(kSerial);
  itxt.insert(itxt.end(), serial.begin(), serial.end());
  png = png_with_chunk(png, "iTXt", itxt);
  png = png_with_chunk(png, "tIME", Bytes{0x07, 0xE8, 5, 1, 10, 20, 30});
  png = png_with_chunk(png, "eXIf", exif_block(1));
  png = png_with_chunk(png, "prVt", text(kMake));
  png = png_with_chunk(png, "gAMA", Bytes{0, 0, 0xB1, 0x8F});
  png.insert(png.end(), kOwner, kOwner + std::strlen(kOwner));  // after IEND
  for (const char* s : {kOwner, kSerial, kMake}) ASSERT_TRUE(contains_bytes(png, s)) << s;
  const StoredPhoto stored = sanitize_checked(png, false);
  const auto types = png_chunk_types(stored.bytes);
  for (const char* gone : {"tEXt", "iTXt", "zTXt", "eXIf", "tIME", "prVt"}) EXPECT_FALSE(has(types, gone)) << gone;
  EXPECT_TRUE(has(types, "gAMA"));
  EXPECT_EQ(types.back(), "IEND");
  EXPECT_EQ(std::string(stored.bytes.end() - 8, stored.bytes.end() - 4), "IEND");
}

TEST(PhotoSanitize, SixteenBitPngIsChunkFiltered) {
  cv::Mat m16(12, 18, CV_16UC3);
  for (int y = 0; y < m16.rows; ++y)
    for (int x = 0; x < m16.cols; ++x)
      m16.at<cv::Vec3w>(y, x) = cv::Vec3w(std::uint16_t(x * 3000 + 7), std::uint16_t(y * 5000 + 300), std::uint16_t((x * y * 911) & 0xFFFF));
  const Bytes png = png_with_chunk(encode(m16, ".png"), "tEXt", text_chunk("Author", kOwner));
  ASSERT_TRUE(has(import_photo(png, "deep").conversions, "16-bit"));
  const StoredPhoto stored = sanitize_checked(png, false);
  EXPECT_TRUE(has(import_photo(stored.bytes, "s").conversions, "16-bit"));
}

TEST(PhotoSanitize, OrientedPngWebpTiffBmpAreReencoded) {
  const cv::Mat bgr = pattern_bgr(40, 24);
  const Bytes webp = encode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 90});
  std::vector<Bytes> inputs = {
      png_with_chunk(png_with_chunk(encode(bgr, ".png"), "eXIf", exif_block(6)), "tEXt", text_chunk("Author", kOwner)),
      webp_with_exif(webp, 40, 24, exif_block(7)),
      with_private_metadata(encode(bgr, ".tiff")),
      tiff_with_orientation(encode(bgr, ".tiff"), 5),
      encode(bgr, ".bmp")};
  try {
    inputs.push_back(with_private_metadata(webp));
  } catch (const std::exception& e) {
    ADD_FAILURE() << "exiv2 could not tag the WebP fixture: " << e.what();
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    SCOPED_TRACE("input " + std::to_string(i));
    const StoredPhoto stored = sanitize_checked(inputs[i], true);
    EXPECT_EQ(png_chunk_types(stored.bytes), (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
  }
  EXPECT_TRUE(import_photo(inputs[2], "t").metadata.has_serial_number);  // the TIFF fixture is really tagged
}

TEST(PhotoSanitize, BytesOfAnotherPhotoAreRejected) {
  const Bytes tagged = with_private_metadata(plain_jpeg(), 3);
  const ImportedPhoto photo = import_photo(tagged, "t");
  EXPECT_THROW(sanitize_for_storage(plain_jpeg(), photo), Error);
  EXPECT_THROW(sanitize_for_storage(Bytes(tagged.begin(), tagged.end() - 1), photo), Error);
}

TEST(PhotoSanitize, FiltersRejectDamagedStructureWithoutCrashing) {
  const Bytes jpeg = with_private_metadata(plain_jpeg(), 6);
  const Bytes png = with_private_metadata(encode(pattern_bgr(30, 20), ".png"));
  ASSERT_TRUE(detail::filter_jpeg(jpeg.data(), jpeg.size(), 6));
  ASSERT_TRUE(detail::filter_png(png.data(), png.size()));
  // Every truncation (heap-allocated copies, so ASan would see an over-read).
  for (std::size_t n = 0; n < jpeg.size(); ++n) {
    const Bytes cut(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(detail::filter_jpeg(cut.data(), cut.size(), 6)) << n;
  }
  for (std::size_t n = 0; n < png.size(); ++n) {
    const Bytes cut(png.begin(), png.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(detail::filter_png(cut.data(), cut.size())) << n;
  }
  // Segment and chunk lengths that point outside the file or below the minimum.
  Bytes bad = jpeg;
  bad[4] = 0xFF, bad[5] = 0xFF;
  EXPECT_FALSE(detail::filter_jpeg(bad.data(), bad.size(), 1));
  bad[4] = 0, bad[5] = 1;
  EXPECT_FALSE(detail::filter_jpeg(bad.data(), bad.size(), 1));
  bad = png;
  bad[8] = 0x7F;
  EXPECT_FALSE(detail::filter_png(bad.data(), bad.size()));
  EXPECT_FALSE(detail::filter_png(png_with_chunk(png, "QQQQ", {1}).data(), png.size() + 13));  // unknown critical chunk
  const Bytes unknown_marker = insert_at(jpeg, 2, segment(0xF0, "x"));
  EXPECT_FALSE(detail::filter_jpeg(unknown_marker.data(), unknown_marker.size(), 1));
  // Random byte damage: any answer, never a crash; an answer is a JPEG no larger than needed.
  std::mt19937 rng(1234);
  for (int i = 0; i < 3000; ++i) {
    Bytes b = jpeg;
    for (int k = 0; k < 4; ++k) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
    const auto out = detail::filter_jpeg(b.data(), b.size(), 1 + i % 8);
    if (out) {
      EXPECT_LE(out->size(), b.size() + 64);
    }
    Bytes p = png;
    for (int k = 0; k < 4; ++k) p[rng() % p.size()] = static_cast<std::uint8_t>(rng());
    const auto pout = detail::filter_png(p.data(), p.size());
    if (pout) {
      EXPECT_LE(pout->size(), p.size());
    }
  }
}

}  // namespace
}  // namespace rashisa::media

#pragma GCC diagnostic pop
