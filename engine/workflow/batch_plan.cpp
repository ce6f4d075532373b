#include "engine/workflow/batch_plan.h"

#include "engine/core/error.h"
#include "engine/workflow/project_templates.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <set>

namespace rashisa::workflow {

using nlohmann::json;

namespace {

[[noreturn]] void bad(const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); }

json item_to_json(const BatchItem& b) {
  return {{"concept", b.concept_id}, {"template", b.template_id}, {"prompt", b.prompt},
          {"negative_prompt", b.negative_prompt}, {"values", b.values}, {"width", b.width},
          {"height", b.height}, {"steps", b.steps}, {"guidance", b.guidance}, {"sampler", b.sampler},
          {"seed", b.seed}};
}

BatchItem item_from_json(const json& j) {
  BatchItem b;
  b.concept_id = j.at("concept").get<std::int64_t>();
  b.template_id = j.at("template").get<std::int64_t>();
  b.prompt = j.at("prompt").get<std::string>();
  b.negative_prompt = j.at("negative_prompt").get<std::string>();
  b.values = j.at("values").get<std::map<std::string, std::string>>();
  b.width = j.at("width").get<int>();
  b.height = j.at("height").get<int>();
  b.steps = j.at("steps").get<int>();
  b.guidance = j.at("guidance").get<double>();
  b.sampler = j.at("sampler").get<std::string>();
  b.seed = j.at("seed").get<std::int64_t>();
  return b;
}

/// Saturating a * b.
std::size_t times(std::size_t a, std::size_t b) {
  if (a != 0 && b > std::numeric_limits<std::size_t>::max() / a) return std::numeric_limits<std::size_t>::max();
  return a * b;
}

}  // namespace

std::vector<BatchItem> plan_batch(const store::Project& project, const BatchRequest& r) {
  if (r.template_ids.empty()) bad("choose at least one prompt template for the batch");
  if (r.concept_ids.empty()) bad("choose at least one trained product (concept) for the batch");
  for (auto s : r.seeds)
    if (s < 0) bad("seeds must be between 0 and 9223372036854775807");
  if (r.first_seed < 0 || r.first_seed > std::numeric_limits<std::int64_t>::max() - 64)
    bad("the first seed must be between 0 and 9223372036854775743");

  std::vector<store::Concept> concepts;
  for (auto id : r.concept_ids) {
    store::Concept c = project.get_concept(id);
    if (!c.package_size)
      bad("the product \"" + c.spec.name + "\" is not trained yet; train it first (rashisa-cli project train)");
    concepts.push_back(std::move(c));
  }
  std::vector<std::pair<std::int64_t, templates::PromptTemplate>> temps;
  for (auto id : r.template_ids) {
    templates::PromptTemplate t = from_stored(project.get_template(id));
    if (r.steps > 0) t.steps = r.steps;
    if (r.guidance >= 0) t.guidance = r.guidance;
    if (!r.sampler.empty()) t.sampler = r.sampler;
    if (r.width > 0) t.width = r.width;
    if (r.height > 0) t.height = r.height;
    templates::validate(t);  // the overrides are checked like the template itself
    temps.emplace_back(id, std::move(t));
  }

  // Count first: nothing is expanded (or queued) when the batch is too large.
  std::size_t total = 0;
  for (const auto& [id, t] : temps) {
    const std::size_t seeds = r.seeds.empty() ? static_cast<std::size_t>(t.images_per_prompt) : r.seeds.size();
    total += times(times(templates::count_expansions(t), seeds), concepts.size());
    if (total > r.cap) break;
  }
  if (total > r.cap)
    bad("this batch would make more than " + std::to_string(r.cap) + " images (at least " + std::to_string(total) +
        "); choose fewer templates, values or seeds");

  std::vector<BatchItem> items;
  for (const auto& c : concepts) {
    for (const auto& [id, t] : temps) {
      std::vector<std::int64_t> seeds = r.seeds;
      if (seeds.empty())
        for (int i = 0; i < t.images_per_prompt; ++i) seeds.push_back(r.first_seed + i);
      for (const auto& e : templates::expand(t, c.spec.token, c.spec.category, r.cap)) {
        for (auto seed : seeds) {
          BatchItem b;
          b.concept_id = c.id;
          b.template_id = id;
          b.prompt = e.prompt;
          b.negative_prompt = e.negative_prompt;
          b.values = e.values;
          b.width = t.width;
          b.height = t.height;
          b.steps = t.steps;
          b.guidance = t.guidance;
          b.sampler = t.sampler;
          b.seed = seed;
          items.push_back(std::move(b));
        }
      }
    }
  }
  return items;
}

