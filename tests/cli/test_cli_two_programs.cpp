// Two programs on one project (issue 15 item 5), through rashisa-cli: a writer is refused
// with exit code 8 and the holder named while reading commands still work, two rashisa-cli
// writers started at the same moment never both write (the refused one names the other) and
// nothing committed is lost, and a lease left by a killed holder is taken over and said so.
// RASHISA_TWO_PROGRAM_ROUNDS sets the concurrent rounds (default 4, about 1 s each: most of a
// run is rashisa-cli starting, so the two leases overlap in only some rounds).
#include "engine/platform/platform.h"
#include "engine/store/project.h"
#include "engine/store/project_lease.h"
#include "tests/store/lease_holder.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;
using rashisa::store::Project;

namespace {

constexpr int kInUse = 8;  // app/cli/exit_codes.h

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

FILE* start_cli(const std::string& args) {
  return ::popen((quote(RASHISA_CLI_PATH) + " " + args + " 2>&1").c_str(), "r");
}

RunResult finish_cli(FILE* pipe) {
  RunResult r;
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) r.output += buf.data();
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

RunResult run_cli(const std::string& args) { return finish_cli(start_cli(args)); }

class TwoPrograms : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rashisa_two_programs_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    project_ = (dir_ / "mugs.rashisa").string();
    const RunResult made = run_cli("project new " + quote(project_) + " --no-templates");
    ASSERT_EQ(made.exit_code, 0) << made.output;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  /// A one-template CSV file with the template id `id`; returns its path.
  std::string template_file(const std::string& id) const {
    const fs::path p = dir_ / (id + ".csv");
    std::ofstream(p) << "id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,"
                        "images_per_prompt\n"
                     << id << ",Mug " << id << ",,a photo of {product},,512,512,20,7.5,dpmpp-2m,1\n";
    return p.string();
  }
  std::string add_template_args(const std::string& id) const {
    return "project add-template " + quote(project_) + " " + quote(template_file(id));
  }
  std::size_t templates_in_project() const {
    return Project::open(project_, Project::OpenMode::ReadOnly).list_templates().size();
  }

  fs::path dir_;
  std::string project_;
};

TEST_F(TwoPrograms, HeldProjectRefusesWritersNamesTheHolderAndStillReads) {
  rashisa::store::set_lease_program("Rashisa (window)");
  Project held = Project::open(project_);
  const RunResult refused = run_cli(add_template_args("t1"));
  EXPECT_EQ(refused.exit_code, kInUse) << refused.output;
  const std::string holder = "is open in Rashisa (window) on " + rashisa::platform::host_name();
  EXPECT_NE(refused.output.find(holder), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("(pid " + std::to_string(::getpid()) + ")"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("read-only command"), std::string::npos) << refused.output;
  for (const char* reading : {"info", "templates", "images"}) {
    const RunResult read = run_cli(std::string("project ") + reading + " " + quote(project_));
    EXPECT_EQ(read.exit_code, 0) << reading << ": " << read.output;
  }
  EXPECT_EQ(held.list_templates().size(), 0u);
  held.close();
  const RunResult added = run_cli(add_template_args("t1"));
  EXPECT_EQ(added.exit_code, 0) << added.output;
  EXPECT_EQ(templates_in_project(), 1u);
}

TEST_F(TwoPrograms, SimultaneousWritersNeverBothWriteAndNothingIsLost) {
  const char* env = std::getenv("RASHISA_TWO_PROGRAM_ROUNDS");
  const int rounds = env ? std::max(1, std::atoi(env)) : 4;
  int added = 0, refused = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    const std::string a = "a" + std::to_string(round), b = "b" + std::to_string(round);
    FILE* first = start_cli(add_template_args(a));
    FILE* second = start_cli(add_template_args(b));
    for (const RunResult& r : {finish_cli(first), finish_cli(second)}) {
      if (r.exit_code == 0) {
        ++added;
      } else {
        ++refused;
        EXPECT_EQ(r.exit_code, kInUse) << r.output;
        EXPECT_NE(r.output.find("is open in rashisa-cli on "), std::string::npos) << r.output;
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%d rounds of two writers in %.1f s: %d added, %d refused with the holder named\n", rounds, seconds,
              added, refused);
  EXPECT_GE(added, rounds) << "in every round at least one writer gets through";
  Project p = Project::open(project_);
  EXPECT_TRUE(p.integrity_ok());
  EXPECT_EQ(p.list_templates().size(), static_cast<std::size_t>(added)) << "every reported addition is stored";
}

TEST_F(TwoPrograms, LeaseOfAKilledHolderIsTakenOverAndSaidSo) {
  rashisa::store::testing::Holder holder(project_);
  const pid_t killed = holder.pid();
  holder.kill();
  ASSERT_TRUE(fs::exists(rashisa::store::lease_file(project_)));
  const RunResult again = run_cli(add_template_args("after-kill"));
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("took over"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("test-holder on "), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("(pid " + std::to_string(killed) + ")"), std::string::npos) << again.output;
  EXPECT_FALSE(fs::exists(rashisa::store::lease_file(project_)));
  EXPECT_EQ(templates_in_project(), 1u);
}

}  // namespace
