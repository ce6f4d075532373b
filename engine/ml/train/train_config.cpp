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

namespace {

// Each plan fits stage 3 of the default schedule (512 px, batch 8) of SD 1.5 and 2.1 in its
// GPU size; memory_budget.cpp has the arithmetic and test_memory_budget checks it.
MemoryPlan plan_24gb() {
  MemoryPlan p;  // exact fp32 optimiser; the fused step (exact) drops the 3.5 GB gradient buffer
  p.name = "24gb";
  p.mixed_precision = true;
  p.fused_backward = true;
  p.text_encoder_offload = true;
  return p;
}
MemoryPlan plan_16gb() {
  MemoryPlan p = plan_24gb();  // still exact: activations recomputed, VAE off the GPU
  p.name = "16gb";
  p.gradient_checkpointing = true;
  p.vae_offload = true;
  p.vae_batch = 2;
  return p;
}
MemoryPlan plan_12gb() {
  MemoryPlan p = plan_16gb();
  p.name = "12gb";
  p.optimizer_moments = MemoryPlan::Moments::Blockwise8bit;
  return p;
}
MemoryPlan plan_8gb() {
  MemoryPlan p = plan_12gb();
  p.name = "8gb";
  p.weights = MemoryPlan::Weights::Bf16Stochastic;
  p.vae_batch = 1;
  return p;
}
MemoryPlan plan_cpu() {
  MemoryPlan p;
  p.name = "cpu";
  return p;
}

}  // namespace

MemoryPlan memory_plan_for(bool cuda, std::int64_t free_bytes) {
  if (!cuda) return plan_cpu();
  const double gib = static_cast<double>(free_bytes) / (1ull << 30);
  if (gib >= 22) return plan_24gb();
  if (gib >= 15) return plan_16gb();
  if (gib >= 11) return plan_12gb();
  return plan_8gb();
}

std::vector<MemoryPlan> named_memory_plans() { return {plan_24gb(), plan_16gb(), plan_12gb(), plan_8gb(), plan_cpu()}; }

std::optional<MemoryPlan> memory_plan_from_name(const std::string& name) {
  for (const auto& p : named_memory_plans())
    if (p.name == name) return p;
  return std::nullopt;
}

std::optional<MemoryPlan> smaller_memory_plan(const std::string& name) {
  static const char* const order[] = {"24gb", "16gb", "12gb", "8gb"};
  for (int i = 0; i + 1 < 4; ++i)
    if (name == order[i]) return memory_plan_from_name(order[i + 1]);
  return std::nullopt;
}

int memory_plan_gpu_gib(const MemoryPlan& plan) {
  if (plan.name == "24gb") return 24;
  if (plan.name == "16gb") return 16;
  if (plan.name == "12gb") return 12;
  if (plan.name == "8gb") return 8;
  return 0;
}

std::vector<std::string> approximations(const MemoryPlan& p) {
  std::vector<std::string> out;
  if (p.mixed_precision) out.push_back("mixed_precision_autocast");  // bf16, or fp16 with loss scaling
  if (p.micro_batch > 0) out.push_back("micro_batch_accumulation_order");
  if (p.optimizer_moments == MemoryPlan::Moments::Blockwise8bit) out.push_back("adamw_8bit_blockwise_moments");
  if (p.weights == MemoryPlan::Weights::Bf16Stochastic) out.push_back("bf16_weights_stochastic_rounding");
  return out;
}

std::string plan_problem(const MemoryPlan& p) {
  if (p.fused_backward && p.micro_batch > 0)
    return "the fused optimiser step needs the whole batch in one backward pass (micro_batch 0)";
  if (p.weights == MemoryPlan::Weights::Bf16Stochastic && !p.mixed_precision)
    return "bf16 weights need mixed precision";
  if (p.micro_batch < 0 || p.vae_batch < 0) return "micro_batch and vae_batch must be >= 0";
  return {};
}

nlohmann::json to_json(const MemoryPlan& p) {
  return {{"gradient_checkpointing", p.gradient_checkpointing},
          {"micro_batch", p.micro_batch},
          {"mixed_precision", p.mixed_precision},
          {"fused_backward", p.fused_backward},
          {"optimizer_moments", p.optimizer_moments == MemoryPlan::Moments::Fp32 ? "fp32" : "8bit_blockwise"},
          {"weights", p.weights == MemoryPlan::Weights::Fp32 ? "fp32" : "bf16_stochastic"},
          {"text_encoder_offload", p.text_encoder_offload},
          {"vae_offload", p.vae_offload},
          {"vae_batch", p.vae_batch},
          {"approximations", approximations(p)}};
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
          {"memory", to_json(s.memory)},
          {"optimizer", {{"name", "AdamW"}, {"betas", {0.9, 0.999}}, {"eps", 1e-8}, {"weight_decay", 0.01}}}};
}

}  // namespace rashisa::ml
