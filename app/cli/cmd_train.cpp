// rashisa-cli train --model MODEL --photos DIR|FILES... --category WORD --out CONCEPT.safetensors
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "app/cli/photo_arguments.h"
#include "app/cli/preview_files.h"
#include "app/cli/progress_bar.h"
#include "engine/media/image_file.h"
#include "engine/ml/pipeline/device.h"
#include "engine/ml/train/train_checkpoint.h"
#include "engine/ml/train/trainer.h"

#include <torch/torch.h>

#include <cstdio>

namespace rashisa::cli {

namespace fs = std::filesystem;

const char* const kTrainHelp =
    "usage: rashisa-cli train --model MODEL --photos DIR|FILES... --category WORD --out CONCEPT.safetensors [options]\n"
    "\n"
    "Learns the product in the photos (AttnDreamBooth: embedding, cross-attention, whole UNet).\n"
    "  --photos DIR|FILES...   folders of photos (subfolders too) or the photo files (JPEG, PNG, WebP, TIFF, BMP)\n"
    "  --category WORD         what the product is, one simple English word: mug, bottle, bag, toy, ...\n"
    "  --preset default|fast   default: 60/100/500 steps; fast: stage 3 with 200 steps at batch 4\n"
    "  --seed N                the same seed and photos give the same concept (default 0)\n"
    "  --device auto|cpu|cuda  (default auto)\n"
    "  --resolution PX         training resolution, a multiple of 8 (default 512)\n"
    "  --memory 24gb|16gb|12gb|8gb|cpu   memory plan (default: chosen from the free GPU memory)\n"
    "  --checkpoint-dir DIR    where resume checkpoints go (default: OUT without .safetensors + .checkpoint)\n"
    "  --checkpoint-every N    steps between checkpoints (default 100; stage ends always)\n"
    "  --resume                continue from the checkpoint in the checkpoint folder\n"
    "  --stageK-steps N --stageK-lr X --stageK-batch N --stageK-lambda-mean X --stageK-lambda-var X\n"
    "                          override one number of stage K (1, 2 or 3)\n"
    "  --placeholder TOKEN     the concept's token (default <rashisa>)\n"
    "  --fp32-delta            store the UNet difference in fp32 instead of fp16\n"
    "  --preview-dir DIR       write previews while training: \"a photo of TOKEN CATEGORY\" made with the\n"
    "                          weights of that moment, DIR/stage{K}-step{NNNN}-seed{S}.png, and where the\n"
    "                          token looks in it as a colour overlay, ...-heat.png (seeds 1234 and 5678)\n"
    "  --preview-every N       steps between previews within a stage (default 100; stage ends always;\n"
    "                          0 = stage ends only)\n"
    "\n"
    "Ctrl+C stops after the current step and writes a checkpoint; --resume continues from it.\n";

namespace {

std::vector<fs::path> photo_paths(const std::vector<std::string>& items) {
  for (const auto& item : items) {
    std::error_code ec;
    if (!fs::exists(fs::u8path(item), ec)) throw Error(ErrorCode::FileNotFound, "there is no photo or folder " + item);
  }
  return gather_photo_arguments(items).files;
}

ml::TrainingPhoto load_photo(const fs::path& path) {
  ml::TrainingPhoto photo;
  auto img = media::read_rgb(path, &photo.sha256);
  photo.rgb = torch::from_blob(img.pixels.data(), {img.height, img.width, 3}, torch::kUInt8).clone();
  return photo;
}

void apply_stage_overrides(const Args& args, ml::StagePlan& plan) {
  for (int k = 0; k < 3; ++k) {
    const std::string s = "stage" + std::to_string(k + 1) + "-";
    auto& st = plan[k];
    st.steps = static_cast<int>(args.get_int(s + "steps", st.steps, 0, 100000));
    st.lr = args.get_double(s + "lr", st.lr, 0.0, 1.0);
    st.batch = static_cast<int>(args.get_int(s + "batch", st.batch, 1, 256));
    st.lambda_mean = args.get_double(s + "lambda-mean", st.lambda_mean, 0.0, 1e6);
    st.lambda_var = args.get_double(s + "lambda-var", st.lambda_var, 0.0, 1e6);
  }
}

std::set<std::string> train_options() {
  std::set<std::string> o = {"model", "photos", "category", "out", "preset", "seed", "device", "resolution", "memory",
                             "checkpoint-dir", "checkpoint-every", "placeholder", "tokenizer", "preview-dir",
                             "preview-every"};
  for (int k = 1; k <= 3; ++k)
    for (const char* n : {"steps", "lr", "batch", "lambda-mean", "lambda-var"})
      o.insert("stage" + std::to_string(k) + "-" + n);
  return o;
}

}  // namespace

int run_train(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args(argv, train_options(), {"resume", "fp32-delta", "help"});
  if (args.flag("help")) {
    std::fputs(kTrainHelp, stdout);
    return kOk;
  }
  ml::TrainSettings settings;
  settings.category = args.required("category");
  const auto preset = ml::preset_from_name(args.get_or("preset", "default"));
  if (!preset) throw Error(ErrorCode::InvalidArgument, "--preset must be default or fast");
  settings.preset_name = args.get_or("preset", "default");
  settings.stages = ml::stage_plan(*preset);
  apply_stage_overrides(args, settings.stages);
  settings.seed = static_cast<std::uint64_t>(args.get_int("seed", 0, 0, INT64_MAX));
  settings.augment.resolution = static_cast<int>(args.get_int("resolution", 512, 64, 1024));
  if (settings.augment.resolution % 8 != 0) throw Error(ErrorCode::InvalidArgument, "--resolution must be a multiple of 8");
  settings.placeholder = args.get_or("placeholder", settings.placeholder);
  settings.checkpoint_every = static_cast<int>(args.get_int("checkpoint-every", 100, 0, 1000000));
  settings.resume = args.flag("resume");
  const fs::path out = fs::u8path(args.required("out"));
  if (!out.parent_path().empty() && !fs::is_directory(out.parent_path()))
    throw Error(ErrorCode::FileWrite, "the output folder " + out.parent_path().u8string() + " does not exist");
  settings.checkpoint_dir =
      fs::u8path(args.get_or("checkpoint-dir", (out.parent_path() / (out.stem().u8string() + ".checkpoint")).u8string()));

  if (auto dir = args.get("preview-dir")) {
    settings.preview.every = static_cast<int>(args.get_int("preview-every", 100, 0, 1000000));
    const fs::path preview_dir = fs::u8path(*dir);
    prepare_preview_dir(preview_dir);
    settings.on_preview = [preview_dir](const ml::TrainPreview& p) {
      const auto image = p.image.contiguous();  // [H,W,3] uint8
      const auto heat = p.heat.contiguous();    // [H,W] float32
      write_preview_files(preview_dir, workflow::encode_training_preview(
                                           p.stage, p.step, static_cast<std::int64_t>(p.seed),
                                           static_cast<int>(image.size(1)), static_cast<int>(image.size(0)),
                                           image.data_ptr<std::uint8_t>(), heat.data_ptr<float>()));
    };
  } else if (args.get("preview-every")) {
    throw Error(ErrorCode::InvalidArgument, "--preview-every needs --preview-dir DIR (where the previews go)");
  }

  std::vector<std::string> photo_items;
  if (auto p = args.get("photos")) photo_items.push_back(*p);
  photo_items.insert(photo_items.end(), args.positionals().begin(), args.positionals().end());
  if (photo_items.empty()) throw Error(ErrorCode::InvalidArgument, "--photos is required (a folder or the photo files)");
  std::vector<ml::TrainingPhoto> photos;
  for (const auto& path : photo_paths(photo_items)) photos.push_back(load_photo(path));
  std::fprintf(stderr, "%zu photos\n", photos.size());

  ml::LoadOptions options;
  options.device = ml::parse_device(args.get_or("device", "auto"));
  options.dtype = torch::kFloat32;  // master weights; CUDA runs the math in bf16/fp16 autocast
  options.tokenizer_dir = fs::u8path(args.get_or("tokenizer", ""));
  if (auto m = args.get("memory")) {
    auto plan = ml::memory_plan_from_name(*m);
    if (!plan) throw Error(ErrorCode::InvalidArgument, "--memory must be 24gb, 16gb, 12gb, 8gb or cpu");
    settings.memory = *plan;
  } else {
    settings.memory = ml::memory_plan_for(options.device.is_cuda(), ml::free_device_memory(options.device));
  }
  std::fprintf(stderr, "loading %s on %s (memory plan %s)\n", args.required("model").c_str(),
               ml::device_description(options.device).c_str(), settings.memory.name.c_str());
  auto model = ml::load_model(fs::u8path(args.required("model")), options);
  ml::training_prompt(*model.tokenizer, settings);  // checks the category before any work

  static const char* kStageNames[] = {"stage 1/3 embedding", "stage 2/3 attention", "stage 3/3 UNet"};
  std::unique_ptr<ProgressBar> bar;
  std::string current;
  auto result = ml::train_concept(model, photos, settings, [&](const Progress& p) {
    if (p.stage != current) {
      if (bar) bar->finish();
      current = p.stage;
      const int k = p.stage.back() - '1';
      bar = std::make_unique<ProgressBar>(k >= 0 && k < 3 ? kStageNames[k] : p.stage);
    }
    bar->update(p);
    return true;
  }, &cancel);
  if (bar) bar->finish();
  ml::save_concept(out, result.trained, args.flag("fp32-delta"));
  std::error_code ec;
  fs::remove(ml::checkpoint_path(settings.checkpoint_dir), ec);
  fs::remove(settings.checkpoint_dir, ec);  // only if empty
  std::printf("%s\ttoken %s\tcategory %s\n", out.u8string().c_str(), result.trained.token.c_str(),
              result.trained.category.c_str());
  return kOk;
}

}  // namespace rashisa::cli
