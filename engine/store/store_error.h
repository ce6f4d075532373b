#pragma once
// Typed errors of the project file. Every failure of engine/store reaches the caller as a
// StoreError whose fault says what happened and whose message says what the user can do.
#include "engine/core/error.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace rashisa::store {

enum class StoreFault {
  Missing,        // the project file (or its folder) does not exist
  NotADatabase,   // the file is not an SQLite database at all (or is empty, or a folder)
  Foreign,        // an SQLite database, but not a Rashisa project
  TooNew,         // a Rashisa project from a newer version than this build understands
  Damaged,        // a Rashisa project whose contents fail SQLite's checks or our hashes
  AlreadyExists,  // create() or save_copy() onto a path that is in use
  ReadOnly,       // the file or its folder is write-protected
  Busy,           // another program holds a lock on the file
  InUse,          // another program has the project open for writing (ProjectInUse names it)
  DiskFull,       // the disk (or a file size limit) ran out while writing
  Io,             // any other operating-system input/output failure
  Constraint,     // a change would break the project's rules (e.g. unknown reference)
  Duplicate,      // the same photo / name is already in the project
  NotFound,       // an id that is not (or no longer) in the project
  Invalid,        // an argument the project cannot store (bad size, bad JSON, ...)
  Closed,         // a call on a Project that was closed or moved from
  Internal,       // a bug or an SQLite build without a feature we need
};

/// Stable identifier of a fault ("too-new", ...), for logs and --json output.
const char* fault_name(StoreFault fault) noexcept;

/// The rashisa::ErrorCode a fault belongs to (Missing -> FileNotFound, DiskFull -> FileWrite...).
ErrorCode error_code_of(StoreFault fault) noexcept;

class StoreError : public Error {
 public:
  StoreError(StoreFault fault, const std::string& message)
      : Error(error_code_of(fault), message), fault_(fault) {}
  StoreFault fault() const noexcept { return fault_; }

 private:
  StoreFault fault_;
};

/// `error` again with a message that says what to do about it, when it is DiskFull (naming
/// `folder` and about `needed` bytes, <= 0 when unknown) or ReadOnly (naming `folder`); any other
/// fault comes back unchanged. `purpose` completes "needed to ..." ("store this photo"). The
/// SQLite detail of the original message is kept at the end, for support.
StoreError with_space_advice(const StoreError& error, const std::filesystem::path& folder, std::int64_t needed,
                             const std::string& purpose);

}  // namespace rashisa::store
