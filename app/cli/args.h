#pragma once
// A small command-line parser: `--name value`, `--name=value`, flags and positionals.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rashisa::cli {

class Args {
 public:
  Args() = default;
  /// `options` take a value, `flags` do not. Throws Error(InvalidArgument) on unknown
  /// or incomplete options.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& options, const std::set<std::string>& flags);

  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  std::string required(const std::string& name) const;
  /// Integer option within [lo, hi]; names the option in errors.
  long long get_int(const std::string& name, long long fallback, long long lo, long long hi) const;
  double get_double(const std::string& name, double fallback, double lo, double hi) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positionals_;
};

}  // namespace rashisa::cli
