#pragma once
// Shared tables and numpy-exact helpers of the schedulers. diffusers builds its
// timestep lists with numpy in float64 (np.linspace, np.arange, np.round = round
// half to even, np.interp) and its beta tables with float32 torch; these
// functions reproduce both so that integer timesteps match exactly.
#include "engine/ml/schedulers/scheduler.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace rashisa::ml::sched {

enum class SchedulerClass { DDIM, PNDM, Euler, DPMSolver, DDPM };

/// base with the class's defaults applied to absent class-dependent keys.
SchedulerConfig effective_config(const SchedulerConfig& base, SchedulerClass cls);
/// Throws Error(InvalidArgument) unless 1 <= n <= config.num_train_timesteps.
void check_num_steps(int n, const SchedulerConfig& config);
/// Error(UnsupportedModel) for key = value, naming the scheduler.
[[noreturn]] void unsupported(const std::string& scheduler, const std::string& key, const std::string& value);

/// float32 [T]. Ref: scheduling_ddim.py __init__ (linear / scaled_linear).
torch::Tensor make_betas(const SchedulerConfig& config);
/// float32 [T] cumprod(1 - betas).
torch::Tensor make_alphas_cumprod(const torch::Tensor& betas);
/// float32 sqrt((1 - acp) / acp), ascending in t, as np.array of the torch result.
std::vector<float> training_sigmas(const torch::Tensor& alphas_cumprod);

// numpy 1.24 float64 semantics.
std::vector<double> np_linspace(double start, double stop, int64_t num);
std::vector<double> np_arange(double start, double stop, double step);
double np_round(double x);  // round half to even
/// np.interp(x, arange(len(fp)), fp).
std::vector<double> np_interp_index(const std::vector<double>& x, const std::vector<float>& fp);

/// Timestep lists of DDIM (and DPM-Solver trailing): descending, int64.
std::vector<int64_t> ddim_timesteps(TimestepSpacing spacing, int num_train, int n, int steps_offset);

/// Karras et al. (2022) sigmas, float64. Ref: scheduling_euler_discrete.py _convert_to_karras.
std::vector<double> karras_sigmas(double sigma_min, double sigma_max, int n);
/// Fractional training timestep of sigma (piecewise linear in log sigma).
/// Ref: scheduling_euler_discrete.py _sigma_to_t.
double sigma_to_t(double sigma, const std::vector<float>& log_sigmas);

torch::Tensor to_tensor(const std::vector<int64_t>& v);
torch::Tensor to_tensor(const std::vector<float>& v);

}  // namespace rashisa::ml::sched
