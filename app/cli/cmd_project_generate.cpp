// rashisa-cli project generate / jobs / images / regenerate
#include "app/cli/exit_codes.h"
#include "app/cli/progress_bar.h"
#include "app/cli/project_common.h"
#include "engine/core/error.h"
#include "engine/model_io/atomic_file.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/project_templates.h"

#include <cstdio>
#include <random>

namespace rashisa::cli {

using nlohmann::json;

const char* const kProjectGenerateHelp =
    "usage: rashisa-cli project generate PATH --template T[,T...] [--product P[,P...]] [options]\n"
    "       rashisa-cli project generate PATH --resume [--job N]\n"
    "\n"
    "Makes a batch: every product x every prompt of every template x every seed, as one job.\n"
    "The job is recorded before the first image, and each image is stored with all its settings\n"
    "as soon as it is made; after Ctrl+C or a crash, the same command again (or --resume, which\n"
    "continues every unfinished job) goes on where it stopped. Once it is done, the same command\n"
    "with the same --seed/--seeds has nothing to do (without one, new seeds make a new batch).\n"
    "  --template T,...        template numbers or ids (see `templates`)\n"
    "  --product P,...         product names or numbers (default: every trained product)\n"
    "  --seeds A,B,...         seeds for every prompt (default: --seed S, S+1, ... as many as the\n"
    "                          template's images per prompt)\n"
    "  --seed S                first seed (default: random, printed)\n"
    "  --steps N --guidance X --sampler NAME --width W --height H   override the templates\n"
    "  --max-images N          refuse batches larger than this (default 1000)\n"
    "  --queue-only            record the job without running it\n"
    "  --resume                run unfinished jobs (or --job N) instead of making a new one\n"
    "  --device auto|cpu|cuda  (default auto)\n"
    "  --tokenizer DIR         tokenizer folder for single-file checkpoints\n";

const char* const kJobsHelp =
    "usage: rashisa-cli project jobs PATH [--json]\n"
    "\n"
    "Lists the batches: status (queued, running, done, failed, cancelled) and images made.\n";

const char* const kImagesHelp =
    "usage: rashisa-cli project images PATH [--job N] [--review new|approved|rejected] [--json]\n"
    "\n"
    "Lists generated images with their seed, settings, prompt and review status.\n";

const char* const kRegenerateHelp =
    "usage: rashisa-cli project regenerate PATH IMAGES [--out FILE.png] [--device D] [--json]\n"
    "\n"
    "Makes images again from their records and compares them with the stored ones. On the same\n"
    "device and precision the result is the same image (bit-exact on the CPU). Exit code 0\n"
    "when every image matched, 1 otherwise. --out writes the remade image (one image only).\n";

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const auto comma = s.find(',', pos);
    out.push_back(s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::unique_ptr<workflow::ModelSession> generation_session(const store::Project& project, const Args& args) {
  workflow::SessionOptions options;
  options.device = args.get_or("device", "auto");
  options.tokenizer_dir = args.get_or("tokenizer", "");
  std::fprintf(stderr, "loading %s\n", project.base_model().path.c_str());
  auto session = workflow::open_project_model(project, options);
  std::fprintf(stderr, "generating on %s (%s)\n", session->device_description().c_str(), session->precision().c_str());
  return session;
}

json run_job(store::Project& project, std::int64_t job_id, workflow::ModelSession& session, const CancelToken& cancel,
             bool quiet) {
  std::unique_ptr<ProgressBar> bar;
  std::int64_t current = -1;
  workflow::BatchRunReport report;
  try {
    report = workflow::run_batch_job(project, job_id, session, [&](const workflow::BatchProgress& p) {
      if (p.image != current) {
        if (bar) bar->finish();
        current = p.image;
        bar = std::make_unique<ProgressBar>("job " + std::to_string(job_id) + " image " + std::to_string(p.image) + "/" +
                                            std::to_string(p.images));
      }
      if (!quiet) bar->update(p.step);
      return true;
    }, &cancel);
  } catch (const Error& e) {
    if (bar) bar->finish();
    if (e.code() == ErrorCode::Cancelled)
      std::fprintf(stderr, "the images made so far are saved; run the same command again (or project generate PATH\n"
                   "--resume) to continue\n");
    throw;
  }
  if (bar) bar->finish();
  return {{"job", job_id}, {"made", report.made}, {"already_done", report.already_done}, {"images", report.image_ids}};
}

json image_json(const store::ImageInfo& i) {
  return {{"id", i.id}, {"job", i.job_id ? json(*i.job_id) : json(nullptr)},
          {"product", i.concept_id ? json(*i.concept_id) : json(nullptr)}, {"seed", i.params.seed},
          {"sampler", i.params.sampler}, {"steps", i.params.steps}, {"guidance", i.params.guidance},
          {"width", i.params.width}, {"height", i.params.height}, {"prompt", i.params.prompt},
          {"negative_prompt", i.params.negative_prompt},
          {"values", json::parse(i.params.template_values, nullptr, false)},
          {"base_model_sha256", i.params.base_model_sha256}, {"review", store::review_name(i.review)},
          {"reviewer", i.reviewer}, {"reviewed_at", i.reviewed_at}, {"created_at", i.created_at}};
}

}  // namespace

int run_project_generate(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args;
  if (parse_or_help(args, argv,
                    {"template", "product", "seeds", "seed", "steps", "guidance", "sampler", "width", "height",
                     "max-images", "job", "device", "tokenizer"},
                    {"resume", "queue-only"}, kProjectGenerateHelp))
    return kOk;
  auto project = open_project(project_path_arg(args, "project generate PATH --template T"));
  std::vector<std::int64_t> jobs;
  if (args.flag("resume")) {
    if (args.get("template")) throw Error(ErrorCode::InvalidArgument, "--resume continues recorded jobs; leave out --template");
    if (auto j = args.get("job")) {
      jobs.push_back(args.get_int("job", 0, 1, INT64_MAX));
    } else {
      for (const auto& job : workflow::unfinished_jobs(project)) jobs.push_back(job.id);
    }
    if (jobs.empty()) {
      if (!args.flag("json")) std::printf("every job is done\n");
      if (args.flag("json")) print_json({{"jobs", json::array()}});
      return kOk;
    }
  } else {
    workflow::BatchRequest r;
    for (const auto& t : split(args.required("template"))) r.template_ids.push_back(workflow::find_template(project, t).id);
    if (auto p = args.get("product")) {
      for (const auto& name : split(*p)) r.concept_ids.push_back(workflow::find_concept(project, name).id);
    } else {
      for (const auto& c : project.list_concepts())
        if (c.package_size) r.concept_ids.push_back(c.id);
      if (r.concept_ids.empty())
        throw Error(ErrorCode::InvalidArgument, "no product is trained yet; train one first (project train)");
    }
    if (auto s = args.get("seeds")) r.seeds = parse_id_list(*s, "--seeds");
    r.first_seed = args.get("seed") ? args.get_int("seed", 0, 0, INT64_MAX - 64)
                                    : static_cast<std::int64_t>(std::random_device{}() % 1000000000u);
    r.steps = static_cast<int>(args.get_int("steps", 0, 1, 1000));
    r.guidance = args.get_double("guidance", -1.0, 0.0, 50.0);
    r.sampler = args.get_or("sampler", "");
    r.width = static_cast<int>(args.get_int("width", 0, 64, 2048));
    r.height = static_cast<int>(args.get_int("height", 0, 64, 2048));
    r.cap = static_cast<std::size_t>(args.get_int("max-images", 1000, 1, 100000));
    // The same command again continues the batch it started (after Ctrl+C, a crash, a kill).
    const bool seeded = args.get("seed") || args.get("seeds");
    const auto plan = workflow::plan_batch(project, r);
    const auto same = workflow::unfinished_job_like(project, plan, seeded);
    const auto done = seeded && !same ? workflow::finished_job_like(project, plan) : std::nullopt;
    if (done) {
      // The same seeded command again after its batch was done (it may have been killed just
      // after storing the last image): the same seeds would only make the same images again.
      if (args.flag("json"))
        print_json({{"jobs", json::array({{{"job", done->id}, {"made", 0}, {"already_done", true}}})}});
      else
        std::printf("job %lld already made these %lld images with the same seeds; nothing to do (give other seeds "
                    "with --seed or --seeds, or leave them out, to make more)\n",
                    static_cast<long long>(done->id), static_cast<long long>(done->done));
      return kOk;
    }
    if (same) {
      std::fprintf(stderr, "continuing job %lld, which the same command started: %lld of %lld images made\n",
                   static_cast<long long>(same->id), static_cast<long long>(same->done),
                   static_cast<long long>(same->spec.total));
      jobs.push_back(same->id);
    } else {
      const auto id = workflow::queue_batch(project, r);
      const auto job = project.get_job(id);
      std::fprintf(stderr, "job %lld: %lld images (first seed %lld)\n", static_cast<long long>(id),
                   static_cast<long long>(job.spec.total), static_cast<long long>(r.first_seed));
      jobs.push_back(id);
    }
    const auto id = jobs.back();
    if (args.flag("queue-only")) {
      if (args.flag("json")) print_json({{"jobs", json::array({{{"job", id}, {"total", project.get_job(id).spec.total}}})}});
      return kOk;
    }
  }
  auto session = generation_session(project, args);
  json out = json::array();
  for (auto id : jobs) {
    out.push_back(run_job(project, id, *session, cancel, args.flag("json")));
    if (!args.flag("json"))
      std::printf("job %lld done: %lld images made\n", static_cast<long long>(id), out.back()["made"].get<long long>());
  }
  if (args.flag("json")) print_json({{"jobs", out}});
  return kOk;
}

int run_jobs(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {}, kJobsHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project jobs PATH"));
  json list = json::array();
  for (const auto& j : project.list_jobs()) {
    list.push_back({{"id", j.id}, {"status", store::job_status_name(j.status)}, {"done", j.done}, {"total", j.spec.total},
                    {"error", j.error}, {"created_by", j.created_by}, {"created_at", j.created_at}});
    if (!args.flag("json"))
      std::printf("%4lld  %-9s %lld/%lld images  %s%s\n", static_cast<long long>(j.id), store::job_status_name(j.status),
                  static_cast<long long>(j.done), static_cast<long long>(j.spec.total), j.created_at.c_str(),
                  j.error.empty() ? "" : ("  " + j.error).c_str());
  }
  if (args.flag("json")) print_json(list);
  return kOk;
}

int run_images(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"job", "review"}, {}, kImagesHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project images PATH"));
  std::optional<std::int64_t> job;
  if (args.get("job")) job = args.get_int("job", 0, 1, INT64_MAX);
  const std::string review = args.get_or("review", "");
  if (!review.empty() && review != "new" && review != "approved" && review != "rejected")
    throw Error(ErrorCode::InvalidArgument, "--review must be new, approved or rejected");
  json list = json::array();
  for (const auto& i : project.list_images(job)) {
    if (!review.empty() && review != store::review_name(i.review)) continue;
    list.push_back(image_json(i));
    if (!args.flag("json"))
      std::printf("%5lld  job %-4lld seed %-12lld %-9s %s\n", static_cast<long long>(i.id),
                  static_cast<long long>(i.job_id.value_or(0)), static_cast<long long>(i.params.seed),
                  store::review_name(i.review), i.params.prompt.c_str());
  }
  if (args.flag("json")) print_json(list);
  return kOk;
}

