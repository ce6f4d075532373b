#pragma once
// Runs rashisa-cli as a child process and captures its stdout and stderr (stderr also passes
// through, and can be watched line by line to kill the child at a chosen moment).
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace rashisa::testing {

struct CliResult {
  int status = -1;     // exit code, or -signal when killed
  std::string out;     // stdout
  std::string err;     // stderr
  nlohmann::json json() const;  // stdout parsed (fails the test when it is not JSON)
};

/// `kill_when(line)` sees each stderr line; returning true SIGKILLs the child.
CliResult run_cli(const std::vector<std::string>& args,
                  const std::function<bool(const std::string&)>& kill_when = {});

}  // namespace rashisa::testing
