#include "engine/workflow/project_templates.h"

#include "engine/core/error.h"
#include "engine/model_io/atomic_file.h"
#include "engine/templates/template_io.h"
#include "engine/workflow/builtin_catalogue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace rashisa::workflow {

using nlohmann::json;

store::TemplateSpec to_spec(const templates::PromptTemplate& t) {
  // One serialiser for templates: the exchange format writes (and validates) it.
  const json doc = json::parse(templates::templates_to_json({t}));
  const json& j = doc.at("templates").at(0);
  store::TemplateSpec s;
  s.text = t.prompt;
  s.variables = json{{"id", t.id}, {"variables", j.value("variables", json::array())}}.dump();
  s.label_en = t.label_en;
  s.label_ja = t.label_ja;
  s.negative_prompt = t.negative_prompt;
  s.width = t.width;
  s.height = t.height;
  s.steps = t.steps;
  s.guidance = t.guidance;
  s.sampler = t.sampler;
  s.images_per_prompt = t.images_per_prompt;
  return s;
}

templates::PromptTemplate from_stored(const store::Template& t) {
  const json vars = json::parse(t.spec.variables, nullptr, false);
  if (!vars.is_object() || !vars.contains("variables"))
    throw Error(ErrorCode::FileFormat, "prompt template " + std::to_string(t.id) +
                                           " was not written by Rashisa; remove it and add it again");
  json j = {{"id", vars.value("id", "template-" + std::to_string(t.id))},
            {"prompt", t.spec.text},
            {"negative_prompt", t.spec.negative_prompt},
            {"variables", vars["variables"]},
            {"width", t.spec.width},
            {"height", t.spec.height},
            {"steps", t.spec.steps},
            {"guidance", t.spec.guidance},
            {"sampler", t.spec.sampler},
            {"images_per_prompt", t.spec.images_per_prompt}};
  json label = json::object();
  if (!t.spec.label_en.empty()) label["en"] = t.spec.label_en;
  if (!t.spec.label_ja.empty()) label["ja"] = t.spec.label_ja;
  j["label"] = label;
  const json doc = {{"format", templates::kTemplatesFormat}, {"templates", json::array({j})}};
  return templates::templates_from_json(doc.dump()).at(0);
}

std::vector<templates::PromptTemplate> builtin_templates() {
  return templates::templates_from_json(builtin_catalogue_json());
}

std::vector<std::int64_t> add_templates(store::Project& project, const std::vector<templates::PromptTemplate>& list) {
  templates::validate(list);
  std::vector<store::TemplateSpec> specs;
  for (const auto& t : list) specs.push_back(to_spec(t));  // all checked before the first is added
  return project.add_templates(specs);
}

TemplateImport import_templates_checked(store::Project& project, const std::string& path) {
  TemplateImport result;
  static_cast<templates::TemplateFileCheck&>(result) = templates::check_templates_file(path);
  std::set<std::string> in_use;
  for (const auto& stored : project.list_templates()) {
    try {
      in_use.insert(from_stored(stored).id);
    } catch (const Error&) {
      // A record Rashisa did not write has no id text to clash with.
    }
  }
  // The file's own duplicates are already reported: one key-in-use per id is enough.
  std::set<std::string> reported;
  for (std::size_t i = 0; i < result.templates.size(); ++i) {
    const std::string& id = result.templates[i].id;
    if (id.empty() || in_use.count(id) == 0 || !reported.insert(id).second) continue;
    const int line = i < result.lines.size() ? result.lines[i] : 0;
    result.problems.push_back({id, line, "id", "key-in-use", id,
                               (line > 0 ? "CSV line " + std::to_string(line) + ": " : std::string()) + "template '" +
                                   id + "': the project already has a template with the id '" + id +
                                   "': change the id in the file, or remove the project's template first"});
  }
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const templates::TemplateProblem& a, const templates::TemplateProblem& b) { return a.line < b.line; });
  if (!result.problems.empty()) return result;
  std::vector<store::TemplateSpec> specs;
  for (const auto& t : result.templates) specs.push_back(to_spec(t));
  result.ids = project.add_templates(specs);
  return result;
}

std::vector<templates::PromptTemplate> project_templates(const store::Project& project) {
  std::vector<templates::PromptTemplate> out;
  for (const auto& t : project.list_templates()) out.push_back(from_stored(t));
  return out;
}

store::Template find_template(const store::Project& project, const std::string& key) {
  const auto all = project.list_templates();
  const bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); });
  std::string known;
  for (const auto& t : all) {
    const std::string id = from_stored(t).id;
    if ((numeric && std::to_string(t.id) == key) || id == key) return t;
    known += (known.empty() ? "" : ", ") + std::to_string(t.id) + " (" + id + ")";
  }
  throw Error(ErrorCode::InvalidArgument,
              "there is no prompt template \"" + key + "\" in the project" +
                  (known.empty() ? std::string("; add one with add-template") : "; the templates are: " + known));
}

void save_templates_file(const store::Project& project, const std::string& path) {
  std::string ext = std::filesystem::u8path(path).extension().u8string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".json" && ext != ".csv")
    throw Error(ErrorCode::InvalidArgument, "save templates as a .json or .csv file (got " + path + ")");
  const auto list = project_templates(project);
  const std::string text = ext == ".json" ? templates::templates_to_json(list) : templates::templates_to_csv(list);
  model_io::AtomicFile out(std::filesystem::u8path(path));
  out.write(text.data(), text.size());
  out.commit();
}

}  // namespace rashisa::workflow
