#pragma once
// The code of the rashisa::Error a piece of code throws: a test helper without libtorch.
#include "engine/core/error.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace rashisa::testing {

/// The code of the rashisa::Error that `f` throws (a test failure when it throws none);
/// `message`, when given, gets the error's text.
inline ErrorCode code_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  ADD_FAILURE() << "no rashisa::Error was thrown";
  return ErrorCode::Internal;
}

}  // namespace rashisa::testing