namespace {

std::int64_t add_batch_job(store::Project& project, const std::vector<BatchItem>& items,
                           const std::vector<std::int64_t>& template_ids, const std::vector<std::int64_t>& concept_ids) {
  store::JobSpec spec;
  if (template_ids.size() == 1) spec.template_id = template_ids[0];
  if (concept_ids.size() == 1) spec.concept_id = concept_ids[0];
  std::set<std::int64_t> seeds;
  json list = json::array();
  for (const auto& b : items) {
    seeds.insert(b.seed);
    list.push_back(item_to_json(b));
  }
  spec.seeds.assign(seeds.begin(), seeds.end());
  spec.params = json{{"kind", "batch"}, {"version", 1}, {"templates", template_ids}, {"concepts", concept_ids},
                     {"items", list}}
                    .dump();
  spec.total = static_cast<std::int64_t>(items.size());
  return project.add_job(spec);
}

}  // namespace

std::int64_t queue_batch(store::Project& project, const BatchRequest& request) {
  return add_batch_job(project, plan_batch(project, request), request.template_ids, request.concept_ids);
}

std::int64_t queue_more_like(store::Project& project, std::int64_t image_id, const std::vector<std::int64_t>& seeds) {
  const store::ImageInfo image = project.get_image(image_id);
  if (!image.concept_id)
    throw Error(ErrorCode::InvalidArgument, "image " + std::to_string(image_id) +
                                                " was made with a product that has been removed; it cannot be made again");
  if (seeds.empty() || seeds.size() > templates::kDefaultExpansionCap)
    throw Error(ErrorCode::InvalidArgument, "give 1 to 1000 seeds");
  const json values = json::parse(image.params.template_values, nullptr, false);
  std::optional<std::int64_t> template_id;
  if (image.job_id) template_id = project.get_job(*image.job_id).spec.template_id;
  std::vector<BatchItem> items;
  for (const std::int64_t seed : seeds) {
    BatchItem b;
    b.concept_id = *image.concept_id;
    b.template_id = template_id.value_or(0);
    b.prompt = image.params.prompt;
    b.negative_prompt = image.params.negative_prompt;
    if (values.is_object())
      for (auto it = values.begin(); it != values.end(); ++it)
        if (it.value().is_string()) b.values[it.key()] = it.value().get<std::string>();
    b.width = image.params.width;
    b.height = image.params.height;
    b.steps = image.params.steps;
    b.guidance = image.params.guidance;
    b.sampler = image.params.sampler;
    b.seed = seed;
    items.push_back(std::move(b));
  }
  std::vector<std::int64_t> templates;
  if (template_id) templates.push_back(*template_id);
  return add_batch_job(project, items, templates, {*image.concept_id});
}

std::vector<BatchItem> job_items(const store::Job& job) {
  const json p = json::parse(job.spec.params, nullptr, false);
  if (!p.is_object() || p.value("kind", "") != "batch" || !p.contains("items"))
    throw Error(ErrorCode::FileFormat, "job " + std::to_string(job.id) + " is not a batch Rashisa can run");
  std::vector<BatchItem> items;
  try {
    for (const auto& j : p.at("items")) items.push_back(item_from_json(j));
  } catch (const json::exception& e) {
    throw Error(ErrorCode::FileFormat, "job " + std::to_string(job.id) + " has a damaged plan: " + e.what());
  }
  return items;
}

std::vector<store::Job> unfinished_jobs(const store::Project& project) {
  std::vector<store::Job> out;
  for (auto& j : project.list_jobs())
    if (j.status != store::JobStatus::Done) out.push_back(std::move(j));
  return out;
}

namespace {

bool same_item(const BatchItem& a, const BatchItem& b, bool same_seeds) {
  return a.concept_id == b.concept_id && a.template_id == b.template_id && a.prompt == b.prompt &&
         a.negative_prompt == b.negative_prompt && a.values == b.values && a.width == b.width &&
         a.height == b.height && a.steps == b.steps && a.guidance == b.guidance && a.sampler == b.sampler &&
         (!same_seeds || a.seed == b.seed);
}

bool same_plan(const store::Job& job, const std::vector<BatchItem>& plan, bool same_seeds) {
  std::vector<BatchItem> items;
  try {
    items = job_items(job);
  } catch (const Error&) {
    return false;  // a job whose plan cannot be read is never the same batch
  }
  if (items.size() != plan.size()) return false;
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (!same_item(items[i], plan[i], same_seeds)) return false;
  return true;
}

}  // namespace

std::optional<store::Job> unfinished_job_like(const store::Project& project, const std::vector<BatchItem>& plan,
                                              bool same_seeds) {
  for (auto& job : unfinished_jobs(project))
    if (same_plan(job, plan, same_seeds)) return std::move(job);
  return std::nullopt;
}

std::optional<store::Job> finished_job_like(const store::Project& project, const std::vector<BatchItem>& plan) {
  auto jobs = project.list_jobs();
  for (auto it = jobs.rbegin(); it != jobs.rend(); ++it)
    if (it->status == store::JobStatus::Done && same_plan(*it, plan, true)) return std::move(*it);
  return std::nullopt;
}

}  // namespace rashisa::workflow
