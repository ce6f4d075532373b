#include "tests/support/test_device.h"

#include <ATen/Context.h>
#include <torch/cuda.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace rashisa::testing {

namespace {

struct Request {
  bool cuda = false;
  int index = 0;
  std::string text;
};

Request requested() {
  Request r;
  const char* env = std::getenv("RASHISA_TEST_DEVICE");
  r.text = env ? env : "";
  if (r.text.empty() || r.text == "cpu") return r;
  const std::string prefix = "cuda";
  if (r.text.rfind(prefix, 0) == 0) {
    r.cuda = true;
    if (r.text.size() == prefix.size()) return r;
    const std::string digits = r.text.substr(prefix.size() + 1);
    if (r.text[prefix.size()] == ':' && !digits.empty() &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) && digits.size() < 4) {
      r.index = std::stoi(digits);
      return r;
    }
  }
  throw std::runtime_error("RASHISA_TEST_DEVICE=\"" + r.text + "\" is not cpu, cuda or cuda:N");
}

}  // namespace

bool test_device_is_cuda() { return requested().cuda; }

std::string test_device_missing() {
  const Request r = requested();
  if (!r.cuda) return "";
  if (!torch::cuda::is_available())
    return "RASHISA_TEST_DEVICE=" + r.text + " but this libtorch or machine has no CUDA GPU";
  if (r.index >= static_cast<int>(torch::cuda::device_count()))
    return "RASHISA_TEST_DEVICE=" + r.text + " but there are only " + std::to_string(torch::cuda::device_count()) +
           " CUDA devices";
  return "";
}

torch::Device test_device() {
  const Request r = requested();
  if (!r.cuda) return torch::Device(torch::kCPU);
  if (const std::string why = test_device_missing(); !why.empty()) throw std::runtime_error(why);
  static const bool tf32_off = [] {
    at::globalContext().setAllowTF32CuBLAS(false);
    at::globalContext().setAllowTF32CuDNN(false);
    return true;
  }();
  (void)tf32_off;
  return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(r.index));
}

Tolerance device_tolerance(Tolerance manifest) {
  if (!test_device_is_cuda()) return manifest;
  return {std::max(kGpuToleranceFactor * manifest.atol, kGpuAtolFloor), kGpuToleranceFactor * manifest.rtol};
}

}  // namespace rashisa::testing
