// rashisa-cli generate --model MODEL --prompt TEXT --out PATH [...]
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "app/cli/progress_bar.h"
#include "engine/media/image_file.h"
#include "engine/ml/pipeline/device.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/train/concept.h"

#include <torch/torch.h>

#include <cstdio>
#include <random>

namespace rashisa::cli {

namespace fs = std::filesystem;

const char* const kGenerateHelp =
    "usage: rashisa-cli generate --model MODEL --prompt TEXT --out PATH [options]\n"
    "\n"
    "  --model MODEL       diffusers folder or single-file .safetensors checkpoint\n"
    "  --prompt TEXT       what to draw\n"
    "  --negative TEXT     what to avoid (default: empty)\n"
    "  --steps N           denoising steps (default 50)\n"
    "  --guidance X        classifier-free guidance scale (default 7.5)\n"
    "  --sampler NAME      dpmpp-2m (default), dpmpp-2m-karras, ddim, pndm, euler\n"
    "  --seed N            seed; the same seed gives the same image (default: random, printed)\n"
    "  --width W --height H  multiples of 8 (default 512x512)\n"
    "  --count N           number of images; image i uses seed N+i (default 1)\n"
    "  --device D          auto (default), cpu, cuda, cuda:N\n"
    "  --concept FILE      a trained concept (.safetensors from `train`); write {concept} in the\n"
    "                      prompt where the product goes, e.g. \"a photo of {concept} on a table\"\n"
    "  --tokenizer DIR     tokenizer folder for single-file checkpoints\n"
    "  --v-prediction | --epsilon   override the prediction type of a single-file SD 2.x model\n"
    "  --out PATH          a .png file; with --count > 1, PATH-1.png, PATH-2.png, ...;\n"
    "                      an existing folder gets rashisa-SEED.png files\n"
    "\n"
    "Prints the path and seed of each image on stdout; progress goes to stderr.\n";

namespace {

fs::path output_path(const fs::path& out, int index, int count, std::uint64_t seed) {
  if (fs::is_directory(out)) return out / ("rashisa-" + std::to_string(seed) + ".png");
  fs::path base = out;
  if (base.extension() != ".png") base += ".png";
  if (count == 1) return base;
  fs::path p = base.parent_path() / (base.stem().u8string() + "-" + std::to_string(index + 1) + ".png");
  return p;
}

/// Replaces every {concept} with the concept's phrase; false when there was none.
bool expand_concept(std::string& text, const std::string& phrase) {
  const std::string key = "{concept}";
  bool found = false;
  for (auto pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + phrase.size())) {
    text.replace(pos, key.size(), phrase);
    found = true;
  }
  return found;
}

media::RgbImage to_rgb(const torch::Tensor& image) {
  auto hwc = ml::to_uint8_hwc(image);  // [H,W,3]
  media::RgbImage out;
  out.height = static_cast<int>(hwc.size(0));
  out.width = static_cast<int>(hwc.size(1));
  out.pixels.assign(hwc.data_ptr<std::uint8_t>(), hwc.data_ptr<std::uint8_t>() + hwc.numel());
  return out;
}

}  // namespace

int run_generate(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args(argv,
            {"model", "prompt", "negative", "steps", "guidance", "sampler", "seed", "width", "height", "count", "device",
             "tokenizer", "out", "concept"},
            {"v-prediction", "epsilon", "help"});
  if (args.flag("help")) {
    std::fputs(kGenerateHelp, stdout);
    return kOk;
  }
  if (!args.positionals().empty())
    throw Error(ErrorCode::InvalidArgument, "unexpected argument \"" + args.positionals()[0] + "\" (see --help)");

  ml::GenerateParams params;
  params.prompt = args.required("prompt");
  params.negative_prompt = args.get_or("negative", "");
  params.steps = static_cast<int>(args.get_int("steps", 50, 1, 1000));
  params.guidance = args.get_double("guidance", 7.5, 0.0, 50.0);
  params.width = static_cast<int>(args.get_int("width", 512, 64, 2048));
  params.height = static_cast<int>(args.get_int("height", 512, 64, 2048));
  const auto sampler = ml::sampler_from_name(args.get_or("sampler", "dpmpp-2m"));
  if (!sampler)
    throw Error(ErrorCode::InvalidArgument, "unknown --sampler (use dpmpp-2m, dpmpp-2m-karras, ddim, pndm or euler)");
  params.sampler = *sampler;
  ml::validate(params);
  const int count = static_cast<int>(args.get_int("count", 1, 1, 10000));
  const fs::path out = fs::u8path(args.required("out"));
  if (!out.parent_path().empty() && !fs::is_directory(out.parent_path()))
    throw Error(ErrorCode::FileWrite, "the output folder " + out.parent_path().u8string() + " does not exist");
  const std::uint64_t first_seed =
      args.get("seed") ? static_cast<std::uint64_t>(args.get_int("seed", 0, 0, INT64_MAX))
                       : (static_cast<std::uint64_t>(std::random_device{}()) << 16) ^ std::random_device{}();

  ml::LoadOptions options;
  options.device = ml::parse_device(args.get_or("device", "auto"));
  options.dtype = ml::default_inference_dtype(options.device);
  options.tokenizer_dir = fs::u8path(args.get_or("tokenizer", ""));
  if (args.flag("v-prediction")) options.v_prediction = true;
  if (args.flag("epsilon")) options.v_prediction = false;

  std::fprintf(stderr, "loading %s on %s\n", args.required("model").c_str(),
               ml::device_description(options.device).c_str());
  auto model = ml::load_model(fs::u8path(args.required("model")), options);
  if (auto concept_path = args.get("concept")) {
    const auto product = ml::load_concept(fs::u8path(*concept_path));
    ml::apply_concept(model, product);
    if (!expand_concept(params.prompt, product.phrase()))
      std::fprintf(stderr, "note: the prompt has no {concept}; the product will not appear unless you name it\n");
    expand_concept(params.negative_prompt, product.phrase());
  } else if (params.prompt.find("{concept}") != std::string::npos) {
    throw Error(ErrorCode::InvalidArgument, "the prompt uses {concept} but no --concept file was given");
  }

  for (int i = 0; i < count; ++i) {
    params.seed = first_seed + static_cast<std::uint64_t>(i);
    ProgressBar bar("image " + std::to_string(i + 1) + "/" + std::to_string(count));
    auto image = ml::txt2img(model, params, {}, [&](const Progress& p) {
      bar.update(p);
      return true;
    }, &cancel);
    bar.finish();
    const fs::path path = output_path(out, i, count, params.seed);
    media::write_png(path, to_rgb(image));
    std::printf("%s\tseed %llu\n", path.u8string().c_str(), static_cast<unsigned long long>(params.seed));
    std::fflush(stdout);
  }
  return kOk;
}

}  // namespace rashisa::cli
