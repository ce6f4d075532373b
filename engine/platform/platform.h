#pragma once
// The engine's operating-system calls, in one place: platform_posix.cpp or platform_windows.cpp
// (CMake builds the one for the target). Paths stay std::filesystem::path down to the system
// call, so names outside the ANSI code page (Japanese file and folder names) work on Windows,
// where the wide (W) APIs take path::c_str(). No dependencies: a failure comes back as an
// OsError value and each caller turns it into its own typed error and message.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace rashisa::platform {

/// What kind of failure, the same on every system.
enum class OsFault {
  None,
  NotFound,       // ENOENT; ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
  AlreadyExists,  // EEXIST; ERROR_FILE_EXISTS, ERROR_ALREADY_EXISTS
  AccessDenied,   // EACCES, EPERM; ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION
  ReadOnly,       // EROFS; ERROR_WRITE_PROTECT
  DiskFull,       // ENOSPC, EFBIG; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
  NotAFile,       // a folder or a device where a regular file was expected
  Other,
};

/// A failed system call. Converts to true when there was a failure.
struct OsError {
  OsFault fault = OsFault::None;
  int code = 0;         // errno (POSIX) or GetLastError() (Windows); 0 when no call failed
  std::string message;  // POSIX: strerror(code); Windows: "Windows error N"; else the problem in words
  explicit operator bool() const noexcept { return fault != OsFault::None; }
};

/// A whole file mapped read-only into memory. Move-only; unmapped by the destructor. The file
/// itself is closed once mapped (the view keeps it open underneath).
class MappedView {
 public:
  /// Maps `path`. An empty file gives data() == nullptr and size() == 0. On failure returns an
  /// empty view and sets `error`: NotFound, NotAFile (message "not a regular file" on POSIX)
  /// or another fault. Windows: CreateFileW + CreateFileMappingW + MapViewOfFile.
  static MappedView open(const std::filesystem::path& path, OsError& error);

  MappedView() noexcept = default;
  ~MappedView() { release(); }
  MappedView(MappedView&& other) noexcept { swap(other); }
  MappedView& operator=(MappedView&& other) noexcept {
    MappedView old(std::move(other));
    swap(old);
    return *this;
  }
  MappedView(const MappedView&) = delete;
  MappedView& operator=(const MappedView&) = delete;

  const std::uint8_t* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

 private:
  void release() noexcept;
  void swap(MappedView& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
  }
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

/// An open file for writing or flushing. Move-only; the destructor closes it and ignores errors
/// (call close() to see them).
class File {
 public:
  enum class Mode {
    /// An existing file, opened only to flush it (POSIX: read-only; Windows: FlushFileBuffers
    /// needs write access).
    Existing,
    /// A new file (O_EXCL / CREATE_NEW): fails with AlreadyExists if the name is taken.
    /// POSIX permissions 0666 less the umask, as fopen(..., "wbx").
    CreateNew,
    /// A new or emptied file (O_TRUNC / CREATE_ALWAYS). POSIX permissions 0644 less the umask.
    CreateOrTruncate,
  };

  /// On failure returns a closed File and sets `error`.
  static File open(const std::filesystem::path& path, Mode mode, OsError& error);

