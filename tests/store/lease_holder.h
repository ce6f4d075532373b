#pragma once
// A child process holding a project open for writing (its lease), for the tests of two programs
// on one project (tests/store/test_store_lease.cpp, tests/cli/test_cli_two_programs.cpp). POSIX.
#include "engine/store/project.h"
#include "engine/store/project_lease.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace rashisa::store::testing {

/// A child process that holds `path` open for writing until its pipe closes or it is killed.
class Holder {
 public:
  explicit Holder(const std::filesystem::path& path) {
    int ready[2], quit[2];
    if (::pipe(ready) != 0 || ::pipe(quit) != 0) ADD_FAILURE() << "pipe";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(ready[0]);
      ::close(quit[1]);
      try {
        set_lease_program("test-holder");
        {
          Project p = Project::open(path);
          (void)!::write(ready[1], "1", 1);
          char c;
          (void)!::read(quit[0], &c, 1);  // returns when the parent closes its end
        }  // closed: the lease is released
        _exit(0);
      } catch (...) {
        _exit(3);
      }
    }
    ::close(ready[1]);
    ::close(quit[0]);
    quit_ = quit[1];
    ::fcntl(quit_, F_SETFD, FD_CLOEXEC);  // programs the test starts must not keep the child waiting
    char c = 0;
    EXPECT_EQ(::read(ready[0], &c, 1), 1) << "the holder could not open the project";
    ::close(ready[0]);
  }
  ~Holder() { end(); }
  pid_t pid() const { return pid_; }
  /// Lets the child close the project and exit.
  void end() {
    if (quit_ >= 0) ::close(quit_);
    quit_ = -1;
    wait();
  }
  void kill() {
    ::kill(pid_, SIGKILL);
    wait();
  }

 private:
  void wait() {
    if (pid_ > 0) ::waitpid(pid_, &status_, 0);
    pid_ = -1;
  }
  pid_t pid_ = -1;
  int quit_ = -1;
  int status_ = 0;
};

}  // namespace rashisa::store::testing
