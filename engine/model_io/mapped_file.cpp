#include "engine/model_io/mapped_file.h"

#include "engine/core/error.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#endif

namespace rashisa::model_io {

namespace {
[[noreturn]] void fail(ErrorCode code, const std::filesystem::path& path, const std::string& why) {
  throw Error(code, "cannot read " + path.u8string() + ": " + why);
}
}  // namespace

#ifdef _WIN32
std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path) {
  std::shared_ptr<MappedFile> f(new MappedFile());
  f->path_ = path;
  HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    const DWORD err = GetLastError();
    fail(err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND ? ErrorCode::FileNotFound
                                                                     : ErrorCode::FileRead,
         path, "the file cannot be opened (Windows error " + std::to_string(err) + ")");
  }
  f->file_ = file;
  LARGE_INTEGER size;
  if (!GetFileSizeEx(file, &size)) fail(ErrorCode::FileRead, path, "cannot get the file size");
  f->size_ = static_cast<std::size_t>(size.QuadPart);
  if (f->size_ == 0) return f;
  HANDLE mapping = CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
  if (!mapping) fail(ErrorCode::FileRead, path, "cannot map the file");
  f->mapping_ = mapping;
  f->data_ = static_cast<const std::uint8_t*>(MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0));
  if (!f->data_) fail(ErrorCode::FileRead, path, "cannot map the file");
  return f;
}

MappedFile::~MappedFile() {
  if (data_) UnmapViewOfFile(data_);
  if (mapping_) CloseHandle(mapping_);
  if (file_) CloseHandle(file_);
}
#else
std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path) {
  std::shared_ptr<MappedFile> f(new MappedFile());
  f->path_ = path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    fail(err == ENOENT ? ErrorCode::FileNotFound : ErrorCode::FileRead, path, std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(ErrorCode::FileRead, path, "not a regular file");
  }
  f->size_ = static_cast<std::size_t>(st.st_size);
  if (f->size_ > 0) {
    void* p = ::mmap(nullptr, f->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      fail(ErrorCode::FileRead, path, std::strerror(err));
    }
    f->data_ = static_cast<const std::uint8_t*>(p);
  }
  ::close(fd);  // the mapping stays valid
  return f;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}
#endif

}  // namespace rashisa::model_io
