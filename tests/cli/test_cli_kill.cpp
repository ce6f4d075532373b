// kill -9 of rashisa-cli at random moments of a training run and of a batch (CPU, the demo
// model), many times. After every kill the project passes integrity_check and still holds,
// byte for byte, every image and checkpoint committed before it (a checkpoint may only be
// replaced by a later one). Running the same command again until it finishes then gives the
// product package (its creation time aside) and the images of an uninterrupted run with the
// same seed, bit for bit.
//
// RASHISA_KILLS=N   kills of each job (default 3; the whole test about 40 s on 2 cores)
// RASHISA_KILL_SEED=S   the seed of the kill moments (default 15), printed with every kill
#include "engine/store/project.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <functional>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
namespace store = rashisa::store;
using Bytes = store::Bytes;

namespace {

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

struct CliRun {
  int status = -1;   // exit code, or -SIGKILL when killed
  double seconds = 0;
};

/// Runs rashisa-cli with its output appended to `log`; SIGKILLs it `kill_after_ms` after the
/// start when it is still running then (never when kill_after_ms is negative).
CliRun run_cli(const std::vector<std::string>& args, const fs::path& log, long kill_after_ms = -1) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    std::vector<std::string> all = {RASHISA_CLI_PATH};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  const auto deadline = start + std::chrono::milliseconds(kill_after_ms);
  while (waitpid(pid, &status, kill_after_ms < 0 ? 0 : WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  CliRun r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.status = WIFSIGNALED(status) ? -WTERMSIG(status) : WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string tail_of(const fs::path& log) {
  std::FILE* f = std::fopen(log.c_str(), "rb");
  if (!f) return {};
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, size > 3000 ? size - 3000 : 0, SEEK_SET);
  std::string s(3000, '\0');
  s.resize(std::fread(s.data(), 1, s.size(), f));
  std::fclose(f);
  return s;
}

/// A product package with its creation time set aside: every run stamps the moment it
/// finished into the metadata; the tensors and every other field must be equal byte for byte.
Bytes without_created_time(const Bytes& package) {
  if (package.size() < 8) return package;
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | package[static_cast<std::size_t>(i)];
  if (n > package.size() - 8) return package;
  auto header = nlohmann::json::parse(package.begin() + 8, package.begin() + 8 + static_cast<std::ptrdiff_t>(n),
                                      nullptr, false);
  if (!header.is_object() || !header.contains("__metadata__")) return package;
  header["__metadata__"].erase("created");
  const std::string text = header.dump();
  Bytes out(text.begin(), text.end());
  out.insert(out.end(), package.begin() + 8 + static_cast<std::ptrdiff_t>(n), package.end());
  return out;
}

/// What a project holds of the job under test, read after a run (killed or not).
struct State {
  bool integrity_ok = false;
  bool has_product = false;
  store::ConceptStatus status = store::ConceptStatus::New;
  std::pair<int, std::int64_t> at{0, 0};  // stage, step of the checkpoint
  std::optional<Bytes> checkpoint;
  std::optional<Bytes> package;
  bool has_job = false;
  std::size_t jobs = 0;  // the same command again continues its job: there is only ever one
  store::Job job;
  std::map<std::int64_t, std::pair<std::string, Bytes>> images;  // id -> (seed and prompt, PNG)
};

State state_of(const fs::path& path) {
  State s;
  auto p = store::Project::open(path, store::Project::OpenMode::ReadOnly);
  s.integrity_ok = p.integrity_ok();
  for (const auto& c : p.list_concepts()) {
    s.has_product = true;
    s.status = c.progress.status;
    s.at = {c.progress.stage, c.progress.step};
    s.checkpoint = p.load_checkpoint(c.id);
    s.package = p.load_package(c.id);
  }
  const auto jobs = p.list_jobs();
  if (!jobs.empty()) s.has_job = true, s.job = jobs.back();
  s.jobs = jobs.size();
  for (const auto& i : p.list_images())
    s.images[i.id] = {std::to_string(i.params.seed) + " " + i.params.prompt, p.image_png(i.id)};
  return s;
}

/// The demo project, and a copy of it trained without interruption (the reference): made
/// once for both tests.
class CliKill : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("rashisa_kill_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    log_ = dir_ / "cli.log";
    kills_ = env_number("RASHISA_KILLS", 3);
    seed_ = env_number("RASHISA_KILL_SEED", 15);
    rng_.seed(seed_);
    std::printf("kill seed %llu, %llu kills per job (RASHISA_KILL_SEED, RASHISA_KILLS)\n",
                static_cast<unsigned long long>(seed_), static_cast<unsigned long long>(kills_));
    if (run_cli({"demo", (dir_ / "demo").string()}, log_).status != 0) return;
    demo_ = dir_ / "demo" / "demo.rashisa";
    trained_ = copy_of(demo_, "trained.rashisa");
    training_ = run_cli(train_command(trained_), log_);
  }
  static void TearDownTestSuite() {
    if (!failed_) fs::remove_all(dir_);
  }
  void SetUp() override {
    ASSERT_TRUE(fs::exists(demo_)) << tail_of(log_);
    ASSERT_EQ(training_.status, 0) << tail_of(log_);
  }
  void TearDown() override { failed_ = failed_ || HasFailure(); }

  static fs::path copy_of(const fs::path& from, const std::string& name) {
    const fs::path to = dir_ / name;
    fs::remove(to);
    fs::copy_file(from, to);
    return to;
  }

  static long random_ms(double seconds) {
    return static_cast<long>(rng_() % static_cast<std::uint64_t>(seconds * 1000 + 1));
  }

  static std::vector<std::string> train_command(const fs::path& project);

  using CommandFor = std::function<std::vector<std::string>(const fs::path& project, const State& now)>;
  /// Checks a project after a kill against the state before the run; returns what it holds.
  using KillCheck = std::function<std::string(const State& before, const State& after)>;

  /// Runs `command` on `project` again and again, each run killed at a random moment within
  /// `seconds` while kills are left, until a run ends by itself; `check` looks at every kill.
  static void kill_until_done(const fs::path& project, double seconds, const std::string& what,
                              const CommandFor& command, const KillCheck& check, std::uint64_t& killed) {
    State before = state_of(project);
    for (int run = 1;; ++run) {
      const long ms = killed < kills_ ? random_ms(seconds) : -1;
      const CliRun r = run_cli(command(project, before), log_, ms);
      const State after = state_of(project);
      ASSERT_TRUE(after.integrity_ok) << "integrity_check failed after the kill at " << ms << " ms";
      if (r.status == 0) return;
      ASSERT_EQ(r.status, -SIGKILL) << "the command failed instead of continuing:\n" << tail_of(log_);
      ++killed;
      const std::string holds = check(before, after);
      std::printf("%s run %d: killed after %ld ms, %s\n", what.c_str(), run, ms, holds.c_str());
      std::fflush(stdout);
      if (HasFatalFailure()) return;
      before = after;
    }
  }

  static inline fs::path dir_, log_, demo_, trained_;
  static inline CliRun training_;
  static inline std::uint64_t kills_ = 0, seed_ = 0;
  static inline std::mt19937_64 rng_;
  static inline bool failed_ = false;
};

/// Training on the demo photos: 64 px, batch 1, 2 steps a stage, a checkpoint after every step.
std::vector<std::string> CliKill::train_command(const fs::path& project) {
  return {"project", "train", project.string(), "--name", "mug", "--category", "mug", "--resolution", "64",
          "--seed", "5", "--stage1-steps", "2", "--stage2-steps", "2", "--stage3-steps", "2", "--stage1-batch", "1",
          "--stage2-batch", "1", "--stage3-batch", "1", "--checkpoint-every", "1", "--checkpoint-minutes", "0",
          "--preview-every", "0", "--device", "cpu"};
}

std::vector<std::string> batch_command(const fs::path& project) {
  return {"project", "generate", project.string(), "--template", "white-studio", "--seeds", "1",
          "--steps", "6", "--width", "64", "--height", "64", "--device", "cpu"};
}

/// A checkpoint kept after a kill: the one before, byte for byte, or a later one; one at the
/// same stage and step is the same bytes whichever run made it.
void expect_checkpoint_kept(const State& before, const State& after,
                            std::map<std::pair<int, std::int64_t>, Bytes>& seen) {
  if (before.package) {
    ASSERT_EQ(after.package, before.package) << "the trained package changed";
    return;
  }
  if (after.package) return;  // trained: the checkpoint's job is done
  if (before.checkpoint) {
    ASSERT_TRUE(after.checkpoint.has_value()) << "the checkpoint committed before the kill is gone";
    ASSERT_GE(after.at, before.at) << "the saved progress went back";
    if (after.at == before.at) {
      ASSERT_TRUE(*after.checkpoint == *before.checkpoint) << "the checkpoint changed";
    }
  }
  if (after.checkpoint) {
    const auto [it, added] = seen.emplace(after.at, *after.checkpoint);
    ASSERT_TRUE(added || it->second == *after.checkpoint)
        << "two checkpoints of stage " << after.at.first << " step " << after.at.second << " differ";
  }
}

TEST_F(CliKill, TrainingKilledAtRandomThenTheSameCommandFinishesIt) {
  const State want = state_of(trained_);
  ASSERT_TRUE(want.package.has_value());
  std::printf("uninterrupted training: %.1f s\n", training_.seconds);

  std::map<std::pair<int, std::int64_t>, Bytes> seen;
  std::uint64_t killed = 0;
  for (int round = 1; killed < kills_; ++round) {
    const fs::path p = copy_of(demo_, "killed.rashisa");
    kill_until_done(
        p, training_.seconds, "train round " + std::to_string(round),
        [](const fs::path& project, const State&) { return train_command(project); },
        [&seen](const State& before, const State& after) {
          expect_checkpoint_kept(before, after, seen);
          return "saved stage " + std::to_string(after.at.first) + " step " + std::to_string(after.at.second) +
                 (after.package ? " (trained)" : "");
        },
        killed);
    if (HasFatalFailure()) return;
    const State got = state_of(p);
    EXPECT_EQ(got.status, store::ConceptStatus::Trained);
    EXPECT_FALSE(got.checkpoint.has_value()) << "a finished product keeps no checkpoint";
    ASSERT_TRUE(got.package.has_value());
    ASSERT_TRUE(without_created_time(*got.package) == without_created_time(*want.package))
        << "round " << round << ": the package differs from an uninterrupted run";
  }
  std::printf("training: %llu kills, every resumed package bitwise equal\n", static_cast<unsigned long long>(killed));
  // Once trained, the same command says so and changes nothing.
  const fs::path again = copy_of(trained_, "again.rashisa");
  const CliRun r = run_cli(train_command(again), log_);
  EXPECT_EQ(r.status, 0) << tail_of(log_);
  EXPECT_LT(r.seconds, training_.seconds) << "a trained product must not be trained again";
  EXPECT_TRUE(state_of(again).package == want.package);
}

/// Images after a kill: every one stored before is still there, byte for byte, and the job's
/// count is its stored images (both are stored in one transaction).
void expect_images_kept(const State& before, const State& after) {
  for (const auto& [id, image] : before.images) {
    const auto it = after.images.find(id);
    ASSERT_TRUE(it != after.images.end()) << "image " << id << " committed before the kill is gone";
    ASSERT_EQ(it->second.first, image.first) << "image " << id << " changed its record";
    ASSERT_TRUE(it->second.second == image.second) << "image " << id << " changed its bytes";
  }
  if (after.has_job) {
    EXPECT_EQ(after.job.done, static_cast<std::int64_t>(after.images.size())) << "the job's count is not its images";
  }
}

// A kill can land after the batch's last image and its job are stored but before the program
// exits: the same seeded command again has nothing left to make and must not start a second batch
// of the same images.
TEST_F(CliKill, TheSameSeededCommandAfterItsBatchIsDoneMakesNothingNew) {
  const fs::path p = copy_of(trained_, "done.rashisa");
  ASSERT_EQ(run_cli(batch_command(p), log_).status, 0) << tail_of(log_);
  const State first = state_of(p);
  ASSERT_TRUE(first.has_job && first.job.status == store::JobStatus::Done);
  ASSERT_EQ(run_cli(batch_command(p), log_).status, 0) << tail_of(log_);
  const State again = state_of(p);
  EXPECT_EQ(again.jobs, 1u) << tail_of(log_);
  EXPECT_EQ(again.images.size(), first.images.size());
  EXPECT_NE(tail_of(log_).find("nothing to do"), std::string::npos) << tail_of(log_);
}

TEST_F(CliKill, BatchKilledAtRandomThenResumedMakesTheSameImages) {
  const fs::path reference = copy_of(trained_, "reference.rashisa");
  const CliRun whole = run_cli(batch_command(reference), log_);
  ASSERT_EQ(whole.status, 0) << tail_of(log_);
  const State want = state_of(reference);
  ASSERT_EQ(want.images.size(), static_cast<std::size_t>(want.job.spec.total));
  std::printf("uninterrupted batch: %zu images, %.1f s\n", want.images.size(), whole.seconds);

  std::uint64_t killed = 0;
  for (int round = 1; killed < kills_; ++round) {
    const fs::path p = copy_of(trained_, "killed.rashisa");
    kill_until_done(
        p, whole.seconds, "batch round " + std::to_string(round),
        [](const fs::path& project, const State&) {
          return batch_command(project);  // the same command again continues the batch it started
        },
        [](const State& before, const State& after) {
          expect_images_kept(before, after);
          return std::to_string(after.images.size()) + " images stored";
        },
        killed);
    if (HasFatalFailure()) return;
    const State got = state_of(p);
    ASSERT_TRUE(got.has_job && got.job.status == store::JobStatus::Done) << "round " << round;
    ASSERT_EQ(got.jobs, 1u) << "round " << round << ": running the same command again made another job";
    ASSERT_EQ(got.images.size(), want.images.size());
    auto a = got.images.begin();
    for (const auto& [id, image] : want.images) {
      EXPECT_EQ(a->second.first, image.first) << "round " << round;
      EXPECT_TRUE(a->second.second == image.second) << "round " << round << ": image " << id << " differs";
      ++a;
    }
  }
  std::printf("batch: %llu kills, every resumed batch bitwise equal\n", static_cast<unsigned long long>(killed));
}

}  // namespace
