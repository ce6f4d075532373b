#include "tests/workflow/cli_runner.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace rashisa::testing {

nlohmann::json CliResult::json() const {
  const auto j = nlohmann::json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << out;
  return j;
}

CliResult run_cli(const std::vector<std::string>& args, const std::function<bool(const std::string&)>& kill_when) {
  int out_fds[2], err_fds[2];
  if (pipe(out_fds) != 0 || pipe(err_fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fds[1], STDOUT_FILENO);
    dup2(err_fds[1], STDERR_FILENO);
    close(out_fds[0]);
    close(err_fds[0]);
    std::vector<std::string> copy = args;
    copy.insert(copy.begin(), RASHISA_CLI_PATH);
    std::vector<char*> argv;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_fds[1]);
  close(err_fds[1]);
  CliResult result;
  // stdout is drained on a thread so a chatty child never blocks on a full pipe.
  std::thread reader([&] {
    char buf[4096];
    ssize_t n;
    while ((n = read(out_fds[0], buf, sizeof buf)) > 0) result.out.append(buf, static_cast<std::size_t>(n));
  });
  FILE* err = fdopen(err_fds[0], "r");
  char line[2048];
  bool killed = false;
  while (std::fgets(line, sizeof line, err)) {
    std::fputs(line, stderr);
    result.err += line;
    if (!killed && kill_when && kill_when(line)) {
      kill(pid, SIGKILL);
      killed = true;
    }
  }
  fclose(err);
  reader.join();
  close(out_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.status = WIFSIGNALED(status) ? -WTERMSIG(status) : (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return result;
}

}  // namespace rashisa::testing
