// rashisa-cli project templates / add-template / expand
#include "app/cli/exit_codes.h"
#include "app/cli/project_common.h"
#include "engine/core/error.h"
#include "engine/templates/template_problems.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/project_templates.h"

#include <cstdio>

namespace rashisa::cli {

using nlohmann::json;

const char* const kTemplatesHelp =
    "usage: rashisa-cli project templates PATH [--save FILE.json|FILE.csv] [--json]\n"
    "\n"
    "Lists the prompt templates with how many prompts each makes. --save writes them all to a\n"
    "JSON or CSV file (CSV opens in a spreadsheet; edit it and bring it back with add-template).\n";

const char* const kAddTemplateHelp =
    "usage: rashisa-cli project add-template PATH FILE.json|FILE.csv [--json]\n"
    "\n"
    "Adds the templates in the file (the format `templates --save` writes). Every template is\n"
    "checked first; if anything is wrong (also an id the project already has), none is added\n"
    "and every problem is listed with what to fix (with --json: as \"problems\", each with its\n"
    "template, CSV line, field, stable code and message).\n";

const char* const kExpandHelp =
    "usage: rashisa-cli project expand PATH --template T [--product NAME] [--json]\n"
    "\n"
    "Shows every prompt template T (its number or id) makes and how many images a batch with\n"
    "it would be, without making anything. {product} becomes the product's token and category\n"
    "(\"<rashisa> bottle\"); without --product the first product is used, or \"<product>\".\n";

int run_templates(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"save"}, {}, kTemplatesHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project templates PATH"));
  if (auto file = args.get("save")) {
    workflow::save_templates_file(project, *file);
    if (!args.flag("json")) std::printf("saved %zu templates to %s\n", project.list_templates().size(), file->c_str());
  }
  json list = json::array();
  for (const auto& stored : project.list_templates()) {
    const auto t = workflow::from_stored(stored);
    const auto prompts = templates::count_expansions(t);
    list.push_back({{"number", stored.id}, {"id", t.id}, {"label_en", t.label_en}, {"label_ja", t.label_ja},
                    {"prompt", t.prompt}, {"prompts", prompts}, {"images_per_prompt", t.images_per_prompt},
                    {"size", std::to_string(t.width) + "x" + std::to_string(t.height)}, {"steps", t.steps},
                    {"sampler", t.sampler}});
    if (!args.flag("json") && !args.get("save"))
      std::printf("%3lld  %-18s %-34s %4zu prompts x %d images\n", static_cast<long long>(stored.id), t.id.c_str(),
                  t.label_en.c_str(), prompts, t.images_per_prompt);
  }
  if (args.flag("json")) print_json(list);
  return kOk;
}

int run_add_template(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {}, kAddTemplateHelp)) return kOk;
  const std::string path = project_path_arg(args, "project add-template PATH FILE");
  if (args.positionals().size() != 2) throw Error(ErrorCode::InvalidArgument, "give one .json or .csv file of templates");
  auto project = open_project(path);
  const std::string file = args.positionals()[1];
  const auto result = workflow::import_templates_checked(project, file);
  if (!result.problems.empty()) {
    json problems = json::array();
    bool file_format = false;
    for (const auto& p : result.problems) {
      problems.push_back({{"template", p.template_id}, {"line", p.line}, {"field", p.field}, {"code", p.code},
                          {"subject", p.subject}, {"message", p.message}});
      file_format = file_format || templates::is_file_format_problem(p);
      if (!args.flag("json")) std::fprintf(stderr, "%s\n", p.message.c_str());
    }
    if (args.flag("json")) print_json({{"added", json::array()}, {"problems", problems}});
    throw Error(file_format ? ErrorCode::FileFormat : ErrorCode::InvalidArgument,
                std::to_string(result.problems.size()) + (result.problems.size() == 1 ? " problem" : " problems") +
                    " in " + file + "; nothing was added: fix the file and add it again");
  }
  if (args.flag("json")) {
    print_json({{"added", result.ids}});
  } else {
    for (std::size_t i = 0; i < result.ids.size(); ++i)
      std::printf("added template %lld  %s\n", static_cast<long long>(result.ids[i]), result.templates[i].id.c_str());
  }
  return kOk;
}

int run_expand(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"template", "product"}, {}, kExpandHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project expand PATH --template T"));
  const auto stored = workflow::find_template(project, args.required("template"));
  const auto t = workflow::from_stored(stored);
  std::string token = "<product>", category = "product";
  if (auto p = args.get("product")) {
    const auto c = workflow::find_concept(project, *p);
    token = c.spec.token;
    category = c.spec.category;
  } else if (!project.list_concepts().empty()) {
    const auto c = project.list_concepts().front();
    token = c.spec.token;
    category = c.spec.category;
  }
  const auto prompts = templates::expand(t, token, category);
  const auto images = prompts.size() * static_cast<std::size_t>(t.images_per_prompt);
  if (args.flag("json")) {
    json list = json::array();
    for (const auto& e : prompts)
      list.push_back({{"index", e.index}, {"prompt", e.prompt}, {"negative_prompt", e.negative_prompt}, {"values", e.values}});
    print_json({{"template", stored.id}, {"prompts", list}, {"images_per_prompt", t.images_per_prompt},
                {"images", images}});
    return kOk;
  }
  for (const auto& e : prompts) std::printf("%3zu  %s\n", e.index + 1, e.prompt.c_str());
  std::printf("%zu prompts x %d images per prompt = %zu images per product\n", prompts.size(), t.images_per_prompt,
              images);
  return kOk;
}

}  // namespace rashisa::cli
