#include "tests/support/reference.h"

#include "engine/model_io/python_json.h"
#include "engine/model_io/safetensors_torch.h"
#include "tests/support/test_device.h"

#include <torch/torch.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace rashisa::testing {

std::filesystem::path reference_dir() {
  if (const char* env = std::getenv("RASHISA_REFERENCE_DIR"); env && *env) return env;
  return std::filesystem::path(RASHISA_DEFAULT_REFERENCE_DIR).lexically_normal();
}

bool reference_available() { return std::filesystem::exists(reference_dir() / "manifest.json"); }


const nlohmann::json& manifest() {
  static const nlohmann::json m = [] {
    std::ifstream in(reference_dir() / "manifest.json", std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + (reference_dir() / "manifest.json").string());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Written by Python's json module: bare -Infinity occurs (scheduler configs).
    return nlohmann::json::parse(model_io::python_json_to_standard(text));
  }();
  return m;
}

std::filesystem::path RefCase::file() const { return reference_dir() / raw.at("file").get<std::string>(); }

std::filesystem::path RefCase::model_dir() const {
  return reference_dir() / manifest().at("models").at(model).at("path").get<std::string>();
}

std::vector<RefCase> cases_of_kind(const std::string& kind) {
  std::vector<RefCase> out;
  if (!reference_available()) return out;
  for (const auto& c : manifest().at("cases")) {
    if (c.value("kind", "") != kind) continue;
    RefCase r;
    r.name = c.value("name", c.value("file", "?"));
    r.kind = kind;
    r.model = c.contains("model") && c["model"].is_string() ? c["model"].get<std::string>() : "";
    r.raw = c;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> all_kinds() {
  std::vector<std::string> out;
  for (const auto& c : manifest().at("cases")) {
    auto k = c.value("kind", "");
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out;
}

std::map<std::string, torch::Tensor> load_case(const RefCase& c) {
  auto file = model_io::SafetensorsFile::open(c.file());
  std::map<std::string, torch::Tensor> out;
  for (auto& [name, t] : model_io::load_all(file)) out.emplace(name, t.clone());
  return out;
}

::testing::AssertionResult matches_reference(const RefCase& c, const std::string& name, const torch::Tensor& got_in,
                                             const std::map<std::string, torch::Tensor>& golden) {
  auto it = golden.find(name);
  if (it == golden.end()) return ::testing::AssertionFailure() << c.name << ": no golden tensor " << name;
  const torch::Tensor want = it->second;
  const torch::Tensor got = got_in.detach().to(torch::kCPU);
  if (got.sizes() != want.sizes())
    return ::testing::AssertionFailure() << c.name << " / " << name << ": shape " << got.sizes() << " != golden "
                                         << want.sizes();
  const nlohmann::json info = c.raw.value("tensors", nlohmann::json::object()).value(name, nlohmann::json::object());
  const bool integral = !torch::isFloatingType(want.scalar_type());
  const bool exact = integral || info.value("exact", false);
  if (exact) {
    if (torch::equal(got.to(want.scalar_type()), want)) return ::testing::AssertionSuccess();
    auto diff = (got.to(torch::kFloat64) - want.to(torch::kFloat64)).abs();
    return ::testing::AssertionFailure() << c.name << " / " << name << ": not exactly equal ("
                                         << diff.gt(0).sum().item<int64_t>() << " elements differ, max |diff| "
                                         << diff.max().item<double>() << ")";
  }
  auto num = [&](const char* key) -> double {
    if (info.contains(key) && info[key].is_number()) return info[key].get<double>();
    if (c.raw.contains(key) && c.raw[key].is_number()) return c.raw[key].get<double>();
    return 0.0;
  };
  // The manifest's tolerance is for the CPU; test_device.h says how CUDA loosens it.
  const Tolerance tol = device_tolerance({num("atol"), num("rtol")});
  const double atol = tol.atol;
  const double rtol = tol.rtol;
  auto g = got.to(torch::kFloat64);
  auto w = want.to(torch::kFloat64);
  auto err = (g - w).abs();
  auto allowed = atol + rtol * w.abs();
  auto bad = err.gt(allowed).logical_or(g.isnan().logical_xor(w.isnan()));
  const int64_t nbad = bad.sum().item<int64_t>();
  if (nbad == 0) return ::testing::AssertionSuccess();
  const double max_err = err.max().item<double>();
  const int64_t worst = err.flatten().argmax().item<int64_t>();
  return ::testing::AssertionFailure() << c.name << " / " << name << ": " << nbad << " of " << w.numel()
                                       << " elements outside atol " << atol << " + rtol " << rtol
                                       << (test_device_is_cuda() ? " (CUDA tolerance)" : "") << "; max |err| "
                                       << max_err << " at flat index " << worst << " (got "
                                       << g.flatten()[worst].item<double>() << ", want "
                                       << w.flatten()[worst].item<double>() << ")";
}

std::string case_test_name(const ::testing::TestParamInfo<RefCase>& info) {
  std::string s = info.param.name;
  for (char& ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return s + "_" + std::to_string(info.index);
}

}  // namespace rashisa::testing
