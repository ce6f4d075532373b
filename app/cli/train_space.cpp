#include "app/cli/train_space.h"

#include "engine/core/error.h"
#include "engine/workflow/concept_setup.h"
#include "engine/workflow/training_space.h"

#include <cstdio>

namespace rashisa::cli {

nlohmann::json warn_training_space(const store::Project& project, std::int64_t concept_id,
                                   const std::string& memory_plan) {
  workflow::TrainingSpace space;
  try {
    space = workflow::check_training_space(project, workflow::saved_setup(project, concept_id), memory_plan,
                                           concept_id);
  } catch (const Error& e) {
    std::fprintf(stderr, "note: the free disk space could not be checked: %s\n", e.what());
    return nullptr;
  }
  const std::string warning = space.warning();
  if (!warning.empty()) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  return {{"folder", space.folder.u8string()},
          {"needed_bytes", space.estimate.needed_bytes},
          {"available_bytes", space.available},
          {"short", space.short_of_space()},
          {"warning", warning}};
}

}  // namespace rashisa::cli
