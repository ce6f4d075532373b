#pragma once
// Typed errors at the engine's public edge. Exceptions may be thrown inside the
// engine; the public API turns them into rashisa::Error with a code that the UI
// maps to translated text and the CLI maps to an exit code.
#include "engine/core/no_qt.h"

#include <stdexcept>
#include <string>

namespace rashisa {

enum class ErrorCode {
  InvalidArgument,   // the caller passed something unusable (bad size, unknown option)
  FileNotFound,      // a path that does not exist
  FileRead,          // I/O failure while reading
  FileWrite,         // I/O failure while writing
  FileFormat,        // a file exists but is not what it claims (corrupt, truncated, foreign)
  UnsafeFormat,      // a format we refuse on purpose (pickle checkpoints)
  UnsupportedModel,  // a model config value we do not implement
  ModelMismatch,     // weights do not fit the model (missing/unexpected/misshaped keys)
  OutOfMemory,       // device memory exhausted
  Cancelled,         // the user asked to stop; not a failure
  Internal,          // a bug: the message says what broke
};

/// Stable identifier of an ErrorCode ("file-format", ...), for logs and --json output.
const char* error_code_name(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

/// What exactly is wrong with a model's files: finer than ErrorCode, so that the window can say
/// it in the user's words. Carried by ModelError, whose code stays the broad one (FileFormat,
/// FileNotFound, ModelMismatch) that the CLI maps to its exit code.
enum class ModelFault {
  ConfigMismatch,     // a config.json disagrees with the shapes of its own weights
  Truncated,          // a weight file is cut short (an unfinished copy or download)
  MissingShard,       // a shard of sharded weights is missing or does not match its index
  OtherArchitecture,  // a component holds weights of another kind of model (SD 2.x for 1.x, a VAE, SDXL)
  NonFinite,          // weights hold NaN or infinite values
  TokenizerMismatch,  // the tokenizer is incomplete or does not fit the text encoder
};

/// Stable identifier of a ModelFault ("model-truncated", ...), used as the window's error code.
const char* model_fault_name(ModelFault fault);

class ModelError : public Error {
 public:
  ModelError(ErrorCode code, ModelFault fault, const std::string& message) : Error(code, message), fault_(fault) {}
  ModelFault fault() const noexcept { return fault_; }

 private:
  ModelFault fault_;
};

}  // namespace rashisa
