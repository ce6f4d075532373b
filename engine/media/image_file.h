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

/// Encodes PNG and writes it to a temporary name beside `path`, then renames it over
/// `path`, so an interrupted write never leaves a half file. Throws Error(FileWrite).
void write_png(const std::filesystem::path& path, const RgbImage& image);

/// Decodes an image file into 8-bit RGB with its EXIF orientation applied. Throws
/// Error(FileNotFound / FileFormat). `sha256`, if given, receives the hash of the file's bytes.
RgbImage read_rgb(const std::filesystem::path& path, std::string* sha256 = nullptr);

}  // namespace rashisa::media
