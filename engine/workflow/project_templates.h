#pragma once
// Prompt templates kept in the project file: conversion between the template library's
// PromptTemplate and the store's TemplateSpec, the built-in catalogue, JSON/CSV exchange and
// expansion for one product. Torch-free.
//
// In the project, TemplateSpec::variables holds {"id": "<template id>", "variables": [...]}
// with the variables exactly as the rashisa-templates/1 JSON format writes them (labels
// included), so a stored template converts back without loss and is validated again on read.
#include "engine/core/no_qt.h"
#include "engine/store/project.h"
#include "engine/templates/prompt_template.h"
#include "engine/templates/template_problems.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::workflow {

/// Validates `t` and converts it for the store.
store::TemplateSpec to_spec(const templates::PromptTemplate& t);
/// Converts a stored template back (validated; Error(FileFormat) when the record is not one
/// Rashisa wrote).
templates::PromptTemplate from_stored(const store::Template& t);

/// The catalogue that ships with Rashisa (resources/templates/catalogue.json, compiled in).
std::vector<templates::PromptTemplate> builtin_templates();

/// Adds the templates (validated first, all or none, in one transaction); returns their new
/// ids in order.
std::vector<std::int64_t> add_templates(store::Project& project, const std::vector<templates::PromptTemplate>& list);

/// What import_templates_checked() found and did. It is a TemplateFileCheck (the templates in
/// file order and every problem) plus the ids they got in the project.
struct TemplateImport : templates::TemplateFileCheck {
  /// The new template numbers in file order; empty when there was any problem (nothing was
  /// imported then).
  std::vector<std::int64_t> ids;
};

/// Reads a .json/.csv template file with templates::check_templates_file() and adds its
/// templates to the project. When there is any problem, including "key-in-use" (field "id",
/// subject the id: the project already has a template with that id) and "over-cap", nothing
/// is imported and every problem is returned. Otherwise all are added in one transaction and
/// their ids returned. Throws only what check_templates_file() throws (no file, another
/// extension) and store errors.
TemplateImport import_templates_checked(store::Project& project, const std::string& path);

/// Every template in the project, in the order they were added.
std::vector<templates::PromptTemplate> project_templates(const store::Project& project);

/// Finds a template by its number in the project or by its id text ("white-studio").
/// Throws Error(InvalidArgument) naming the templates there are.
store::Template find_template(const store::Project& project, const std::string& key);

/// Writes the project's templates to a .json or .csv file (by extension), atomically.
void save_templates_file(const store::Project& project, const std::string& path);

}  // namespace rashisa::workflow
