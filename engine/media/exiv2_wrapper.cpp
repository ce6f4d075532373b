#include "engine/media/exiv2_wrapper_p.h"

#include "engine/core/exiv2_lock.h"

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>

#include "engine/core/exiv2_compat.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace rashisa::media::detail {
namespace {

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    Exiv2::XmpParser::initialize();
  });
}

exiv2_compat::ImageTypeId exiv2_type_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: return Exiv2::ImageType::jpeg;
    case ImageFormat::Png: return Exiv2::ImageType::png;
    case ImageFormat::Webp: return Exiv2::ImageType::webp;
    case ImageFormat::Tiff: return Exiv2::ImageType::tiff;
    case ImageFormat::Bmp: return Exiv2::ImageType::none;  // BMP carries no EXIF/XMP worth reading
  }
  return Exiv2::ImageType::none;
}

bool has_prefix(const std::string& s, const char* p) { return s.compare(0, std::strlen(p), p) == 0; }
bool contains(const std::string& s, const char* p) { return s.find(p) != std::string::npos; }

// Printable text only, trimmed, bounded: these strings end up in the UI.
std::string clean(const std::string& raw) {
  std::string out;
  for (char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0) break;
    if (u >= 0x20 && u != 0x7F) out.push_back(c);
    if (out.size() >= 100) break;
  }
  const auto b = out.find_first_not_of(' ');
  const auto e = out.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

enum class Kind { None, Gps, Serial, Owner, Thumbnail, Other };

// Classifies a metadata key (RELIABILITY.md §5, "personal metadata to strip on import").
Kind classify(const std::string& key) {
  if (has_prefix(key, "Exif.GPSInfo.") || has_prefix(key, "Xmp.exif.GPS")) return Kind::Gps;
  if (contains(key, "Serial")) return Kind::Serial;
  if (contains(key, "OwnerName") || key == "Exif.Image.Artist" || key == "Exif.Image.Copyright" ||
      key == "Exif.Image.XPAuthor" || has_prefix(key, "Xmp.dc.creator") || has_prefix(key, "Xmp.dc.rights") ||
      key == "Xmp.tiff.Artist" || has_prefix(key, "Xmp.iptc.CreatorContactInfo") || key == "Xmp.photoshop.Credit" ||
      key == "Xmp.photoshop.AuthorsPosition" || key == "Iptc.Application2.Byline" ||
      key == "Iptc.Application2.BylineTitle" || key == "Iptc.Application2.Copyright" || key == "Iptc.Application2.Credit")
    return Kind::Owner;
  if (has_prefix(key, "Exif.Thumbnail.") || has_prefix(key, "Xmp.xmp.Thumbnails")) return Kind::Thumbnail;
  static const char* const other[] = {
      "Exif.Image.ImageDescription", "Exif.Photo.UserComment", "Exif.Photo.MakerNote", "Exif.MakerNote.",
      "Exif.Photo.ImageUniqueID", "Exif.Image.XPComment", "Exif.Image.XPSubject", "Exif.Image.XPKeywords",
      "Exif.Image.XPTitle", "Xmp.dc.description", "Xmp.dc.title", "Xmp.exif.UserComment",
      "Xmp.iptcExt.PersonInImage", "Xmp.iptcExt.LocationCreated", "Xmp.iptcExt.LocationShown", "Xmp.mwg-rs.Regions",
      "Xmp.MP.RegionInfo", "Xmp.MPRI.", "Xmp.xmpMM.History", "Xmp.xmpMM.DerivedFrom", "Xmp.photoshop.City",
      "Xmp.photoshop.State", "Xmp.photoshop.Country", "Xmp.iptc.Location", "Xmp.iptc.CountryCode",
      "Iptc.Application2.City", "Iptc.Application2.SubLocation", "Iptc.Application2.ProvinceState",
      "Iptc.Application2.CountryName", "Iptc.Application2.CountryCode", "Iptc.Application2.Caption",
      "Iptc.Application2.Writer", "Iptc.Application2.Contact"};
  for (const char* p : other)
    if (has_prefix(key, p)) return Kind::Other;
  return Kind::None;
}

void note_key(PhotoMetadata& m, const std::string& key) {
  switch (classify(key)) {
    case Kind::None: return;
    case Kind::Gps: m.has_gps = true; break;
    case Kind::Serial: m.has_serial_number = true; break;
    case Kind::Owner: m.has_owner_name = true; break;
    case Kind::Thumbnail: m.has_thumbnail = true; break;
    case Kind::Other: m.has_other_personal = true; break;
  }
  if (m.private_keys.size() < 256 && std::find(m.private_keys.begin(), m.private_keys.end(), key) == m.private_keys.end())
    m.private_keys.push_back(key);
}

template <typename Data>
std::string first_of(const Data& data, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    for (const auto& datum : data) {
      if (datum.key() == k) {
        const std::string v = clean(datum.toString());
        if (!v.empty()) return v;
      }
    }
  }
  return {};
}

void read_locked(const std::uint8_t* data, std::size_t size, ImageFormat format, PhotoMetadata& m) {
  const auto expected = exiv2_type_of(format);
  if (expected == Exiv2::ImageType::none) {
    m.read = true;
    return;
  }
  if (exiv2_compat::type_of(data, size) != expected) {
    m.problem = "exiv2 does not recognise the file as the same format";
    return;
  }
  auto image = exiv2_compat::open(data, size);
  if (!image.get()) {
    m.problem = "exiv2 could not open the file";
    return;
  }
  image->readMetadata();
  const Exiv2::ExifData& exif = image->exifData();
  const Exiv2::XmpData& xmp = image->xmpData();
  const Exiv2::IptcData& iptc = image->iptcData();
  for (const auto& d : exif) note_key(m, d.key());
  for (const auto& d : xmp) note_key(m, d.key());
  for (const auto& d : iptc) note_key(m, d.key());
  const Exiv2::ExifThumbC thumb(exif);
  if (std::strlen(thumb.mimeType()) != 0) m.has_thumbnail = true;
  m.camera_make = first_of(exif, {"Exif.Image.Make"});
  if (m.camera_make.empty()) m.camera_make = first_of(xmp, {"Xmp.tiff.Make"});
  m.camera_model = first_of(exif, {"Exif.Image.Model"});
  if (m.camera_model.empty()) m.camera_model = first_of(xmp, {"Xmp.tiff.Model"});
  m.date_taken = first_of(exif, {"Exif.Photo.DateTimeOriginal", "Exif.Image.DateTimeOriginal", "Exif.Image.DateTime"});
  if (m.date_taken.empty()) m.date_taken = first_of(xmp, {"Xmp.exif.DateTimeOriginal", "Xmp.photoshop.DateCreated", "Xmp.xmp.CreateDate"});
  m.read = true;
}

}  // namespace

std::mutex& exiv2_mutex() { return rashisa::exiv2_mutex(); }  // shared with engine/export

PhotoMetadata read_metadata(const std::uint8_t* data, std::size_t size, ImageFormat format) noexcept {
  PhotoMetadata m;
  try {
    std::lock_guard<std::mutex> lock(exiv2_mutex());
    init_once();
    read_locked(data, size, format, m);
  } catch (const std::exception& e) {
    m = PhotoMetadata{};
    m.problem = clean(std::string("exiv2: ") + e.what());
  } catch (...) {
    m = PhotoMetadata{};
    m.problem = "exiv2: unknown failure";
  }
  return m;
}

}  // namespace rashisa::media::detail
