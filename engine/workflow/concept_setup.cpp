#include "engine/workflow/concept_setup.h"

#include "engine/core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace rashisa::workflow {

using nlohmann::json;

namespace {

/// The shortest decimal form that reads back as exactly `x`.
std::string number_text(double x) {
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

class Differences {
 public:
  explicit Differences(std::vector<SettingDifference>& out) : out_(out) {}

  void text(const std::string& option, const std::string& saved, const std::string& given) {
    if (saved != given) out_.push_back({option, saved, given});
  }
  void integer(const std::string& option, std::int64_t saved, std::int64_t given) {
    if (saved != given) out_.push_back({option, std::to_string(saved), std::to_string(given)});
  }
  void number(const std::string& option, double saved, double given) {
    if (saved != given) out_.push_back({option, number_text(saved), number_text(given)});
  }
  void on_off(const std::string& option, bool saved, bool given) {
    if (saved != given) out_.push_back({option, saved ? "on" : "off", given ? "on" : "off"});
  }

 private:
  std::vector<SettingDifference>& out_;
};

void compare_stage(Differences& d, int k, const StageOverrides& saved, const StageOverrides& given) {
  const std::string p = "--stage" + std::to_string(k + 1) + "-";
  if (given.steps >= 0) d.integer(p + "steps", saved.steps, given.steps);
  if (given.lr >= 0) d.number(p + "lr", saved.lr, given.lr);
  if (given.batch > 0) d.integer(p + "batch", saved.batch, given.batch);
  if (given.lambda_mean >= 0) d.number(p + "lambda-mean", saved.lambda_mean, given.lambda_mean);
  if (given.lambda_var >= 0) d.number(p + "lambda-var", saved.lambda_var, given.lambda_var);
}

}  // namespace

ConceptSetup saved_setup(const store::Project& project, std::int64_t concept_id) {
  const store::Concept c = project.get_concept(concept_id);
  const json j = json::parse(c.spec.settings, nullptr, false);
  const auto damaged = [&c] {
    return Error(ErrorCode::FileFormat, "the training settings of \"" + c.spec.name +
                                            "\" are damaged; set it up again with train --restart and its options");
  };
  if (!j.is_object() || !j.contains("stages") || !j["stages"].is_array() || j["stages"].size() != 3) throw damaged();
  ConceptSetup s;
  s.name = c.spec.name;
  s.category = c.spec.category;
  try {
    s.preset = j.value("preset", std::string("default"));
    s.seed = j.value("seed", std::int64_t{0});
    s.resolution = j.value("resolution", 512);
    s.checkpoint_every = j.value("checkpoint_every", 100);
    s.fp32_delta = j.value("fp32_delta", false);
    for (int k = 0; k < 3; ++k) {
      const json& st = j["stages"][static_cast<std::size_t>(k)];
      s.stages[k] = {st.at("steps").get<int>(), st.at("lr").get<double>(), st.at("batch").get<int>(),
                     st.at("lambda_mean").get<double>(), st.at("lambda_var").get<double>()};
    }
  } catch (const json::exception&) {
    throw damaged();
  }
  s.photo_ids = project.concept_photos(concept_id);
  std::sort(s.photo_ids.begin(), s.photo_ids.end());
  return s;
}

std::vector<SettingDifference> setup_differences(const ConceptSetup& saved, const ConceptSetup& given) {
  std::vector<SettingDifference> out;
  Differences d(out);
  d.text("--category", saved.category, given.category);
  if (!given.photo_ids.empty()) d.text("--photos", format_id_list(saved.photo_ids), format_id_list(given.photo_ids));
  d.text("--preset", saved.preset, given.preset);
  d.integer("--seed", saved.seed, given.seed);
  d.integer("--resolution", saved.resolution, given.resolution);
  for (int k = 0; k < 3; ++k) compare_stage(d, k, saved.stages[k], given.stages[k]);
  d.integer("--checkpoint-every", saved.checkpoint_every, given.checkpoint_every);
  d.on_off("--fp32-delta", saved.fp32_delta, given.fp32_delta);
  return out;
}

std::string format_id_list(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(ids[i]);
    if (j - i >= 2) {
      out += '-' + std::to_string(ids[j]);
    } else if (j > i) {
      out += ',' + std::to_string(ids[j]);
    }
    i = j + 1;
  }
  return out;
}

bool settle_trained_concept(store::Project& project, std::int64_t concept_id) {
  const store::Concept c = project.get_concept(concept_id);
  if (!c.package_size) return false;
  if (c.progress.status != store::ConceptStatus::Trained) {
    const ConceptSetup s = saved_setup(project, concept_id);
    project.set_concept_progress(concept_id, {store::ConceptStatus::Trained, 3, s.stages[2].steps});
  }
  if (c.checkpoint_size) project.clear_checkpoint(concept_id);
  return true;
}

}  // namespace rashisa::workflow
