#pragma once
// Access to the golden reference folder (../shared/reference/README.md).
// Tests iterate the manifest by kind and never name cases themselves, so any
// folder of the same layout can be dropped in through RASHISA_REFERENCE_DIR.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rashisa::testing {

/// $RASHISA_REFERENCE_DIR, else ../shared/reference beside the repository.
std::filesystem::path reference_dir();
/// True when reference_dir()/manifest.json exists.
bool reference_available();
/// The parsed manifest (throws if absent).
const nlohmann::json& manifest();

struct RefCase {
  std::string name;   // e.g. "tiny-sd15/unet" (only for messages)
  std::string kind;   // tokenizer, text_encoder, unet, vae, scheduler, pipeline, train_step, seed_latents
  std::string model;  // key into manifest["models"], empty for model-free cases
  nlohmann::json raw; // the whole manifest entry
  std::filesystem::path file() const;
  std::filesystem::path model_dir() const;  // reference_dir()/models/<...>
  nlohmann::json params() const { return raw.value("params", nlohmann::json::object()); }
};

/// Every manifest case of this kind, in manifest order (empty when the folder is missing).
std::vector<RefCase> cases_of_kind(const std::string& kind);
/// Every kind named in the manifest.
std::vector<std::string> all_kinds();

/// All tensors of a case file, as CPU tensors (copies, safe to modify).
std::map<std::string, torch::Tensor> load_case(const RefCase& c);

/// Compares `got` with the golden tensor `name` of the case using the manifest's
/// per-tensor tolerance (exact for integer tensors and tensors marked exact); on a CUDA test
/// device the looser tolerance of test_device.h. `got` may be on any device.
::testing::AssertionResult matches_reference(const RefCase& c, const std::string& name, const torch::Tensor& got,
                                             const std::map<std::string, torch::Tensor>& golden);

/// Name printer for value-parameterised tests over RefCase.
std::string case_test_name(const ::testing::TestParamInfo<RefCase>& info);

}  // namespace rashisa::testing

namespace rashisa::testing {
inline void PrintTo(const RefCase& c, std::ostream* os) { *os << c.name; }
}  // namespace rashisa::testing
