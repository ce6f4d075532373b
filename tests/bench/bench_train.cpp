// Training benchmark: a few steps of each AttnDreamBooth stage on a full-size SD 2.1-base
// architecture with random weights (../shared/configs, nothing downloaded) and synthetic
// photos. Prints seconds per step per stage, the projected time of a default and a fast
// concept, and peak memory, for the device it ran on.
//
//   bench_train [--device cpu|cuda] [--resolution PX] [--steps N] [--plan PLAN] [--tiny]
//   bench_train --plan PLAN --dry-run [--gpu-gb N] [--model sd15|sd21] [--resolution PX]
// Defaults: CUDA 512 px; CPU 128 px. --tiny uses the tiny reference model instead. --memory is
// the old name of --plan. --dry-run loads nothing and needs no GPU: it prints the byte budget
// of each stage of the default schedule under the plan (memory_budget.h), against N GiB
// (default: the plan's own size).
#include "engine/ml/pipeline/device.h"
#include "engine/ml/train/memory_budget.h"
#include "engine/ml/train/trainer.h"
#include "engine/model_io/diffusers_folder.h"
#include "tests/bench/bench_support.h"

#include <torch/torch.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace ml = rashisa::ml;
namespace bench = rashisa::bench;

namespace {

struct Options {
  std::string device = "auto";
  int resolution = 0;
  int steps = 3;
  std::string memory;
  bool tiny = false;
  bool dry_run = false;
  double gpu_gib = -1;
  std::string model = "sd21";
};

/// The byte budget of every stage of the default schedule; 0 when all fit.
int dry_run(const Options& o) {
  const auto plan = ml::memory_plan_from_name(o.memory.empty() ? "24gb" : o.memory);
  if (!plan) {
    std::fprintf(stderr, "bench_train: unknown plan %s (24gb, 16gb, 12gb, 8gb, cpu)\n", o.memory.c_str());
    return 2;
  }
  const auto dir = bench::shared_dir() / "configs" / (o.model == "sd15" ? "sd15" : "sd21-base");
  const auto sizes = ml::model_sizes(dir);
  const int res = o.resolution ? o.resolution : 512;
  const double gib = o.gpu_gib >= 0 ? o.gpu_gib : ml::memory_plan_gpu_gib(*plan);
  const int64_t budget = gib > 0 ? ml::usable_bytes(gib) : 0;
  const auto approx = ml::approximations(*plan);
  std::string approx_text;
  for (const auto& a : approx) approx_text += (approx_text.empty() ? "" : ", ") + a;
  std::printf("plan %s, model %s (UNet %.1f M, text encoder %.1f M, VAE %.1f M parameters), %d px, GPU %.0f GiB "
              "(budget 95%%)\n",
              plan->name.c_str(), sizes.label.c_str(), sizes.unet.total / 1e6, sizes.text_encoder.total / 1e6,
              sizes.vae.total / 1e6, res, gib);
  std::printf("settings: %s\n", ml::to_json(*plan).dump().c_str());
  std::printf("approximations: %s\n", approx_text.empty() ? "none (exact fp32)" : approx_text.c_str());
  bool fits = true;
  const auto schedule = ml::stage_plan(ml::TrainPreset::Default);
  for (int stage = 1; stage <= 3; ++stage) {
    const auto b = ml::stage_budget(sizes, *plan, stage, schedule[stage - 1].batch, res);
    std::printf("%s", ml::format_budget(b, budget).c_str());
    fits = fits && (budget <= 0 || b.total <= budget);
  }
  return fits ? 0 : 1;
}

std::vector<ml::TrainingPhoto> synthetic_photos(int n) {
  torch::manual_seed(0);
  std::vector<ml::TrainingPhoto> photos;
  for (int i = 0; i < n; ++i) {
    ml::TrainingPhoto p;
    p.rgb = torch::randint(0, 256, {600 + 8 * i, 720, 3}, torch::kUInt8);
    p.sha256 = "synthetic-" + std::to_string(i);
    photos.push_back(p);
  }
  return photos;
}

/// Median seconds per step of `stage` (1..3) with the given batch, skipping the first step.
double seconds_per_step(ml::StableDiffusionModel& model, const std::vector<ml::TrainingPhoto>& photos,
                        ml::TrainSettings settings, int stage, int batch, int steps) {
  for (auto& st : settings.stages) st.steps = 0;
  settings.stages[stage - 1].steps = steps + 1;
  settings.stages[stage - 1].batch = batch;
  std::vector<double> times;
  double last = 0;
  ml::train_concept(model, photos, settings, [&](const rashisa::Progress& p) {
    const double total = p.seconds_per_step * p.step;
    if (p.step > 1) times.push_back(total - last);
    last = total;
    return true;
  });
  std::sort(times.begin(), times.end());
  return times.empty() ? 0.0 : times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each number appears as soon as it is measured
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--device") o.device = next();
    else if (a == "--resolution") o.resolution = std::stoi(next());
    else if (a == "--steps") o.steps = std::stoi(next());
    else if (a == "--memory" || a == "--plan") o.memory = next();
    else if (a == "--tiny") o.tiny = true;
    else if (a == "--dry-run") o.dry_run = true;
    else if (a == "--gpu-gb") o.gpu_gib = std::stod(next());
    else if (a == "--model") o.model = next();
    else {
      std::fprintf(stderr,
                   "usage: bench_train [--device D] [--resolution PX] [--steps N] [--plan PLAN] [--tiny]\n"
                   "       bench_train --plan PLAN --dry-run [--gpu-gb N] [--model sd15|sd21] [--resolution PX]\n");
      return 2;
    }
  }
  try {
    if (o.dry_run) return dry_run(o);
    const auto device = ml::parse_device(o.device);
    const int res = o.resolution ? o.resolution : (device.is_cuda() ? 512 : 128);
    const auto reference = bench::shared_dir() / "reference";
    ml::StableDiffusionModel model;
    std::string label;
    if (o.tiny) {
      // The first model of the reference manifest (a smoke run of the benchmark itself).
      if (!std::filesystem::exists(reference / "manifest.json")) {
        std::printf("no reference folder at %s: --tiny needs it\n", reference.string().c_str());
        return 77;
      }
      const auto models = rashisa::model_io::read_json_file(reference / "manifest.json").at("models");
      ml::LoadOptions lo;
      lo.device = device;
      label = models.begin().key();
      model = ml::load_model(reference / models.begin().value().at("path").get<std::string>(), lo);
    } else {
      model = bench::random_model(bench::shared_dir() / "configs/sd21-base", reference / "tokenizer", device,
                                  torch::kFloat32);
      label = "sd21-base (random weights)";
    }
    ml::TrainSettings settings;
    settings.category = "mug";
    settings.augment.resolution = res;
    settings.memory = o.memory.empty() ? ml::memory_plan_for(device.is_cuda(), ml::free_device_memory(device))
                                       : ml::memory_plan_from_name(o.memory).value();
    const auto photos = synthetic_photos(6);
    std::printf("device: %s, model %s, resolution %d, memory plan %s, libtorch %s\n", bench::describe(device).c_str(),
                label.c_str(), res, settings.memory.name.c_str(), TORCH_VERSION);

    const auto plan = ml::stage_plan(ml::TrainPreset::Default);
    const auto fast = ml::stage_plan(ml::TrainPreset::Fast);
    // Peak memory per stage on a GPU (the CUDA allocator's peak is reset before each); the
    // process's RSS on the CPU can only grow, so there it is the peak so far.
    auto stage = [&](int k, int batch, const char* what) {
      bench::reset_peak_memory(device);
      const double s = seconds_per_step(model, photos, settings, k, batch, o.steps);
      std::printf("%s batch %d  %8.3f s/step  peak %.2f GiB\n", what, batch, s,
                  bench::peak_memory_bytes(device) / double(1ull << 30));
      return s;
    };
    const double s1 = stage(1, plan[0].batch, "stage 1 (embedding)      ");
    const double s2 = stage(2, plan[1].batch, "stage 2 (cross-attention)");
    const double s3 = stage(3, plan[2].batch, "stage 3 (whole UNet)     ");
    const double s3f = stage(3, fast[2].batch, "stage 3 fast             ");
    const double t_default = plan[0].steps * s1 + plan[1].steps * s2 + plan[2].steps * s3;
    const double t_fast = fast[0].steps * s1 + fast[1].steps * s2 + fast[2].steps * s3f;
    std::printf("projected default concept (%d/%d/%d steps): %.1f min\n", plan[0].steps, plan[1].steps, plan[2].steps,
                t_default / 60);
    std::printf("projected fast concept    (%d/%d/%d steps): %.1f min\n", fast[0].steps, fast[1].steps, fast[2].steps,
                t_fast / 60);
    std::printf("peak memory: %s\n", device.is_cuda() ? "CUDA allocator, per stage" : "process RSS so far");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_train: %s\n", e.what());
    return 1;
  }
}
