#pragma once
// Private: one image on a session's model, shared by batch runs, regeneration and "try it".
// Only engine/workflow's libtorch sources include this.
#include "engine/core/progress.h"
#include "engine/store/project.h"
#include "engine/workflow/model_session.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace rashisa::workflow {

/// Makes one image from `params` (prompt, seed, sampler, steps, guidance, size) on the
/// session's model with the project's concept applied (nullopt: the base model, taking off
/// any product applied before) and returns its PNG bytes. The parameters are checked before
/// anything is loaded: Error(InvalidArgument) for an unknown sampler or a bad size.
std::vector<std::uint8_t> make_png(store::Project& project, ModelSession& session,
                                   const std::optional<std::int64_t>& concept_id, const store::GenerationParams& params,
                                   const ProgressCallback& progress, const CancelToken* cancel);

}  // namespace rashisa::workflow
