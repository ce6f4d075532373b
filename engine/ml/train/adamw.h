#pragma once
// AdamW with PyTorch's exact update (decoupled weight decay, bias correction), with
// its state as named tensors so a checkpoint is a plain safetensors file (no pickle).
// Ref: pytorch/torch/optim/adamw.py (_single_tensor_adamw)
#include <torch/types.h>

#include <map>
#include <string>
#include <vector>

namespace rashisa::ml {

struct AdamWOptions {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.01;
};

class AdamW {
 public:
  /// `params` are leaf tensors with requires_grad; `names` name them in the state.
  AdamW(std::vector<std::string> names, std::vector<torch::Tensor> params, AdamWOptions options);

  void zero_grad();
  /// One update from the current .grad(); parameters without a gradient are skipped.
  void step();

  int64_t steps() const { return step_; }
  /// "<name>.exp_avg", "<name>.exp_avg_sq" and "step" ([] int64).
  std::map<std::string, torch::Tensor> state() const;
  /// Restores state(); throws Error(FileFormat) if names or shapes differ.
  void load_state(const std::map<std::string, torch::Tensor>& state);

 private:
  std::vector<std::string> names_;
  std::vector<torch::Tensor> params_;
  std::vector<torch::Tensor> exp_avg_;
  std::vector<torch::Tensor> exp_avg_sq_;
  AdamWOptions options_;
  int64_t step_ = 0;
};

}  // namespace rashisa::ml
