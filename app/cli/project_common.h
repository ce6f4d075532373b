#pragma once
// Shared pieces of the `rashisa-cli project ...` subcommands.
#include "app/cli/args.h"
#include "engine/core/progress.h"
#include "engine/store/project.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace rashisa::cli {

/// One project subcommand: `argv` after "project <name>".
struct ProjectCommand {
  const char* name;
  const char* summary;  // one line for `project --help`
  const char* help;     // the subcommand's --help text
  int (*run)(const std::vector<std::string>& argv, const CancelToken& cancel);
};

/// All subcommands, in the order `project --help` lists them.
const std::vector<ProjectCommand>& project_commands();

// The subcommands (cmd_project_*.cpp) and their help texts.
#define RASHISA_PROJECT_COMMAND(fn, help) \
  int fn(const std::vector<std::string>& argv, const CancelToken& cancel); \
  extern const char* const help;
RASHISA_PROJECT_COMMAND(run_add_photos, kAddPhotosHelp)
RASHISA_PROJECT_COMMAND(run_photos, kPhotosHelp)
RASHISA_PROJECT_COMMAND(run_check, kCheckHelp)
RASHISA_PROJECT_COMMAND(run_remove_photo, kRemovePhotoHelp)
RASHISA_PROJECT_COMMAND(run_set_model, kSetModelHelp)
RASHISA_PROJECT_COMMAND(run_project_train, kProjectTrainHelp)
RASHISA_PROJECT_COMMAND(run_remove_product, kRemoveProductHelp)
RASHISA_PROJECT_COMMAND(run_templates, kTemplatesHelp)
RASHISA_PROJECT_COMMAND(run_add_template, kAddTemplateHelp)
RASHISA_PROJECT_COMMAND(run_expand, kExpandHelp)
RASHISA_PROJECT_COMMAND(run_project_generate, kProjectGenerateHelp)
RASHISA_PROJECT_COMMAND(run_jobs, kJobsHelp)
RASHISA_PROJECT_COMMAND(run_images, kImagesHelp)
RASHISA_PROJECT_COMMAND(run_review, kReviewHelp)
RASHISA_PROJECT_COMMAND(run_export, kExportHelp)
RASHISA_PROJECT_COMMAND(run_regenerate, kRegenerateHelp)
#undef RASHISA_PROJECT_COMMAND

/// Parses the subcommand's arguments (adding --help and --json), prints help and returns
/// true when --help was given.
bool parse_or_help(Args& out, const std::vector<std::string>& argv, std::set<std::string> options,
                   std::set<std::string> flags, const char* help);

/// The PATH positional (the project file) and the rest; Error(InvalidArgument) when missing.
std::string project_path_arg(const Args& args, const char* usage);

/// Opens the project to change it, taking its lease (every refusal is a typed StoreError with
/// its message; store::ProjectInUse while another program has it open: main() says who).
store::Project open_project(const std::string& path);
/// Opens the project only to read it (no lease: works while another program has it open).
store::Project open_project_to_read(const std::string& path);

/// "1,2,5-7" -> {1,2,5,6,7}; Error(InvalidArgument) naming `what` when malformed.
std::vector<std::int64_t> parse_id_list(const std::string& text, const std::string& what);

/// Prints a JSON document on stdout (one line per document, UTF-8).
void print_json(const nlohmann::json& j);

}  // namespace rashisa::cli
