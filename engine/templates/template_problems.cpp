// check_template / check_templates: every problem of a template with a stable code. validate()
// throws the first of them, so the checks below are the one definition of a valid template.
#include "engine/templates/template_problems.h"

#include "engine/core/error.h"
#include "engine/templates/template_text_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

namespace rashisa::templates {
namespace {

using detail::where;

/// Collects the problems of one template in check order.
class Problems {
 public:
  explicit Problems(const PromptTemplate& t) : t_(t) {}

  /// A problem whose message is "<template 'x'>: <text>".
  void add(const char* field, const char* code, std::string subject, const std::string& text) {
    add_raw(field, code, std::move(subject), where(t_) + ": " + text);
  }
  /// A syntax problem of the text `label` ("prompt", "negative prompt").
  void add_syntax(const char* field, const char* label, const detail::SyntaxProblem& bad) {
    add_raw(field, bad.code.c_str(), bad.subject, where(t_) + ", " + label + ": " + bad.message);
  }
  void add_raw(const char* field, const char* code, std::string subject, std::string message) {
    out.push_back({t_.id, 0, field, code, std::move(subject), std::move(message)});
  }

  std::vector<TemplateProblem> out;

 private:
  const PromptTemplate& t_;
};

/// The placeholders of a text, or nullopt (with its problem added) when it does not parse.
std::optional<std::vector<std::string>> names_in(Problems& p, const std::string& text, const char* field,
                                                 const char* label) {
  std::vector<detail::Segment> segments;
  if (const auto bad = detail::parse_text(text, segments)) {
    p.add_syntax(field, label, *bad);
    return std::nullopt;
  }
  std::vector<std::string> names;
  detail::collect_names(segments, names);
  return names;
}

void check_id_and_labels(Problems& p, const PromptTemplate& t) {
  if (t.id.empty()) {
    p.add_raw("id", "empty-id", "", "a template has no id: give it a short id such as 'white-studio'");
  } else {
    for (char c : t.id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        p.add("id", "bad-id", t.id, "the id may contain only a-z, 0-9, '-' and '_'");
        break;
      }
  }
  if (t.label_en.empty() && t.label_ja.empty()) p.add("label", "empty-label", "", "give it an English or a Japanese label");
}

void check_utf8(Problems& p, const PromptTemplate& t) {
  std::size_t at = 0;
  const auto bad = [&](const std::string& s) { return !detail::valid_utf8(s, at); };
  const auto report = [&](const char* field, const std::string& subject, const char* what) {
    p.add(field, "not-utf8", subject, std::string("the ") + what + " is not valid UTF-8 text: retype it, or save the file as UTF-8");
  };
  if (bad(t.label_en) || bad(t.label_ja)) report("label", "", "label");
  if (bad(t.prompt)) report("prompt", "", "prompt");
  if (bad(t.negative_prompt)) report("negative_prompt", "", "negative prompt");
  for (const TemplateVariable& v : t.variables) {
    if (bad(v.name) || bad(v.label_en) || bad(v.label_ja)) report("variables", v.name, "variable's name or label");
    for (const TemplateValue& value : v.values)
      if (bad(value.value) || bad(value.label_en) || bad(value.label_ja)) {
        report("values", v.name, "value or its label");
        break;
      }
  }
}

void check_values(Problems& p, const TemplateVariable& v) {
  if (v.values.empty()) {
    p.add("variables", "empty-variable", v.name, "the variable '" + v.name + "' has no values: add at least one");
    return;
  }
  std::set<std::string> seen, reported;
  bool empty_reported = false;
  for (const TemplateValue& value : v.values) {
    if (value.value.empty()) {
      if (!empty_reported)
        p.add("values", "empty-value", v.name, "the variable '" + v.name + "' has an empty value: remove it or fill it in");
      empty_reported = true;
    } else if (!seen.insert(value.value).second && reported.insert(value.value).second) {
      p.add("values", "duplicate-value", value.value,
            "the variable '" + v.name + "' lists the value '" + value.value + "' twice");
    }
  }
}

bool contains(const std::vector<std::string>& names, const std::string& n) {
  for (const auto& x : names)
    if (x == n) return true;
  return false;
}

/// Variables and placeholders. `used` is every placeholder of both texts, or nullopt when one
/// of them did not parse (then whether a variable is used is unknown).
void check_variables(Problems& p, const PromptTemplate& t, const std::optional<std::vector<std::string>>& in_prompt,
                     const std::optional<std::vector<std::string>>& in_negative) {
  std::set<std::string> declared;
  for (const TemplateVariable& v : t.variables) {
    if (!detail::valid_name(v.name)) {
      p.add("variables", "bad-variable-name", v.name,
            "the variable name '" + v.name + "' is not valid: use letters, digits and '_'");
      continue;
    }
    if (v.name == kProductPlaceholder) {
      p.add("variables", "reserved-variable", v.name,
            "{product} is filled in from the concept; remove the variable 'product'");
      continue;
    }
    if (!declared.insert(v.name).second) {
      p.add("variables", "duplicate-variable", v.name, "the variable '" + v.name + "' is declared twice");
      continue;
    }
    check_values(p, v);
    if (in_prompt && in_negative && !contains(*in_prompt, v.name) && !contains(*in_negative, v.name))
      p.add("variables", "unused-variable", v.name,
            "the variable '" + v.name + "' is not used: add {" + v.name + "} to the prompt or remove the variable");
  }
  std::vector<std::string> reported;
  for (const auto* names : {&in_prompt, &in_negative}) {
    if (!*names) continue;
    const char* field = names == &in_prompt ? "prompt" : "negative_prompt";
    for (const auto& n : **names)
      if (n != kProductPlaceholder && declared.count(n) == 0 && !contains(reported, n)) {
        reported.push_back(n);
        p.add(field, "unknown-placeholder", n,
              "the placeholder {" + n + "} has no values: add a variable '" + n + "' with values, or write {{" + n +
                  "}} for literal braces");
      }
  }
}

void check_settings(Problems& p, const PromptTemplate& t) {
  for (const auto& [field, value] : {std::pair<const char*, int>{"width", t.width}, {"height", t.height}})
    if (value < 64 || value > 2048 || value % 8 != 0)
      p.add(field, "bad-size", std::to_string(value),
            std::string(field) + " " + std::to_string(value) +
                " must be a multiple of 8 between 64 and 2048 (e.g. 512 or 768)");
  if (t.steps < 1 || t.steps > 1000)
    p.add("steps", "bad-steps", std::to_string(t.steps),
          "steps " + std::to_string(t.steps) + " must be between 1 and 1000 (50 is usual)");
  if (!std::isfinite(t.guidance) || t.guidance < 0.0 || t.guidance > 50.0)
    p.add("guidance", "bad-guidance", "", "guidance must be between 0 and 50 (7.5 is usual)");
  if (!detail::is_known_sampler(t.sampler))
    p.add("sampler", "unknown-sampler", t.sampler,
          "unknown sampler '" + t.sampler + "': use ddim, pndm, euler, dpmpp-2m or dpmpp-2m-karras");
  if (t.images_per_prompt < 1 || t.images_per_prompt > 64)
    p.add("images_per_prompt", "bad-images", std::to_string(t.images_per_prompt),
          "images per prompt " + std::to_string(t.images_per_prompt) + " must be between 1 and 64");
}

void check_cap(Problems& p, const PromptTemplate& t) {
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  std::size_t n = 1;
  std::set<std::string> names;
  for (const TemplateVariable& v : t.variables) {
    const std::size_t k = v.values.size();
    if (k == 0 || !names.insert(v.name).second) continue;
    n = (n > kMax / k) ? kMax : n * k;
  }
  if (n <= kDefaultExpansionCap) return;
  const std::string count = n == kMax ? std::string("too many") : std::to_string(n);
  p.add("variables", "over-cap", count,
        "would make " + count + " prompts, more than the limit of " + std::to_string(kDefaultExpansionCap) +
            ": remove some values");
}

}  // namespace

std::vector<TemplateProblem> check_template(const PromptTemplate& t) {
  Problems p(t);
  check_id_and_labels(p, t);
  check_utf8(p, t);
  std::optional<std::vector<std::string>> in_prompt;
  if (t.prompt.empty()) {
    p.add("prompt", "empty-prompt", "", "the prompt is empty");
    in_prompt.emplace();
  } else {
    in_prompt = names_in(p, t.prompt, "prompt", "prompt");
  }
  const auto in_negative = names_in(p, t.negative_prompt, "negative_prompt", "negative prompt");
  if (!t.prompt.empty() && in_prompt && !contains(*in_prompt, kProductPlaceholder))
    p.add("prompt", "missing-product", "", "the prompt must contain {product} where the learned subject goes");
  check_variables(p, t, in_prompt, in_negative);
  check_settings(p, t);
  check_cap(p, t);
  return std::move(p.out);
}

std::vector<TemplateProblem> check_templates(const std::vector<PromptTemplate>& list) {
  std::vector<TemplateProblem> out;
  std::set<std::string> ids;
  for (const PromptTemplate& t : list) {
    auto own = check_template(t);
    out.insert(out.end(), own.begin(), own.end());
    if (!t.id.empty() && !ids.insert(t.id).second)
      out.push_back({t.id, 0, "id", "duplicate-id", t.id, "two templates have the id '" + t.id + "': ids must be unique"});
  }
  return out;
}

namespace detail {

TemplateFileCheck finish_file_check(std::vector<TemplateProblem> file_problems, std::vector<ReadTemplate> read,
                                    bool csv) {
  TemplateFileCheck out;
  out.problems = std::move(file_problems);
  std::set<std::string> ids;
  for (ReadTemplate& r : read) {
    std::vector<TemplateProblem> mine = std::move(r.structural);
    auto content = check_template(r.t);
    mine.insert(mine.end(), content.begin(), content.end());
    if (!r.t.id.empty() && !ids.insert(r.t.id).second)
      mine.push_back({r.t.id, 0, "id", "duplicate-id", r.t.id,
                      "two templates have the id '" + r.t.id + "': ids must be unique"});
    for (TemplateProblem& p : mine) {
      p.template_id = r.t.id;
      if (csv) {
        p.line = r.line;
        const std::string prefix = "CSV line " + std::to_string(r.line) + ": ";
        if (p.message.compare(0, prefix.size(), prefix) != 0) p.message = prefix + p.message;
      }
      out.problems.push_back(std::move(p));
    }
    out.templates.push_back(std::move(r.t));
    out.lines.push_back(r.line);
  }
  if (csv)
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const TemplateProblem& a, const TemplateProblem& b) { return a.line < b.line; });
  return out;
}

}  // namespace detail

bool is_file_format_problem(const TemplateProblem& p) {
  static const std::set<std::string> kFileCodes = {"too-large", "bad-json", "wrong-format", "bad-csv",
                                                   "unknown-key", "wrong-type", "bad-escape", "label-count"};
  return kFileCodes.count(p.code) != 0 || (p.code == "not-utf8" && p.field == "file");
}

void throw_first_problem(const std::vector<TemplateProblem>& problems, const std::string& prefix) {
  for (const TemplateProblem& p : problems)
    if (is_file_format_problem(p)) throw Error(ErrorCode::FileFormat, prefix + p.message);
  for (const TemplateProblem& p : problems)
    if (p.code != "over-cap") throw Error(ErrorCode::InvalidArgument, prefix + p.message);
}

void validate(const PromptTemplate& t) { throw_first_problem(check_template(t)); }

void validate(const std::vector<PromptTemplate>& list) { throw_first_problem(check_templates(list)); }

}  // namespace rashisa::templates
