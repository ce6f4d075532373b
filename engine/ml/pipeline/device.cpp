#include "engine/ml/pipeline/device.h"

#include "engine/core/error.h"
#include "engine/platform/platform.h"

#include <ATen/Context.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <string>

#if defined(RASHISA_TORCH_CUDA)
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#include <cuda_runtime_api.h>
#endif

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

std::int64_t free_device_memory(const torch::Device& device) {
  return device.is_cuda() ? device_memory(device).free : -1;
}

namespace {

/// The machine's RAM: total and available bytes (-1 where the OS does not say).
DeviceMemory host_memory() {
  const platform::MemoryInfo ram = platform::physical_memory();
  DeviceMemory m;
  m.total = ram.total;
  m.free = ram.available;
  return m;
}

}  // namespace

DeviceMemory device_memory(const torch::Device& device) {
  if (!device.is_cuda()) return host_memory();
  DeviceMemory m;
#if defined(RASHISA_TORCH_CUDA)
  c10::cuda::CUDAGuard guard(device.index());
  size_t free_bytes = 0, total_bytes = 0;
  if (cudaMemGetInfo(&free_bytes, &total_bytes) == cudaSuccess) {
    m.total = static_cast<std::int64_t>(total_bytes);
    m.free = static_cast<std::int64_t>(free_bytes);
  }
#endif
  return m;
}

bool supports_bf16(const torch::Device& device) {
#if defined(RASHISA_TORCH_CUDA)
  if (device.is_cuda()) return at::cuda::getDeviceProperties(device.index())->major >= 8;
#endif
  (void)device;
  return false;
}

std::string device_description(const torch::Device& device) {
  if (device.is_cuda()) {
#if defined(RASHISA_TORCH_CUDA)
    const auto* props = at::cuda::getDeviceProperties(device.index());
    return std::string(props->name) + " (CUDA device " + std::to_string(device.index()) + ", " +
           std::to_string(props->totalGlobalMem >> 20) + " MiB)";
#else
    return "CUDA device " + std::to_string(device.index());
#endif
  }
  return "CPU (" + std::to_string(at::get_num_threads()) + " threads)";
}

std::string device_product_name(const torch::Device& device) {
#if defined(RASHISA_TORCH_CUDA)
  if (device.is_cuda()) return at::cuda::getDeviceProperties(device.index())->name;
#endif
  if (device.is_cuda()) return "CUDA device " + std::to_string(device.index());
  return device_description(device);
}

}  // namespace rashisa::ml
