#include "engine/workflow/try_concept.h"

#include "engine/core/error.h"
#include "engine/templates/prompt_template.h"
#include "engine/workflow/image_maker_p.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace rashisa::workflow {

using nlohmann::json;

namespace {

[[noreturn]] void bad(const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); }

/// Replaces every {concept} and {product} with the product's phrase; false when there was none.
bool put_product_in(std::string& text, const std::string& phrase) {
  bool found = false;
  for (const std::string key : {"{concept}", "{product}"}) {
    for (auto pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + phrase.size())) {
      text.replace(pos, key.size(), phrase);
      found = true;
    }
  }
  return found;
}

}  // namespace

std::vector<TryImage> try_concept(store::Project& project, std::int64_t concept_id, ModelSession& session,
                                  const TryRequest& request, const BatchProgressCallback& progress,
                                  const CancelToken* cancel) {
  const store::Concept c = project.get_concept(concept_id);
  if (!c.package_size) bad("the product \"" + c.spec.name + "\" is not trained yet; train it before trying it out");
  if (request.seeds.empty()) bad("give at least one seed: each seed makes one image");
  store::GenerationParams p;
  p.prompt = request.prompt;
  p.negative_prompt = request.negative_prompt;
  const std::string phrase = templates::product_phrase(c.spec.token, c.spec.category);
  if (!put_product_in(p.prompt, phrase))
    bad("write {product} in the prompt where the product goes, e.g. \"a photo of {product} on a wooden table\"");
  put_product_in(p.negative_prompt, phrase);
  p.sampler = request.sampler;
  p.steps = request.steps;
  p.guidance = request.guidance;
  p.width = request.width;
  p.height = request.height;

  const auto start = std::chrono::steady_clock::now();
  std::vector<TryImage> images;
  const auto total = static_cast<std::int64_t>(request.seeds.size());
  for (std::int64_t k = 0; k < total; ++k) {
    p.seed = request.seeds[static_cast<std::size_t>(k)];
    ProgressCallback step_cb;
    if (progress) step_cb = [&](const Progress& s) { return progress({0, k + 1, total, s}); };
    images.push_back({p.seed, make_png(project, session, concept_id, p, step_cb, cancel)});
  }
  project.log_action("concept.try", json{{"concept", concept_id},
                                         {"name", c.spec.name},
                                         {"prompt", p.prompt},
                                         {"negative_prompt", p.negative_prompt},
                                         {"seeds", request.seeds},
                                         {"sampler", p.sampler},
                                         {"steps", p.steps},
                                         {"guidance", p.guidance},
                                         {"width", p.width},
                                         {"height", p.height},
                                         {"device", session.device_name()},
                                         {"precision", session.precision()},
                                         {"base_model", session.weights_hash()},
                                         {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()}}
                                        .dump());
  return images;
}

}  // namespace rashisa::workflow
