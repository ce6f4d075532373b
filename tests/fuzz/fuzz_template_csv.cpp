// libFuzzer target: a template list in CSV (a spreadsheet export) as a user imports it.
#include "tests/fuzz/template_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace t = rashisa::templates;
  rashisa::fuzz::fuzz_templates(data, size, t::check_templates_csv, t::templates_from_csv,
                                [](const std::vector<t::PromptTemplate>& list) { return t::templates_to_csv(list); });
  return 0;
}
