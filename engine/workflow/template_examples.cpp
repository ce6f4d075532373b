#include "engine/workflow/template_examples.h"

#include "engine/core/error.h"
#include "engine/templates/prompt_template.h"
#include "engine/workflow/image_maker_p.h"
#include "engine/workflow/project_templates.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

namespace rashisa::workflow {

using nlohmann::json;

namespace {

constexpr int kExampleSide = 512;

/// The template with every variable at its first value: its only expansion is the first
/// prompt of the full expansion, without expanding (or capping) all the others.
templates::PromptTemplate first_values_only(templates::PromptTemplate t) {
  for (auto& v : t.variables)
    if (v.values.size() > 1) v.values.resize(1);
  return t;
}

struct Example {
  std::int64_t template_id = 0;
  store::GenerationParams params;
};

/// What to make, all checked before the first image.
std::vector<Example> plan_examples(const store::Project& project, const store::Concept& c, bool only_missing) {
  const auto have = project.templates_with_examples();
  const std::set<std::int64_t> done(have.begin(), have.end());
  std::vector<Example> out;
  for (const auto& stored : project.list_templates()) {
    if (only_missing && done.count(stored.id)) continue;
    templates::PromptTemplate t;
    try {
      t = first_values_only(from_stored(stored));
    } catch (const Error&) {
      continue;  // not a template Rashisa wrote: nothing to show for it
    }
    const auto first = templates::expand(t, c.spec.token, c.spec.category, 1).at(0);
    Example e;
    e.template_id = stored.id;
    auto& p = e.params;
    p.seed = 0;
    p.sampler = t.sampler;
    p.steps = t.steps;
    p.guidance = t.guidance;
    const ExampleSize size = example_size(t.width, t.height);
    p.width = size.width;
    p.height = size.height;
    p.prompt = first.prompt;
    p.negative_prompt = first.negative_prompt;
    p.template_values = json(first.values).dump();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

ExampleSize example_size(int width, int height) {
  if (width <= 0 || height <= 0) throw Error(ErrorCode::InvalidArgument, "a template's size must be positive");
  const double scale = std::min(1.0, static_cast<double>(kExampleSide) / std::max(width, height));
  const auto side = [&](int v) { return std::max(64, static_cast<int>(std::lround(v * scale / 8.0)) * 8); };
  return {std::min(side(width), kExampleSide), std::min(side(height), kExampleSide)};
}

void make_template_examples(store::Project& project, std::int64_t concept_id, ModelSession& session,
                            const BatchProgressCallback& progress, const CancelToken* cancel, bool only_missing) {
  const store::Concept c = project.get_concept(concept_id);
  if (!c.package_size)
    throw Error(ErrorCode::InvalidArgument,
                "the product \"" + c.spec.name + "\" is not trained yet; train it before making template examples");
  const auto examples = plan_examples(project, c, only_missing);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::int64_t> made;
  const auto log = [&](bool cancelled) {
    json details = {{"concept", concept_id},
                    {"templates", made},
                    {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()},
                    {"device", session.device_name()}};
    if (cancelled) details["cancelled"] = true;
    project.log_action("template.examples", details.dump());
  };
  const auto total = static_cast<std::int64_t>(examples.size());
  try {
    for (std::int64_t k = 0; k < total; ++k) {
      check_cancel(cancel);
      const Example& e = examples[static_cast<std::size_t>(k)];
      ProgressCallback step_cb;
      if (progress) step_cb = [&](const Progress& s) { return progress({0, k + 1, total, s}); };
      const auto png = make_png(project, session, concept_id, e.params, step_cb, cancel);
      project.set_template_example(e.template_id, concept_id, e.params.seed, png);
      made.push_back(e.template_id);
    }
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Cancelled) {
      try {
        log(true);
      } catch (...) {
        // The cancel is what to report; the examples made so far are stored.
      }
    }
    throw;
  }
  log(false);
}

}  // namespace rashisa::workflow
