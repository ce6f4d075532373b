#pragma once
// A catalogue batch: products (trained concepts) x prompt templates (expanded) x seeds, frozen
// into one queued job. The job's params hold the whole plan, so running it later (or resuming
// it after a crash or a cancel) makes exactly the images that were counted when it was queued,
// even if templates are edited or removed meanwhile. Torch-free.
#include "engine/core/no_qt.h"
#include "engine/store/project.h"
#include "engine/templates/prompt_template.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::workflow {

struct BatchRequest {
  std::vector<std::int64_t> template_ids;  // at least one
  std::vector<std::int64_t> concept_ids;   // at least one trained concept (the products)
  /// Seeds for every prompt. Empty: first_seed, first_seed+1, ... as many as the template's
  /// images_per_prompt.
  std::vector<std::int64_t> seeds;
  std::int64_t first_seed = 0;
  // Overrides of the templates' settings; 0 / negative / empty keep the template's own.
  int steps = 0;
  double guidance = -1.0;
  std::string sampler;
  int width = 0;
  int height = 0;
  /// The most images one batch may make; checked before anything is queued.
  std::size_t cap = templates::kDefaultExpansionCap;
};

/// One image of a batch, with everything needed to make it.
struct BatchItem {
  std::int64_t concept_id = 0;
  std::int64_t template_id = 0;
  std::string prompt;  // {product} already replaced by "<token> <category>"
  std::string negative_prompt;
  std::map<std::string, std::string> values;  // template variable -> value used
  int width = 512;
  int height = 512;
  int steps = 50;
  double guidance = 7.5;
  std::string sampler;
  std::int64_t seed = 0;
};

/// The images a request makes, in the order they will be made: product, template, expanded
/// prompt, seed. Throws Error(InvalidArgument) with the count when it exceeds the cap, and
/// for unknown or untrained concepts, unknown templates or bad overrides.
std::vector<BatchItem> plan_batch(const store::Project& project, const BatchRequest& request);

/// Plans the batch and adds it as one queued job; returns the job id.
std::int64_t queue_batch(store::Project& project, const BatchRequest& request);

/// "More like this": the image's prompt, negative prompt and settings with each of `seeds`, as
/// one queued job (its product must still exist). Returns the job id.
std::int64_t queue_more_like(store::Project& project, std::int64_t image_id, const std::vector<std::int64_t>& seeds);

/// The plan stored in a job (Error(FileFormat) when the job was not made by queue_batch).
std::vector<BatchItem> job_items(const store::Job& job);

/// Jobs that are not finished (queued, running when the program stopped, cancelled, failed),
/// oldest first.
std::vector<store::Job> unfinished_jobs(const store::Project& project);

/// The oldest unfinished job whose stored plan is `plan` (with `same_seeds` false, seeds are
/// not compared: a request without a seed draws new ones each time). This is how running the
/// same batch command again continues the batch a crash or kill stopped.
std::optional<store::Job> unfinished_job_like(const store::Project& project, const std::vector<BatchItem>& plan,
                                              bool same_seeds);

/// The newest finished job whose stored plan is `plan`, seeds included: the same seeded batch
/// command run again after its batch was done (for example when the program was killed after
/// storing its last image) has nothing left to make.
std::optional<store::Job> finished_job_like(const store::Project& project, const std::vector<BatchItem>& plan);

}  // namespace rashisa::workflow
