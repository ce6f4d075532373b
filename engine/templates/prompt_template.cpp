#include "engine/templates/prompt_template.h"

#include "engine/core/error.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

namespace rashisa::templates {
namespace {

struct Segment {
  bool placeholder = false;
  std::string text;  // literal text (braces unescaped) or the placeholder's name
};

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

// 1-based position in characters (UTF-8 code points), as a user counts them in an editor.
std::size_t char_position(const std::string& text, std::size_t byte_offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n + 1;
}

bool valid_name(const std::string& name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (!(alpha || (digit && i > 0))) return false;
  }
  return true;
}

std::vector<Segment> parse(const std::string& text) {
  std::vector<Segment> out;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal.push_back('}');
        ++i;
        continue;
      }
      fail("unbalanced '}' at character " + std::to_string(char_position(text, i)) +
           ": write '}}' for a literal brace or add the matching '{'");
    }
    if (c != '{') {
      literal.push_back(c);
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal.push_back('{');
      ++i;
      continue;
    }
    const std::size_t close = text.find_first_of("{}", i + 1);
    if (close == std::string::npos || text[close] == '{')
      fail("unbalanced '{' at character " + std::to_string(char_position(text, i)) +
           ": close the placeholder with '}' or write '{{' for a literal brace");
    const std::string name = text.substr(i + 1, close - i - 1);
    if (!valid_name(name))
      fail("the placeholder '{" + name + "}' at character " + std::to_string(char_position(text, i)) +
           " is not a valid name: use letters, digits and '_' (not starting with a digit), e.g. {background}");
    if (!literal.empty()) out.push_back({false, std::move(literal)});
    literal.clear();
    out.push_back({true, name});
    i = close;
  }
  if (!literal.empty()) out.push_back({false, std::move(literal)});
  return out;
}

void collect_names(const std::vector<Segment>& segments, std::vector<std::string>& names) {
  for (const Segment& s : segments) {
    if (!s.placeholder) continue;
    bool seen = false;
    for (const auto& n : names) seen = seen || n == s.text;
    if (!seen) names.push_back(s.text);
  }
}

std::string where(const PromptTemplate& t) {
  return t.id.empty() ? std::string("template (no id)") : "template '" + t.id + "'";
}

bool is_known_sampler(const std::string& s) {
  return s == "ddim" || s == "pndm" || s == "euler" || s == "dpmpp-2m" || s == "dpmpp-2m-karras";
}

void check_size(const PromptTemplate& t, const char* what, int v) {
  if (v < 64 || v > 2048 || v % 8 != 0)
    fail(where(t) + ": " + what + " " + std::to_string(v) +
         " must be a multiple of 8 between 64 and 2048 (e.g. 512 or 768)");
}

// Placeholder names of prompt then negative prompt, after checking their syntax.
std::vector<std::string> names_of(const PromptTemplate& t) {
  std::vector<std::string> names;
  try {
    collect_names(parse(t.prompt), names);
  } catch (const Error& e) {
    fail(where(t) + ", prompt: " + e.what());
  }
  try {
    collect_names(parse(t.negative_prompt), names);
  } catch (const Error& e) {
    fail(where(t) + ", negative prompt: " + e.what());
  }
  return names;
}

std::string render(const std::vector<Segment>& segments, const std::string& product,
                   const std::map<std::string, std::string>& values) {
  std::string out;
  for (const Segment& s : segments) {
    if (!s.placeholder) out += s.text;
    else if (s.text == kProductPlaceholder) out += product;
    else out += values.at(s.text);
  }
  return out;
}

}  // namespace

std::string product_phrase(const std::string& token, const std::string& category) {
  return token + " " + category;
}

std::vector<std::string> placeholders_in(const std::string& text) {
  std::vector<std::string> names;
  collect_names(parse(text), names);
  return names;
}

