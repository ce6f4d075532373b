#pragma once
// Writing and reading 8-bit RGB images. Public header: no OpenCV types.
#include "engine/core/no_qt.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rashisa::media {

/// Interleaved 8-bit RGB, row-major, no padding.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 3
};

/// PNG bytes of `image` (no metadata chunks: nothing from an input photo's EXIF/XMP can reach
/// them). Throws Error(InvalidArgument) if the buffer does not match the size.
std::vector<std::uint8_t> encode_png(const RgbImage& image);

/// A PNG thumbnail whose longer side is at most `max_side` (area-averaged; never enlarged),
/// with no metadata. Throws Error(InvalidArgument) for a bad image or max_side < 1.
std::vector<std::uint8_t> make_thumbnail_png(const RgbImage& image, int max_side = 256);

/// Encodes PNG and writes it to a temporary name beside `path`, then renames it over
/// `path`, so an interrupted write never leaves a half file. Throws Error(FileWrite).
void write_png(const std::filesystem::path& path, const RgbImage& image);

/// Reads the file's bytes and imports them with import_photo (photo_import.h): 8-bit RGB with
/// the EXIF orientation applied, alpha on white. Throws Error(FileNotFound / FileRead) or
/// MediaError (code FileFormat). `sha256`, if given, receives the hash of the file's bytes.
RgbImage read_rgb(const std::filesystem::path& path, std::string* sha256 = nullptr);

}  // namespace rashisa::media
