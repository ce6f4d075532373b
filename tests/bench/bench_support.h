#pragma once
// Shared pieces of the benchmarks: timing, peak memory, and full-size models with
// random weights built from ../shared/configs (nothing is downloaded).
#include "engine/ml/pipeline/sd_model.h"

#include <functional>
#include <string>

namespace rashisa::bench {

/// ../shared (or $RASHISA_SHARED_DIR).
std::filesystem::path shared_dir();

/// A model whose text encoder, UNet and VAE are built from configs_dir/{text_encoder,unet,vae,scheduler}
/// with their initial random weights, and the CLIP tokenizer from tokenizer_dir.
ml::StableDiffusionModel random_model(const std::filesystem::path& configs_dir, const std::filesystem::path& tokenizer_dir,
                                      torch::Device device, torch::Dtype dtype);

/// Median seconds of `repeats` runs of fn after `warmup` runs (synchronising CUDA).
double time_median(const std::function<void()>& fn, int repeats, int warmup, torch::Device device);

/// Peak memory: CUDA allocator peak on a GPU, the process's peak RSS on the CPU (bytes).
std::int64_t peak_memory_bytes(torch::Device device);
void reset_peak_memory(torch::Device device);
std::string describe(torch::Device device);

}  // namespace rashisa::bench
