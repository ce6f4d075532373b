#include "engine/ml/train/fused_backward.h"

#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/autograd/variable.h>
#include <torch/torch.h>

namespace rashisa::ml {

class FusedBackward::Hook : public torch::autograd::FunctionPostHook {
 public:
  Hook(FusedBackward& owner, std::size_t i) : owner_(owner), i_(i) {}
  torch::autograd::variable_list operator()(const torch::autograd::variable_list& outputs,
                                            const torch::autograd::variable_list& /*inputs*/) override {
    owner_.on_stored(i_);
    return outputs;
  }

 private:
  FusedBackward& owner_;
  std::size_t i_;
};

FusedBackward::FusedBackward(AdamW& opt) : opt_(opt), seen_(opt.params().size(), 0) {
  for (std::size_t i = 0; i < opt_.params().size(); ++i) {
    auto acc = torch::autograd::impl::grad_accumulator(opt_.params()[i]);
    TORCH_CHECK(acc, "fused backward: every parameter must be a leaf that requires grad");
    hooks_.push_back(acc->add_post_hook(std::make_unique<Hook>(*this, i)));
    accumulators_.push_back(std::move(acc));
  }
}

FusedBackward::~FusedBackward() {
  for (std::size_t i = 0; i < hooks_.size(); ++i) accumulators_[i]->del_post_hook(hooks_[i]);
}

void FusedBackward::on_stored(std::size_t i) {
  const auto& p = opt_.params()[i];
  if (!active_ || !p.grad().defined()) return;  // a backward this object does not run
  TORCH_CHECK(!seen_[i], "fused backward: a parameter received two gradients in one backward; the fused optimiser "
              "step needs the whole batch in one backward pass");
  seen_[i] = 1;
  opt_.update(i, p.grad());
  p.mutable_grad() = torch::Tensor();
}

void FusedBackward::backward(const torch::Tensor& loss) {
  std::fill(seen_.begin(), seen_.end(), 0);
  opt_.zero_grad();
  opt_.begin_step();
  active_ = true;
  try {
    loss.backward();
  } catch (...) {
    active_ = false;
    opt_.zero_grad();
    throw;
  }
  active_ = false;
}

}  // namespace rashisa::ml
