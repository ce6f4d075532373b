// Reading rashisa-templates/1 JSON without throwing: every structural problem (unknown keys,
// wrong types) is collected with the template it belongs to, then the content is checked.
#include "engine/templates/template_problems.h"
#include "engine/templates/template_io.h"
#include "engine/templates/template_text_p.h"

#include <nlohmann/json.hpp>

#include <initializer_list>

namespace rashisa::templates {
namespace {

using nlohmann::json;

/// Reads one template's JSON, recording structural problems instead of throwing.
class JsonTemplateReader {
 public:
  JsonTemplateReader(detail::ReadTemplate& r, std::string ctx) : r_(r), ctx_(std::move(ctx)) {}

  void wrong(const char* field, const std::string& key, const std::string& what) {
    r_.structural.push_back({r_.t.id, 0, field, "wrong-type", key, ctx_ + ": \"" + key + "\" " + what});
  }
  void unknown(const char* field, const std::string& key, const std::string& where) {
    r_.structural.push_back({r_.t.id, 0, field, "unknown-key", key,
                             ctx_ + where + ": unknown key \"" + key + "\": check its spelling or remove it"});
  }
  void set_context(std::string ctx) { ctx_ = std::move(ctx); }

  /// Unknown keys of `obj` (an object), reported under `field`.
  void keys(const json& obj, std::initializer_list<const char*> allowed, const char* field, const std::string& where) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool ok = false;
      for (const char* a : allowed) ok = ok || it.key() == a;
      if (!ok) unknown(field, it.key(), where);
    }
  }

  void text(const json& obj, const char* key, const char* field, std::string& into) {
    const auto it = obj.find(key);
    if (it == obj.end()) return;
    if (it->is_string()) into = it->get<std::string>();
    else wrong(field, key, "must be text in quotes");
  }

  template <typename T>
  void number(const json& obj, const char* key, T& into) {
    const auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_number()) return wrong(key, key, "must be a number");
    if constexpr (std::is_integral_v<T>) {
      if (!it->is_number_integer()) return wrong(key, key, "must be a whole number");
      const auto v = it->get<long long>();
      if (v < -1000000 || v > 1000000) return wrong(key, key, "is out of range");
      into = static_cast<T>(v);
    } else {
      into = it->get<T>();
    }
  }

  void label(const json& obj, const char* field, const std::string& where, std::string& en, std::string& ja) {
    const auto it = obj.find("label");
    if (it == obj.end()) return;
    if (!it->is_object()) return wrong(field, "label", "must be an object such as {\"en\": \"...\", \"ja\": \"...\"}");
    keys(*it, {"en", "ja"}, field, where + ", label");
    text(*it, "en", field, en);
    text(*it, "ja", field, ja);
  }

  void variables(const json& j);

 private:
  void value(const json& x, const std::string& vctx, TemplateVariable& v);

  detail::ReadTemplate& r_;
  std::string ctx_;
};

void JsonTemplateReader::value(const json& x, const std::string& vctx, TemplateVariable& v) {
  TemplateValue value;
  if (x.is_string()) {
    value.value = x.get<std::string>();
  } else if (x.is_object()) {
    keys(x, {"value", "label"}, "values", vctx + ", a value");
    text(x, "value", "values", value.value);
    label(x, "values", vctx + ", a value", value.label_en, value.label_ja);
  } else {
    r_.structural.push_back({r_.t.id, 0, "values", "wrong-type", v.name,
                             ctx_ + vctx + ": a value must be text or an object with \"value\" and \"label\""});
    return;
  }
  v.values.push_back(std::move(value));
}

