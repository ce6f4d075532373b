#pragma once
// Read-only memory mapping of a whole file (engine/platform: POSIX mmap / Win32 file mapping).
#include "engine/platform/platform.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace rashisa::model_io {

class MappedFile {
 public:
  /// Maps the file read-only. Throws rashisa::Error (FileNotFound, FileRead).
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::uint8_t* data() const noexcept { return view_.data(); }
  std::size_t size() const noexcept { return view_.size(); }
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  MappedFile() = default;
  platform::MappedView view_;
  std::filesystem::path path_;
};

}  // namespace rashisa::model_io
