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

/// Adds each template; returns their new ids in order. One transaction per template.
std::vector<std::int64_t> add_templates(store::Project& project, const std::vector<templates::PromptTemplate>& list);

/// Every template in the project, in the order they were added.
std::vector<templates::PromptTemplate> project_templates(const store::Project& project);

/// Finds a template by its number in the project or by its id text ("white-studio").
/// Throws Error(InvalidArgument) naming the templates there are.
store::Template find_template(const store::Project& project, const std::string& key);

/// Writes the project's templates to a .json or .csv file (by extension), atomically.
void save_templates_file(const store::Project& project, const std::string& path);

}  // namespace rashisa::workflow