void JsonTemplateReader::variables(const json& j) {
  const auto vars = j.find("variables");
  if (vars == j.end()) return;
  if (!vars->is_array()) return wrong("variables", "variables", "must be a list");
  for (const json& vj : *vars) {
    if (!vj.is_object()) {
      wrong("variables", "variables", "must list objects with \"name\" and \"values\"");
      continue;
    }
    TemplateVariable v;
    text(vj, "name", "variables", v.name);
    const std::string vctx = ", variable '" + v.name + "'";
    keys(vj, {"name", "label", "values"}, "variables", vctx);
    label(vj, "variables", vctx, v.label_en, v.label_ja);
    const auto values = vj.find("values");
    if (values != vj.end() && !values->is_array()) {
      r_.structural.push_back({r_.t.id, 0, "values", "wrong-type", v.name, ctx_ + vctx + ": \"values\" must be a list"});
    } else if (values != vj.end()) {
      for (const json& x : *values) value(x, vctx, v);
    }
    r_.t.variables.push_back(std::move(v));
  }
}

detail::ReadTemplate read_template(const json& j, std::size_t index) {
  detail::ReadTemplate r;
  JsonTemplateReader in(r, "template #" + std::to_string(index + 1));
  in.text(j, "id", "id", r.t.id);
  if (!r.t.id.empty()) in.set_context("template '" + r.t.id + "'");
  in.keys(j,
          {"id", "label", "prompt", "negative_prompt", "variables", "width", "height", "steps", "guidance", "sampler",
           "images_per_prompt"},
          "", "");
  in.label(j, "label", "", r.t.label_en, r.t.label_ja);
  in.text(j, "prompt", "prompt", r.t.prompt);
  in.text(j, "negative_prompt", "negative_prompt", r.t.negative_prompt);
  in.number(j, "width", r.t.width);
  in.number(j, "height", r.t.height);
  in.number(j, "steps", r.t.steps);
  in.number(j, "guidance", r.t.guidance);
  in.text(j, "sampler", "sampler", r.t.sampler);
  in.number(j, "images_per_prompt", r.t.images_per_prompt);
  in.variables(j);
  return r;
}

TemplateProblem file_problem(const char* code, std::string subject, std::string message) {
  return {"", 0, "file", code, std::move(subject), std::move(message)};
}

}  // namespace

TemplateFileCheck check_templates_json(const std::string& json_text) {
  std::vector<TemplateProblem> file;
  std::size_t bad_at = 0;
  if (!detail::valid_utf8(json_text, bad_at)) {
    file.push_back(file_problem("not-utf8", "", "the template file is not UTF-8 (byte " + std::to_string(bad_at + 1) +
                                                    "): save it as UTF-8"));
    return detail::problems_only(std::move(file));
  }
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    file.push_back(file_problem("bad-json", "", std::string("the template file is not valid JSON: ") + e.what()));
    return detail::problems_only(std::move(file));
  }
  if (!doc.is_object()) {
    file.push_back(file_problem("wrong-format", "",
                                "the template file must be a JSON object with \"format\" and \"templates\""));
    return detail::problems_only(std::move(file));
  }
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || format->get<std::string>() != kTemplatesFormat) {
    file.push_back(file_problem("wrong-format", "",
                                std::string("not a Rashisa template file: \"format\" must be \"") + kTemplatesFormat + "\""));
    return detail::problems_only(std::move(file));
  }
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.key() != "format" && it.key() != "templates")
      file.push_back(file_problem("unknown-key", it.key(), "the template file: unknown key \"" + it.key() + "\""));
  const auto list = doc.find("templates");
  if (list == doc.end() || !list->is_array()) {
    file.push_back(file_problem("wrong-format", "", "the template file needs a \"templates\" list"));
    return detail::problems_only(std::move(file));
  }
  std::vector<detail::ReadTemplate> read;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& j = (*list)[i];
    if (j.is_object()) {
      read.push_back(read_template(j, i));
    } else {
      TemplateProblem p = file_problem("wrong-type", "templates", "template #" + std::to_string(i + 1) +
                                                                      " must be a JSON object");
      p.field = "";
      file.push_back(std::move(p));
    }
  }
  return detail::finish_file_check(std::move(file), std::move(read), false);
}

}  // namespace rashisa::templates
