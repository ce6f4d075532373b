#pragma once
// JSON as Python's json module writes it. diffusers saves configs with bare NaN, Infinity
// and -Infinity (e.g. DPMSolverMultistepScheduler's "lambda_min_clipped": -Infinity), which
// standard JSON lacks.
#include <nlohmann/json.hpp>

#include <string>

namespace rashisa::model_io {

/// Rewrites bare NaN / Infinity / -Infinity outside strings as null / 1e308 / -1e308.
std::string python_json_to_standard(const std::string& text);

/// Parses Python-flavoured JSON; returns a discarded value (is_discarded()) when invalid.
nlohmann::json parse_python_json(const std::string& text);

}  // namespace rashisa::model_io
