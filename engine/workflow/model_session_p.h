#pragma once
// Private: what a ModelSession holds. Only engine/workflow's libtorch sources include this.
#include "engine/ml/pipeline/sd_model.h"
#include "engine/workflow/model_session.h"

#include <cstdint>
#include <string>

namespace rashisa::workflow {

struct ModelSession::Impl {
  ml::StableDiffusionModel model;
  std::filesystem::path path;
  /// Which project concept is applied to `model` now ("" = none): project path, concept id
  /// and its last change, so an edited or retrained concept is loaded again.
  std::string applied_concept;
};

/// Applies the project's concept to the session's model (loading its package from the
/// project), replacing any concept applied before. Error(InvalidArgument) when the concept
/// has no package yet.
void use_project_concept(ModelSession& session, const store::Project& project, std::int64_t concept_id);

}  // namespace rashisa::workflow
