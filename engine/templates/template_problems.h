#pragma once
// Every problem of a prompt template (or of a template file) at once, each with a stable code,
// so a front end can show them all inline and translate them by code. validate() in
// prompt_template.h and the throwing readers in template_io.h are built on these checks: they
// throw the first problem's message.
//
// A problem names:
//   template_id  the template's id ("" when unknown: a CSV row that could not be read, a JSON
//                entry that is not an object, a problem of the whole file)
//   line         the 1-based CSV line the template's row starts on (for file-level CSV
//                problems: the line of the fault); 0 for JSON and for in-memory templates
//   field        what to fix: "id", "label", "prompt", "negative_prompt", "variables",
//                "values", "width", "height", "steps", "guidance", "sampler",
//                "images_per_prompt", "file" (the file as a whole), or "" (the template as a
//                whole, e.g. an unknown key in a template's JSON object)
//   code         one of the codes below (stable; never reworded)
//   subject      the placeholder, variable, value, key, column or number concerned (see the
//                list), "" when none
//   message      English, what to fix (what validate() throws)
//
// Codes of one template (check_template), in the order they are checked:
//   empty-id             the template has no id
//   bad-id               the id has characters other than a-z, 0-9, '-', '_' (subject: the id)
//   empty-label          neither an English nor a Japanese label
//   not-utf8             a text (field: label, prompt, negative_prompt, variables or values) is
//                        not valid UTF-8
//   empty-prompt         the prompt is empty
//   unbalanced-braces    a '{' without '}' or a lone '}' in the prompt or negative prompt
//                        (field: prompt / negative_prompt; subject: "{" or "}")
//   bad-placeholder      a placeholder whose name is not letters, digits and '_' ({9x}, {})
//                        (subject: the name as written)
//   missing-product      the prompt has no {product}
//   bad-variable-name    a variable's name is not letters, digits and '_' (subject: the name)
//   reserved-variable    a variable is named "product" (filled in from the product)
//   duplicate-variable   two variables have the same name (subject: the name)
//   empty-variable       a variable has no values (subject: the variable)
//   empty-value          a variable has an empty value (subject: the variable)
//   duplicate-value      a variable lists a value twice (subject: the value)
//   unused-variable      a variable no placeholder uses (subject: the variable)
//   unknown-placeholder  a placeholder without a variable (field: where it first appears;
//                        subject: the name)
//   bad-size             width or height is not a multiple of 8 in 64..2048 (field: which)
//   bad-steps            steps not in 1..1000
//   bad-guidance         guidance not in 0..50
//   unknown-sampler      not ddim, pndm, euler, dpmpp-2m, dpmpp-2m-karras (subject: the name)
//   bad-images           images per prompt not in 1..64
//   over-cap             the template expands to more prompts than kDefaultExpansionCap
//                        (field: variables; subject: the count, or "too many"). The one
//                        problem validate() lets through: a batch may ask for a larger cap.
// Of a list (check_templates):
//   duplicate-id         an id an earlier template of the list already has (subject: the id)
// Of a file (check_templates_file / _json / _csv); these are "file format" problems, the
// throwing readers raise them as Error(FileFormat):
//   too-large            the file is over 16 MiB (field: file)
//   not-utf8             the file is not UTF-8 (field: file; CSV: line of the first bad byte)
//   bad-json             not JSON at all (field: file)
//   wrong-format         not a rashisa-templates/1 file: no or another "format", no
//                        "templates" list, a CSV header that does not start with the fixed
//                        columns (field: file)
//   bad-csv              a CSV fault: a quote in an unquoted field, text after a closing quote,
//                        an unclosed quote, a row with the wrong number of fields, a column
//                        named twice, label columns without their var.NAME column
//   unknown-key          a JSON key or CSV column Rashisa does not know (subject: the key)
//   wrong-type           a JSON value of the wrong type, or a CSV cell that is not a number
//                        (field: the key's field; subject: the key)
//   bad-escape           a '\' in a CSV '|' list not followed by '|' or '\' (field: values;
//                        subject: the variable)
//   label-count          a CSV var.NAME.en/.ja cell with another count of labels than values
//                        (field: values; subject: the variable)
// Of an import into a project (workflow::import_templates_checked):
//   key-in-use           the project already has a template with this id (subject: the id)
#include "engine/core/no_qt.h"
#include "engine/templates/prompt_template.h"

#include <string>
#include <vector>

namespace rashisa::templates {

struct TemplateProblem {
  std::string template_id;
  int line = 0;
  std::string field;
  std::string code;
  std::string subject;
  std::string message;
};

/// Every problem of one template (empty = valid), in the order listed above.
std::vector<TemplateProblem> check_template(const PromptTemplate& t);

/// Every problem of a list: each template's own problems, then (at the later template) a
/// duplicate-id, template by template in list order.
std::vector<TemplateProblem> check_templates(const std::vector<PromptTemplate>& list);

/// What a template file holds: the templates it describes well enough to show, in file order
/// (also those with problems; a CSV row or JSON entry that cannot be read is left out), and
/// every problem found, structural ones of a template before its content problems.
struct TemplateFileCheck {
  std::vector<PromptTemplate> templates;
  std::vector<TemplateProblem> problems;
  std::vector<int> lines;  // the CSV line each template's row starts on (0 for JSON), as `templates`
};

/// Checks rashisa-templates/1 JSON text (see template_io.h) without throwing.
TemplateFileCheck check_templates_json(const std::string& json_text);
/// Checks template CSV text (see template_io.h) without throwing. Every message of a row starts
/// with "CSV line N: ".
TemplateFileCheck check_templates_csv(const std::string& csv_text);

/// Reads a .json or .csv file (by extension, case-insensitive) and checks it without throwing
/// for anything in its content (a file over 16 MiB is a too-large problem). Throws only when
/// there is nothing to check: Error(InvalidArgument) for another extension,
/// Error(FileNotFound) / Error(FileRead) when it cannot be read.
TemplateFileCheck check_templates_file(const std::string& path);

/// True for the file-format codes above (the throwing readers raise them as FileFormat).
bool is_file_format_problem(const TemplateProblem& p);

/// Throws the first problem that validate() would refuse: Error(FileFormat) when any is a
/// file-format problem (the first of those), else Error(InvalidArgument) with the first
/// problem's message; over-cap is let through. `prefix` goes before the message.
void throw_first_problem(const std::vector<TemplateProblem>& problems, const std::string& prefix = {});

}  // namespace rashisa::templates
