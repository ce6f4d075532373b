#include "engine/ml/pipeline/device.h"

#include "engine/core/error.h"

#include <ATen/Context.h>
#include <torch/cuda.h>
#include <torch/torch.h>

namespace rashisa::ml {

torch::Device parse_device(const std::string& name) {
  if (name.empty() || name == "auto")
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  if (name == "cpu") return torch::Device(torch::kCPU);
  if (name.rfind("cuda", 0) == 0) {
    if (!torch::cuda::is_available())
      throw Error(ErrorCode::InvalidArgument,
                  "no CUDA GPU is available to this build (use --device cpu, or build against a CUDA libtorch)");
    int index = 0;
    if (name.size() > 5 && name[4] == ':') index = std::stoi(name.substr(5));
    if (index < 0 || index >= static_cast<int>(torch::cuda::device_count()))
      throw Error(ErrorCode::InvalidArgument, "there is no GPU " + name);
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
  }
  throw Error(ErrorCode::InvalidArgument, "unknown device \"" + name + "\" (use auto, cpu or cuda)");
}

torch::Dtype default_inference_dtype(const torch::Device& device) {
  return device.is_cuda() ? torch::kFloat16 : torch::kFloat32;
}

void disable_tf32() {
  at::globalContext().setAllowTF32CuBLAS(false);
  at::globalContext().setAllowTF32CuDNN(false);
}

std::string device_description(const torch::Device& device) {
  if (device.is_cuda()) {
    // The device name needs the CUDA runtime headers; report the index and count instead
    // when built without them. Benchmarks add nvidia-smi's name in their notes.
    return "CUDA device " + std::to_string(device.index()) + " of " + std::to_string(torch::cuda::device_count());
  }
  return "CPU (" + std::to_string(at::get_num_threads()) + " threads)";
}

}  // namespace rashisa::ml
