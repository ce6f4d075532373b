#pragma once
// The models of the reference manifest, for tests parameterised per model (never by name).
#include "tests/support/reference.h"

#include <cctype>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace rashisa::testing {

struct RefModel {
  std::string name;  // manifest key, for messages only
  std::filesystem::path dir;
  nlohmann::json raw;  // manifest["models"][name]
};
inline void PrintTo(const RefModel& m, std::ostream* os) { *os << m.name; }

inline std::vector<RefModel> reference_models() {
  std::vector<RefModel> out;
  if (!reference_available()) return out;
  for (const auto& [name, m] : manifest().at("models").items())
    out.push_back({name, reference_dir() / m.at("path").get<std::string>(), m});
  return out;
}

inline std::string model_test_name(const ::testing::TestParamInfo<RefModel>& info) {
  std::string s = info.param.name;
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s + "_" + std::to_string(info.index);
}

}  // namespace rashisa::testing
