// Win32 side of engine/platform/platform.h. Every call takes the wide (W) form of a path, so
// names outside the ANSI code page work.
#include "engine/platform/platform.h"

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#include <shellapi.h>  // CommandLineToArgvW (shell32)

#include <algorithm>
#include <iterator>
#include <system_error>

namespace rashisa::platform {
namespace fs = std::filesystem;

namespace {

// One WriteFile call moves at most this much; its byte count is a DWORD.
constexpr std::size_t kChunk = std::size_t(1) << 30;

OsError from_win32(DWORD err, const std::string& what = {}) {
  OsFault fault = OsFault::Other;
  switch (err) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND: fault = OsFault::NotFound; break;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS: fault = OsFault::AlreadyExists; break;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION: fault = OsFault::AccessDenied; break;
    case ERROR_WRITE_PROTECT: fault = OsFault::ReadOnly; break;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: fault = OsFault::DiskFull; break;
    default: break;
  }
  const std::string code = "Windows error " + std::to_string(err);
  return {fault, static_cast<int>(err), what.empty() ? code : what + " (" + code + ")"};
}

HANDLE handle_of(std::intptr_t h) { return reinterpret_cast<HANDLE>(h); }

std::string to_utf8(const wchar_t* text) {
  const int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (n <= 1) return {};
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), n, nullptr, nullptr);
  out.resize(static_cast<std::size_t>(n) - 1);  // the terminating NUL
  return out;
}

}  // namespace

// ---------------------------------------------------------------- MappedView

MappedView MappedView::open(const fs::path& path, OsError& error) {
  error = {};
  HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    const DWORD err = GetLastError();
    std::error_code ec;
    if (err == ERROR_ACCESS_DENIED && fs::is_directory(path, ec))
      error = {OsFault::NotAFile, 0, "not a regular file"};
    else
      error = from_win32(err, "the file cannot be opened");
    return {};
  }
  MappedView view;
  LARGE_INTEGER size;
  if (!GetFileSizeEx(file, &size)) {
    error = from_win32(GetLastError(), "cannot get the file size");
    CloseHandle(file);
    return {};
  }
  view.size_ = static_cast<std::size_t>(size.QuadPart);
  if (view.size_ > 0) {  // CreateFileMappingW refuses empty files
    HANDLE mapping = CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
    if (mapping) {
      view.data_ = static_cast<const std::uint8_t*>(MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0));
      if (!view.data_) error = from_win32(GetLastError(), "cannot map the file");
      // The view keeps the mapping and the file open until UnmapViewOfFile.
      CloseHandle(mapping);
    } else {
      error = from_win32(GetLastError(), "cannot map the file");
    }
  }
  CloseHandle(file);
  if (error) return {};
  return view;
}

void MappedView::release() noexcept {
  if (data_) UnmapViewOfFile(data_);
  data_ = nullptr;
  size_ = 0;
}

// ---------------------------------------------------------------- File

File File::open(const fs::path& path, Mode mode, OsError& error) {
  error = {};
  HANDLE h = INVALID_HANDLE_VALUE;
  switch (mode) {
    case Mode::Existing:  // FlushFileBuffers needs write access
      h = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ, nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL,
                      nullptr);
      break;
    case Mode::CreateNew:
      h = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
      break;
    case Mode::CreateOrTruncate:
      h = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
      break;
  }
  File f;
  if (h == INVALID_HANDLE_VALUE) {
    error = from_win32(GetLastError());
    return f;
  }
  f.handle_ = reinterpret_cast<std::intptr_t>(h);
  return f;
}

File::~File() {
  if (is_open()) CloseHandle(handle_of(handle_));
}

OsError File::write_all(const void* data, std::size_t size) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const DWORD n = static_cast<DWORD>(std::min(size, kChunk));
    DWORD written = 0;
    if (!WriteFile(handle_of(handle_), p, n, &written, nullptr)) return from_win32(GetLastError());
    if (written == 0) return {OsFault::Other, 0, "nothing written"};
    p += written;
    size -= written;
  }
  return {};
}

OsError File::sync() {
  return FlushFileBuffers(handle_of(handle_)) ? OsError{} : from_win32(GetLastError());
}

OsError File::close() {
  if (!is_open()) return {};
  const BOOL ok = CloseHandle(handle_of(handle_));
  handle_ = -1;
  return ok ? OsError{} : from_win32(GetLastError());
}

// ---------------------------------------------------------------- names

OsError sync_directory(const fs::path& dir) {
  // Ref: https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefileexw
  // (MOVEFILE_WRITE_THROUGH returns once the rename is on disk; there is no folder to flush).
  const DWORD attributes = GetFileAttributesW(dir.empty() ? L"." : dir.c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) return from_win32(GetLastError());
  if (!(attributes & FILE_ATTRIBUTE_DIRECTORY)) return from_win32(ERROR_DIRECTORY);
  return {};
}

