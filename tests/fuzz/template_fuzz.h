#pragma once
// The template import targets (JSON and CSV) share one body: the checker never throws, the
// reader throws only rashisa::Error, and a list the reader accepted writes out and reads back
// as the same number of templates, each of which expands (within the default cap).
#include "engine/core/error.h"
#include "engine/templates/prompt_template.h"
#include "engine/templates/template_io.h"
#include "engine/templates/template_problems.h"
#include "tests/fuzz/fuzz_check.h"

#include <string>
#include <vector>

namespace rashisa::fuzz {

using TemplateCheck = templates::TemplateFileCheck (*)(const std::string&);
using TemplateRead = std::vector<templates::PromptTemplate> (*)(const std::string&);

/// `write(list)` gives the text `read` reads back.
template <typename Write>
void fuzz_templates(const std::uint8_t* data, std::size_t size, TemplateCheck check, TemplateRead read, Write write) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const templates::TemplateFileCheck found = check(text);
  require(found.lines.size() == found.templates.size(), "one line number per template");
  std::vector<templates::PromptTemplate> list;
  try {
    list = read(text);
  } catch (const Error&) {
    return;
  }
  // Accepted: it must survive export (a throw here is a crash for the fuzzer) and expansion.
  const std::vector<templates::PromptTemplate> again = read(write(list));
  require(again.size() == list.size(), "an accepted list reads back whole");
  for (const auto& t : again) {
    if (templates::count_expansions(t) <= templates::kDefaultExpansionCap)
      templates::expand(t, "sks", "mug");
  }
}

}  // namespace rashisa::fuzz
