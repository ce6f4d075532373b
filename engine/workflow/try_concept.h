#pragma once
// "Try it": a few images of a trained product from one prompt, shown on the Learn page and
// not kept as catalogue images (nothing is added to the project but an audit entry).
// Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/store/project.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/model_session.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::workflow {

struct TryRequest {
  /// With {concept} (or {product}) where the product goes, e.g. "a photo of {concept} on a
  /// wooden table"; both become the product's token and category ("<rashisa> mug"), also in
  /// the negative prompt.
  std::string prompt;
  std::string negative_prompt;
  std::vector<std::int64_t> seeds = {1, 2, 3, 4};  // one image per seed, in this order
  int width = 512, height = 512, steps = 25;
  double guidance = 7.5;
  std::string sampler = "dpmpp-2m";  // dpmpp-2m, dpmpp-2m-karras, ddim, pndm, euler
};

struct TryImage {
  std::int64_t seed = 0;
  std::vector<std::uint8_t> png;  // the image as a PNG file
};

/// Makes one image per seed with the product applied to `session` (opened for generation on
/// the project's base model). The same request on the same device and precision gives the same
/// bytes. Progress per image: BatchProgress with job_id 0. Error(InvalidArgument) when the
/// product is not trained, the prompt has no {concept}/{product}, there are no seeds or a
/// setting is out of range (checked before any image is made); Error(Cancelled) when cancelled
/// (the images made so far are dropped). Writes an audit entry "concept.try" when done, with the
/// request and the "seconds" it took.
std::vector<TryImage> try_concept(store::Project& project, std::int64_t concept_id, ModelSession& session,
                                  const TryRequest& request, const BatchProgressCallback& progress = {},
                                  const CancelToken* cancel = nullptr);

}  // namespace rashisa::workflow
