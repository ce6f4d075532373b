// A product's saved setup read back, and the settings a new `project train` run would change
// named one by one in the options' own terms (the same command continues; defaults count).
#include "engine/core/error.h"
#include "engine/workflow/concept_setup.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;

class ConceptSetupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rashisa_concept_setup_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    project_ = std::make_unique<store::Project>(store::Project::create(dir_ / "p.rashisa"));
    for (std::uint8_t i = 1; i <= 10; ++i) {
      store::NewPhoto m;
      m.file_name = "photo" + std::to_string(i) + ".png";
      m.width = m.height = 64;
      photos_.push_back(project_->add_photo(store::Bytes{i, 2, 3, 4}, m));
    }
  }
  void TearDown() override {
    project_.reset();
    fs::remove_all(dir_);
  }

  /// A product stored as create_concept stores one: the default preset's numbers with
  /// stage 3 set to 400 steps, on photos 1-8 and 10.
  std::int64_t product(const std::string& settings = kSettings) {
    store::ConceptSpec spec{"mug", "<rashisa>", "mug", settings};
    const auto id = project_->add_concept(spec);
    project_->set_concept_photos(id, {photos_[9], photos_[0], photos_[1], photos_[2], photos_[3], photos_[4],
                                      photos_[5], photos_[6], photos_[7]});
    return id;
  }

  static constexpr const char* kSettings =
      R"({"preset":"default","seed":7,"resolution":512,"checkpoint_every":100,"fp32_delta":false,)"
      R"("stages":[{"steps":60,"lr":0.001,"batch":1,"lambda_mean":0.1,"lambda_var":0.1},)"
      R"({"steps":100,"lr":2e-05,"batch":1,"lambda_mean":0.1,"lambda_var":0.1},)"
      R"({"steps":400,"lr":2e-06,"batch":1,"lambda_mean":0.1,"lambda_var":0.1}]})";

  fs::path dir_;
  std::unique_ptr<store::Project> project_;
  std::vector<std::int64_t> photos_;
};

TEST_F(ConceptSetupTest, SavedSetupReadsEverySetting) {
  const ConceptSetup s = saved_setup(*project_, product());
  EXPECT_EQ(s.name, "mug");
  EXPECT_EQ(s.category, "mug");
  EXPECT_EQ(s.preset, "default");
  EXPECT_EQ(s.seed, 7);
  EXPECT_EQ(s.resolution, 512);
  EXPECT_EQ(s.checkpoint_every, 100);
  EXPECT_FALSE(s.fp32_delta);
  EXPECT_EQ(s.stages[0].steps, 60);
  EXPECT_EQ(s.stages[1].lr, 2e-05);
  EXPECT_EQ(s.stages[2].steps, 400);
  EXPECT_EQ(s.stages[2].lambda_var, 0.1);
  EXPECT_EQ(format_id_list(s.photo_ids), "1-8,10");
}

TEST_F(ConceptSetupTest, TheSameSettingsAndDefaultsAreNoDifference) {
  const ConceptSetup saved = saved_setup(*project_, product());
  EXPECT_TRUE(setup_differences(saved, saved).empty());
  ConceptSetup given;  // what `--category mug --seed 7 --preset default` gives: stage numbers from the preset
  given.name = "mug";
  given.category = "mug";
  given.seed = 7;
  EXPECT_TRUE(setup_differences(saved, given).empty()) << "left-out stage numbers and photos keep the saved ones";
  given.stages[2].steps = 400;
  given.stages[1].lr = 0.00002;  // 2e-05 written another way
  given.photo_ids = {10, 8, 7, 6, 5, 4, 3, 2, 1};
  EXPECT_TRUE(setup_differences(saved, given).empty());
}

TEST_F(ConceptSetupTest, EachDifferenceIsNamedWithBothValues) {
  const ConceptSetup saved = saved_setup(*project_, product());
  ConceptSetup given = saved;
  given.category = "cup";
  given.photo_ids = {1, 2, 3};
  given.preset = "fast";
  given.seed = 0;
  given.resolution = 256;
  given.stages[2].steps = 500;
  given.stages[0].lr = 1e-4;
  given.stages[1].batch = 2;
  given.checkpoint_every = 50;
  given.fp32_delta = true;
  const std::vector<SettingDifference> want = {
      {"--category", "mug", "cup"},   {"--photos", "1-8,10", "1-3"},      {"--preset", "default", "fast"},
      {"--seed", "7", "0"},           {"--resolution", "512", "256"},     {"--stage1-lr", "0.001", "0.0001"},
      {"--stage2-batch", "1", "2"},   {"--stage3-steps", "400", "500"},   {"--checkpoint-every", "100", "50"},
      {"--fp32-delta", "off", "on"}};
  EXPECT_EQ(setup_differences(saved, given), want);
}

TEST_F(ConceptSetupTest, NearlyEqualNumbersAreWrittenApart) {
  const ConceptSetup saved = saved_setup(*project_, product());
  ConceptSetup given = saved;
  given.stages[0].lr = 0.0010000001;
  const auto d = setup_differences(saved, given);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].saved, "0.001");
  EXPECT_EQ(d[0].given, "0.0010000001");
}

TEST_F(ConceptSetupTest, IdListsAreWrittenAsPhotosTakesThem) {
  EXPECT_EQ(format_id_list({}), "");
  EXPECT_EQ(format_id_list({4}), "4");
  EXPECT_EQ(format_id_list({2, 1}), "1,2");
  EXPECT_EQ(format_id_list({1, 2, 3, 5, 6, 9, 9, 10, 11, 12}), "1-3,5,6,9-12");
}

TEST_F(ConceptSetupTest, DamagedSettingsSayWhatToDo) {
  const auto id = product(R"({"preset":"default","stages":[{"steps":"many"}]})");
  try {
    saved_setup(*project_, id);
    FAIL() << "damaged settings were read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::FileFormat);
    EXPECT_NE(std::string(e.what()).find("--restart"), std::string::npos) << e.what();
  }
}

TEST_F(ConceptSetupTest, SettlingFinishesWhatACrashAfterThePackageLeft) {
  const auto id = product();
  EXPECT_FALSE(settle_trained_concept(*project_, id)) << "no package: not trained";
  project_->save_checkpoint(id, store::Bytes{5, 6}, {store::ConceptStatus::Training, 3, 120});
  project_->save_package(id, store::Bytes{1, 2, 3});  // killed here, before the bookkeeping
  EXPECT_TRUE(settle_trained_concept(*project_, id));
  const store::Concept c = project_->get_concept(id);
  EXPECT_EQ(c.progress.status, store::ConceptStatus::Trained);
  EXPECT_EQ(c.progress.stage, 3);
  EXPECT_EQ(c.progress.step, 400);
  EXPECT_FALSE(c.checkpoint_size.has_value());
  EXPECT_EQ(project_->load_package(id), (store::Bytes{1, 2, 3}));
  EXPECT_TRUE(settle_trained_concept(*project_, id));
}

}  // namespace
}  // namespace rashisa::workflow
