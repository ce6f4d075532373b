// rashisa-cli project set-model / train / remove-product
#include "app/cli/exit_codes.h"
#include "app/cli/preview_files.h"
#include "app/cli/progress_bar.h"
#include "app/cli/project_common.h"
#include "app/cli/train_space.h"
#include "engine/core/error.h"
#include "engine/workflow/concept_setup.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/model_session.h"

#include <cstdio>
#include <memory>

namespace rashisa::cli {

using nlohmann::json;

const char* const kSetModelHelp =
    "usage: rashisa-cli project set-model PATH MODEL [--tokenizer DIR] [--device D] [--json]\n"
    "\n"
    "Chooses the base model: a Stable Diffusion 1.5 or 2.1 diffusers folder or single-file\n"
    ".safetensors checkpoint on this computer (nothing is downloaded). Its weights are\n"
    "fingerprinted so images can be remade exactly and a replaced file is noticed.\n";

const char* const kProjectTrainHelp =
    "usage: rashisa-cli project train PATH --name NAME [--category WORD] [options]\n"
    "\n"
    "Learns a product from the project's photos (AttnDreamBooth: embedding, cross-attention,\n"
    "whole UNet). The first run sets the product up (--category is needed then); running the\n"
    "same command again after Ctrl+C, a crash or a power cut continues from the last checkpoint,\n"
    "which is kept in the project file (options left out keep the saved settings; options that\n"
    "differ from them are named, with how to keep or restart). Once trained, it says so.\n"
    "  --name NAME             the product's name in this project\n"
    "  --category WORD         what it is, one simple English word: mug, bottle, bag, toy, ...\n"
    "  --photos IDS            train on these photos only (default: all), e.g. 1-8,10\n"
    "  --preset default|fast   default: 60/100/500 steps; fast: stage 3 with 200 steps at batch 4\n"
    "  --seed N                the same seed and photos give the same product (default 0)\n"
    "  --resolution PX         training resolution, a multiple of 8 (default 512)\n"
    "  --stageK-steps N --stageK-lr X --stageK-batch N --stageK-lambda-mean X --stageK-lambda-var X\n"
    "                          override one number of stage K (1, 2 or 3)\n"
    "  --checkpoint-every N    steps between checkpoints (default 100; stage ends always)\n"
    "  --checkpoint-minutes M  but not more often than every M minutes (default 5; 0 = always):\n"
    "                          a stage-3 checkpoint is about 10 GB\n"
    "  --fp32-delta            keep the trained difference in fp32 instead of fp16\n"
    "  --restart               forget saved progress and train from the beginning, with the\n"
    "                          settings given (the saved ones for options left out); a trained\n"
    "                          product keeps its settings: train another --name for new ones\n"
    "  --preview-every N       steps between training previews (default 100; stage ends always; 0 = stage\n"
    "                          ends only): \"a photo of TOKEN CATEGORY\" made with the weights of that moment\n"
    "                          (seeds 1234 and 5678) and where the token looks in it, kept in the project\n"
    "  --preview-dir DIR       also write them as files: DIR/stage{K}-step{NNNN}-seed{S}.png and, as a\n"
    "                          colour overlay, ...-heat.png\n"
    "  --device auto|cpu|cuda  (default auto)\n"
    "  --memory 24gb|16gb|12gb|8gb|cpu   memory plan (default: chosen from the free GPU memory)\n"
    "  --tokenizer DIR         tokenizer folder for single-file checkpoints\n";

const char* const kRemoveProductHelp =
    "usage: rashisa-cli project remove-product PATH PRODUCT [--yes] [--json]\n"
    "\n"
    "Removes a product (its name or number): its settings, saved training progress and trained result (none of\n"
    "their bytes stay in the file). Photos and generated images stay in the project. Images\n"
    "made with the product could no longer be made again, so when there are any the command\n"
    "asks for --yes.\n";

namespace {

std::set<std::string> train_options() {
  std::set<std::string> o = {"name", "category", "photos", "preset", "seed", "resolution", "checkpoint-every",
                             "checkpoint-minutes", "device", "memory", "tokenizer", "preview-every", "preview-dir"};
  for (int k = 1; k <= 3; ++k)
    for (const char* n : {"steps", "lr", "batch", "lambda-mean", "lambda-var"})
      o.insert("stage" + std::to_string(k) + "-" + n);
  return o;
}

/// The setup the options ask for: `base` (the saved setup of an existing product, or the
/// defaults) with each option given replacing its value. A preset other than the base's brings
/// its own stage numbers, which the stage options then override.
workflow::ConceptSetup setup_from(const Args& args, workflow::ConceptSetup s) {
  s.name = args.required("name");
  s.category = args.get_or("category", s.category);
  if (s.category.empty()) s.category = args.required("category");
  if (args.get_or("preset", s.preset) != s.preset) s.stages = {};
  s.preset = args.get_or("preset", s.preset);
  s.seed = args.get_int("seed", s.seed, 0, INT64_MAX);
  s.resolution = static_cast<int>(args.get_int("resolution", s.resolution, 64, 1024));
  s.checkpoint_every = static_cast<int>(args.get_int("checkpoint-every", s.checkpoint_every, 0, 1000000));
  s.fp32_delta = s.fp32_delta || args.flag("fp32-delta");
  if (auto p = args.get("photos")) s.photo_ids = parse_id_list(*p, "--photos");
  for (int k = 0; k < 3; ++k) {
    const std::string p = "stage" + std::to_string(k + 1) + "-";
    auto& st = s.stages[k];
    st.steps = static_cast<int>(args.get_int(p + "steps", st.steps, 0, 100000));
    st.lr = args.get_double(p + "lr", st.lr, 0.0, 1.0);
    st.batch = static_cast<int>(args.get_int(p + "batch", st.batch, 1, 256));
    st.lambda_mean = args.get_double(p + "lambda-mean", st.lambda_mean, 0.0, 1e6);
    st.lambda_var = args.get_double(p + "lambda-var", st.lambda_var, 0.0, 1e6);
  }
  return s;
}

std::string differences_message(const std::string& name, const std::vector<workflow::SettingDifference>& diffs,
                                 bool trained) {
  std::string m = "the product \"" + name + "\" was set up with other settings:";
  for (const auto& d : diffs) m += "\n  " + d.option + ": saved " + d.saved + ", given " + d.given;
  if (trained)
    return m + "\nIt is already trained and keeps its settings. To use it as it is, leave these options out (or give "
               "the saved values); to train with the new settings, choose a new --name.";
  return m + "\nTo continue it, run the command without these options (or with the saved values); to start over "
             "with the new settings, add --restart (its saved progress is dropped).";
}

/// What this run does with the product --name names.
struct TrainPlan {
  std::int64_t id = 0;            // 0: a new product, set up from `setup`
  bool replace = false;           // an unfinished product set up again from `setup` (with --restart)
  bool already_trained = false;   // nothing to do
  bool has_checkpoint = false;    // continues from saved progress
  store::ConceptProgress progress;
  workflow::ConceptSetup setup;
};

/// Running the same command again continues: the options given must equal the saved settings
/// (defaults count, options left out keep them); with --restart they may differ unless the
/// product is trained, which is never thrown away.
TrainPlan plan_training(store::Project& project, const Args& args) {
  TrainPlan plan;
  const std::string name = args.required("name");
  for (const auto& c : project.list_concepts())
    if (c.spec.name == name) plan.id = c.id;
  if (!plan.id) {
    plan.setup = setup_from(args, {});  // checks the numbers
    return plan;
  }
  const bool restart = args.flag("restart");
  const bool trained = workflow::settle_trained_concept(project, plan.id);
  const workflow::ConceptSetup saved = workflow::saved_setup(project, plan.id);
  plan.setup = setup_from(args, saved);
  const auto diffs = workflow::setup_differences(saved, plan.setup);
  if (!diffs.empty() && (trained || !restart))
    throw Error(ErrorCode::InvalidArgument, differences_message(name, diffs, trained));
  plan.replace = !diffs.empty();
  plan.already_trained = trained && !restart;
  const store::Concept c = project.get_concept(plan.id);
  plan.has_checkpoint = c.checkpoint_size.has_value() && !restart;
  plan.progress = c.progress;
  return plan;
}

/// One line when an existing product continues: from where, or that nothing was saved yet.
void say_where_training_starts(const std::string& name, const TrainPlan& plan, bool restart) {
  if (plan.has_checkpoint)
    std::fprintf(stderr, "continuing \"%s\" from its saved progress (stage %d, step %lld)\n", name.c_str(),
                 plan.progress.stage, static_cast<long long>(plan.progress.step));
  else if (plan.id && !plan.replace && !restart)
    std::fprintf(stderr, "\"%s\" has no saved progress yet; training from the beginning\n", name.c_str());
}

}  // namespace

int run_set_model(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"tokenizer", "device"}, {}, kSetModelHelp)) return kOk;
  const std::string path = project_path_arg(args, "project set-model PATH MODEL");
  if (args.positionals().size() != 2) throw Error(ErrorCode::InvalidArgument, "give the base model: project set-model PATH MODEL");
  auto project = open_project(path);
  workflow::SessionOptions options;
  options.device = args.get_or("device", "cpu");  // fingerprinting needs no GPU
  options.tokenizer_dir = args.get_or("tokenizer", "");
  const auto model = std::filesystem::u8path(args.positionals()[1]);
  const std::string hash = workflow::set_project_model(project, model, options);
  if (args.flag("json"))
    print_json({{"model", project.base_model().path}, {"sha256", hash}});
  else
    std::printf("base model %s\nfingerprint %s\n", project.base_model().path.c_str(), hash.c_str());
  return kOk;
}

