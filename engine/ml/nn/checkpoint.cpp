#include "engine/ml/nn/checkpoint.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

namespace rashisa::ml {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define RASHISA_AUTOCAST_BY_DEVICE 1
#endif

// Autocast is thread-local and backward may run on another thread, so the recomputation
// restores the forward's autocast settings (as torch.utils.checkpoint does).
struct AutocastState {
  bool cuda = false, cpu = false;
  at::ScalarType cuda_dtype = at::kHalf, cpu_dtype = at::kBFloat16;

  static AutocastState current() {
    AutocastState s;
#ifdef RASHISA_AUTOCAST_BY_DEVICE
    s.cuda = at::autocast::is_autocast_enabled(at::kCUDA);
    s.cpu = at::autocast::is_autocast_enabled(at::kCPU);
    s.cuda_dtype = at::autocast::get_autocast_dtype(at::kCUDA);
    s.cpu_dtype = at::autocast::get_autocast_dtype(at::kCPU);
#else
    s.cuda = at::autocast::is_enabled();
    s.cpu = at::autocast::is_cpu_enabled();
    s.cuda_dtype = at::autocast::get_autocast_gpu_dtype();
    s.cpu_dtype = at::autocast::get_autocast_cpu_dtype();
#endif
    return s;
  }

  void apply() const {
#ifdef RASHISA_AUTOCAST_BY_DEVICE
    at::autocast::set_autocast_enabled(at::kCUDA, cuda);
    at::autocast::set_autocast_enabled(at::kCPU, cpu);
    at::autocast::set_autocast_dtype(at::kCUDA, cuda_dtype);
    at::autocast::set_autocast_dtype(at::kCPU, cpu_dtype);
#else
    at::autocast::set_enabled(cuda);
    at::autocast::set_cpu_enabled(cpu);
    at::autocast::set_autocast_gpu_dtype(cuda_dtype);
    at::autocast::set_autocast_cpu_dtype(cpu_dtype);
#endif
  }
};

// State the autograd node needs in backward; kept alive by the node (as a capsule).
struct CheckpointState : torch::CustomClassHolder {
  CheckpointFn fn;
  std::vector<bool> input_defined;    // per original input position
  size_t n_inputs = 0;                // defined inputs, which come first in the node's variables
  std::vector<torch::Tensor> params;  // the module's own parameters (long-lived leaves)
  AutocastState autocast;             // as in forward

  std::vector<torch::Tensor> expand(const std::vector<torch::Tensor>& defined_inputs) const {
    std::vector<torch::Tensor> all(input_defined.size());
    size_t k = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      if (input_defined[i]) all[i] = defined_inputs[k++];
    }
    return all;
  }
};

struct CheckpointFunction : torch::autograd::Function<CheckpointFunction> {
  // vars: the defined inputs, then the params.
  static variable_list forward(AutogradContext* ctx, c10::intrusive_ptr<CheckpointState> state,
                               at::TensorList vars) {
    std::vector<torch::Tensor> inputs(vars.begin(), vars.begin() + static_cast<std::ptrdiff_t>(state->n_inputs));
    ctx->save_for_backward(inputs);
    ctx->set_materialize_grads(false);
    ctx->saved_data["state"] = c10::IValue::make_capsule(state);
    torch::NoGradGuard no_grad;
    return state->fn(state->expand(inputs));
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    auto state = c10::static_intrusive_pointer_cast<CheckpointState>(ctx->saved_data["state"].toCapsule());
    const auto saved = ctx->get_saved_variables();
    const size_t n_in = state->n_inputs;
    const size_t n_vars = n_in + state->params.size();

    // Fresh leaves for the inputs, so the recomputed graph ends here.
    std::vector<torch::Tensor> inputs(n_in);
    std::vector<torch::Tensor> targets;
    std::vector<size_t> target_pos;  // position among the node's variables
    for (size_t i = 0; i < n_in; ++i) {
      inputs[i] = saved[i].detach();
      if (ctx->needs_input_grad(i)) {
        inputs[i].requires_grad_(true);
        targets.push_back(inputs[i]);
        target_pos.push_back(i);
      }
    }
    for (size_t j = 0; j < state->params.size(); ++j) {
      if (ctx->needs_input_grad(n_in + j)) {
        targets.push_back(state->params[j]);
        target_pos.push_back(n_in + j);
      }
    }

    // One entry per forward argument: [0] is the state (never differentiable), then
    // the variables. needs_input_grad() counts variables only.
    variable_list result(1 + n_vars);
    if (targets.empty()) return result;

    std::vector<torch::Tensor> outputs;
    {
      const auto saved_autocast = AutocastState::current();
      state->autocast.apply();
      try {
        torch::AutoGradMode enable_grad(true);
        outputs = state->fn(state->expand(inputs));
      } catch (...) {
        saved_autocast.apply();
        throw;
      }
      saved_autocast.apply();
    }
    TORCH_CHECK(outputs.size() == grad_outputs.size(), "checkpoint: the block returned ", outputs.size(),
                " outputs on recomputation but ", grad_outputs.size(), " in forward");
    std::vector<torch::Tensor> outs, grads;
    for (size_t i = 0; i < outputs.size(); ++i) {
      if (grad_outputs[i].defined() && outputs[i].defined() && outputs[i].requires_grad()) {
        outs.push_back(outputs[i]);
        grads.push_back(grad_outputs[i]);
      }
    }
    if (outs.empty()) return result;

    auto g = torch::autograd::grad(outs, targets, grads, /*retain_graph=*/false, /*create_graph=*/false,
                                   /*allow_unused=*/true);
    for (size_t k = 0; k < targets.size(); ++k) result[1 + target_pos[k]] = g[k];
    return result;
  }
};

bool any_requires_grad(const std::vector<torch::Tensor>& ts) {
  for (const auto& t : ts) {
    if (t.defined() && t.requires_grad()) return true;
  }
  return false;
}

}  // namespace

bool checkpoint_useful(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& params) {
  return torch::GradMode::is_enabled() && (any_requires_grad(inputs) || any_requires_grad(params));
}

std::vector<torch::Tensor> checkpoint(const CheckpointFn& fn, const std::vector<torch::Tensor>& inputs,
                                      const std::vector<torch::Tensor>& params) {
  if (!checkpoint_useful(inputs, params)) return fn(inputs);

  auto state = c10::make_intrusive<CheckpointState>();
  state->fn = fn;
  state->autocast = AutocastState::current();
  std::vector<torch::Tensor> vars;
  for (const auto& t : inputs) {
    state->input_defined.push_back(t.defined());
    if (t.defined()) vars.push_back(t);
  }
  state->n_inputs = vars.size();
  for (const auto& p : params) {
    if (p.defined() && p.requires_grad()) {
      state->params.push_back(p);
      vars.push_back(p);
    }
  }
  return CheckpointFunction::apply(state, at::TensorList(vars));
}

std::vector<torch::Tensor> trainable_parameters(const torch::nn::Module& m) {
  std::vector<torch::Tensor> out;
  for (const auto& p : m.parameters(/*recurse=*/true)) {
    if (p.requires_grad()) out.push_back(p);
  }
  return out;
}

}  // namespace rashisa::ml
