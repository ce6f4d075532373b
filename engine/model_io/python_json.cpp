#include "engine/model_io/python_json.h"

namespace rashisa::model_io {

std::string python_json_to_standard(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
    } else if (text.compare(i, 9, "-Infinity") == 0) {
      out += "-1e308";
      i += 8;
    } else if (text.compare(i, 8, "Infinity") == 0) {
      out += "1e308";
      i += 7;
    } else if (text.compare(i, 3, "NaN") == 0) {
      out += "null";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

nlohmann::json parse_python_json(const std::string& text) {
  return nlohmann::json::parse(python_json_to_standard(text), nullptr, /*allow_exceptions=*/false);
}

}  // namespace rashisa::model_io
