#pragma once
// Private to engine/templates: the placeholder parser and the small text checks that
// prompt_template.cpp, template_problems.cpp and the file readers share.
#include "engine/templates/prompt_template.h"
#include "engine/templates/template_problems.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rashisa::templates::detail {

struct Segment {
  bool placeholder = false;
  std::string text;  // literal text (braces unescaped) or the placeholder's name
};

/// Why a text does not parse: code "unbalanced-braces" (subject "{" or "}") or
/// "bad-placeholder" (subject: the name as written), and the English message.
struct SyntaxProblem {
  std::string code;
  std::string subject;
  std::string message;
};

/// Splits `text` into literals and placeholders; stops at the first syntax problem.
std::optional<SyntaxProblem> parse_text(const std::string& text, std::vector<Segment>& out);

/// Placeholder names in order of first appearance, duplicates removed.
void collect_names(const std::vector<Segment>& segments, std::vector<std::string>& names);

/// [A-Za-z_][A-Za-z0-9_]*
bool valid_name(const std::string& name);

bool is_known_sampler(const std::string& s);

/// "template 'x'" or "template (no id)", as messages name a template.
std::string where(const PromptTemplate& t);

/// Strict UTF-8 (no overlong 2-byte forms); `bad_at` gets the offset of the first bad byte.
bool valid_utf8(const std::string& s, std::size_t& bad_at);

}  // namespace rashisa::templates::detail

namespace rashisa::templates::detail {

/// A template as a file reader saw it: the file's CSV line (0 for JSON) and the problems of
/// its structure (unknown keys, wrong types, ...), found before its content is checked.
struct ReadTemplate {
  PromptTemplate t;
  int line = 0;
  std::vector<TemplateProblem> structural;
};

/// A check that found no templates, only `problems`.
inline TemplateFileCheck problems_only(std::vector<TemplateProblem> problems) {
  TemplateFileCheck check;
  check.problems = std::move(problems);
  return check;
}

/// The reader's result: file-level problems first, then template by template its structural
/// problems, check_template()'s and a duplicate-id; with `csv`, every problem of a row gets
/// the row's line and "CSV line N: " before its message, and all are ordered by line.
TemplateFileCheck finish_file_check(std::vector<TemplateProblem> file_problems, std::vector<ReadTemplate> read,
                                    bool csv);

}  // namespace rashisa::templates::detail
