#pragma once
// Sampling schedulers of Stable Diffusion, reproducing diffusers 0.30.3
// (DDIM, PNDM/PLMS, Euler, DPM-Solver++ 2M with and without Karras sigmas) and
// the DDPM training schedule (ddpm.h). Each scheduler is a small class over
// plain numbers; its tables are testable without a model.
// Ref: diffusers/src/diffusers/schedulers/scheduling_utils.py, configuration_utils.py (from_config)
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace rashisa::ml {

enum class PredictionType { Epsilon, VPrediction };
enum class TimestepSpacing { Leading, Linspace, Trailing };

/// diffusers scheduler_config.json. A default-constructed config is the SD
/// 1.x/2.x one (scaled_linear 0.00085..0.012, steps_offset 1, no alpha_to_one,
/// PLMS without Runge-Kutta warm-up); from_json fills absent keys with the
/// diffusers defaults instead, like the Python classes do.
struct SchedulerConfig {
  int num_train_timesteps = 1000;
  double beta_start = 0.00085, beta_end = 0.012;
  std::string beta_schedule = "scaled_linear";  // "scaled_linear" or "linear"
  PredictionType prediction_type = PredictionType::Epsilon;
  /// Absent: the target class's default (leading for DDIM/PNDM/DDPM, linspace
  /// for Euler/DPM-Solver), since from_config does not carry absent keys over.
  std::optional<TimestepSpacing> timestep_spacing;
  int steps_offset = 1;
  bool set_alpha_to_one = false;   // DDIM/PNDM: alpha at the step after the last one
  bool skip_prk_steps = true;      // PNDM: only PLMS steps are implemented
  bool clip_sample = false;        // DDIM: clamp x0 to +-clip_sample_range
  double clip_sample_range = 1.0;
  bool use_karras_sigmas = false;  // Euler/DPM-Solver
  // Euler / DPM-Solver
  std::string final_sigmas_type = "zero";   // "zero" or "sigma_min"
  std::optional<double> sigma_min, sigma_max;  // Karras range override
  std::string interpolation_type = "linear";  // Euler; "linear" only
  std::string timestep_type = "discrete";     // Euler; "discrete" only
  // DPM-Solver
  std::string algorithm_type = "dpmsolver++";  // only "dpmsolver++"
  std::string solver_type = "midpoint";        // "midpoint" or "heun"
  bool lower_order_final = true;
  bool euler_at_final = false;
  bool use_lu_lambdas = false;  // true is refused
  double lambda_min_clipped = -std::numeric_limits<double>::infinity();
  std::string variance_type;  // "" (null), "fixed_small", ...; "learned*" refused by DPM-Solver

  /// "_class_name" of the JSON ("PNDMScheduler", ...), empty when absent.
  std::string class_name;
  /// Keys absent from the JSON whose default depends on the target class
  /// ("set_alpha_to_one": DDIM true, PNDM false; "clip_sample": DDIM/DDPM true).
  /// make_scheduler / DdpmTraining apply that class's default for them
  /// (diffusers' _use_default_values).
  std::set<std::string> absent_keys;

  /// Unsupported values (thresholding true, beta_schedule other than
  /// scaled_linear/linear, trained_betas, prediction_type "sample",
  /// rescale_betas_zero_snr true, and for a DPMSolverMultistepScheduler file an
  /// algorithm_type other than dpmsolver++, ...) throw Error(UnsupportedModel)
  /// naming the key and value; wrongly typed values throw Error(FileFormat).
  static SchedulerConfig from_json(const nlohmann::json& scheduler_config_json);
};

enum class SamplerKind { DDIM, PNDM, Euler, DPMSolverPP2M, DPMSolverPP2MKarras };

/// "ddim", "pndm", "euler", "dpmpp-2m", "dpmpp-2m-karras".
std::optional<SamplerKind> sampler_from_name(const std::string& name);
const char* sampler_name(SamplerKind kind);

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  /// Throws Error(InvalidArgument) unless 1 <= num_inference_steps <= num_train_timesteps.
  virtual void set_timesteps(int num_inference_steps) = 0;
  /// One entry per UNet call, CPU: int64 (DDIM/PNDM/DPM-Solver) or float32 (Euler).
  virtual torch::Tensor timesteps() const = 0;
  virtual double init_noise_sigma() const = 0;
  /// step_index is the position in timesteps() (PNDM repeats a timestep).
  virtual torch::Tensor scale_model_input(const torch::Tensor& x, int step_index) = 0;
  struct StepOutput {
    torch::Tensor prev_sample;
    torch::Tensor pred_original_sample;  // undefined if the scheduler has none
  };
  /// Steps must be taken in order 0, 1, ... after set_timesteps (multistep
  /// schedulers keep history). Runs on the sample's device; prev_sample has the
  /// model output's dtype where diffusers casts it back (Euler, DPM-Solver).
  virtual StepOutput step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample) = 0;
  /// Euler / DPM-Solver: float32 CPU [len(timesteps) + 1] ending in the final sigma.
  virtual torch::Tensor sigmas() const { return {}; }
};

/// The scheduler `X.from_config(pipe.scheduler.config)` gives in diffusers for
/// the sampler kind: base_config's keys carry over, absent ones take the target
/// class's defaults. The Karras kind forces use_karras_sigmas, DPMSolverPP2M
/// clears it. Throws Error(UnsupportedModel) for config values the class cannot honour.
std::unique_ptr<Scheduler> make_scheduler(SamplerKind kind, const SchedulerConfig& base_config);

}  // namespace rashisa::ml
