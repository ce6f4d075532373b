#include "engine/templates/prompt_template.h"

#include "engine/core/error.h"
#include "engine/templates/template_text_p.h"

#include <cstdint>
#include <limits>

namespace rashisa::templates {
namespace {

// 1-based position in characters (UTF-8 code points), as a user counts them in an editor.
std::size_t char_position(const std::string& text, std::size_t byte_offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n + 1;
}

}  // namespace

namespace detail {

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

std::optional<SyntaxProblem> parse_text(const std::string& text, std::vector<Segment>& out) {
  out.clear();
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal.push_back('}');
        ++i;
        continue;
      }
      return SyntaxProblem{"unbalanced-braces", "}",
                           "unbalanced '}' at character " + std::to_string(char_position(text, i)) +
                               ": write '}}' for a literal brace or add the matching '{'"};
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
      return SyntaxProblem{"unbalanced-braces", "{",
                           "unbalanced '{' at character " + std::to_string(char_position(text, i)) +
                               ": close the placeholder with '}' or write '{{' for a literal brace"};
    const std::string name = text.substr(i + 1, close - i - 1);
    if (!valid_name(name))
      return SyntaxProblem{"bad-placeholder", name,
                           "the placeholder '{" + name + "}' at character " +
                               std::to_string(char_position(text, i)) +
                               " is not a valid name: use letters, digits and '_' (not starting with a digit), "
                               "e.g. {background}"};
    if (!literal.empty()) out.push_back({false, std::move(literal)});
    literal.clear();
    out.push_back({true, name});
    i = close;
  }
  if (!literal.empty()) out.push_back({false, std::move(literal)});
  return std::nullopt;
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

bool valid_utf8(const std::string& s, std::size_t& bad_at) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = p[i];
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n || (len == 2 && c < 0xC2)) {
      bad_at = i;
      return false;
    }
    for (std::size_t k = 1; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) {
        bad_at = i;
        return false;
      }
    i += len;
  }
  return true;
}

}  // namespace detail

namespace {

using detail::Segment;

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

std::vector<Segment> parse(const std::string& text) {
  std::vector<Segment> out;
  if (const auto problem = detail::parse_text(text, out)) fail(problem->message);
  return out;
}

// Placeholder names of prompt then negative prompt (the template is valid).
std::vector<std::string> names_of(const PromptTemplate& t) {
  std::vector<std::string> names;
  detail::collect_names(parse(t.prompt), names);
  detail::collect_names(parse(t.negative_prompt), names);
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
  detail::collect_names(parse(text), names);
  return names;
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
    fail(detail::where(t) + " would make " + (count == std::numeric_limits<std::size_t>::max() ? std::string("too many")
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
