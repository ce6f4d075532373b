#pragma once
// AdamW with PyTorch's exact update (decoupled weight decay, bias correction), with
// its state as named tensors so a checkpoint is a plain safetensors file (no pickle).
// Ref: pytorch/torch/optim/adamw.py (_single_tensor_adamw)
//
// Three memory-saving variants, each an approximation named in the concept's metadata
// (train_config.h, MemoryPlan): moments stored block-wise in 8 bits (blockwise_int8.h),
// bf16 parameters updated in float32 and rounded back stochastically (stochastic_rounding.h),
// and the step taken per parameter inside the backward pass (fused_backward.h, exact).
#include "engine/ml/train/blockwise_int8.h"

#include <torch/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rashisa::ml {

enum class MomentStorage { Fp32, Blockwise8bit };

struct AdamWOptions {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.01;
  MomentStorage moments = MomentStorage::Fp32;
  /// Parameters smaller than this keep float32 moments even with 8-bit storage (as
  /// bitsandbytes' min_8bit_size does: the saving is nil and small tensors are sensitive).
  int64_t min_8bit_size = 4096;
  /// bfloat16 parameters: round each updated value stochastically (else to nearest), with
  /// random bits keyed by (rounding_seed, step, parameter index).
  bool stochastic_rounding = false;
  std::uint64_t rounding_seed = 0;
};

class AdamW {
 public:
  /// `params` are leaf tensors with requires_grad; `names` name them in the state.
  AdamW(std::vector<std::string> names, std::vector<torch::Tensor> params, AdamWOptions options);

  void zero_grad();
  /// One update from the current .grad(); parameters without a gradient are skipped.
  /// Same as begin_step() followed by update(i, params()[i].grad()) for each i.
  void step();

  /// Starts a step: counts it and fixes its bias corrections.
  void begin_step();
  /// Updates parameter i of the current step from `grad` (any floating dtype).
  void update(std::size_t i, const torch::Tensor& grad);

  const std::vector<torch::Tensor>& params() const { return params_; }
  const AdamWOptions& options() const { return options_; }
  int64_t steps() const { return step_; }
  /// Bytes the moments occupy.
  int64_t state_bytes() const;

  /// "<name>.exp_avg", "<name>.exp_avg_sq" (float32) or, for 8-bit moments,
  /// "<name>.exp_avg.code"/"<name>.exp_avg.absmax" (uint8 codes, float32 block scales) and
  /// the same for exp_avg_sq; and "step" ([] int64).
  std::map<std::string, torch::Tensor> state() const;
  /// Restores state(), converting between float32 and 8-bit moments when the saved run used
  /// the other storage; throws Error(FileFormat) if names or shapes differ.
  void load_state(const std::map<std::string, torch::Tensor>& state);

 private:
  struct Moment {
    torch::Tensor full;   // float32, same shape as the parameter; or undefined when quantised
    BlockwiseInt8 quant;  // 8-bit storage
  };
  bool quantised(std::size_t i) const;
  torch::Tensor read(std::size_t i, bool second) const;
  void write(std::size_t i, bool second, const torch::Tensor& value);

  std::vector<std::string> names_;
  std::vector<torch::Tensor> params_;
  std::vector<Moment> exp_avg_;
  std::vector<Moment> exp_avg_sq_;
  AdamWOptions options_;
  int64_t step_ = 0;
  double step_size_ = 0;
  double bias2_sqrt_ = 1;
};

}  // namespace rashisa::ml
