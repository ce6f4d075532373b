// rashisa-cli project SUBCOMMAND PATH ...: the whole Rashisa job on a project file, headless.
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "app/cli/project_common.h"
#include "engine/core/error.h"
#include "engine/workflow/project_templates.h"

#include <cstdio>
#include <map>

namespace rashisa::cli {

namespace {

const char* const kNewHelp =
    "usage: rashisa-cli project new PATH [--no-templates] [--json]\n"
    "\n"
    "Creates a new, empty project file (PATH should end in .rashisa). The built-in catalogue\n"
    "templates (white studio, lifestyle table, outdoor, flat lay, in use, seasonal) are added\n"
    "unless --no-templates is given. An existing file is never replaced.\n";

const char* const kProjectInfoHelp =
    "usage: rashisa-cli project info PATH [--json]\n"
    "\n"
    "Shows the base model, the photos, products, templates, jobs and images in a project.\n";

const char* const kLogHelp =
    "usage: rashisa-cli project log PATH [--last N] [--json]\n"
    "\n"
    "Shows the audit log: who added, trained, generated, reviewed and exported what, and when.\n";

int run_new(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {"no-templates"}, kNewHelp)) return kOk;
  const std::string path = project_path_arg(args, "project new PATH");
  auto project = store::Project::create(std::filesystem::u8path(path));
  std::size_t templates = 0;
  if (!args.flag("no-templates")) templates = workflow::add_templates(project, workflow::builtin_templates()).size();
  if (args.flag("json")) {
    print_json({{"project", path}, {"templates", templates}});
  } else {
    std::printf("created %s with %zu catalogue templates\n", path.c_str(), templates);
    std::printf("next: rashisa-cli project add-photos %s PHOTOS...\n", path.c_str());
  }
  return kOk;
}

int run_info(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {}, kProjectInfoHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project info PATH"));
  const auto model = project.base_model();
  const auto photos = project.list_photos();
  const auto concepts = project.list_concepts();
  const auto templates = project.list_templates();
  const auto jobs = project.list_jobs();
  const auto images = project.list_images();
  std::map<std::string, int> reviews;
  for (const auto& i : images) ++reviews[store::review_name(i.review)];
  nlohmann::json products = nlohmann::json::array();
  for (const auto& c : concepts)
    products.push_back({{"id", c.id}, {"name", c.spec.name}, {"category", c.spec.category},
                        {"status", store::concept_status_name(c.progress.status)}, {"stage", c.progress.stage},
                        {"step", c.progress.step}, {"photos", project.concept_photos(c.id).size()},
                        {"has_checkpoint", c.checkpoint_size.has_value()}, {"trained", c.package_size.has_value()}});
  nlohmann::json j = {{"project", project.path().u8string()},
                      {"base_model", {{"path", model.path}, {"sha256", model.sha256}}},
                      {"photos", photos.size()},
                      {"products", products},
                      {"templates", templates.size()},
                      {"jobs", jobs.size()},
                      {"images", images.size()},
                      {"reviews", reviews}};
  if (args.flag("json")) {
    print_json(j);
    return kOk;
  }
  std::printf("project:    %s\n", project.path().u8string().c_str());
  std::printf("base model: %s\n", model.path.empty() ? "(none; choose one with set-model)" : model.path.c_str());
  std::printf("photos:     %zu\n", photos.size());
  std::printf("templates:  %zu\n", templates.size());
  std::printf("products:   %zu\n", concepts.size());
  for (const auto& p : products)
    std::printf("  %lld  %s (%s)  %s, stage %d step %lld, %zu photos\n", p["id"].get<long long>(),
                p["name"].get<std::string>().c_str(), p["category"].get<std::string>().c_str(),
                p["status"].get<std::string>().c_str(), p["stage"].get<int>(), p["step"].get<long long>(),
                p["photos"].get<std::size_t>());
  std::printf("jobs:       %zu\n", jobs.size());
  std::printf("images:     %zu (%d approved, %d rejected, %d new)\n", images.size(), reviews["approved"],
              reviews["rejected"], reviews["new"]);
  return kOk;
}

