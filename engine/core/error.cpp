#include "engine/core/error.h"

namespace rashisa {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::FileNotFound: return "file-not-found";
    case ErrorCode::FileRead: return "file-read";
    case ErrorCode::FileWrite: return "file-write";
    case ErrorCode::FileFormat: return "file-format";
    case ErrorCode::UnsafeFormat: return "unsafe-format";
    case ErrorCode::UnsupportedModel: return "unsupported-model";
    case ErrorCode::ModelMismatch: return "model-mismatch";
    case ErrorCode::OutOfMemory: return "out-of-memory";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
}

const char* model_fault_name(ModelFault fault) {
  switch (fault) {
    case ModelFault::ConfigMismatch: return "model-config-mismatch";
    case ModelFault::Truncated: return "model-truncated";
    case ModelFault::MissingShard: return "model-missing-shard";
    case ModelFault::OtherArchitecture: return "model-other-architecture";
    case ModelFault::NonFinite: return "model-not-finite";
    case ModelFault::TokenizerMismatch: return "model-tokenizer-mismatch";
  }
  return "model-config-mismatch";
}

}  // namespace rashisa
