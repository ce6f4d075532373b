// The demo: its model is the same bytes every time and loads like any diffusers folder, its
// vocabulary knows every category word of the window's list as one token, its photos give the
// photo checks exactly the findings they are drawn for, and its project is never replaced.
#include "engine/core/sha256.h"
#include "engine/ml/pipeline/sd_model.h"
#include "engine/workflow/category_check.h"
#include "engine/workflow/demo.h"
#include "engine/workflow/photo_intake.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace rashisa;

namespace {

std::string file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::map<std::string, std::string> folder_bytes(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_u8string()] = file_bytes(e.path());
  return out;
}

}  // namespace

TEST(DemoModel, IsTheSameEveryTimeAndLoadsAsStableDiffusion15) {
  rashisa::testing::TestFolder dir("demo_model");
  workflow::write_demo_model(dir.path() / "a");
  workflow::write_demo_model(dir.path() / "b");
  const auto a = folder_bytes(dir.path() / "a");
  ASSERT_EQ(a.size(), 12u);
  EXPECT_EQ(a, folder_bytes(dir.path() / "b"));
  // The same bytes on every platform and libtorch version (the generator uses no libm
  // transcendental): pinned, so a change to the demo model is a decision, not an accident.
  const std::string weights = a.at("unet/diffusion_pytorch_model.safetensors") +
                              a.at("vae/diffusion_pytorch_model.safetensors") + a.at("text_encoder/model.safetensors");
  EXPECT_EQ(sha256_hex(weights.data(), weights.size()), "b746d82ad8b0653841fab1dfaee3bb39d604c48789c6cfa6c538d0a8e588d18c");

  EXPECT_TRUE(workflow::is_demo_model(dir.path() / "a"));
  const auto model = ml::load_model(dir.path() / "a");
  EXPECT_EQ(model.info.family, ml::ModelFamily::SD1);
  EXPECT_EQ(model.info.native_resolution, 128);
  const auto ids = model.tokenizer->encode("a photo of a mug on a wooden table");
  EXPECT_FALSE(ids.empty());
}

TEST(DemoModel, KnowsEveryCategoryWordOfTheWindowAsOneToken) {
  rashisa::testing::TestFolder dir("demo_vocab");
  workflow::write_demo_model(dir.path());
  for (const char* word :
       {"mug", "cup", "bowl", "plate", "teapot", "bottle", "jar", "can", "box", "knife", "bag", "backpack", "wallet",
        "shoe", "hat", "jacket", "shirt", "dress", "towel", "watch", "ring", "necklace", "bracelet", "glasses",
        "umbrella", "chair", "table", "sofa", "pillow", "lamp", "clock", "vase", "candle", "plant", "soap", "perfume",
        "toy", "doll", "cake", "bread", "cookie", "pen", "notebook", "camera", "speaker", "headphones"})
    EXPECT_EQ(workflow::category_problem(dir.path(), word), std::nullopt) << word;
  EXPECT_NE(workflow::category_problem(dir.path(), "refrigerator"), std::nullopt);
  EXPECT_FALSE(workflow::is_demo_model(dir.path() / "tokenizer"));
}

TEST(DemoPhotos, GiveTheChecksExactlyWhatTheyAreDrawnFor) {
  const auto photos = workflow::draw_demo_photos();
  ASSERT_EQ(photos.size(), 8u);
  rashisa::testing::TestFolder dir("demo_photos");
  std::vector<fs::path> files;
  std::map<std::string, std::string> role_of_id;
  for (const auto& p : photos) files.push_back(dir.write(p.file_name, p.jpeg));
  auto project = store::Project::create(dir.path() / "p.rashisa");
  const auto results = workflow::add_photos(project, files);
  for (std::size_t i = 0; i < results.size(); ++i) {
    ASSERT_TRUE(results[i].ok()) << results[i].message;
    EXPECT_EQ(results[i].width, 1600);
    EXPECT_EQ(results[i].height, 1200);
    role_of_id[std::to_string(*results[i].photo_id)] = photos[i].role;
  }
  std::multiset<std::string> codes;
  for (const auto& f : workflow::check_photos(project)) {
    codes.insert(f.code);
    if (f.code == "blurry") {
      ASSERT_EQ(f.photo_ids.size(), 1u);
      EXPECT_EQ(role_of_id[f.photo_ids[0]], "blurry");
    }
    if (f.code == "near-duplicate") {
      std::set<std::string> roles;
      for (const auto& id : f.photo_ids) roles.insert(role_of_id[id]);
      EXPECT_EQ(roles.count("near-duplicate"), 1u) << f.message;
      EXPECT_EQ(f.photo_ids.size(), 2u) << f.message;
    }
  }
  EXPECT_EQ(codes, (std::multiset<std::string>{"blurry", "near-duplicate"}));
}

TEST(DemoProject, IsMadeOnceAndNeverReplaced) {
  rashisa::testing::TestFolder dir("demo_project");
  const fs::path where = dir.path() / fs::u8path("デモ 試用");
  const auto demo = workflow::make_demo_project(where);
  EXPECT_EQ(demo.photo_count, 8u);
  EXPECT_GT(demo.template_count, 0u);
  EXPECT_TRUE(workflow::is_demo_model(demo.model));
  auto project = store::Project::open(demo.project);
  EXPECT_EQ(project.list_photos().size(), 8u);
  EXPECT_FALSE(project.base_model().sha256.empty());
  EXPECT_EQ(project.setting("ui.draft.category"), "mug");
  const auto training = workflow::demo_training(project);
  ASSERT_TRUE(training.has_value());
  EXPECT_EQ(training->resolution, 128);
  EXPECT_EQ(training->steps, (std::array<int, 3>{20, 30, 60}));
  EXPECT_EQ(training->batch, 2);
  EXPECT_EQ(training->preview_every, 0);
  const auto setup = workflow::demo_concept_setup("mug");
  EXPECT_EQ(setup.resolution, training->resolution);
  EXPECT_EQ(setup.stages[2].steps, training->steps[2]);
  // A damaged value keeps the demo's numbers for what it lacks; other projects have none.
  const std::string kept = project.setting(workflow::kDemoSettingKey);
  project.set_setting(workflow::kDemoSettingKey, R"({"resolution": 96, "steps": [1, "x"]})");
  const auto damaged = workflow::demo_training(project);
  ASSERT_TRUE(damaged.has_value());
  EXPECT_EQ(damaged->resolution, 96);
  EXPECT_EQ(damaged->steps, (std::array<int, 3>{1, 30, 60}));
  project.set_setting(workflow::kDemoSettingKey, "not json");
  EXPECT_EQ(workflow::demo_training(project)->batch, 2);
  project.set_setting(workflow::kDemoSettingKey, "");
  EXPECT_FALSE(workflow::demo_training(project).has_value());
  project.set_setting(workflow::kDemoSettingKey, kept);
  project.close();
  EXPECT_FALSE(fs::exists(fs::path(demo.project) += ".part"));

  const auto before = file_bytes(demo.project);
  try {
    workflow::make_demo_project(where);
    FAIL() << "a second demo in the same folder must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
  }
  EXPECT_EQ(file_bytes(demo.project), before);
}