  File() noexcept = default;
  ~File();
  File(File&& other) noexcept { std::swap(handle_, other.handle_); }
  File& operator=(File&& other) noexcept {
    File old(std::move(other));
    std::swap(handle_, old.handle_);
    return *this;
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  bool is_open() const noexcept { return handle_ != -1; }
  /// Writes all bytes (in chunks below 2 GiB, retrying interrupted writes). A write that moves
  /// nothing fails with the message "nothing written".
  OsError write_all(const void* data, std::size_t size);
  /// Flushes the file's data to the disk: fsync (retrying EINTR) / FlushFileBuffers.
  OsError sync();
  /// Closes the file and reports what the close said (a late write error on some systems).
  OsError close();

 private:
  // POSIX: the file descriptor; Windows: the HANDLE. -1 (INVALID_HANDLE_VALUE) when closed.
  std::intptr_t handle_ = -1;
};

/// Flushes a folder's entries, so a rename or a new name in it survives a power cut. POSIX:
/// open(O_DIRECTORY) + fsync; the fsync's own result is ignored because some file systems refuse
/// it on folders (EINVAL) and the rename already happened. Windows has no folder to flush
/// (MoveFileExW with MOVEFILE_WRITE_THROUGH returns once the rename is on disk): it only checks
/// that the folder exists. An empty path means the current folder. Returns the error of opening
/// the folder.
OsError sync_directory(const std::filesystem::path& dir);

/// Renames `from` over `to`, replacing `to` atomically if it exists (both in the same folder).
/// POSIX rename(); Windows MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH).
OsError replace_file(const std::filesystem::path& from, const std::filesystem::path& to);

/// Renames `from` to `to` unless `to` exists: then fails with AlreadyExists and leaves `from`.
/// POSIX: link() + unlink() (atomic), check-then-rename on file systems without hard links
/// (FAT, exFAT); Windows: MoveFileExW without MOVEFILE_REPLACE_EXISTING.
OsError rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

/// This process's id.
unsigned long process_id() noexcept;

/// The account name (UTF-8) from USER, USERNAME or LOGNAME; empty when none is set.
std::string user_name();

/// The machine's RAM in bytes; -1 where the system does not say.
struct MemoryInfo {
  std::int64_t total = -1;
  std::int64_t available = -1;  // Linux: MemAvailable (counts reclaimable page cache)
};
MemoryInfo physical_memory();

/// The program's arguments as UTF-8 (argv[0] first). POSIX: argv as given (UTF-8 in the
/// locales Rashisa supports). Windows: GetCommandLineW + CommandLineToArgvW converted to UTF-8,
/// since argv there is in the ANSI code page and loses Japanese names.
std::vector<std::string> utf8_arguments(int argc, char** argv);

/// Makes the console print UTF-8 text as such (Windows: SetConsoleOutputCP(CP_UTF8)); nothing
/// to do on POSIX.
void use_utf8_console() noexcept;

/// The machine's name (UTF-8): gethostname / GetComputerNameExW; empty when the system does not say.
std::string host_name();

/// An exclusive lock on a small file that the system drops when the process ends, however it
/// ends (a crash or kill -9 included). POSIX: flock() on the open file (whole file, advisory);
/// Windows: LockFileEx on one byte far past the end (so others can still read the contents) of
/// a handle opened without FILE_SHARE_DELETE. Two LockFiles on one path conflict even inside
/// one process. Move-only; the destructor unlocks and closes but leaves the file.
class LockFile {
 public:
  enum class Outcome { Locked, Held, Failed };

  /// Opens or creates `path` and tries to lock it without waiting. Locked: the returned object
  /// holds the lock (its file is the one at `path` now: a file removed by its last holder while
  /// this call ran is not taken). Held: another open file holds the lock. Failed: `error` says
  /// why (a read-only folder, say).
  static LockFile try_lock(const std::filesystem::path& path, Outcome& outcome, OsError& error);

  LockFile() noexcept = default;
  ~LockFile();
  LockFile(LockFile&& other) noexcept { std::swap(handle_, other.handle_); }
  LockFile& operator=(LockFile&& other) noexcept {
    LockFile old(std::move(other));
    std::swap(handle_, old.handle_);
    return *this;
  }
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;

  bool is_locked() const noexcept { return handle_ != -1; }
  /// The file's whole contents (at most 64 KiB are read).
  std::string read_all(OsError& error) const;
  /// Replaces the file's contents with `text` (not fsync'ed: it only describes the holder).
  OsError replace_contents(const std::string& text);
  /// Removes the file from its folder and then unlocks and closes it, so the next holder
  /// starts from a new file. POSIX: unlink while still locked; Windows: unlock, close, then
  /// DeleteFileW, which fails harmlessly while another program has the file open.
  void remove_and_unlock(const std::filesystem::path& path) noexcept;

 private:
  // POSIX: the file descriptor; Windows: the HANDLE. -1 when not locked.
  std::intptr_t handle_ = -1;
};

}  // namespace rashisa::platform