void validate(const PromptTemplate& t) {
  if (t.id.empty()) fail("a template has no id: give it a short id such as 'white-studio'");
  for (char c : t.id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      fail(where(t) + ": the id may contain only a-z, 0-9, '-' and '_'");
  if (t.label_en.empty() && t.label_ja.empty()) fail(where(t) + ": give it an English or a Japanese label");
  if (t.prompt.empty()) fail(where(t) + ": the prompt is empty");

  const std::vector<std::string> names = names_of(t);
  const std::vector<std::string> in_prompt = placeholders_in(t.prompt);
  bool has_product = false;
  for (const auto& n : in_prompt) has_product = has_product || n == kProductPlaceholder;
  if (!has_product) fail(where(t) + ": the prompt must contain {product} where the learned subject goes");

  std::set<std::string> declared;
  for (const TemplateVariable& v : t.variables) {
    if (!valid_name(v.name))
      fail(where(t) + ": the variable name '" + v.name + "' is not valid: use letters, digits and '_'");
    if (v.name == kProductPlaceholder)
      fail(where(t) + ": {product} is filled in from the concept; remove the variable 'product'");
    if (!declared.insert(v.name).second) fail(where(t) + ": the variable '" + v.name + "' is declared twice");
    if (v.values.empty()) fail(where(t) + ": the variable '" + v.name + "' has no values: add at least one");
    std::set<std::string> seen;
    for (const TemplateValue& value : v.values) {
      if (value.value.empty())
        fail(where(t) + ": the variable '" + v.name + "' has an empty value: remove it or fill it in");
      if (!seen.insert(value.value).second)
        fail(where(t) + ": the variable '" + v.name + "' lists the value '" + value.value + "' twice");
    }
    bool used = false;
    for (const auto& n : names) used = used || n == v.name;
    if (!used)
      fail(where(t) + ": the variable '" + v.name + "' is not used: add {" + v.name +
           "} to the prompt or remove the variable");
  }
  for (const auto& n : names)
    if (n != kProductPlaceholder && declared.count(n) == 0)
      fail(where(t) + ": the placeholder {" + n + "} has no values: add a variable '" + n +
           "' with values, or write {{" + n + "}} for literal braces");

  check_size(t, "width", t.width);
  check_size(t, "height", t.height);
  if (t.steps < 1 || t.steps > 1000)
    fail(where(t) + ": steps " + std::to_string(t.steps) + " must be between 1 and 1000 (50 is usual)");
  if (!std::isfinite(t.guidance) || t.guidance < 0.0 || t.guidance > 50.0)
    fail(where(t) + ": guidance must be between 0 and 50 (7.5 is usual)");
  if (!is_known_sampler(t.sampler))
    fail(where(t) + ": unknown sampler '" + t.sampler + "': use ddim, pndm, euler, dpmpp-2m or dpmpp-2m-karras");
  if (t.images_per_prompt < 1 || t.images_per_prompt > 64)
    fail(where(t) + ": images per prompt " + std::to_string(t.images_per_prompt) + " must be between 1 and 64");
}

void validate(const std::vector<PromptTemplate>& list) {
  std::set<std::string> ids;
  for (const PromptTemplate& t : list) {
    validate(t);
    if (!ids.insert(t.id).second) fail("two templates have the id '" + t.id + "': ids must be unique");
  }
}

std::size_t count_expansions(const PromptTemplate& t) {
  validate(t);
  std::size_t n = 1;
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  for (const TemplateVariable& v : t.variables) {
    const std::size_t k = v.values.size();
    n = (n > kMax / k) ? kMax : n * k;
  }
  return n;
}

std::vector<std::string> variable_order(const PromptTemplate& t) {
  validate(t);
  std::vector<std::string> order;
  for (const auto& n : names_of(t))
    if (n != kProductPlaceholder) order.push_back(n);
  return order;
}

std::vector<ExpandedPrompt> expand(const PromptTemplate& t, const std::string& token, const std::string& category,
                                   std::size_t cap) {
  const std::size_t count = count_expansions(t);
  if (count > cap)
    fail(where(t) + " would make " + (count == std::numeric_limits<std::size_t>::max() ? std::string("too many")
                                                                                       : std::to_string(count)) +
         " prompts, more than the limit of " + std::to_string(cap) + ": remove some values");
  if (token.empty() || category.empty()) fail("the concept's token and category must not be empty");

  const std::vector<std::string> order = variable_order(t);
  std::vector<const TemplateVariable*> vars;
  for (const auto& name : order)
    for (const TemplateVariable& v : t.variables)
      if (v.name == name) vars.push_back(&v);

  const auto prompt = parse(t.prompt);
  const auto negative = parse(t.negative_prompt);
  const std::string product = product_phrase(token, category);

  std::vector<ExpandedPrompt> out;
  out.reserve(count);
  std::vector<std::size_t> digit(vars.size(), 0);  // mixed-radix counter, last variable fastest
  for (std::size_t i = 0; i < count; ++i) {
    ExpandedPrompt e;
    e.index = i;
    for (std::size_t k = 0; k < vars.size(); ++k) e.values[vars[k]->name] = vars[k]->values[digit[k]].value;
    e.prompt = render(prompt, product, e.values);
    e.negative_prompt = render(negative, product, e.values);
    out.push_back(std::move(e));
    for (std::size_t k = vars.size(); k-- > 0;) {
      if (++digit[k] < vars[k]->values.size()) break;
      digit[k] = 0;
    }
  }
  return out;
}

}  // namespace rashisa::templates
