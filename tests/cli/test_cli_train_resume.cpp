// Killing `rashisa-cli train` (SIGKILL) in the middle of stage 2 and resuming gives a
// concept bitwise equal to an uninterrupted run with the same seed.
#include "engine/media/image_file.h"
#include "engine/ml/train/concept.h"
#include "engine/ml/train/train_checkpoint.h"
#include "tests/support/reference.h"
#include "tests/train/synthetic_photos.h"

#include <torch/torch.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
namespace ml = rashisa::ml;

namespace {

std::vector<std::string> train_args(const fs::path& model, const fs::path& photos, const fs::path& out) {
  return {RASHISA_CLI_PATH, "train", "--model", model.string(), "--photos", photos.string(), "--category", "toy",
          "--out", out.string(), "--device", "cpu", "--resolution", "64", "--seed", "11", "--checkpoint-every", "1",
          "--stage1-steps", "4", "--stage2-steps", "30", "--stage3-steps", "4",
          "--stage1-batch", "2", "--stage2-batch", "2", "--stage3-batch", "2", "--stage3-lr", "1e-4"};
}

/// Runs the command; if `kill_at_stage2_step` > 0, SIGKILLs it once its progress shows that
/// step of stage 2. Returns the exit status (or -SIGKILL).
int run(std::vector<std::string> args, int kill_at_stage2_step) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  FILE* err = fdopen(fds[0], "r");
  char line[1024];
  bool killed = false;
  while (std::fgets(line, sizeof line, err)) {
    const std::string s = line;
    if (!killed && kill_at_stage2_step > 0 && s.find("stage 2/3") != std::string::npos) {
      const auto close_bracket = s.find("] ");
      if (close_bracket != std::string::npos && std::stoi(s.substr(close_bracket + 2)) >= kill_at_stage2_step) {
        kill(pid, SIGKILL);
        killed = true;
      }
    }
  }
  fclose(err);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(CliTrainResume, KilledInStageTwoThenResumedEqualsUninterrupted) {
  const auto& models = rashisa::testing::manifest().at("models");
  const fs::path model = rashisa::testing::reference_dir() / models.begin().value().at("path").get<std::string>();
  const auto dir = fs::temp_directory_path() / ("rashisa_resume_" + std::to_string(getpid()));
  fs::create_directories(dir / "photos");
  for (const auto& p : rashisa::testing::draw_ball_photos(4)) {
    rashisa::media::RgbImage img;
    img.height = static_cast<int>(p.rgb.size(0));
    img.width = static_cast<int>(p.rgb.size(1));
    img.pixels.assign(p.rgb.data_ptr<std::uint8_t>(), p.rgb.data_ptr<std::uint8_t>() + p.rgb.numel());
    rashisa::media::write_png(dir / "photos" / (p.sha256 + ".png"), img);
  }
  const auto a = dir / "a.safetensors";
  const auto b = dir / "b.safetensors";
  ASSERT_EQ(run(train_args(model, dir / "photos", a), 0), 0);

  ASSERT_EQ(run(train_args(model, dir / "photos", b), 3), -SIGKILL) << "the run was not killed in stage 2";
  ASSERT_FALSE(fs::exists(b));
  const auto ckpt = ml::load_train_checkpoint(dir / "b.checkpoint");
  ASSERT_TRUE(ckpt.has_value()) << "no checkpoint survived the kill";
  EXPECT_EQ(ckpt->stage, 2);
  EXPECT_GT(ckpt->step, 0);
  EXPECT_LT(ckpt->step, 30);

  auto resume = train_args(model, dir / "photos", b);
  resume.push_back("--resume");
  ASSERT_EQ(run(resume, 0), 0);

  const auto ca = ml::load_concept(a);
  const auto cb = ml::load_concept(b);
  EXPECT_TRUE(torch::equal(ca.embedding, cb.embedding));
  ASSERT_EQ(ca.unet_delta.size(), cb.unet_delta.size());
  for (const auto& [name, delta] : ca.unet_delta) {
    ASSERT_TRUE(cb.unet_delta.count(name)) << name;
    EXPECT_TRUE(torch::equal(delta, cb.unet_delta.at(name))) << name;
  }
  EXPECT_EQ(ca.losses, cb.losses);
  fs::remove_all(dir);
}
