#include "engine/templates/template_io.h"

#include "engine/core/error.h"
#include "engine/templates/template_problems.h"
#include "engine/templates/template_text_p.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace rashisa::templates {
namespace {

using nlohmann::json;

constexpr std::streamoff kMaxTemplateFileBytes = 16 * 1024 * 1024;

// ---------------------------------------------------------------- JSON

json write_label(const std::string& en, const std::string& ja) {
  json l = json::object();
  if (!en.empty()) l["en"] = en;
  if (!ja.empty()) l["ja"] = ja;
  return l;
}

json template_to(const PromptTemplate& t) {
  json j = json::object();
  j["id"] = t.id;
  j["label"] = write_label(t.label_en, t.label_ja);
  j["prompt"] = t.prompt;
  if (!t.negative_prompt.empty()) j["negative_prompt"] = t.negative_prompt;
  json vars = json::array();
  for (const TemplateVariable& v : t.variables) {
    json vj = json::object();
    vj["name"] = v.name;
    if (!v.label_en.empty() || !v.label_ja.empty()) vj["label"] = write_label(v.label_en, v.label_ja);
    json values = json::array();
    for (const TemplateValue& x : v.values) {
      if (x.label_en.empty() && x.label_ja.empty()) {
        values.push_back(x.value);
      } else {
        values.push_back({{"value", x.value}, {"label", write_label(x.label_en, x.label_ja)}});
      }
    }
    vj["values"] = std::move(values);
    vars.push_back(std::move(vj));
  }
  j["variables"] = std::move(vars);
  j["width"] = t.width;
  j["height"] = t.height;
  j["steps"] = t.steps;
  j["guidance"] = t.guidance;
  j["sampler"] = t.sampler;
  j["images_per_prompt"] = t.images_per_prompt;
  return j;
}

// ---------------------------------------------------------------- CSV

const char* const kFixedColumns[] = {"id",    "label_en", "label_ja", "prompt",  "negative_prompt",  "width",
                                     "height", "steps",   "guidance", "sampler", "images_per_prompt"};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += '|';
    for (char c : items[i]) {
      if (c == '|' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

std::string format_double(double v) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(17);
  out << v;
  // Shortest text that reads back exactly (7.5 rather than 7.5000000000000000).
  for (int p = 1; p <= 17; ++p) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s.precision(p);
    s << v;
    if (std::stod(s.str()) == v) return s.str();
  }
  return out.str();
}

}  // namespace

std::vector<PromptTemplate> templates_from_json(const std::string& json_text) {
  TemplateFileCheck check = check_templates_json(json_text);
  throw_first_problem(check.problems);
  return std::move(check.templates);
}

std::string templates_to_json(const std::vector<PromptTemplate>& list) {
  validate(list);
  json doc = json::object();
  doc["format"] = kTemplatesFormat;
  doc["templates"] = json::array();
  for (const PromptTemplate& t : list) doc["templates"].push_back(template_to(t));
  try {
    return doc.dump(2) + "\n";
  } catch (const json::exception&) {
    throw Error(ErrorCode::InvalidArgument, "a template contains text that is not valid UTF-8");
  }
}

std::vector<PromptTemplate> templates_from_csv(const std::string& csv_text) {
  TemplateFileCheck check = check_templates_csv(csv_text);
  throw_first_problem(check.problems);
  return std::move(check.templates);
}

std::string templates_to_csv(const std::vector<PromptTemplate>& list, bool utf8_bom) {
  validate(list);
  std::vector<std::string> names;
  for (const auto& t : list)
    for (const auto& v : t.variables)
      if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
  std::vector<std::string> header(std::begin(kFixedColumns), std::end(kFixedColumns));
  for (const auto& n : names)
    for (const char* s : {"", ".en", ".ja", ".label_en", ".label_ja"}) header.push_back("var." + n + s);

  std::string out = utf8_bom ? "\xEF\xBB\xBF" : "";
  auto put_row = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  put_row(header);
  for (const auto& t : list) {
    std::vector<std::string> row = {t.id,
                                    t.label_en,
                                    t.label_ja,
                                    t.prompt,
                                    t.negative_prompt,
                                    std::to_string(t.width),
                                    std::to_string(t.height),
                                    std::to_string(t.steps),
                                    format_double(t.guidance),
                                    t.sampler,
                                    std::to_string(t.images_per_prompt)};
    for (const auto& n : names) {
      const TemplateVariable* v = nullptr;
      for (const auto& x : t.variables)
        if (x.name == n) v = &x;
      if (!v) {
        row.insert(row.end(), 5, std::string());
        continue;
      }
      std::vector<std::string> values, en, ja;
      bool any_en = false, any_ja = false;
      for (const auto& x : v->values) {
        values.push_back(x.value);
        en.push_back(x.label_en);
        ja.push_back(x.label_ja);
        any_en = any_en || !x.label_en.empty();
        any_ja = any_ja || !x.label_ja.empty();
      }
      row.push_back(join_list(values));
      row.push_back(any_en ? join_list(en) : std::string());
      row.push_back(any_ja ? join_list(ja) : std::string());
      row.push_back(v->label_en);
      row.push_back(v->label_ja);
    }
    put_row(row);
  }
  return out;
}

TemplateFileCheck check_templates_file(const std::string& path) {
  std::string ext;
  if (const auto dot = path.find_last_of('.'); dot != std::string::npos) ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != "json" && ext != "csv")
    throw Error(ErrorCode::InvalidArgument, "'" + path + "': template files must end in .json or .csv");
  std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, "cannot open the template file '" + path + "'");
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) throw Error(ErrorCode::FileRead, "cannot read the template file '" + path + "'");
  if (size > kMaxTemplateFileBytes)
    return detail::problems_only({{"", 0, "file", "too-large", "", "the file is over 16 MiB: that is not a template file"}});
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), size)) throw Error(ErrorCode::FileRead, "cannot read the template file '" + path + "'");
  return ext == "json" ? check_templates_json(text) : check_templates_csv(text);
}

std::vector<PromptTemplate> load_templates_file(const std::string& path) {
  TemplateFileCheck check = check_templates_file(path);
  throw_first_problem(check.problems, "'" + path + "': ");
  return std::move(check.templates);
}

}  // namespace rashisa::templates