int run_log(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"last"}, {}, kLogHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project log PATH"));
  const auto entries = project.audit_log(static_cast<std::size_t>(args.get_int("last", 0, 0, 1000000)));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries) {
    if (args.flag("json"))
      list.push_back({{"id", e.id}, {"at", e.at}, {"who", e.who}, {"action", e.action},
                      {"details", nlohmann::json::parse(e.details, nullptr, false)}});
    else
      std::printf("%s  %-12s %-18s %s\n", e.at.c_str(), e.who.c_str(), e.action.c_str(), e.details.c_str());
  }
  if (args.flag("json")) print_json(list);
  return kOk;
}

}  // namespace

const char* const kProjectHelp =
    "usage: rashisa-cli project COMMAND PATH [options]   (project COMMAND --help for details)\n"
    "\n"
    "A project file (.rashisa) holds one product line's photos, trained products, prompt\n"
    "templates, generated images with their settings, reviews and an audit log.\n"
    "\n"
    "commands:\n";

int run_project(const std::vector<std::string>& argv, const CancelToken& cancel) {
  auto help = [] {
    std::string text = kProjectHelp;
    for (const auto& c : project_commands()) {
      char line[160];
      std::snprintf(line, sizeof line, "  %-14s %s\n", c.name, c.summary);
      text += line;
    }
    text += "\nMost commands take --json to print a JSON document on stdout for scripts.\n";
    return text;
  };
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
    std::fputs(help().c_str(), argv.empty() ? stderr : stdout);
    return argv.empty() ? kUsage : kOk;
  }
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  for (const auto& c : project_commands())
    if (argv[0] == c.name) return c.run(rest, cancel);
  std::fprintf(stderr, "rashisa-cli: unknown project command \"%s\"\n\n%s", argv[0].c_str(), help().c_str());
  return kUsage;
}

const std::vector<ProjectCommand>& project_commands() {
  static const std::vector<ProjectCommand> commands = {
      {"new", "create a project file (with the catalogue templates)", kNewHelp, run_new},
      {"add-photos", "bring photos of the product in (files or folders)", kAddPhotosHelp, run_add_photos},
      {"photos", "list the photos", kPhotosHelp, run_photos},
      {"check", "check the photos and say what to improve", kCheckHelp, run_check},
      {"remove-photo", "remove photos (none of their bytes stay in the file)", kRemovePhotoHelp, run_remove_photo},
      {"set-model", "choose the Stable Diffusion base model", kSetModelHelp, run_set_model},
      {"train", "learn a product from the photos (resumes where it stopped)", kProjectTrainHelp, run_project_train},
      {"remove-product", "remove a product and its training data", kRemoveProductHelp, run_remove_product},
      {"templates", "list prompt templates, or save them as JSON/CSV", kTemplatesHelp, run_templates},
      {"add-template", "add templates from a JSON or CSV file", kAddTemplateHelp, run_add_template},
      {"expand", "show the prompts a template makes, and how many", kExpandHelp, run_expand},
      {"generate", "make a batch: products x templates x seeds (or resume one)", kProjectGenerateHelp,
       run_project_generate},
      {"jobs", "list batches and where they stand", kJobsHelp, run_jobs},
      {"images", "list generated images with their settings and review", kImagesHelp, run_images},
      {"review", "approve or reject images", kReviewHelp, run_review},
      {"export", "write approved images with labels (and a contact sheet)", kExportHelp, run_export},
      {"regenerate", "make an image again from its record (and compare)", kRegenerateHelp, run_regenerate},
      {"info", "summary of the project", kProjectInfoHelp, run_info},
      {"log", "the audit log", kLogHelp, run_log},
  };
  return commands;
}

}  // namespace rashisa::cli
