#include "engine/ml/train/train_config.h"

namespace rashisa::ml {

StagePlan stage_plan(TrainPreset preset) {
  // DESIGN.md section 5 (AttnDreamBooth paper defaults), fast preset differs in stage 3.
  StagePlan plan;
  plan[0] = {60, 1e-3, 8, 0.1, 0.0};
  plan[1] = {100, 2e-5, 8, 2.0, 5.0};
  plan[2] = preset == TrainPreset::Fast ? StageSettings{200, 1e-5, 4, 2.0, 5.0} : StageSettings{500, 2e-6, 8, 2.0, 5.0};
  return plan;
}

std::optional<TrainPreset> preset_from_name(const std::string& name) {
  if (name == "default") return TrainPreset::Default;
  if (name == "fast") return TrainPreset::Fast;
  return std::nullopt;
}

MemoryPlan memory_plan_for(bool cuda, std::int64_t free_bytes) {
  if (!cuda) return MemoryPlan{"cpu", false, 0, false};
  const double gib = static_cast<double>(free_bytes) / (1ull << 30);
  if (gib >= 22) return MemoryPlan{"24gb", false, 0, true};
  if (gib >= 15) return MemoryPlan{"16gb", true, 0, true};
  if (gib >= 11) return MemoryPlan{"12gb", true, 4, true};
  return MemoryPlan{"8gb", true, 1, true};
}

std::optional<MemoryPlan> memory_plan_from_name(const std::string& name) {
  if (name == "24gb") return MemoryPlan{"24gb", false, 0, true};
  if (name == "16gb") return MemoryPlan{"16gb", true, 0, true};
  if (name == "12gb") return MemoryPlan{"12gb", true, 4, true};
  if (name == "8gb") return MemoryPlan{"8gb", true, 1, true};
  if (name == "cpu") return MemoryPlan{"cpu", false, 0, false};
  return std::nullopt;
}

nlohmann::json to_json(const TrainSettings& s) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& st : s.stages)
    stages.push_back({{"steps", st.steps}, {"lr", st.lr}, {"batch", st.batch}, {"lambda_mean", st.lambda_mean},
                      {"lambda_var", st.lambda_var}});
  return {{"category", s.category},
          {"placeholder", s.placeholder},
          {"preset", s.preset_name},
          {"stages", stages},
          {"seed", s.seed},
          {"resolution", s.augment.resolution},
          {"augment", {{"rotate_probability", s.augment.rotate_probability},
                       {"max_rotation_degrees", s.augment.max_rotation_degrees},
                       {"flip_probability", s.augment.flip_probability}}},
          {"memory_plan", s.memory.name},
          {"optimizer", {{"name", "AdamW"}, {"betas", {0.9, 0.999}}, {"eps", 1e-8}, {"weight_decay", 0.01}}}};
}

}  // namespace rashisa::ml
