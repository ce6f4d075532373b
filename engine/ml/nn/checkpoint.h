#pragma once
// Gradient checkpointing for libtorch C++ (which has no torch.utils.checkpoint):
// run a block without keeping its activations, and recompute it during backward.
// Ref: torch/utils/checkpoint.py (the reentrant variant: forward under no_grad,
// recompute with grad in backward). Unlike it, the block's parameters are explicit
// inputs of the autograd node, so their gradients flow through the normal graph
// (into .grad, or to torch::autograd::grad callers).
#include <torch/nn/module.h>
#include <torch/types.h>

#include <functional>
#include <vector>

namespace rashisa::ml {

/// A deterministic block: maps inputs to outputs (any number of each). It is called
/// once in forward (without autograd) and once more in backward (with autograd), with
/// the same values; it must give the same outputs both times (no RNG: dropout 0).
using CheckpointFn = std::function<std::vector<torch::Tensor>(const std::vector<torch::Tensor>& inputs)>;

/// True when checkpointing `inputs`/`params` would save memory: autograd is on and
/// something needs a gradient.
bool checkpoint_useful(const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& params);

/// Calls fn(inputs) keeping only `inputs` for backward; backward recomputes fn and
/// differentiates it. `params` are the parameters fn reads (pass those that require
/// grad; the others may be omitted). `inputs` may contain undefined tensors; fn
/// receives them in the same positions. Every output is part of the graph.
/// Falls back to a plain fn(inputs) call when checkpoint_useful() is false.
std::vector<torch::Tensor> checkpoint(const CheckpointFn& fn, const std::vector<torch::Tensor>& inputs,
                                      const std::vector<torch::Tensor>& params);

/// The parameters of a module that require grad, for checkpoint().
std::vector<torch::Tensor> trainable_parameters(const torch::nn::Module& m);

}  // namespace rashisa::ml
