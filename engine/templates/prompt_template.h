#pragma once
// Prompt templates for catalogue work: a prompt with placeholders ("{product} on {background},
// {lighting}") whose variables each carry a list of values, expanded to the cartesian product of
// those values. Plain C++17; JSON/CSV exchange lives in template_io.h.
//
// Placeholder syntax: `{name}` with name = [A-Za-z_][A-Za-z0-9_]*; `{product}` is reserved and
// becomes "<token> <category>" (e.g. "<rashisa1> bottle"); `{{` and `}}` are literal braces.
// Placeholders may appear in the prompt and in the negative prompt.
#include "engine/core/no_qt.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace rashisa::templates {

/// One value of a variable. `value` goes into the prompt (English, as the text encoder reads
/// it); the labels are what the UI shows (either may be empty: the UI then shows `value`).
struct TemplateValue {
  std::string value;
  std::string label_en;
  std::string label_ja;
};

struct TemplateVariable {
  std::string name;  // placeholder name without braces: "background"
  std::string label_en;
  std::string label_ja;
  std::vector<TemplateValue> values;  // expansion order = list order
};

struct PromptTemplate {
  std::string id;  // [a-z0-9_-]+, unique within a list
  std::string label_en;
  std::string label_ja;
  std::string prompt;           // must contain {product}
  std::string negative_prompt;  // may be empty
  std::vector<TemplateVariable> variables;  // every placeholder but {product}, each used
  int width = 512;   // multiple of 8, 64..2048
  int height = 512;  // multiple of 8, 64..2048
  int steps = 50;    // 1..1000
  double guidance = 7.5;          // 0..50
  std::string sampler = "dpmpp-2m";  // ddim, pndm, euler, dpmpp-2m, dpmpp-2m-karras
  int images_per_prompt = 1;      // 1..64
};

/// The default cap on expand(): a catalogue batch, not a runaway grid.
constexpr std::size_t kDefaultExpansionCap = 1000;

/// Reserved placeholder for the learned subject.
constexpr const char* kProductPlaceholder = "product";

/// "<token> <category>" as {product} expands (token "<rashisa1>", category "bottle").
std::string product_phrase(const std::string& token, const std::string& category);

/// Names of the placeholders in `text` in order of first appearance, duplicates removed,
/// including "product". Throws Error(InvalidArgument) for unbalanced braces or a bad name,
/// with the position (1-based character count) and how to fix it.
std::vector<std::string> placeholders_in(const std::string& text);

/// Throws Error(InvalidArgument) with the message of the first problem check_template() finds
/// (template_problems.h), which names the template and says what to fix: empty id/label/prompt,
/// missing {product}, unbalanced braces, a placeholder without a variable, a variable not used,
/// duplicate or empty variables/values, a size not a multiple of 8, out-of-range
/// steps/guidance/images, an unknown sampler, text that is not UTF-8. Expanding to more than
/// kDefaultExpansionCap prompts (over-cap) is not refused here: expand() takes its own cap.
void validate(const PromptTemplate& t);

/// Validates a list (check_templates()): each template, plus unique ids.
void validate(const std::vector<PromptTemplate>& list);

/// Number of prompts expand() would produce (product of the value counts; 1 without
/// variables), saturating at SIZE_MAX. Validates first.
std::size_t count_expansions(const PromptTemplate& t);

/// The variables in expansion order: first appearance in the prompt, then in the negative
/// prompt. Validates first.
std::vector<std::string> variable_order(const PromptTemplate& t);

struct ExpandedPrompt {
  std::size_t index = 0;  // 0-based position in the expansion
  std::string prompt;
  std::string negative_prompt;
  std::map<std::string, std::string> values;  // variable name -> value used (not "product")
};

/// The cartesian product of the variables' values, deterministic: variables in
/// variable_order(), the last one varying fastest, values in list order. Throws
/// Error(InvalidArgument) (with the count and the cap) when count_expansions() > cap, before
/// producing anything; also for an empty token or category.
std::vector<ExpandedPrompt> expand(const PromptTemplate& t, const std::string& token, const std::string& category,
                                   std::size_t cap = kDefaultExpansionCap);

}  // namespace rashisa::templates
