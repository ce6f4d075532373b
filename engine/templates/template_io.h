#pragma once
// Exchange formats for template lists.
//
// JSON ("format": "rashisa-templates/1"):
//   {"format": "rashisa-templates/1",
//    "templates": [{"id": "white-studio", "label": {"en": "...", "ja": "..."},
//                   "prompt": "a photo of {product} on {background}", "negative_prompt": "...",
//                   "variables": [{"name": "background", "label": {"en": "...", "ja": "..."},
//                                  "values": [{"value": "white seamless paper",
//                                              "label": {"en": "...", "ja": "..."}},
//                                             "a plain value is also accepted"]}],
//                   "width": 512, "height": 512, "steps": 50, "guidance": 7.5,
//                   "sampler": "dpmpp-2m", "images_per_prompt": 1}]}
//   Only id, label (en or ja), prompt and variables used by the prompt are required; the rest
//   default as in PromptTemplate. Unknown keys are refused (a typo should not pass silently).
//
// CSV (RFC 4180, UTF-8, one row per template, header row first):
//   id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,
//   images_per_prompt, then per variable name V: var.V (values joined with '|'), and optional
//   var.V.en, var.V.ja (value labels, same count, '|'-joined), var.V.label_en, var.V.label_ja.
//   An empty var.V cell means the row's template has no variable V. Inside a '|' list, "\|" is a
//   literal '|' and "\\" a backslash. Import accepts a UTF-8 BOM and LF or CRLF; export writes
//   CRLF and, by default, a BOM (Excel needs it to read UTF-8).
//
// Errors: the readers below throw the first problem that check_templates_json/_csv/_file
// (template_problems.h) find: Error(FileFormat) for text that is not JSON/CSV, a foreign
// "format", unknown keys, wrong types or invalid UTF-8; Error(InvalidArgument) from the same
// checks as validate() for valid files with unusable content. Both name the template (or CSV
// line) and what to fix. To show every problem at once, use the check_* functions instead.
#include "engine/templates/prompt_template.h"

#include <string>
#include <vector>

namespace rashisa::templates {

constexpr const char* kTemplatesFormat = "rashisa-templates/1";

std::vector<PromptTemplate> templates_from_json(const std::string& json_text);
/// Validates, then writes pretty-printed JSON (2-space indent, UTF-8 unescaped).
std::string templates_to_json(const std::vector<PromptTemplate>& list);

std::vector<PromptTemplate> templates_from_csv(const std::string& csv_text);
/// Validates, then writes CSV as described above.
std::string templates_to_csv(const std::vector<PromptTemplate>& list, bool utf8_bom = true);

/// Reads a .json or .csv file (by extension, case-insensitive; Error(InvalidArgument) for
/// another). Throws Error(FileNotFound), Error(FileRead), or the errors above (messages start
/// with the path); refuses files over 16 MiB (FileFormat).
std::vector<PromptTemplate> load_templates_file(const std::string& path);

}  // namespace rashisa::templates
