// libFuzzer target: a diffusers config.json / model_index.json / scheduler_config.json as
// Python's json module writes it (bare NaN, Infinity, -Infinity). parse_python_json never
// throws; on text that is standard JSON it must read exactly what a standard parser reads
// (the rewrite may touch only bare words outside strings).
#include "engine/model_io/python_json.h"
#include "tests/fuzz/fuzz_check.h"

#include <string>

namespace mio = rashisa::model_io;
using rashisa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json python = mio::parse_python_json(text);
  const nlohmann::json standard = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!standard.is_discarded()) {
    require(!python.is_discarded(), "standard JSON is also Python-flavoured JSON");
    require(python == standard, "standard JSON reads the same either way");
  }
  return 0;
}
