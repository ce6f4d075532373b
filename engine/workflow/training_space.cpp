#include "engine/workflow/training_space.h"

#include "engine/core/space_advice.h"
#include "engine/ml/pipeline/sd_model.h"
#include "engine/ml/train/blockwise_int8.h"
#include "engine/ml/train/train_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>

namespace rashisa::workflow {

namespace fs = std::filesystem;

namespace {

// Safetensors headers (a name, dtype, shape and offsets per tensor) and the project's own rows:
// small next to the tensors, but not nothing for the tiny models of the tests.
constexpr std::int64_t kHeaderSlack = 1 << 20;
// SQLite's journal for the small changes around each save (progress, audit log).
constexpr std::int64_t kJournalSlack = 2 << 20;

}  // namespace

TrainingSpaceEstimate estimate_training_space(const TrainingSpaceInputs& in) {
  // A stage-3 checkpoint (ml::save_checkpoint): every UNet weight as trained (fp32, or bf16 under
  // the plans that train in bf16) and AdamW's two moments per weight (fp32, or blockwise 8-bit:
  // one byte each plus a float32 absmax per kQuantBlock values), the embedding with its moments.
  const double weight = in.bf16_weights ? 2.0 : 4.0;
  const double moments = in.int8_moments ? 2.0 * (1.0 + 4.0 / static_cast<double>(ml::kQuantBlock)) : 8.0;
  TrainingSpaceEstimate e;
  e.checkpoint_bytes = static_cast<std::int64_t>(static_cast<double>(in.unet_parameters) * (weight + moments)) +
                       in.embedding_size * 4 * 3 + kHeaderSlack;
  // The product (ml::save_concept): the UNet difference in fp16 (or fp32) and the embedding.
  e.package_bytes = in.unet_parameters * (in.fp32_delta ? 4 : 2) + in.embedding_size * 4 + kHeaderSlack;
  // Storing a checkpoint over an older one holds three copies at once: the old one, the new one,
  // and SQLite's journal of the old one's pages (they are zeroed, secure_delete). With a single
  // stage-3 checkpoint the peak comes at the end instead: it, the product, and the journal of
  // the checkpoint's removal.
  const bool several = in.checkpoint_every > 0 && in.stage3_steps > in.checkpoint_every;
  const std::int64_t peak = several ? 3 * e.checkpoint_bytes : 2 * e.checkpoint_bytes + e.package_bytes;
  e.needed_bytes = std::max<std::int64_t>(peak - in.saved_checkpoint_bytes, e.package_bytes) + kJournalSlack;
  return e;
}

std::string TrainingSpace::warning() const {
  if (!short_of_space()) return {};
  return "only " + about_bytes(available) + " is free in " + folder.u8string() + ", and training this product needs " +
         about_bytes(estimate.needed_bytes) +
         " there (its checkpoints and the finished product are kept in the project file); free some space there "
         "first, or the training stops when the disk is full (running the same command again then continues it)";
}

TrainingSpace check_training_space(const store::Project& project, const ConceptSetup& setup,
                                   const std::string& memory_plan, std::int64_t concept_id) {
  const ml::ModelInfo model = ml::inspect_model(fs::u8path(project.base_model().path));
  TrainingSpaceInputs in;
  if (const auto unet = model.components.find("unet"); unet != model.components.end())
    in.unet_parameters = unet->second.parameters;
  in.embedding_size = model.family == ml::ModelFamily::SD2 ? 1024 : 768;
  in.fp32_delta = setup.fp32_delta;
  in.checkpoint_every = setup.checkpoint_every;
  in.stage3_steps = setup.stages[2].steps;
  if (in.stage3_steps < 0) {
    const auto preset = ml::preset_from_name(setup.preset);
    in.stage3_steps = ml::stage_plan(preset ? *preset : ml::TrainPreset::Default)[2].steps;
  }
  std::string plan_name = memory_plan;
  if (concept_id > 0) {
    const store::Concept c = project.get_concept(concept_id);
    in.saved_checkpoint_bytes = c.checkpoint_size.value_or(0);
    if (plan_name.empty())
      plan_name = nlohmann::json::parse(c.spec.settings, nullptr, false).value("memory_plan", std::string());
  }
  // Without a plan, the one with the largest checkpoint: fp32 weights and moments (cpu, 24gb).
  if (const auto plan = ml::memory_plan_from_name(plan_name)) {
    in.bf16_weights = plan->weights == ml::MemoryPlan::Weights::Bf16Stochastic;
    in.int8_moments = plan->optimizer_moments == ml::MemoryPlan::Moments::Blockwise8bit;
  }
  TrainingSpace space;
  space.folder = folder_of(project.path());
  space.estimate = estimate_training_space(in);
  std::error_code ec;
  const fs::space_info info = fs::space(space.folder, ec);
  if (!ec && info.available != static_cast<std::uintmax_t>(-1))
    space.available = static_cast<std::int64_t>(info.available);
  return space;
}

}  // namespace rashisa::workflow
