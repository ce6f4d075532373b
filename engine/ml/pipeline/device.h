#pragma once
// Device and precision choices, made once at the top and passed down.
#include <torch/types.h>

#include <cstdint>
#include <string>

namespace rashisa::ml {

/// "auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N".
/// Throws Error(InvalidArgument) for unknown names or a CUDA device that is absent.
torch::Device parse_device(const std::string& name);

/// fp16 on CUDA (DESIGN.md section 5: generation runs fp16 on CUDA), fp32 on CPU.
torch::Dtype default_inference_dtype(const torch::Device& device);

/// Exact float32: TF32 off for cuBLAS and cuDNN (the reference tolerances assume it).
void disable_tf32();

/// Free memory of a CUDA device in bytes (-1 on the CPU or without CUDA support).
std::int64_t free_device_memory(const torch::Device& device);

/// Memory in bytes, -1 where unknown. CUDA: the GPU's (cudaMemGetInfo). CPU: the machine's RAM
/// (total, and what the OS reports as available for new allocations).
struct DeviceMemory {
  std::int64_t total = -1;
  std::int64_t free = -1;
};
DeviceMemory device_memory(const torch::Device& device);

/// Whether training can run its math in bf16 here: CUDA compute capability 8.0 (Ampere) or newer.
bool supports_bf16(const torch::Device& device);

/// "NVIDIA H100 80GB HBM3" or "CPU (N threads)", for benchmark and log output.
std::string device_description(const torch::Device& device);

/// The GPU's own name ("NVIDIA GeForce RTX 4090"), or "CPU (N threads)": what a user recognises.
std::string device_product_name(const torch::Device& device);

}  // namespace rashisa::ml
