#pragma once
// Shared pieces of the workflow tests that run the reference models.
#include "engine/core/error.h"
#include "tests/support/code_of.h"
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


}  // namespace rashisa::testing
