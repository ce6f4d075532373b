// libFuzzer target: a template list in JSON (rashisa-templates/1) as a user imports it.
#include "tests/fuzz/template_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace t = rashisa::templates;
  rashisa::fuzz::fuzz_templates(data, size, t::check_templates_json, t::templates_from_json, t::templates_to_json);
  return 0;
}
