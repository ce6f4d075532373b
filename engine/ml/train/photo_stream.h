#pragma once
// The order in which training photos are drawn: a fresh random permutation per pass,
// drawn from the job's generator, with its position saved in checkpoints.
#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace rashisa::ml {

class PhotoStream {
 public:
  PhotoStream() = default;
  PhotoStream(int64_t count, at::Generator& gen);
  std::vector<int64_t> next(int n, at::Generator& gen);

  torch::Tensor order() const { return order_; }
  int64_t cursor() const { return cursor_; }
  void restore(torch::Tensor order, int64_t cursor);

 private:
  int64_t count_ = 0;
  torch::Tensor order_;  // [count] int64
  int64_t cursor_ = 0;
};

}  // namespace rashisa::ml
