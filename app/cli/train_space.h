#pragma once
// `project train` checks the free space beside the project before it starts: a warning, not an
// error (the estimate is "about", and space can be freed while it trains).
#include "engine/store/project.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace rashisa::cli {

/// Prints "warning: ..." on stderr when the project's folder has less free space than training
/// product `concept_id` with `memory_plan` needs. Returns what --json output carries:
/// {"folder", "needed_bytes", "available_bytes" (-1: unknown), "short", "warning"}; null when the
/// estimate could not be made (the reason is printed as a note).
nlohmann::json warn_training_space(const store::Project& project, std::int64_t concept_id,
                                   const std::string& memory_plan);

}  // namespace rashisa::cli
