#pragma once
// Example images of prompt templates: what each template looks like with a trained product,
// shown beside the template in the window. Torch-free header (the work is in rashisa_workflow).
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/store/project.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/model_session.h"

#include <cstdint>

namespace rashisa::workflow {

/// The size an example of a `width` x `height` template is made at: the same aspect with the
/// longer side at most 512, both sides multiples of 8 and at least 64.
struct ExampleSize {
  int width = 0;
  int height = 0;
};
ExampleSize example_size(int width, int height);

/// Makes one example image per project template (only for those without one when
/// `only_missing`) with the product `concept_id` applied to `session` (opened for generation
/// on the project's base model): the template's first expanded prompt (every variable at its
/// first value), seed 0, the template's sampler, steps and guidance, at example_size(). Each
/// is stored with Project::set_template_example as soon as it is made, so a cancel keeps the
/// ones made so far. Progress per image as for batches (BatchProgress with job_id 0, `images`
/// the number of examples to make). Error(InvalidArgument) when the product is not trained
/// (checked before anything is made); Error(Cancelled) when cancelled. Writes one audit entry
/// "template.examples" ({"concept", "templates": [made], "seconds", "device"}), also when
/// cancelled ("cancelled": true). Templates Rashisa did not write are skipped.
void make_template_examples(store::Project& project, std::int64_t concept_id, ModelSession& session,
                            const BatchProgressCallback& progress = {}, const CancelToken* cancel = nullptr,
                            bool only_missing = true);

}  // namespace rashisa::workflow
