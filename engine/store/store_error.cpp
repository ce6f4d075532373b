#include "engine/store/store_error.h"

#include "engine/core/space_advice.h"

namespace rashisa::store {

const char* fault_name(StoreFault fault) noexcept {
  switch (fault) {
    case StoreFault::Missing: return "missing";
    case StoreFault::NotADatabase: return "not-a-database";
    case StoreFault::Foreign: return "foreign";
    case StoreFault::TooNew: return "too-new";
    case StoreFault::Damaged: return "damaged";
    case StoreFault::AlreadyExists: return "already-exists";
    case StoreFault::ReadOnly: return "read-only";
    case StoreFault::Busy: return "busy";
    case StoreFault::InUse: return "in-use";
    case StoreFault::DiskFull: return "disk-full";
    case StoreFault::Io: return "io";
    case StoreFault::Constraint: return "constraint";
    case StoreFault::Duplicate: return "duplicate";
    case StoreFault::NotFound: return "not-found";
    case StoreFault::Invalid: return "invalid";
    case StoreFault::Closed: return "closed";
    case StoreFault::Internal: return "internal";
  }
  return "internal";
}

ErrorCode error_code_of(StoreFault fault) noexcept {
  switch (fault) {
    case StoreFault::Missing: return ErrorCode::FileNotFound;
    case StoreFault::NotADatabase:
    case StoreFault::Foreign:
    case StoreFault::TooNew:
    case StoreFault::Damaged: return ErrorCode::FileFormat;
    case StoreFault::AlreadyExists:
    case StoreFault::ReadOnly:
    case StoreFault::Busy:
    case StoreFault::InUse:
    case StoreFault::DiskFull:
    case StoreFault::Io: return ErrorCode::FileWrite;
    case StoreFault::Constraint:
    case StoreFault::Duplicate:
    case StoreFault::NotFound:
    case StoreFault::Invalid:
    case StoreFault::Closed: return ErrorCode::InvalidArgument;
    case StoreFault::Internal: return ErrorCode::Internal;
  }
  return ErrorCode::Internal;
}

StoreError with_space_advice(const StoreError& error, const std::filesystem::path& folder, std::int64_t needed,
                             const std::string& purpose) {
  const std::string original = error.what();
  const std::size_t detail = original.rfind(" (SQLite: ");
  const std::string tail = detail == std::string::npos ? std::string() : original.substr(detail);
  switch (error.fault()) {
    case StoreFault::DiskFull:
      return StoreError(StoreFault::DiskFull, disk_full_advice(folder, needed, purpose) + tail);
    case StoreFault::ReadOnly: return StoreError(StoreFault::ReadOnly, read_only_advice(folder, purpose) + tail);
    default: return error;
  }
}

}  // namespace rashisa::store
