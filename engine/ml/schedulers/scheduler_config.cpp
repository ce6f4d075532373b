// Scheduler configuration, sampler names and the from_config factory.
// Ref: diffusers/src/diffusers/configuration_utils.py (ConfigMixin.from_config,
//      extract_init_dict: keys in _use_default_values are not carried over)
// Ref: diffusers/src/diffusers/schedulers/scheduling_{ddim,pndm,euler_discrete,dpmsolver_multistep,ddpm}.py
//      (__init__ defaults)
#include "engine/core/error.h"
#include "engine/ml/schedulers/ddim.h"
#include "engine/ml/schedulers/dpmsolver_multistep.h"
#include "engine/ml/schedulers/euler_discrete.h"
#include "engine/ml/schedulers/pndm.h"
#include "engine/ml/schedulers/schedule_tables.h"
#include "engine/ml/schedulers/scheduler.h"

#include <cmath>

namespace rashisa::ml {

namespace {

std::string where(const std::string& key) { return "scheduler_config.json: key \"" + key + "\""; }

[[noreturn]] void unsupported_value(const std::string& key, const nlohmann::json& value, const std::string& hint) {
  throw Error(ErrorCode::UnsupportedModel,
              where(key) + " has the unsupported value " + value.dump() + (hint.empty() ? "" : " (" + hint + ")"));
}

const nlohmann::json* find(const nlohmann::json& j, const std::string& key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return nullptr;
  return &*it;
}

bool get_bool(const nlohmann::json& j, const std::string& key, bool fallback) {
  const auto* v = find(j, key);
  if (!v) return fallback;
  if (!v->is_boolean()) throw Error(ErrorCode::FileFormat, where(key) + " must be true or false, not " + v->dump());
  return v->get<bool>();
}

// Python's json writes inf/-inf as Infinity/-Infinity; readers that cannot
// parse those may hand them over as strings.
double get_double(const nlohmann::json& j, const std::string& key, double fallback) {
  const auto* v = find(j, key);
  if (!v) return fallback;
  if (v->is_number()) return v->get<double>();
  if (v->is_string()) {
    const auto s = v->get<std::string>();
    if (s == "-Infinity" || s == "-inf") return -INFINITY;
    if (s == "Infinity" || s == "inf") return INFINITY;
  }
  throw Error(ErrorCode::FileFormat, where(key) + " must be a number, not " + v->dump());
}

int get_int(const nlohmann::json& j, const std::string& key, int fallback, int min_value) {
  const auto* v = find(j, key);
  if (!v) return fallback;
  if (!v->is_number_integer()) throw Error(ErrorCode::FileFormat, where(key) + " must be an integer, not " + v->dump());
  const auto x = v->get<int64_t>();
  if (x < min_value || x > 1000000) unsupported_value(key, *v, "");
  return static_cast<int>(x);
}

std::string get_string(const nlohmann::json& j, const std::string& key, const std::string& fallback) {
  const auto* v = find(j, key);
  if (!v) return fallback;
  if (!v->is_string()) throw Error(ErrorCode::FileFormat, where(key) + " must be a string, not " + v->dump());
  return v->get<std::string>();
}

}  // namespace

SchedulerConfig SchedulerConfig::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error(ErrorCode::FileFormat, "scheduler_config.json is not a JSON object");
  SchedulerConfig c;
  c.class_name = get_string(j, "_class_name", "");
  // Absent keys: the defaults every diffusers scheduler class shares.
  c.num_train_timesteps = get_int(j, "num_train_timesteps", 1000, 2);
  c.beta_start = get_double(j, "beta_start", 0.0001);
  c.beta_end = get_double(j, "beta_end", 0.02);
  c.beta_schedule = get_string(j, "beta_schedule", "linear");
  if (c.beta_schedule != "linear" && c.beta_schedule != "scaled_linear")
    unsupported_value("beta_schedule", j.at("beta_schedule"), "supported: \"scaled_linear\", \"linear\"");
  if (find(j, "trained_betas")) unsupported_value("trained_betas", j.at("trained_betas"), "only null is supported");

  const auto prediction = get_string(j, "prediction_type", "epsilon");
  if (prediction == "epsilon")
    c.prediction_type = PredictionType::Epsilon;
  else if (prediction == "v_prediction")
    c.prediction_type = PredictionType::VPrediction;
  else
    unsupported_value("prediction_type", j.at("prediction_type"), "supported: \"epsilon\", \"v_prediction\"");

  if (find(j, "timestep_spacing")) {
    const auto s = get_string(j, "timestep_spacing", "");
    if (s == "leading")
      c.timestep_spacing = TimestepSpacing::Leading;
    else if (s == "linspace")
      c.timestep_spacing = TimestepSpacing::Linspace;
    else if (s == "trailing")
      c.timestep_spacing = TimestepSpacing::Trailing;
    else
      unsupported_value("timestep_spacing", j.at("timestep_spacing"), "supported: leading, linspace, trailing");
  }
  c.steps_offset = get_int(j, "steps_offset", 0, 0);
  c.skip_prk_steps = get_bool(j, "skip_prk_steps", false);
  c.clip_sample_range = get_double(j, "clip_sample_range", 1.0);
  c.use_karras_sigmas = get_bool(j, "use_karras_sigmas", false);
  for (const char* key : {"set_alpha_to_one", "clip_sample"})
    if (!find(j, key)) c.absent_keys.insert(key);
  c.set_alpha_to_one = get_bool(j, "set_alpha_to_one", c.set_alpha_to_one);
  c.clip_sample = get_bool(j, "clip_sample", c.clip_sample);

