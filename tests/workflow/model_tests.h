#pragma once
// Shared pieces of the workflow tests that run the reference models.
#include "engine/core/error.h"
#include "tests/support/reference.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rashisa::testing {

/// Every model of the manifest: its key and its folder.
inline std::vector<std::pair<std::string, std::filesystem::path>> reference_models() {
  std::vector<std::pair<std::string, std::filesystem::path>> out;
  for (const auto& [key, m] : manifest().at("models").items())
    out.emplace_back(key, reference_dir() / m.at("path").get<std::string>());
  return out;
}

/// The code of the rashisa::Error that `f` throws (a test failure when it throws none).
inline ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no rashisa::Error was thrown";
  return ErrorCode::Internal;
}

}  // namespace rashisa::testing
