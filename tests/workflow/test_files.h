#pragma once
// Files for photo-intake tests: a fresh folder per test and small PNG photos.
#include "engine/media/image_file.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace rashisa::testing {

/// A fresh folder named after the running test, removed with everything in it afterwards.
class TestFolder {
 public:
  explicit TestFolder(const std::string& prefix)
      : path_(std::filesystem::temp_directory_path() /
              (prefix + "_" + std::to_string(getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TestFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TestFolder(const TestFolder&) = delete;
  TestFolder& operator=(const TestFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes a file (and the folders above it); `rel` is UTF-8.
  std::filesystem::path write(const std::string& rel, const std::vector<std::uint8_t>& bytes = {'x'}) const {
    const auto p = path_ / std::filesystem::u8path(rel);
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
  std::filesystem::path folder(const std::string& rel) const {
    const auto p = path_ / std::filesystem::u8path(rel);
    std::filesystem::create_directories(p);
    return p;
  }

 private:
  std::filesystem::path path_;
};

/// A small PNG whose pixels differ with `seed` (so photos are not duplicates of each other).
inline std::vector<std::uint8_t> pattern_png(int seed, int width = 48, int height = 40) {
  media::RgbImage im{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3)};
  for (std::size_t i = 0; i < im.pixels.size(); ++i) im.pixels[i] = static_cast<std::uint8_t>((i * 13 + seed * 71) % 256);
  return media::encode_png(im);
}

/// The first bytes of a HEIC photo as an iPhone writes it: an ISO-BMFF 'ftyp' box of brand "heic".
inline std::vector<std::uint8_t> heic_bytes() {
  std::vector<std::uint8_t> b = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c',
                                 0, 0, 0, 0,  'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
  b.resize(2048, 0);
  return b;
}

}  // namespace rashisa::testing
