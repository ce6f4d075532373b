#include "engine/store/file_ops.h"

#include "engine/store/store_error.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace fs = std::filesystem;

namespace rashisa::store::files {
namespace {

[[noreturn]] void io_fail(const std::string& what, const fs::path& path, int err) {
  const StoreFault f = (err == ENOSPC || err == EFBIG) ? StoreFault::DiskFull
                       : (err == EACCES || err == EROFS || err == EPERM) ? StoreFault::ReadOnly
                                                                          : StoreFault::Io;
  throw StoreError(f, what + " “" + path.u8string() + "”: " + std::strerror(err));
}

}  // namespace

fs::path temp_beside(const fs::path& target, const char* tag) {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  const auto seed = static_cast<std::uint64_t>(rd()) ^
                    static_cast<std::uint64_t>(
                        std::chrono::steady_clock::now().time_since_epoch().count()) ^
                    (static_cast<std::uint64_t>(counter++) << 48);
#ifdef _WIN32
  const unsigned long pid = GetCurrentProcessId();
#else
  const unsigned long pid = static_cast<unsigned long>(getpid());
#endif
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, "%s-%lu-%016llx", tag, pid,
                static_cast<unsigned long long>(seed));
  fs::path dir = target.parent_path();
  return dir / fs::u8path("." + target.filename().u8string() + "." + suffix);
}

void fsync_file(const fs::path& path) {
#ifdef _WIN32
  HANDLE h = CreateFileW(path.wstring().c_str(), GENERIC_WRITE, FILE_SHARE_READ, nullptr,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) io_fail("Could not open", path, EIO);
  const BOOL ok = FlushFileBuffers(h);
  CloseHandle(h);
  if (!ok) io_fail("Could not flush", path, EIO);
#else
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_fail("Could not open", path, errno);
  int rc;
  do {
    rc = ::fsync(fd);
  } while (rc != 0 && errno == EINTR);
  const int err = errno;
  ::close(fd);
  if (rc != 0) io_fail("Could not flush", path, err);
#endif
}

void fsync_dir(const fs::path& dir) {
#ifndef _WIN32
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY);
  if (fd < 0) return;
  // Some file systems refuse fsync on folders (EINVAL); the rename itself already happened.
  ::fsync(fd);
  ::close(fd);
#else
  (void)dir;
#endif
}

bool move_no_replace(const fs::path& from, const fs::path& to) {
#ifdef _WIN32
  if (MoveFileExW(from.wstring().c_str(), to.wstring().c_str(), MOVEFILE_WRITE_THROUGH)) return true;
  const DWORD e = GetLastError();
  if (e == ERROR_ALREADY_EXISTS || e == ERROR_FILE_EXISTS) return false;
  io_fail("Could not move the new project to", to, EIO);
#else
  // link() fails with EEXIST atomically; file systems without hard links (FAT, exFAT)
  // fall back to check-then-rename.
  if (::link(from.c_str(), to.c_str()) == 0) {
    ::unlink(from.c_str());
    return true;
  }
  const int err = errno;
  if (err == EEXIST) return false;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(to, ec))) return false;
  if (::rename(from.c_str(), to.c_str()) != 0) io_fail("Could not move the new project to", to, errno);
  return true;
#endif
}

void move_replace(const fs::path& from, const fs::path& to) {
#ifdef _WIN32
  if (!MoveFileExW(from.wstring().c_str(), to.wstring().c_str(),
                   MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    io_fail("Could not replace", to, EIO);
  }
#else
  if (::rename(from.c_str(), to.c_str()) != 0) io_fail("Could not replace", to, errno);
#endif
}

void remove_quietly(const fs::path& path) noexcept {
  std::error_code ec;
  fs::remove(path, ec);
  fs::path journal = path;
  journal += "-journal";
  fs::remove(journal, ec);
}

std::optional<std::array<std::uint8_t, 100>> read_header(const fs::path& path, bool& readable) {
  std::ifstream in(path, std::ios::binary);
  readable = static_cast<bool>(in);
  if (!in) return std::nullopt;
  std::array<std::uint8_t, 100> h{};
  in.read(reinterpret_cast<char*>(h.data()), static_cast<std::streamsize>(h.size()));
  if (in.gcount() != static_cast<std::streamsize>(h.size())) return std::nullopt;
  return h;
}

std::string os_user_name() {
  for (const char* var : {"USER", "USERNAME", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

}  // namespace rashisa::store::files