OsError replace_file(const fs::path& from, const fs::path& to) {
  if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return {};
  return from_win32(GetLastError());
}

OsError rename_no_replace(const fs::path& from, const fs::path& to) {
  if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_WRITE_THROUGH)) return {};
  return from_win32(GetLastError());
}

// ---------------------------------------------------------------- process and machine

unsigned long process_id() noexcept { return static_cast<unsigned long>(GetCurrentProcessId()); }

std::string user_name() {
  for (const wchar_t* var : {L"USER", L"USERNAME", L"LOGNAME"}) {
    wchar_t buffer[512];
    const DWORD n = GetEnvironmentVariableW(var, buffer, static_cast<DWORD>(std::size(buffer)));
    if (n > 0 && n < std::size(buffer)) return to_utf8(buffer);
  }
  return {};
}

MemoryInfo physical_memory() {
  MemoryInfo m;
  MEMORYSTATUSEX status;
  status.dwLength = sizeof status;
  if (GlobalMemoryStatusEx(&status)) {
    m.total = static_cast<std::int64_t>(status.ullTotalPhys);
    m.available = static_cast<std::int64_t>(status.ullAvailPhys);
  }
  return m;
}

std::string host_name() {
  wchar_t name[256];
  DWORD size = static_cast<DWORD>(std::size(name));
  if (!GetComputerNameExW(ComputerNameDnsHostname, name, &size)) return {};
  return to_utf8(name);
}

// ---------------------------------------------------------------- LockFile

namespace {

// The locked byte lies far past the end, so the holder's details stay readable by others.
// Ref: https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-lockfileex
// ("Locking a region that goes beyond the current end-of-file position is not an error").
constexpr DWORD kLockOffsetHigh = 0x100;  // 1 TiB

OVERLAPPED lock_region() {
  OVERLAPPED region{};
  region.Offset = 0;
  region.OffsetHigh = kLockOffsetHigh;
  return region;
}

}  // namespace

LockFile LockFile::try_lock(const fs::path& path, Outcome& outcome, OsError& error) {
  error = {};
  // Without FILE_SHARE_DELETE nobody can remove the file while any program has it open.
  const HANDLE h = CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    const DWORD err = GetLastError();
    // A holder removing the file right now: it is being released, but not free yet.
    outcome = err == ERROR_SHARING_VIOLATION ? Outcome::Held : Outcome::Failed;
    if (outcome == Outcome::Failed) error = from_win32(err);
    return {};
  }
  OVERLAPPED region = lock_region();
  if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &region)) {
    const DWORD err = GetLastError();
    CloseHandle(h);
    outcome = err == ERROR_LOCK_VIOLATION || err == ERROR_IO_PENDING ? Outcome::Held : Outcome::Failed;
    if (outcome == Outcome::Failed) error = from_win32(err);
    return {};
  }
  LockFile lock;
  lock.handle_ = reinterpret_cast<std::intptr_t>(h);
  outcome = Outcome::Locked;
  return lock;
}

LockFile::~LockFile() {
  if (handle_ != -1) CloseHandle(handle_of(handle_));  // the system drops the lock with the handle
}

std::string LockFile::read_all(OsError& error) const {
  error = {};
  std::string out(64 * 1024, '\0');
  OVERLAPPED at{};  // from offset 0
  DWORD got = 0;
  if (!ReadFile(handle_of(handle_), out.data(), static_cast<DWORD>(out.size()), &got, &at)) {
    const DWORD err = GetLastError();
    if (err != ERROR_HANDLE_EOF) error = from_win32(err);
    got = 0;
  }
  out.resize(got);
  return out;
}

OsError LockFile::replace_contents(const std::string& text) {
  const HANDLE h = handle_of(handle_);
  LARGE_INTEGER zero{};
  if (!SetFilePointerEx(h, zero, nullptr, FILE_BEGIN) || !SetEndOfFile(h)) return from_win32(GetLastError());
  DWORD written = 0;
  if (!text.empty() && !WriteFile(h, text.data(), static_cast<DWORD>(text.size()), &written, nullptr))
    return from_win32(GetLastError());
  if (written != text.size()) return {OsFault::Other, 0, "nothing written"};
  return {};
}

void LockFile::remove_and_unlock(const fs::path& path) noexcept {
  if (handle_ == -1) return;
  OVERLAPPED region = lock_region();
  UnlockFileEx(handle_of(handle_), 0, 1, 0, &region);
  CloseHandle(handle_of(handle_));
  handle_ = -1;
  DeleteFileW(path.c_str());  // fails while another program has it open: then it stays theirs
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  int n = 0;
  LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &n);
  if (!wide) return {argv, argv + argc};
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back(to_utf8(wide[i]));
  LocalFree(wide);
  return out;
}

void use_utf8_console() noexcept { SetConsoleOutputCP(CP_UTF8); }

}  // namespace rashisa::platform
