#pragma once
// Read-only memory mapping of a whole file (POSIX mmap / Win32 file mapping).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace rashisa::model_io {

class MappedFile {
 public:
  /// Maps the file read-only. Throws rashisa::Error (FileNotFound, FileRead).
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::uint8_t* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  MappedFile() = default;
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  std::filesystem::path path_;
#ifdef _WIN32
  void* file_ = nullptr;
  void* mapping_ = nullptr;
#endif
};

}  // namespace rashisa::model_io