  if (get_bool(j, "thresholding", false)) unsupported_value("thresholding", true, "dynamic thresholding");
  if (get_bool(j, "rescale_betas_zero_snr", false))
    unsupported_value("rescale_betas_zero_snr", true, "zero-terminal-SNR rescaling");

  c.final_sigmas_type = get_string(j, "final_sigmas_type", "zero");
  if (c.final_sigmas_type != "zero" && c.final_sigmas_type != "sigma_min")
    unsupported_value("final_sigmas_type", j.at("final_sigmas_type"), "supported: \"zero\", \"sigma_min\"");
  if (find(j, "sigma_min")) c.sigma_min = get_double(j, "sigma_min", 0.0);
  if (find(j, "sigma_max")) c.sigma_max = get_double(j, "sigma_max", 0.0);
  c.interpolation_type = get_string(j, "interpolation_type", "linear");
  c.timestep_type = get_string(j, "timestep_type", "discrete");
  c.algorithm_type = get_string(j, "algorithm_type", "dpmsolver++");
  c.solver_type = get_string(j, "solver_type", "midpoint");
  c.lower_order_final = get_bool(j, "lower_order_final", true);
  c.euler_at_final = get_bool(j, "euler_at_final", false);
  c.use_lu_lambdas = get_bool(j, "use_lu_lambdas", false);
  c.lambda_min_clipped = get_double(j, "lambda_min_clipped", -INFINITY);
  c.variance_type = get_string(j, "variance_type", "");

  // A file written for one of our classes must describe something we reproduce;
  // other classes' keys are only carried along (as from_config does).
  if (c.class_name == "DPMSolverMultistepScheduler") {
    if (c.algorithm_type != "dpmsolver++")
      unsupported_value("algorithm_type", j.at("algorithm_type"), "only \"dpmsolver++\" is supported");
    if (c.use_lu_lambdas) unsupported_value("use_lu_lambdas", true, "");
    if (c.solver_type != "midpoint" && c.solver_type != "heun")
      unsupported_value("solver_type", j.at("solver_type"), "supported: \"midpoint\", \"heun\"");
  }
  if (c.class_name == "EulerDiscreteScheduler") {
    if (c.interpolation_type != "linear")
      unsupported_value("interpolation_type", j.at("interpolation_type"), "only \"linear\" is supported");
    if (c.timestep_type != "discrete")
      unsupported_value("timestep_type", j.at("timestep_type"), "only \"discrete\" is supported");
  }
  return c;
}

std::optional<SamplerKind> sampler_from_name(const std::string& name) {
  if (name == "ddim") return SamplerKind::DDIM;
  if (name == "pndm") return SamplerKind::PNDM;
  if (name == "euler") return SamplerKind::Euler;
  if (name == "dpmpp-2m") return SamplerKind::DPMSolverPP2M;
  if (name == "dpmpp-2m-karras") return SamplerKind::DPMSolverPP2MKarras;
  return std::nullopt;
}

const char* sampler_name(SamplerKind kind) {
  switch (kind) {
    case SamplerKind::DDIM: return "ddim";
    case SamplerKind::PNDM: return "pndm";
    case SamplerKind::Euler: return "euler";
    case SamplerKind::DPMSolverPP2M: return "dpmpp-2m";
    case SamplerKind::DPMSolverPP2MKarras: return "dpmpp-2m-karras";
  }
  return "?";
}

std::unique_ptr<Scheduler> make_scheduler(SamplerKind kind, const SchedulerConfig& base) {
  // Each class applies its own defaults to the keys absent from base.
  switch (kind) {
    case SamplerKind::DDIM: return std::make_unique<DdimScheduler>(base);
    case SamplerKind::PNDM: return std::make_unique<PndmScheduler>(base);
    case SamplerKind::Euler: return std::make_unique<EulerDiscreteScheduler>(base);
    case SamplerKind::DPMSolverPP2M:
    case SamplerKind::DPMSolverPP2MKarras: {
      auto c = base;
      c.use_karras_sigmas = kind == SamplerKind::DPMSolverPP2MKarras;
      return std::make_unique<DpmSolverMultistepScheduler>(c);
    }
  }
  throw Error(ErrorCode::InvalidArgument, "unknown sampler");
}

namespace sched {

SchedulerConfig effective_config(const SchedulerConfig& base, SchedulerClass cls) {
  SchedulerConfig c = base;
  if (!c.timestep_spacing)
    c.timestep_spacing = (cls == SchedulerClass::Euler || cls == SchedulerClass::DPMSolver) ? TimestepSpacing::Linspace
                                                                                            : TimestepSpacing::Leading;
  if (c.absent_keys.count("set_alpha_to_one")) c.set_alpha_to_one = cls == SchedulerClass::DDIM;
  if (c.absent_keys.count("clip_sample")) c.clip_sample = cls == SchedulerClass::DDIM || cls == SchedulerClass::DDPM;
  c.absent_keys.clear();
  return c;
}

void check_num_steps(int n, const SchedulerConfig& config) {
  if (n < 1 || n > config.num_train_timesteps)
    throw Error(ErrorCode::InvalidArgument, "the number of sampling steps must be between 1 and " +
                                                std::to_string(config.num_train_timesteps) + ", got " +
                                                std::to_string(n));
}

void unsupported(const std::string& scheduler, const std::string& key, const std::string& value) {
  throw Error(ErrorCode::UnsupportedModel,
              scheduler + ": scheduler config key \"" + key + "\" = " + value + " is not supported");
}

}  // namespace sched

}  // namespace rashisa::ml
