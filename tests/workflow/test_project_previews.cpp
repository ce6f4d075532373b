// Training previews through rashisa-cli on each tiny reference model: `project train
// --preview-every N --preview-dir DIR` stores every preview in the project and writes the same
// image plus a colour overlay per preview; `--restart` clears the old ones; `train
// --preview-dir` (no project) writes the files at the stage ends.
#include "engine/store/project.h"
#include "tests/support/reference.h"
#include "tests/workflow/cli_runner.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <tuple>

#include <unistd.h>

namespace fs = std::filesystem;
using rashisa::testing::run_cli;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

cv::Mat decode(const Bytes& png) {
  return cv::imdecode(cv::Mat(1, static_cast<int>(png.size()), CV_8UC1, const_cast<std::uint8_t*>(png.data())),
                      cv::IMREAD_UNCHANGED);
}

void write_ball_photos(const fs::path& dir) {
  fs::create_directories(dir);
  for (int i = 0; i < 3; ++i) {
    cv::Mat img(96, 96, CV_8UC3, cv::Scalar(150, 140, 20));
    cv::circle(img, cv::Point(40 + 6 * i, 48), 26, cv::Scalar(40, 30, 220), cv::FILLED);
    cv::imwrite((dir / ("ball" + std::to_string(i) + ".png")).string(), img);
  }
}

std::vector<std::string> short_training() {
  return {"--category", "toy",           "--device",        "cpu", "--resolution",    "64",
          "--seed",     "3",             "--stage1-steps",  "2",   "--stage2-steps",  "2",
          "--stage3-steps", "2",         "--stage1-batch",  "1",   "--stage2-batch",  "1",
          "--stage3-batch", "1"};
}

std::string stem(int stage, int step, long long seed) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "stage%d-step%04d-seed%lld", stage, step, seed);
  return buf;
}

using Key = std::tuple<int, std::int64_t, std::int64_t>;

std::vector<Key> keys_of(const std::vector<rashisa::store::PreviewRecord>& list) {
  std::vector<Key> out;
  for (const auto& r : list) out.emplace_back(r.stage, r.step, r.seed);
  return out;
}

class ProjectPreviews : public ::testing::TestWithParam<std::string> {};

TEST_P(ProjectPreviews, StoredInTheProjectAndWrittenAsFiles) {
  const fs::path model = rashisa::testing::reference_dir() /
                         rashisa::testing::manifest().at("models").at(GetParam()).at("path").get<std::string>();
  const fs::path dir = fs::temp_directory_path() / ("rashisa_previews_" + GetParam() + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  write_ball_photos(dir / "photos");
  const fs::path project = dir / "p.rashisa";
  const fs::path previews = dir / "previews" / "ball";  // made by the command
  ASSERT_EQ(run_cli({"project", "new", project.string(), "--no-templates"}).status, 0);
  ASSERT_EQ(run_cli({"project", "add-photos", project.string(), (dir / "photos").string()}).status, 0);
  ASSERT_EQ(run_cli({"project", "set-model", project.string(), model.string()}).status, 0);

  std::vector<std::string> train = {"project", "train", project.string(), "--name", "ball", "--json",
                                    "--preview-every", "1", "--preview-dir", previews.string()};
  const auto setup = short_training();
  train.insert(train.end(), setup.begin(), setup.end());
  ASSERT_EQ(run_cli(train).status, 0);

  std::vector<Key> expected;
  for (int stage = 1; stage <= 3; ++stage)
    for (int step = 1; step <= 2; ++step)
      for (long long seed : {1234LL, 5678LL}) expected.emplace_back(stage, step, seed);
  std::int64_t id = 0;
  {
    auto p = rashisa::store::Project::open(project);
    id = p.list_concepts().at(0).id;
    const auto stored = p.list_previews(id);
    EXPECT_EQ(keys_of(stored), expected);
    for (const auto& r : stored) {
      const std::string name = stem(r.stage, static_cast<int>(r.step), r.seed);
      SCOPED_TRACE(name);
      EXPECT_EQ(read_bytes(previews / (name + ".png")), r.image_png) << "the file is the stored image";
      const cv::Mat image = decode(r.image_png), heat = decode(r.heatmap_png);
      const cv::Mat overlay = decode(read_bytes(previews / (name + "-heat.png")));
      ASSERT_FALSE(image.empty() || heat.empty() || overlay.empty());
      EXPECT_EQ(image.size(), cv::Size(64, 64));
      EXPECT_EQ(heat.type(), CV_8UC1);
      EXPECT_EQ(heat.size(), cv::Size(64, 64));
      double lo = 0, hi = 0;
      cv::minMaxLoc(heat, &lo, &hi);
      EXPECT_EQ(hi, 255.0) << "255 is the map's maximum";
      EXPECT_LT(lo, hi);
      EXPECT_EQ(overlay.type(), CV_8UC3);
      EXPECT_EQ(overlay.size(), cv::Size(64, 64));
    }
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(previews)) files += e.path().extension() == ".png";
    EXPECT_EQ(files, 2 * expected.size()) << "one image and one overlay per preview, no temporary files";
  }

  // Starting over drops the old previews; without --preview-dir only the project gets them.
  ASSERT_EQ(run_cli({"project", "train", project.string(), "--name", "ball", "--restart", "--device", "cpu",
                     "--preview-every", "0"})
                .status,
            0);
  {
    auto p = rashisa::store::Project::open(project);
    EXPECT_EQ(keys_of(p.list_previews(id)),
              (std::vector<Key>{{1, 2, 1234}, {1, 2, 5678}, {2, 2, 1234}, {2, 2, 5678}, {3, 2, 1234}, {3, 2, 5678}}));
  }

  // rashisa-cli train without a project: files only, at the stage ends by default steps.
  const fs::path loose = dir / "loose";
  std::vector<std::string> plain = {"train", "--model", model.string(), "--photos", (dir / "photos").string(),
                                    "--out", (dir / "ball.safetensors").string(), "--preview-dir", loose.string()};
  plain.insert(plain.end(), setup.begin(), setup.end());
  ASSERT_EQ(run_cli(plain).status, 0);
  for (int stage = 1; stage <= 3; ++stage)
    for (long long seed : {1234LL, 5678LL}) {
      EXPECT_TRUE(fs::exists(loose / (stem(stage, 2, seed) + ".png"))) << stem(stage, 2, seed);
      EXPECT_TRUE(fs::exists(loose / (stem(stage, 2, seed) + "-heat.png"))) << stem(stage, 2, seed);
    }
  EXPECT_FALSE(fs::exists(loose / (stem(1, 1, 1234) + ".png")));
  EXPECT_NE(run_cli({"train", "--model", model.string(), "--photos", (dir / "photos").string(), "--category", "toy",
                     "--out", (dir / "x.safetensors").string(), "--preview-every", "5"})
                .status,
            0)
      << "--preview-every without --preview-dir is a mistake";
  if (!HasFailure()) fs::remove_all(dir);
}

std::vector<std::string> model_names() {
  std::vector<std::string> names;
  if (!rashisa::testing::reference_available()) return names;
  for (const auto& item : rashisa::testing::manifest().at("models").items()) names.push_back(item.key());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Models, ProjectPreviews, ::testing::ValuesIn(model_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string s = info.param;
                           for (char& c : s)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return s;
                         });

}  // namespace
