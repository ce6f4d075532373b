#pragma once
// Photo intake: bytes in, 8-bit RGB pixels with EXIF orientation applied out.
// Public header: no OpenCV or exiv2 types.
//
// The path of a photo is never handed to a decoding library. The caller reads the file
// (or the project database blob) and passes its bytes; the bytes are identified by magic
// numbers against an allow-list (JPEG, PNG, WebP, TIFF, BMP), the pixel size is read from
// the header by our own probe and capped before anything is decoded, and completeness is
// checked (OpenCV 4.6 silently fills a truncated JPEG with grey). Only then do OpenCV decode
// the pixels and exiv2 read the metadata, both from memory. See ../shared/RELIABILITY.md §3.
#include "engine/core/error.h"
#include "engine/core/no_qt.h"
#include "engine/media/image_file.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::media {

enum class ImageFormat { Jpeg, Png, Webp, Tiff, Bmp };

/// "jpeg", "png", "webp", "tiff", "bmp".
const char* image_format_name(ImageFormat format);

enum class MediaFault {
  Empty,        // zero bytes
  NotAnImage,   // no image signature we know (a text file named .jpg, random bytes, a video)
  Unsupported,  // an image we do not read (HEIC/AVIF, GIF, PSD, camera RAW, ...); the message says how to convert
  TooLarge,     // the header claims more pixels than the limits allow (checked before decoding)
  Truncated,    // the file ends before the image data does
  Corrupt,      // the header or the image data are damaged
};

/// Stable identifier ("empty", "not-an-image", "unsupported", "too-large", "truncated", "corrupt").
const char* media_fault_name(MediaFault fault);

/// Every import failure. code() is ErrorCode::FileFormat; fault() says which kind, and what()
/// is an English sentence naming the file and telling the user what to do.
class MediaError : public Error {
 public:
  MediaError(MediaFault fault, const std::string& message) : Error(ErrorCode::FileFormat, message), fault_(fault) {}
  MediaFault fault() const noexcept { return fault_; }

 private:
  MediaFault fault_;
};

struct ImportLimits {
  std::int64_t max_pixels = 100'000'000;  // width * height as stored in the header
  int max_side = 20000;                   // each of width and height
  std::size_t max_bytes = std::size_t(256) << 20;
};

/// What exiv2 found in the photo's metadata. Values are never copied into anything Rashisa
/// writes: the flags exist so the UI can tell the user which private data will not be kept.
struct PhotoMetadata {
  bool read = false;        // false: metadata could not be read (see problem); the pixels are still fine
  std::string problem;      // why reading failed, for logs
  std::string camera_make;  // Exif.Image.Make (or Xmp.tiff.Make), trimmed
  std::string camera_model;
  std::string date_taken;   // as written in the file, e.g. "2024:05:01 10:20:30"
  bool has_gps = false;              // Exif.GPSInfo.*, Xmp.exif.GPS*
  bool has_serial_number = false;    // body / lens / maker-note serial numbers
  bool has_owner_name = false;       // camera owner, artist, creator, by-line, copyright holder
  bool has_thumbnail = false;        // embedded preview (may show the uncropped original)
  bool has_other_personal = false;   // descriptions, comments, maker notes, named people or places, edit history
  /// The metadata keys behind the flags above (names only, never values), e.g. "Exif.GPSInfo.GPSLatitude".
  std::vector<std::string> private_keys;
};

struct ImportedPhoto {
  RgbImage image;               // 8-bit RGB, EXIF orientation applied, as the user sees the photo
  std::string sha256;           // lower-case hex of the original bytes
  ImageFormat format = ImageFormat::Jpeg;
  int original_width = 0;       // as stored in the file, before orientation
  int original_height = 0;
  int orientation = 1;          // EXIF orientation (1..8) that was applied; 1 = none
  PhotoMetadata metadata;
  /// Conversions done to reach 8-bit RGB, as stable codes: "grayscale", "alpha-on-white",
  /// "16-bit", "float", "cmyk", "first-frame-only".
  std::vector<std::string> conversions;
};

/// Identifies, checks and decodes one photo. `file_name` is used in messages only.
/// Throws MediaError. A metadata failure never fails the import (metadata.read = false).
/// Transparent pixels are composited on white (product photos are usually cut out on white;
/// dropping alpha would reveal whatever colour the editor left under transparent pixels).
ImportedPhoto import_photo(const std::vector<std::uint8_t>& bytes, const std::string& file_name,
                           const ImportLimits& limits = {});
ImportedPhoto import_photo(const std::uint8_t* data, std::size_t size, const std::string& file_name,
                           const ImportLimits& limits = {});

}  // namespace rashisa::media
