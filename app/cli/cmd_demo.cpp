// rashisa-cli demo DIR: the demo project, made headless (the same one `rashisa --demo` opens).
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "engine/workflow/demo.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

namespace rashisa::cli {

const char* const kDemoHelp =
    "usage: rashisa-cli demo DIR [--name NAME] [--json]\n"
    "\n"
    "Makes a demo project in DIR (created when missing) to try the whole job on any computer,\n"
    "in a few minutes on a CPU, with nothing downloaded: photos of a mug that Rashisa draws\n"
    "itself (one of them blurry, one nearly the same as another, so the checks have something\n"
    "to say), a tiny demo model of the Stable Diffusion architecture that Rashisa makes itself,\n"
    "and the catalogue templates at 256 px. The demo model is for trying the workflow: its\n"
    "images are abstract patterns. For real images choose a Stable Diffusion 1.5 / 2.1 model\n"
    "with `project set-model`. An existing demo project in DIR is never replaced.\n"
    "  --name NAME   the product's name (default \"Demo mug\")\n";

namespace {

std::string quoted(const std::filesystem::path& p) { return "\"" + p.u8string() + "\""; }

}  // namespace

int run_demo(const std::vector<std::string>& argv) {
  Args args(argv, {"name"}, {"json", "help"});
  if (args.flag("help")) {
    std::fputs(kDemoHelp, stdout);
    return kOk;
  }
  if (args.positionals().size() != 1) throw Error(ErrorCode::InvalidArgument, "demo takes exactly one DIR (see --help)");
  workflow::DemoOptions options;
  options.product_name = args.get_or("name", options.product_name);
  const bool json = args.flag("json");
  const auto demo = workflow::make_demo_project(std::filesystem::u8path(args.positionals()[0]), options,
                                                [json](const Progress& p) {
                                                  if (!json && p.step == p.total)
                                                    std::fprintf(stderr, "  %s ready\n", p.stage.c_str());
                                                  return true;
                                                });
  const auto setup = workflow::demo_concept_setup(options.product_name);
  std::string train = "rashisa-cli project train " + quoted(demo.project) + " --name \"" + setup.name +
                      "\" --category " + setup.category + " --resolution " + std::to_string(setup.resolution);
  for (int k = 0; k < 3; ++k)
    train += " --stage" + std::to_string(k + 1) + "-steps " + std::to_string(setup.stages[k].steps) + " --stage" +
             std::to_string(k + 1) + "-batch " + std::to_string(setup.stages[k].batch);
  train += " --preview-every 0";
  if (json) {
    std::printf("%s\n", nlohmann::json{{"project", demo.project.u8string()},
                                       {"model", demo.model.u8string()},
                                       {"photos", demo.photos.u8string()},
                                       {"photo_count", demo.photo_count},
                                       {"templates", demo.template_count},
                                       {"train", train}}
                            .dump(2)
                            .c_str());
    return kOk;
  }
  const std::string p = quoted(demo.project);
  std::printf("made the demo project %s\n", demo.project.u8string().c_str());
  std::printf("  %zu photos in %s (one blurry, one nearly the same as another)\n", demo.photo_count,
              demo.photos.u8string().c_str());
  std::printf("  the demo model in %s\n", demo.model.u8string().c_str());
  std::printf("  %zu catalogue templates at 256 px\n", demo.template_count);
  std::printf("The demo model is for trying the workflow: its images are abstract patterns.\n"
              "For real images choose a Stable Diffusion 1.5 / 2.1 model with `project set-model`.\n\n");
  std::printf("The whole job, a few minutes on a CPU:\n");
  std::printf("  rashisa-cli project check %s\n", p.c_str());
  std::printf("  %s\n", train.c_str());
  std::printf("  rashisa-cli project generate %s --template white-studio --seed 1\n", p.c_str());
  std::printf("  rashisa-cli project review %s --approve 1-3 --by demo\n", p.c_str());
  std::printf("  rashisa-cli project export %s --out demo-export\n", p.c_str());
  std::printf("or open it in the window: rashisa %s\n", p.c_str());
  return kOk;
}

}  // namespace rashisa::cli
