#include "engine/model_io/atomic_file.h"

#include "engine/core/error.h"
#include "engine/core/space_advice.h"

#include <string>
#include <system_error>

namespace rashisa::model_io {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, const std::string& why) {
  throw Error(ErrorCode::FileWrite, "cannot " + what + " " + path.u8string() + ": " + why);
}

/// A full or read-only disk: say which folder and what to do (the caller's `what` failed there).
void space_check(const std::filesystem::path& target, const platform::OsError& error) {
  const std::string file = target.filename().u8string();
  if (error.fault == platform::OsFault::DiskFull)
    throw Error(ErrorCode::FileWrite,
                disk_full_advice(folder_of(target), 0, "write " + file) + " (" + error.message + ")");
  if (error.fault == platform::OsFault::ReadOnly)
    throw Error(ErrorCode::FileWrite, read_only_advice(folder_of(target), "write " + file) + " (" + error.message + ")");
}

}  // namespace

AtomicFile::AtomicFile(const std::filesystem::path& target) : target_(target), tmp_(target) {
  tmp_ += ".tmp";
  platform::OsError error;
  file_ = platform::File::open(tmp_, platform::File::Mode::CreateOrTruncate, error);
  if (error) {
    space_check(target_, error);
    fail(tmp_, "create", error.message);
  }
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  file_ = platform::File();  // closes the temporary, so that it can be removed (Windows)
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
}

void AtomicFile::write(const void* data, std::size_t size) {
  if (const auto error = file_.write_all(data, size)) {
    space_check(target_, error);
    fail(tmp_, "write", error.message + " (is the disk full?)");
  }
}

void AtomicFile::commit() {
  // The data must be on disk before the rename makes it visible, or a power cut can leave
  // a renamed but empty file (ext4 data=writeback, XFS, ...).
  if (const auto error = file_.sync()) {
    space_check(target_, error);
    fail(tmp_, "flush", error.message);
  }
  if (const auto error = file_.close()) {
    space_check(target_, error);
    fail(tmp_, "close", error.message);
  }
  if (const auto error = platform::replace_file(tmp_, target_)) {
#ifdef _WIN32
    fail(target_, "replace", error.message + " (is the file open in another program?)");
#else
    fail(target_, "replace", error.message);
#endif
  }
  committed_ = true;
  // Persist the directory entry too; the file itself is complete by now, so a folder that
  // cannot be flushed is not an error.
  (void)platform::sync_directory(target_.parent_path());
}

void write_file_atomically(const std::filesystem::path& target, const void* data, std::size_t size) {
  AtomicFile out(target);
  out.write(data, size);
  out.commit();
}

}  // namespace rashisa::model_io