int run_project_train(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args;
  if (parse_or_help(args, argv, train_options(), {"restart", "fp32-delta"}, kProjectTrainHelp)) return kOk;
  const std::string path = project_path_arg(args, "project train PATH --name NAME --category WORD");
  auto project = open_project(path);
  const std::string name = args.required("name");
  const TrainPlan plan = plan_training(project, args);
  std::int64_t id = plan.id;
  if (plan.already_trained) {
    if (args.flag("json"))
      print_json({{"product", id}, {"name", name}, {"already_trained", true}});
    else
      std::printf("product %lld \"%s\" is already trained\n", static_cast<long long>(id), name.c_str());
    return kOk;
  }
  say_where_training_starts(name, plan, args.flag("restart"));

  // The model is loaded before the product is set up, so a missing or wrong base model
  // leaves nothing half set up behind.
  workflow::SessionOptions options;
  options.device = args.get_or("device", "auto");
  options.purpose = workflow::SessionPurpose::Train;
  options.tokenizer_dir = args.get_or("tokenizer", "");
  std::fprintf(stderr, "loading %s\n", project.base_model().path.c_str());
  auto session = workflow::open_project_model(project, options);
  if (plan.replace) project.remove_concept(id);
  if (!id || plan.replace) id = workflow::create_concept(project, plan.setup);
  const json disk_space = warn_training_space(project, id, args.get_or("memory", ""));
  std::fprintf(stderr, "training \"%s\" on %s\n", name.c_str(), session->device_description().c_str());

  static const char* kStageNames[] = {"stage 1/3 embedding", "stage 2/3 attention", "stage 3/3 UNet"};
  std::unique_ptr<ProgressBar> bar;
  std::string current;
  workflow::TrainRun run;
  run.memory_plan = args.get_or("memory", "");
  run.restart = args.flag("restart");
  run.checkpoint_min_seconds = 60.0 * args.get_double("checkpoint-minutes", 5.0, 0.0, 24 * 60.0);
  run.previews.every = static_cast<int>(args.get_int("preview-every", 100, 0, 1000000));
  if (auto dir = args.get("preview-dir")) {
    const auto preview_dir = std::filesystem::u8path(*dir);
    prepare_preview_dir(preview_dir);
    run.on_preview = [preview_dir](const workflow::TrainingPreview& p) { write_preview_files(preview_dir, p); };
  }
  workflow::TrainReport report;
  try {
    report = workflow::train_concept(project, id, *session, run, [&](const Progress& p) {
      if (p.stage != current) {
        if (bar) bar->finish();
        current = p.stage;
        const int k = p.stage.back() - '1';
        bar = std::make_unique<ProgressBar>(k >= 0 && k < 3 ? kStageNames[k] : p.stage);
      }
      bar->update(p);
      return true;
    }, &cancel);
  } catch (const Error& e) {
    if (bar) bar->finish();
    if (e.code() == ErrorCode::Cancelled)
      std::fprintf(stderr, "progress is saved in the project; run the same command again to continue\n");
    throw;
  }
  if (bar) bar->finish();
  if (!report.warning.empty()) std::fprintf(stderr, "warning: %s\n", report.warning.c_str());
  if (args.flag("json")) {
    print_json({{"product", id}, {"name", name}, {"resumed_stage", report.resumed_stage},
                {"resumed_step", report.resumed_step}, {"seconds", report.seconds},
                {"first_loss", report.first_loss}, {"last_loss", report.last_loss},
                {"package_bytes", report.package_bytes}, {"disk_space", disk_space}});
  } else {
    std::printf("product %lld \"%s\" trained", static_cast<long long>(id), name.c_str());
    if (report.resumed_stage > 3)  // killed after its last checkpoint: only the package was left to make
      std::printf(" (continued after stage 3)");
    else if (report.resumed_stage)
      std::printf(" (continued at stage %d step %d)", report.resumed_stage, report.resumed_step);
    std::printf("\n");
  }
  return kOk;
}

