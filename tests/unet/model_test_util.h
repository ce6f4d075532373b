#pragma once
// Helpers shared by the UNet and VAE tests: JSON/weights loading and the folder of
// real SD config files.
#include "engine/model_io/state_dict.h"
#include "engine/model_io/safetensors_torch.h"
#include "tests/support/reference.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace rashisa::testing {

inline nlohmann::json read_json_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot open " + p.string());
  return nlohmann::json::parse(in);
}

/// Loads a diffusers weights file into `m` with the strict loader.
inline void load_weights(torch::nn::Module& m, const std::filesystem::path& file) {
  auto st = rashisa::model_io::SafetensorsFile::open(file);
  rashisa::model_io::load_state_dict(m, rashisa::model_io::load_all(st), file.string());
}

/// ../shared/configs: beside the reference folder, else beside the repository
/// (RASHISA_SHARED_CONFIGS_DIR). Empty when neither exists.
inline std::filesystem::path shared_configs_dir() {
  if (const char* ref = std::getenv("RASHISA_REFERENCE_DIR"); ref && *ref) {
    auto p = std::filesystem::path(ref) / ".." / "configs";
    if (std::filesystem::is_directory(p)) return p;
  }
#ifdef RASHISA_SHARED_CONFIGS_DIR
  if (std::filesystem::is_directory(RASHISA_SHARED_CONFIGS_DIR)) return RASHISA_SHARED_CONFIGS_DIR;
#endif
  return {};
}

/// Registers a global environment that ends the test program with exit code 77
/// (CTest: skipped) when shared_configs_dir() is missing, for executables whose every
/// test needs the config files.
inline ::testing::Environment* skip_all_without_shared_configs() {
  struct Env : ::testing::Environment {
    void SetUp() override {
      if (!shared_configs_dir().empty()) return;
      std::fprintf(stderr,
                   "SKIPPED: no shared/configs folder (looked beside $RASHISA_REFERENCE_DIR and at "
                   "<repo>/../shared/configs)\n");
      std::exit(77);
    }
  };
  return ::testing::AddGlobalTestEnvironment(new Env);
}

inline int64_t count_parameters(const torch::nn::Module& m) {
  int64_t n = 0;
  for (const auto& p : m.parameters()) n += p.numel();
  return n;
}

}  // namespace rashisa::testing
