// POSIX side of engine/platform/platform.h (Linux, macOS).
#include "engine/platform/platform.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

namespace rashisa::platform {
namespace fs = std::filesystem;

namespace {

// One write call moves at most this much; Linux caps a single write just below 2 GiB.
constexpr std::size_t kChunk = std::size_t(1) << 30;

OsError from_errno(int err) {
  OsFault fault = OsFault::Other;
  switch (err) {
    case ENOENT: fault = OsFault::NotFound; break;
    case EEXIST: fault = OsFault::AlreadyExists; break;
    case EACCES:
    case EPERM: fault = OsFault::AccessDenied; break;
    case EROFS: fault = OsFault::ReadOnly; break;
    case ENOSPC:
    case EFBIG: fault = OsFault::DiskFull; break;
    case EISDIR: fault = OsFault::NotAFile; break;
    default: break;
  }
  return {fault, err, std::strerror(err)};
}

int fd_of(std::intptr_t handle) { return static_cast<int>(handle); }

}  // namespace

// ---------------------------------------------------------------- MappedView

MappedView MappedView::open(const fs::path& path, OsError& error) {
  error = {};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = from_errno(errno);
    return {};
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    error = {OsFault::NotAFile, 0, "not a regular file"};
    return {};
  }
  MappedView view;
  view.size_ = static_cast<std::size_t>(st.st_size);
  if (view.size_ > 0) {
    void* p = ::mmap(nullptr, view.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      error = from_errno(errno);
      ::close(fd);
      return {};
    }
    view.data_ = static_cast<const std::uint8_t*>(p);
  }
  ::close(fd);  // the mapping stays valid
  return view;
}

void MappedView::release() noexcept {
  if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

// ---------------------------------------------------------------- File

File File::open(const fs::path& path, Mode mode, OsError& error) {
  error = {};
  int fd = -1;
  switch (mode) {
    case Mode::Existing: fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); break;
    case Mode::CreateNew: fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666); break;
    case Mode::CreateOrTruncate: fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644); break;
  }
  File f;
  if (fd < 0) {
    error = from_errno(errno);
    return f;
  }
  f.handle_ = fd;
  return f;
}

File::~File() {
  if (handle_ >= 0) ::close(fd_of(handle_));
}

OsError File::write_all(const void* data, std::size_t size) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = ::write(fd_of(handle_), p, std::min(size, kChunk));
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return from_errno(errno);
    if (written == 0) return {OsFault::Other, 0, "nothing written"};
    p += written;
    size -= static_cast<std::size_t>(written);
  }
  return {};
}

OsError File::sync() {
  int rc;
  do {
    rc = ::fsync(fd_of(handle_));
  } while (rc != 0 && errno == EINTR);
  return rc == 0 ? OsError{} : from_errno(errno);
}

OsError File::close() {
  if (handle_ < 0) return {};
  const int rc = ::close(fd_of(handle_));
  handle_ = -1;
  return rc == 0 ? OsError{} : from_errno(errno);
}

// ---------------------------------------------------------------- names

OsError sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return from_errno(errno);
  (void)::fsync(fd);
  ::close(fd);
  return {};
}

OsError replace_file(const fs::path& from, const fs::path& to) {
  return ::rename(from.c_str(), to.c_str()) == 0 ? OsError{} : from_errno(errno);
}

OsError rename_no_replace(const fs::path& from, const fs::path& to) {
  // link() fails with EEXIST atomically; file systems without hard links (FAT, exFAT) fall
  // back to check-then-rename.
  if (::link(from.c_str(), to.c_str()) == 0) {
    ::unlink(from.c_str());
    return {};
  }
  const int err = errno;
  if (err == EEXIST) return from_errno(err);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(to, ec))) return from_errno(EEXIST);
  return replace_file(from, to);
}

// ---------------------------------------------------------------- process and machine

unsigned long process_id() noexcept { return static_cast<unsigned long>(::getpid()); }

std::string user_name() {
  for (const char* var : {"USER", "USERNAME", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return {};
}

MemoryInfo physical_memory() {
  MemoryInfo m;
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page > 0) m.total = static_cast<std::int64_t>(pages) * page;
#if defined(__linux__)
  // MemAvailable counts reclaimable page cache too; _SC_AVPHYS_PAGES would not.
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::int64_t kib = 0;
  while (meminfo >> key >> kib) {
    if (key == "MemAvailable:") {
      m.available = kib * 1024;
      break;
    }
    meminfo.ignore(256, '\n');
  }
#endif
  return m;
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return {};
  return name;
}

// ---------------------------------------------------------------- LockFile

namespace {

/// The open file `fd` is still the one named `path` (its last holder did not remove it).
bool still_named(int fd, const fs::path& path) {
  struct stat open_st {}, named_st {};
  return ::fstat(fd, &open_st) == 0 && ::stat(path.c_str(), &named_st) == 0 && open_st.st_dev == named_st.st_dev &&
         open_st.st_ino == named_st.st_ino;
}

}  // namespace

LockFile LockFile::try_lock(const fs::path& path, Outcome& outcome, OsError& error) {
  error = {};
  // A holder that releases removes the file while still holding it: a file opened just before
  // that is a dead one, so open the new name again (a few times at most).
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      error = from_errno(errno);
      outcome = Outcome::Failed;
      return {};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      const bool renamed = !still_named(fd, path);
      ::close(fd);
      if (err == EINTR || (err == EWOULDBLOCK && renamed)) continue;
      outcome = err == EWOULDBLOCK ? Outcome::Held : Outcome::Failed;
      if (outcome == Outcome::Failed) error = from_errno(err);
      return {};
    }
    if (still_named(fd, path)) {
      LockFile lock;
      lock.handle_ = fd;
      outcome = Outcome::Locked;
      return lock;
    }
    ::close(fd);
  }
  outcome = Outcome::Held;
  return {};
}

LockFile::~LockFile() {
  if (handle_ >= 0) ::close(fd_of(handle_));  // closing the last descriptor drops the flock
}

std::string LockFile::read_all(OsError& error) const {
  error = {};
  std::string out(64 * 1024, '\0');
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::pread(fd_of(handle_), &out[got], out.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = from_errno(errno);
      break;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  out.resize(got);
  return out;
}

OsError LockFile::replace_contents(const std::string& text) {
  if (::ftruncate(fd_of(handle_), 0) != 0) return from_errno(errno);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::pwrite(fd_of(handle_), text.data() + done, text.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? from_errno(errno) : OsError{OsFault::Other, 0, "nothing written"};
    done += static_cast<std::size_t>(n);
  }
  return {};
}

void LockFile::remove_and_unlock(const fs::path& path) noexcept {
  if (handle_ < 0) return;
  if (still_named(fd_of(handle_), path)) ::unlink(path.c_str());
  ::close(fd_of(handle_));
  handle_ = -1;
}

std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

void use_utf8_console() noexcept {}

}  // namespace rashisa::platform
