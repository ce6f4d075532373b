#include "engine/workflow/device_probe.h"

#include "engine/ml/pipeline/device.h"
#include "engine/ml/train/train_config.h"

#include <torch/torch.h>
#include <torch/version.h>

namespace rashisa::workflow {

namespace {

DeviceInfo describe(const torch::Device& device) {
  DeviceInfo info;
  info.name = device.str();
  info.description = ml::device_product_name(device);
  info.cuda = device.is_cuda();
  const auto memory = ml::device_memory(device);
  info.total_memory = memory.total;
  info.free_memory = memory.free;
  info.bf16 = ml::supports_bf16(device);
  info.torch_version = TORCH_VERSION;
  // The same call train_concept() makes when no plan is given.
  info.memory_plan = ml::memory_plan_for(device.is_cuda(), ml::free_device_memory(device)).name;
  return info;
}

}  // namespace

DeviceInfo probe_device(const std::string& device) {
  if (!device.empty() && device != "auto") return describe(ml::parse_device(device));
  try {
    return describe(ml::parse_device("auto"));
  } catch (const std::exception&) {
    // A driver that answers "available" and then fails (a GPU lost, a broken install) must
    // not break the Start page: Rashisa still works on the CPU.
    return describe(torch::Device(torch::kCPU));
  }
}

}  // namespace rashisa::workflow
