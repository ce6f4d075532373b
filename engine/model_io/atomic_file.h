#pragma once
// Crash-safe replacement of a file: write "<target>.tmp", flush it to the disk,
// rename it over the target, then flush the directory entry (POSIX). A crash or
// an error at any point leaves either the old file or the new one, never a mix.
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
  void close_quietly() noexcept;

  std::filesystem::path target_;
  std::filesystem::path tmp_;
#ifdef _WIN32
  void* handle_ = nullptr;
#else
  int fd_ = -1;
#endif
  bool committed_ = false;
};

}  // namespace rashisa::model_io
