#include "app/cli/exit_codes.h"

namespace rashisa::cli {

ExitCode exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return kUsage;
    case ErrorCode::FileNotFound:
    case ErrorCode::FileRead: return kInputMissing;
    case ErrorCode::FileFormat:
    case ErrorCode::UnsafeFormat:
    case ErrorCode::UnsupportedModel:
    case ErrorCode::ModelMismatch: return kBadModel;
    case ErrorCode::OutOfMemory: return kOutOfMemory;
    case ErrorCode::FileWrite: return kOutputFailed;
    case ErrorCode::Cancelled: return kCancelled;
    case ErrorCode::Internal: return kFailed;
  }
  return kFailed;
}

}  // namespace rashisa::cli
