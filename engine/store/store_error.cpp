#include "engine/store/store_error.h"

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

}  // namespace rashisa::store
