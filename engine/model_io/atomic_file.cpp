#include "engine/model_io/atomic_file.h"

#include "engine/core/error.h"

#include <algorithm>
#include <string>
#include <system_error>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#endif

namespace rashisa::model_io {

namespace {

// One write call moves at most this much; both Linux and Win32 cap single writes below 2 GiB.
constexpr std::size_t kChunk = std::size_t(1) << 30;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, const std::string& why) {
  throw Error(ErrorCode::FileWrite, "cannot " + what + " " + path.u8string() + ": " + why);
}

#ifdef _WIN32
std::string last_error() { return "Windows error " + std::to_string(GetLastError()); }
#else
std::string last_error() { return std::strerror(errno); }
#endif

}  // namespace

AtomicFile::AtomicFile(const std::filesystem::path& target) : target_(target), tmp_(target) {
  tmp_ += ".tmp";
#ifdef _WIN32
  HANDLE h = CreateFileW(tmp_.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) fail(tmp_, "create", last_error());
  handle_ = h;
#else
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) fail(tmp_, "create", last_error());
#endif
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  close_quietly();
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
}

void AtomicFile::close_quietly() noexcept {
#ifdef _WIN32
  if (handle_) CloseHandle(static_cast<HANDLE>(handle_));
  handle_ = nullptr;
#else
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
#endif
}

void AtomicFile::write(const void* data, std::size_t size) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const std::size_t n = std::min(size, kChunk);
#ifdef _WIN32
    DWORD written = 0;
    if (!WriteFile(static_cast<HANDLE>(handle_), p, static_cast<DWORD>(n), &written, nullptr) || written == 0)
      fail(tmp_, "write", last_error() + " (is the disk full?)");
#else
    const ssize_t written = ::write(fd_, p, n);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) fail(tmp_, "write", (written < 0 ? last_error() : std::string("nothing written")) + " (is the disk full?)");
#endif
    p += written;
    size -= static_cast<std::size_t>(written);
  }
}

void AtomicFile::commit() {
#ifdef _WIN32
  // Ref: https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefileexw (WRITE_THROUGH
  // returns only once the rename is on disk; there is no directory handle to flush on Win32).
  if (!FlushFileBuffers(static_cast<HANDLE>(handle_))) fail(tmp_, "flush", last_error());
  close_quietly();
  if (!MoveFileExW(tmp_.c_str(), target_.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    fail(target_, "replace", last_error() + " (is the file open in another program?)");
#else
  // The data must be on disk before the rename makes it visible, or a power cut can leave
  // a renamed but empty file (ext4 data=writeback, XFS, ...).
  if (::fsync(fd_) != 0) fail(tmp_, "flush", last_error());
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) fail(tmp_, "close", last_error());
  if (::rename(tmp_.c_str(), target_.c_str()) != 0) fail(target_, "replace", last_error());
  committed_ = true;
  // Persist the directory entry too. Some file systems refuse to fsync a directory;
  // the file itself is complete by now, so that is not an error.
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
#endif
  committed_ = true;
}

}  // namespace rashisa::model_io
