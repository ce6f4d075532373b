#include "tests/bench/bench_support.h"

#include "engine/core/error.h"

#include "engine/ml/pipeline/cpu_threads.h"
#include "engine/ml/pipeline/device.h"
#include "engine/model_io/diffusers_folder.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <vector>

#if defined(RASHISA_TORCH_CUDA)
#include <c10/cuda/CUDACachingAllocator.h>
#define RASHISA_HAVE_CUDA_ALLOCATOR 1
#endif
#ifndef _WIN32
#include <sys/resource.h>
#endif

namespace rashisa::bench {

namespace fs = std::filesystem;

fs::path shared_dir() {
  if (const char* env = std::getenv("RASHISA_SHARED_DIR"); env && *env) return env;
  return fs::path(RASHISA_SHARED_DIR).lexically_normal();
}

namespace {
nlohmann::json read_json(const fs::path& p) { return model_io::read_json_file(p); }
}  // namespace

ml::StableDiffusionModel random_model(const fs::path& configs_dir, const fs::path& tokenizer_dir, torch::Device device,
                                      torch::Dtype dtype) {
  ml::configure_cpu_threads();
  torch::NoGradGuard no_grad;
  ml::StableDiffusionModel m;
  m.device = device;
  m.dtype = dtype;
  m.tokenizer = std::make_shared<ml::ClipTokenizer>(
      ml::ClipTokenizer::from_files(tokenizer_dir / "vocab.json", tokenizer_dir / "merges.txt"));
  m.text_encoder = ml::ClipTextModel(ml::ClipTextConfig::from_json(read_json(configs_dir / "text_encoder/config.json")));
  m.unet = ml::UNet2DConditionModel(ml::UNetConfig::from_json(read_json(configs_dir / "unet/config.json")));
  m.vae = ml::AutoencoderKL(ml::VaeConfig::from_json(read_json(configs_dir / "vae/config.json")));
  m.scheduler_config = ml::SchedulerConfig::from_json(read_json(configs_dir / "scheduler/scheduler_config.json"));
  m.text_encoder->to(device, dtype);
  m.unet->to(device, dtype);
  m.vae->to(device, torch::kFloat32);
  m.text_encoder->eval();
  m.unet->eval();
  m.vae->eval();
  return m;
}

double time_median(const std::function<void()>& fn, int repeats, int warmup, torch::Device device) {
  auto sync = [&] {
    if (device.is_cuda()) torch::cuda::synchronize(device.index());
  };
  for (int i = 0; i < warmup; ++i) fn();
  sync();
  std::vector<double> times;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    sync();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::int64_t peak_memory_bytes(torch::Device device) {
#ifdef RASHISA_HAVE_CUDA_ALLOCATOR
  if (device.is_cuda()) {
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index());
    return stats.allocated_bytes[0].peak;  // aggregate pool
  }
#endif
#ifndef _WIN32
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<std::int64_t>(ru.ru_maxrss) * 1024;
#else
  return -1;
#endif
}

void reset_peak_memory(torch::Device device) {
#ifdef RASHISA_HAVE_CUDA_ALLOCATOR
  if (device.is_cuda()) c10::cuda::CUDACachingAllocator::resetPeakStats(device.index());
#endif
}

std::string describe(torch::Device device) {
  // The CPU's threading decides CPU numbers (ml/pipeline/cpu_threads.h): say what it was.
  const std::string threads = ml::configure_cpu_threads().summary();
  return ml::device_description(device) + (device.is_cpu() ? "; " + threads : "");
}

}  // namespace rashisa::bench
