#pragma once
// Which device Rashisa would compute on, for the Start page's environment card and the
// first-start wizard. Torch-free header.
#include "engine/core/no_qt.h"

#include <cstdint>
#include <string>

namespace rashisa::workflow {

struct DeviceInfo {
  std::string name;                 // "cuda:0" or "cpu": what SessionOptions::device takes
  std::string description;          // "NVIDIA GeForce RTX 4090" / "CPU (16 threads)"
  bool cuda = false;
  std::int64_t total_memory = -1;   // bytes; -1 unknown (CPU: the machine's RAM if known)
  std::int64_t free_memory = -1;    // bytes; -1 unknown (CPU: RAM available to new programs)
  bool bf16 = false;                // training can use bf16 (CUDA compute capability 8.0, Ampere, and newer)
  std::string torch_version;        // of the libtorch Rashisa was built with, e.g. "1.13.0"
  /// The memory setting training picks by itself on this device (TrainRun::memory_plan empty):
  /// "24gb", "16gb", "12gb" or "8gb" on CUDA from the free memory now, "cpu" on the CPU.
  std::string memory_plan;
};

/// Describes `device` ("auto", "cpu", "cuda", "cuda:N"). "auto" is the GPU when this build
/// has CUDA and one is present, else the CPU; it never throws (a GPU that fails to answer is
/// reported as the CPU). Other names throw Error(InvalidArgument) when the device is absent
/// or unknown, as ModelSession::open would.
DeviceInfo probe_device(const std::string& device = "auto");

}  // namespace rashisa::workflow
