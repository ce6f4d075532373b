#pragma once
// The ModelFault of the ModelError a piece of code throws: a test helper without libtorch.
#include "engine/core/error.h"

#include <gtest/gtest.h>

#include <exception>
#include <functional>
#include <string>

namespace rashisa::testing {

/// The fault of the ModelError `f` throws; a test failure when it throws anything else.
inline rashisa::ModelFault fault_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const rashisa::ModelError& e) {
    if (message) *message = e.what();
    return e.fault();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a ModelError: " << e.what();
    return rashisa::ModelFault::ConfigMismatch;
  }
  ADD_FAILURE() << "no error";
  return rashisa::ModelFault::ConfigMismatch;
}

}  // namespace rashisa::testing
