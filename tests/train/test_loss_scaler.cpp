// The fp16 loss scaler (engine/ml/train/mixed_precision.h): GradScaler's schedule, and its state
// restored as a checkpoint keeps it, so a resumed run scales as the uninterrupted one would.
#include "engine/ml/train/mixed_precision.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <limits>

namespace {

using rashisa::ml::LossScaler;

torch::Tensor param_with_grad(float g) {
  auto p = torch::zeros({3}).requires_grad_(true);
  p.mutable_grad() = torch::full({3}, g);
  return p;
}

TEST(LossScaler, HalvesOnOverflowAndRestoresItsState) {
  LossScaler a(true, 1024.0);
  auto p = param_with_grad(std::numeric_limits<float>::infinity());
  EXPECT_FALSE(a.unscale({p}));  // overflow: skip the step, halve the scale
  EXPECT_EQ(a.value(), 512.0);
  for (int i = 0; i < 5; ++i) {
    auto q = param_with_grad(512.0f);
    EXPECT_TRUE(a.unscale({q}));
    EXPECT_FLOAT_EQ(q.grad()[0].item<float>(), 1.0f);  // unscaled
  }
  EXPECT_EQ(a.good_steps(), 5);

  // A new run restored from (value, good_steps) continues exactly like `a`.
  LossScaler b(true);
  b.restore(a.value(), a.good_steps());
  for (int i = 0; i < 1995; ++i) {
    auto qa = param_with_grad(1.0f), qb = param_with_grad(1.0f);
    EXPECT_EQ(a.unscale({qa}), b.unscale({qb}));
  }
  EXPECT_EQ(a.value(), 1024.0);  // 2000 good steps after the halving: doubled again
  EXPECT_EQ(b.value(), a.value());
  EXPECT_EQ(b.good_steps(), a.good_steps());
}

TEST(LossScaler, DisabledIsTheIdentity) {
  LossScaler s(false);
  s.restore(8.0, 3);
  EXPECT_EQ(s.value(), 1.0);
  auto p = param_with_grad(std::numeric_limits<float>::infinity());
  EXPECT_TRUE(s.unscale({p}));
  const auto loss = torch::tensor(2.5f);
  EXPECT_TRUE(torch::equal(s.scale(loss), loss));
}

}  // namespace