int run_remove_product(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {"yes"}, kRemoveProductHelp)) return kOk;
  const std::string path = project_path_arg(args, "project remove-product PATH PRODUCT");
  if (args.positionals().size() != 2)
    throw Error(ErrorCode::InvalidArgument, "give the product's name or number: project remove-product PATH PRODUCT");
  auto project = open_project(path);
  const store::Concept product = workflow::find_concept(project, args.positionals()[1]);
  const std::string& name = product.spec.name;
  const std::int64_t id = product.id;
  std::size_t images = 0;
  for (const auto& i : project.list_images())
    if (i.concept_id == id) ++images;
  if (images && !args.flag("yes"))
    throw Error(ErrorCode::InvalidArgument,
                std::to_string(images) + " images were made with \"" + name +
                    "\". They stay in the project, but could no longer be made again. Add --yes to remove the "
                    "product anyway.");
  project.remove_concept(id);
  if (const auto failed = project.try_compact())  // the removal stands; only the free space is still held
    std::fprintf(stderr, "warning: the product's space is not given back to the disk yet: %s\n", failed->c_str());
  if (args.flag("json"))
    print_json({{"removed", id}, {"name", name}, {"images_kept", images}});
  else
    std::printf("removed product %lld \"%s\"%s\n", static_cast<long long>(id), name.c_str(),
                images ? (" (" + std::to_string(images) + " images kept)").c_str() : "");
  return kOk;
}

}  // namespace rashisa::cli
