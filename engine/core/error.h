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

}  // namespace rashisa
