// Generation benchmark: UNet forward and full txt2img on the tiny reference models
// and on a full-size SD 2.1-base built from ../shared/configs with random weights.
// Prints its numbers; run it, never time unit tests.
//
//   bench_generate [--device cpu|cuda] [--dtype fp16|fp32] [--size PIXELS] [--steps N]
//                  [--batch N] [--repeats N] [--tiny-only]
// Defaults: CPU 256 px, 5 steps, fp32; CUDA 512 px, 25 steps, fp16; batch 1.
// --batch N: the UNet forward runs on a CFG batch of 2N, and txt2img makes N images one after
// another (as a catalogue batch does: the pipeline makes one image per call).
#include "engine/ml/pipeline/device.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/model_io/diffusers_folder.h"
#include "tests/bench/bench_support.h"

#include <torch/torch.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
namespace ml = rashisa::ml;
namespace bench = rashisa::bench;

namespace {

struct Options {
  std::string device = "auto";
  int size = 0;
  int steps = 0;
  int repeats = 3;
  int batch = 1;
  std::string dtype;  // "fp16", "fp32"; empty: the device's default
  bool tiny_only = false;
};

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: bench_generate [--device D] [--dtype fp16|fp32] [--size PX] [--steps N] [--batch N] "
               "[--repeats N] [--tiny-only]\n");
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--device") o.device = next();
    else if (a == "--size") o.size = std::stoi(next());
    else if (a == "--steps") o.steps = std::stoi(next());
    else if (a == "--repeats") o.repeats = std::stoi(next());
    else if (a == "--batch") o.batch = std::stoi(next());
    else if (a == "--dtype") o.dtype = next();
    else if (a == "--tiny-only") o.tiny_only = true;
    else usage();
  }
  if (o.batch < 1 || !(o.dtype.empty() || o.dtype == "fp16" || o.dtype == "fp32")) usage();
  return o;
}

void bench_model(const std::string& label, ml::StableDiffusionModel& model, int size, int steps, int repeats,
                 int batch) {
  torch::NoGradGuard no_grad;
  const auto dev = model.device;
  const int64_t h = size / 8;
  const std::vector<int64_t> shape{2 * batch, model.unet->config().in_channels, h, h};
  auto sample = torch::randn(shape, torch::TensorOptions().device(dev).dtype(model.dtype));
  auto t = torch::tensor(500, torch::kInt64).to(dev);
  const std::vector<int64_t> ctx_shape{2 * batch, 77, model.unet->config().cross_attention_dim.front()};
  auto ctx = torch::randn(ctx_shape, sample.options());
  bench::reset_peak_memory(dev);
  const double unet_s = bench::time_median([&] { model.unet->forward(sample, t, ctx); }, repeats, 1, dev);
  std::printf("%-22s unet forward   batch %d (CFG) %4dx%-4d  %9.4f s\n", label.c_str(), 2 * batch, size, size, unet_s);

  ml::GenerateParams p;
  p.prompt = "a photo of a ceramic coffee mug on a wooden table, studio lighting";
  p.steps = steps;
  p.width = p.height = size;
  p.sampler = ml::SamplerKind::DPMSolverPP2M;
  const double gen_s = bench::time_median(
      [&] {
        for (int i = 0; i < batch; ++i) {
          p.seed = static_cast<std::uint64_t>(i);
          ml::txt2img(model, p);
        }
      },
      std::max(1, repeats / 2), 0, dev);
  std::printf("%-22s txt2img        %3d steps x %d %4dx%-4d  %9.4f s  (%.3f images/s, %.4f s/step)\n", label.c_str(),
              steps, batch, size, size, gen_s, batch / gen_s, gen_s / (steps * batch));
  std::printf("%-22s peak memory    %.2f GiB (%s)\n", label.c_str(),
              bench::peak_memory_bytes(dev) / double(1ull << 30), dev.is_cuda() ? "CUDA allocator" : "process RSS");
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each number appears as soon as it is measured
  const Options o = parse(argc, argv);
  try {
    const auto device = ml::parse_device(o.device);
    ml::disable_tf32();
    const auto dtype = o.dtype.empty() ? ml::default_inference_dtype(device)
                                       : (o.dtype == "fp16" ? torch::kFloat16 : torch::kFloat32);
    std::printf("device: %s, dtype %s, libtorch %s\n", bench::describe(device).c_str(),
                dtype == torch::kFloat16 ? "fp16" : "fp32", TORCH_VERSION);

    const auto reference = bench::shared_dir() / "reference";
    if (std::filesystem::exists(reference / "manifest.json")) {
      const auto manifest = rashisa::model_io::read_json_file(reference / "manifest.json");
      for (const auto& [name, m] : manifest.at("models").items()) {
        ml::LoadOptions lo;
        lo.device = device;
        lo.dtype = dtype;
        auto model = ml::load_model(reference / m.at("path").get<std::string>(), lo);
        bench_model(name, model, 128, o.steps ? o.steps : 25, std::max(o.repeats, 5), o.batch);
      }
    } else {
      std::printf("(no reference folder at %s: tiny models skipped)\n", reference.string().c_str());
      if (o.tiny_only) return 77;
    }
    if (o.tiny_only) return 0;

    const int size = o.size ? o.size : (device.is_cuda() ? 512 : 256);
    const int steps = o.steps ? o.steps : (device.is_cuda() ? 25 : 5);
    auto model = bench::random_model(bench::shared_dir() / "configs/sd21-base", reference / "tokenizer", device, dtype);
    bench_model("sd21-base (random)", model, size, steps, o.repeats, o.batch);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_generate: %s\n", e.what());
    return 1;
  }
}
