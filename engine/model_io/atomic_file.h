#pragma once
// Crash-safe replacement of a file: write "<target>.tmp", flush it to the disk,
// rename it over the target, then flush the directory entry (POSIX). A crash or
// an error at any point leaves either the old file or the new one, never a mix.
#include "engine/platform/platform.h"

#include <cstddef>
#include <filesystem>

namespace rashisa::model_io {

class AtomicFile {
 public:
  /// Creates (truncates) "<target>.tmp". Throws Error(FileWrite).
  explicit AtomicFile(const std::filesystem::path& target);
  /// Without commit(), the temporary file is closed and removed; the target is untouched.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Appends bytes. Throws Error(FileWrite) naming the file and the system's reason.
  void write(const void* data, std::size_t size);
  /// fsync, close, rename over the target, fsync the directory. Throws Error(FileWrite).
  void commit();

  const std::filesystem::path& temp_path() const noexcept { return tmp_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path tmp_;
  platform::File file_;
  bool committed_ = false;
};

/// The whole file at once through AtomicFile. Throws Error(FileWrite).
void write_file_atomically(const std::filesystem::path& target, const void* data, std::size_t size);

}  // namespace rashisa::model_io
