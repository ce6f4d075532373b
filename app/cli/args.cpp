#include "app/cli/args.h"

#include "engine/core/error.h"

#include <cstdlib>

namespace rashisa::cli {

namespace {
[[noreturn]] void usage(const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); }
}  // namespace

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
           const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() < 3 || a.rfind("--", 0) != 0) {
      positionals_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    const auto eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name)) {
      if (inline_value) usage("--" + name + " takes no value");
      flags_.insert(name);
    } else if (options.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) usage("--" + name + " needs a value");
        value = argv[++i];
      }
      values_[name] = value;
    } else {
      usage("unknown option --" + name + " (see --help)");
    }
  }
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

std::string Args::required(const std::string& name) const {
  auto v = get(name);
  if (!v || v->empty()) usage("--" + name + " is required (see --help)");
  return *v;
}

long long Args::get_int(const std::string& name, long long fallback, long long lo, long long hi) const {
  auto v = get(name);
  if (!v) return fallback;
  char* end = nullptr;
  const long long x = std::strtoll(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || x < lo || x > hi)
    usage("--" + name + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return x;
}

double Args::get_double(const std::string& name, double fallback, double lo, double hi) const {
  auto v = get(name);
  if (!v) return fallback;
  char* end = nullptr;
  const double x = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0' || !(x >= lo && x <= hi))
    usage("--" + name + " must be a number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return x;
}

}  // namespace rashisa::cli
