#pragma once
// A fresh temporary folder whose name is Japanese, removed with everything in it afterwards,
// for the tests of paths outside ASCII (and, on Windows, outside the ANSI code page).
#include "engine/platform/platform.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace rashisa::testing {

class UnicodeFolder {
 public:
  /// "<temp>/<utf8_name>-<pid>-<test name>".
  explicit UnicodeFolder(const std::string& utf8_name)
      : path_(std::filesystem::temp_directory_path() /
              std::filesystem::u8path(utf8_name + "-" + std::to_string(platform::process_id()) + "-" +
                                      ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~UnicodeFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  UnicodeFolder(const UnicodeFolder&) = delete;
  UnicodeFolder& operator=(const UnicodeFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// path() / `rel` (UTF-8, '/' separated), its folders created.
  std::filesystem::path folder(const std::string& rel) const {
    const auto p = path_ / std::filesystem::u8path(rel);
    std::filesystem::create_directories(p);
    return p;
  }
  /// Writes `bytes` to path() / `rel` (UTF-8), creating the folders above it.
  std::filesystem::path write(const std::string& rel, const std::vector<std::uint8_t>& bytes) const {
    const auto p = path_ / std::filesystem::u8path(rel);
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << p.u8string();
    return p;
  }

 private:
  std::filesystem::path path_;
};

/// The whole file, or nothing when it cannot be read.
inline std::vector<std::uint8_t> read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The names (UTF-8) directly inside `dir`, sorted.
inline std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().u8string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rashisa::testing
