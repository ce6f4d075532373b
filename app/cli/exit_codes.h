#pragma once
// rashisa-cli exit codes (documented in README.md and `rashisa-cli --help`).
#include "engine/core/error.h"

namespace rashisa::cli {

enum ExitCode : int {
  kOk = 0,
  kFailed = 1,         // an unexpected failure (a bug: please report it)
  kUsage = 2,          // wrong command line
  kInputMissing = 3,   // an input file or folder is missing or unreadable
  kBadModel = 4,       // the model is damaged, unsupported, unsafe (pickle) or does not fit
  kOutOfMemory = 5,    // the device ran out of memory
  kOutputFailed = 6,   // an output could not be written
  kCheckFailed = 7,    // `project check` found a problem that must be fixed before training
  kInUse = 8,          // another program (the window, another rashisa-cli) has the project open
  kCancelled = 130,    // stopped by Ctrl+C; nothing half-written was left
};

ExitCode exit_code_for(ErrorCode code);

}  // namespace rashisa::cli
