#pragma once
// A product's saved setup, and how the setup a new run asks for differs from it: running the
// same `project train` command again continues the product, and other settings are named one
// by one so the user can keep them or start over. Torch-free.
#include "engine/core/no_qt.h"
#include "engine/store/project.h"
#include "engine/workflow/concept_training.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::workflow {

/// One setting where a run's setup differs from the saved one, in the command line's terms.
struct SettingDifference {
  std::string option;  // "--stage3-steps"
  std::string saved;   // the value the product was set up with: "500"
  std::string given;   // the value asked for now: "400"
  bool operator==(const SettingDifference& o) const {
    return option == o.option && saved == o.saved && given == o.given;
  }
};

/// The setup the product was made with: its name, category, preset, seed, resolution,
/// checkpoint interval, fp32 choice, every stage number as it was resolved then, and its photos.
/// Throws Error(FileFormat) when the stored settings are damaged, store::StoreError(NotFound)
/// for an unknown product.
ConceptSetup saved_setup(const store::Project& project, std::int64_t concept_id);

/// Every setting of `given` that differs from `saved`, in the order `train --help` lists them
/// (the name is not compared). A stage number left negative and an empty photo list in `given`
/// mean "as saved"; every other field is compared as it is, so a default counts as a value
/// (`--preset default` equals a product set up without --preset). Numbers compare exactly and
/// are written in their shortest exact form (1e-4 and 0.0001 are the same value).
std::vector<SettingDifference> setup_differences(const ConceptSetup& saved, const ConceptSetup& given);

/// "1-8,10": ids in ascending order with runs of 3 or more written as ranges, as --photos takes them.
std::string format_id_list(std::vector<std::int64_t> ids);

/// True when the product's trained package is stored. Also finishes the bookkeeping that a
/// crash between storing the package and marking the product trained can leave: the status
/// becomes "trained" and a leftover checkpoint is removed.
bool settle_trained_concept(store::Project& project, std::int64_t concept_id);

}  // namespace rashisa::workflow
