// Metadata: exiv2 (written here, in the test) puts GPS, serial numbers, owner names and a
// thumbnail into photos; import reports them, and nothing Rashisa derives carries them.
#include "engine/media/photo_import.h"
#include "media_fixtures.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <exiv2/exiv2.hpp>

#include "engine/core/exiv2_compat.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace rashisa::media {
namespace {

using namespace testing;

const char* const kSerial = "SN-RASHISA-4242";
const char* const kOwner = "Ada Example-Owner";

struct Exiv2Metadata {
  long exif = 0, xmp = 0, iptc = 0;
};

Exiv2Metadata metadata_of(const Bytes& bytes) {
  auto image = rashisa::exiv2_compat::open(bytes.data(), bytes.size());
  image->readMetadata();
  // count() is long in exiv2 0.27 and size_t in 0.28.
  return {static_cast<long>(image->exifData().count()), static_cast<long>(image->xmpData().count()),
          static_cast<long>(image->iptcData().count())};
}

Bytes with_private_metadata(const Bytes& original, int orientation = 0) {
  Exiv2::XmpParser::initialize();
  auto image = rashisa::exiv2_compat::open(original.data(), original.size());
  image->readMetadata();
  Exiv2::ExifData& exif = image->exifData();
  exif["Exif.Image.Make"] = "RashisaTestCam";
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

TEST(PhotoMetadata, PrivateFieldsAreReportedAndNeverCopied) {
  const Bytes plain = encode(pattern_bgr(64, 40), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
  const Bytes tagged = with_private_metadata(plain);
  ASSERT_TRUE(contains_bytes(tagged, kSerial));  // the fixture really carries them
  ASSERT_TRUE(contains_bytes(tagged, kOwner));

  const ImportedPhoto photo = import_photo(tagged, "holiday.jpg");
  const PhotoMetadata& m = photo.metadata;
  ASSERT_TRUE(m.read) << m.problem;
  EXPECT_EQ(m.camera_make, "RashisaTestCam");
  EXPECT_EQ(m.camera_model, "Model 7");
  EXPECT_EQ(m.date_taken, "2024:05:01 10:20:30");
  EXPECT_TRUE(m.has_gps);
  EXPECT_TRUE(m.has_serial_number);
  EXPECT_TRUE(m.has_owner_name);
  EXPECT_TRUE(m.has_thumbnail);
  EXPECT_NE(std::find(m.private_keys.begin(), m.private_keys.end(), "Exif.GPSInfo.GPSLatitude"), m.private_keys.end());
  EXPECT_NE(std::find(m.private_keys.begin(), m.private_keys.end(), "Exif.Photo.BodySerialNumber"), m.private_keys.end());
  for (const auto& k : m.private_keys) EXPECT_EQ(k.find(kSerial), std::string::npos);  // names, never values

  // Pixels are unchanged by the metadata.
  EXPECT_EQ(photo.image.pixels, import_photo(plain, "plain.jpg").image.pixels);

  // Everything derived: thumbnail, re-encoded PNG bytes, a written PNG file.
  const Bytes thumb = make_thumbnail_png(photo.image, 32);
  const Bytes png = encode_png(photo.image);
  const auto path = std::filesystem::temp_directory_path() / ("rashisa_media_priv_" + std::to_string(::getpid()) + ".png");
  write_png(path, photo.image);
  Bytes written;
  {
    std::ifstream in(path, std::ios::binary);
    written.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(path);
  for (const Bytes* out : std::vector<const Bytes*>{&thumb, &png, &written}) {
    EXPECT_FALSE(contains_bytes(*out, kSerial));
    EXPECT_FALSE(contains_bytes(*out, kOwner));
    EXPECT_FALSE(contains_bytes(*out, "RashisaTestCam"));
    const Exiv2Metadata md = metadata_of(*out);
    EXPECT_EQ(md.exif, 0);
    EXPECT_EQ(md.xmp, 0);
    EXPECT_EQ(md.iptc, 0);
    const ImportedPhoto again = import_photo(*out, "derived.png");
    EXPECT_TRUE(again.metadata.read);
    EXPECT_FALSE(again.metadata.has_gps || again.metadata.has_serial_number || again.metadata.has_owner_name ||
                 again.metadata.has_thumbnail || again.metadata.has_other_personal);
    EXPECT_TRUE(again.metadata.private_keys.empty());
  }
}

TEST(PhotoMetadata, PngMetadataIsReadToo) {
  const Bytes tagged = with_private_metadata(encode(pattern_bgr(30, 20), ".png"));
  const ImportedPhoto photo = import_photo(tagged, "tagged.png");
  ASSERT_TRUE(photo.metadata.read) << photo.metadata.problem;
  EXPECT_TRUE(photo.metadata.has_gps);
  EXPECT_TRUE(photo.metadata.has_serial_number);
  EXPECT_EQ(photo.metadata.camera_make, "RashisaTestCam");
}

TEST(PhotoMetadata, OrientationWrittenByExiv2IsFoundByOurReader) {
  // A full camera-like EXIF block (many tags, GPS IFD, thumbnail) rather than our one-tag block.
  const Bytes plain = encode(pattern_bgr(40, 24), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
  for (int o : {3, 6, 8}) {
    const ImportedPhoto got = import_photo(with_private_metadata(plain, o), "rotated.jpg");
    EXPECT_EQ(got.orientation, o);
    EXPECT_EQ(got.image.width, o == 3 ? 40 : 24);
  }
}

TEST(PhotoMetadata, PlainPhotoHasNoFindings) {
  const ImportedPhoto photo = import_photo(encode(pattern_bgr(30, 20), ".jpg"), "plain.jpg");
  EXPECT_TRUE(photo.metadata.read) << photo.metadata.problem;
  EXPECT_TRUE(photo.metadata.camera_make.empty());
  EXPECT_FALSE(photo.metadata.has_gps || photo.metadata.has_thumbnail || photo.metadata.has_owner_name);
}

}  // namespace
}  // namespace rashisa::media