int run_regenerate(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args;
  if (parse_or_help(args, argv, {"out", "device", "tokenizer"}, {}, kRegenerateHelp)) return kOk;
  const std::string path = project_path_arg(args, "project regenerate PATH IMAGES");
  if (args.positionals().size() != 2) throw Error(ErrorCode::InvalidArgument, "give the image numbers to remake, e.g. 4 or 1-6");
  const auto ids = parse_id_list(args.positionals()[1], "image numbers");
  if (args.get("out") && ids.size() != 1) throw Error(ErrorCode::InvalidArgument, "--out needs exactly one image");
  auto project = open_project(path);
  for (auto id : ids) project.get_image(id);
  auto session = generation_session(project, args);
  bool all_same = true;
  json list = json::array();
  for (auto id : ids) {
    const auto png = workflow::regenerate_image(project, id, *session, {}, &cancel);
    const bool same = png == project.image_png(id);
    all_same = all_same && same;
    list.push_back({{"image", id}, {"identical", same}});
    if (!args.flag("json")) std::printf("image %lld: %s\n", static_cast<long long>(id), same ? "identical" : "DIFFERENT");
    if (auto out = args.get("out")) {
      model_io::AtomicFile f(std::filesystem::u8path(*out));
      f.write(png.data(), png.size());
      f.commit();
    }
  }
  if (args.flag("json")) print_json({{"images", list}, {"identical", all_same}});
  return all_same ? kOk : kFailed;
}

}  // namespace rashisa::cli
