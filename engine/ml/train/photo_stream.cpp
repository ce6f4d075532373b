#include "engine/ml/train/photo_stream.h"

#include <torch/torch.h>

namespace rashisa::ml {

PhotoStream::PhotoStream(int64_t count, at::Generator& gen)
    : count_(count), order_(torch::randperm(count, gen, torch::kInt64)) {}

std::vector<int64_t> PhotoStream::next(int n, at::Generator& gen) {
  std::vector<int64_t> out;
  for (int i = 0; i < n; ++i) {
    if (cursor_ == count_) {
      order_ = torch::randperm(count_, gen, torch::kInt64);
      cursor_ = 0;
    }
    out.push_back(order_[cursor_++].item<int64_t>());
  }
  return out;
}

void PhotoStream::restore(torch::Tensor order, int64_t cursor) {
  order_ = order.to(torch::kInt64).clone();
  cursor_ = cursor;
}

}  // namespace rashisa::ml
