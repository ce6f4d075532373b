// engine/workflow without models: templates kept in the project, batch planning (counted and
// capped before anything is queued, deterministic order, frozen in the job), photo intake
// results, and export refusing unreviewed work.
#include "engine/export/image_export.h"
#include "engine/media/image_file.h"
#include "engine/templates/template_io.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/image_export.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/project_templates.h"

#include <gtest/gtest.h>

#include <fstream>

#include <unistd.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;

class Workflow : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rashisa_workflow_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    project_ = std::make_unique<store::Project>(store::Project::create(dir_ / "p.rashisa"));
  }
  void TearDown() override {
    project_.reset();
    fs::remove_all(dir_);
  }

  /// A concept with a (dummy) package, which is all planning looks at.
  std::int64_t trained_concept(const std::string& name, const std::string& category) {
    store::ConceptSpec spec;
    spec.name = name;
    spec.token = "<rashisa>";
    spec.category = category;
    const auto id = project_->add_concept(spec);
    project_->save_package(id, store::Bytes{1, 2, 3});
    return id;
  }

  std::int64_t two_value_template() {
    templates::PromptTemplate t;
    t.id = "table";
    t.label_en = "Table";
    t.prompt = "{product} on {surface}";
    t.variables = {{"surface", "", "", {{"oak", "", ""}, {"marble", "", ""}}}};
    t.width = t.height = 64;
    t.steps = 3;
    return add_templates(*project_, {t}).at(0);
  }

  static media::RgbImage pattern(int w, int h, int seed) {
    media::RgbImage im{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 3)};
    for (std::size_t i = 0; i < im.pixels.size(); ++i) im.pixels[i] = static_cast<std::uint8_t>((i * 7 + seed * 31) % 251);
    return im;
  }

  fs::path dir_;
  std::unique_ptr<store::Project> project_;
};

TEST_F(Workflow, BuiltinCatalogueRoundTripsThroughTheProject) {
  const auto builtin = builtin_templates();
  ASSERT_GE(builtin.size(), 6u);
  add_templates(*project_, builtin);
  EXPECT_EQ(templates::templates_to_json(project_templates(*project_)), templates::templates_to_json(builtin));
  EXPECT_EQ(find_template(*project_, "white-studio").spec.text, builtin.front().prompt);
  EXPECT_THROW(find_template(*project_, "no-such-template"), Error);
}

TEST_F(Workflow, BatchIsPlannedInOrderAndFrozenInTheJob) {
  const auto mug = trained_concept("mug", "mug");
  const auto vase = trained_concept("vase", "vase");
  BatchRequest r;
  r.template_ids = {two_value_template()};
  r.concept_ids = {mug, vase};
  r.seeds = {11, 12};
  const auto items = plan_batch(*project_, r);
  ASSERT_EQ(items.size(), 8u);  // 2 products x 2 prompts x 2 seeds
  EXPECT_EQ(items[0].prompt, "<rashisa> mug on oak");
  EXPECT_EQ(items[0].seed, 11);
  EXPECT_EQ(items[1].seed, 12);
  EXPECT_EQ(items[2].prompt, "<rashisa> mug on marble");
  EXPECT_EQ(items[4].prompt, "<rashisa> vase on oak");
  EXPECT_EQ(items[4].concept_id, vase);
  EXPECT_EQ(items[7].values.at("surface"), "marble");

  const auto job_id = queue_batch(*project_, r);
  const auto job = project_->get_job(job_id);
  EXPECT_EQ(job.spec.total, 8);
  EXPECT_EQ(job.status, store::JobStatus::Queued);
  const auto frozen = job_items(job);
  ASSERT_EQ(frozen.size(), items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(frozen[i].prompt, items[i].prompt);
    EXPECT_EQ(frozen[i].seed, items[i].seed);
    EXPECT_EQ(frozen[i].concept_id, items[i].concept_id);
  }
  // Editing the template later does not change the queued job.
  project_->remove_template(r.template_ids[0]);
  EXPECT_EQ(job_items(project_->get_job(job_id)).size(), 8u);
  EXPECT_EQ(unfinished_jobs(*project_).size(), 1u);
}

TEST_F(Workflow, OversizedBatchIsRefusedBeforeAnythingIsQueued) {
  BatchRequest r;
  r.template_ids = {two_value_template()};
  r.concept_ids = {trained_concept("mug", "mug")};
  r.seeds = {1, 2, 3, 4};
  r.cap = 7;
  try {
    queue_batch(*project_, r);
    FAIL() << "a batch of 8 with a cap of 7 was queued";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("more than 7"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(project_->list_jobs().empty());
}

TEST_F(Workflow, UntrainedProductIsRefusedWithAdvice) {
  store::ConceptSpec spec{"bag", "<rashisa>", "bag", "{}"};
  BatchRequest r;
  r.template_ids = {two_value_template()};
  r.concept_ids = {project_->add_concept(spec)};
  try {
    plan_batch(*project_, r);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("train it first"), std::string::npos) << e.what();
  }
}

TEST_F(Workflow, PhotoIntakeReportsEachFileAndFindsDuplicates) {
  const auto png = media::encode_png(pattern(96, 80, 1));
  const auto first = add_photo_bytes(*project_, png, "a.png");
  ASSERT_TRUE(first.ok()) << first.message;
  ASSERT_TRUE(first.photo_id);
  EXPECT_EQ(first.width, 96);
  const auto again = add_photo_bytes(*project_, png, "copy of a.png");
  EXPECT_TRUE(again.ok());
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.photo_id, first.photo_id);
  const auto bad = add_photo_bytes(*project_, {'h', 'e', 'l', 'l', 'o'}, "b.jpg");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error, "not-an-image");
  EXPECT_NE(bad.message.find("b.jpg"), std::string::npos);
  const auto missing = add_photos(*project_, {dir_ / "nope.jpg"});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].error, "missing");
  EXPECT_EQ(project_->list_photos().size(), 1u);

  bool too_few = false, low_res = false;
  for (const auto& f : check_photos(*project_)) {
    too_few = too_few || f.code == "too-few-photos";
    low_res = low_res || f.code == "low-resolution";
  }
  EXPECT_TRUE(too_few);
  EXPECT_TRUE(low_res);
  EXPECT_EQ(photo_pixels(*project_, *first.photo_id).pixels, pattern(96, 80, 1).pixels);
}

TEST_F(Workflow, OnlyApprovedImagesAreExported) {
  store::NewImage image;
  image.params = {42, "ddim", 3, 7.0, 64, 48, "a <rashisa> mug on oak", "blurry", "{}", std::string(64, 'a')};
  image.png = media::encode_png(pattern(64, 48, 2));
  const auto id = project_->add_image(image);
  ExportRequest r;
  r.folder = dir_;
  r.image_ids = {id};
  r.include_prompts = true;
  EXPECT_THROW(export_images(*project_, r), Error);
  EXPECT_FALSE(fs::exists(dir_ / export_file_name(*project_, project_->get_image(id), exporting::ExportFormat::Png,
                                                  r.name_pattern)));

  project_->set_review(id, store::Review::Approved, "tester");
  const auto files = export_images(*project_, r);
  ASSERT_EQ(files.size(), 1u);
  const auto read = exporting::read_provenance(files[0].path.string());
  EXPECT_EQ(read.provenance.prompt, "a <rashisa> mug on oak");
  EXPECT_EQ(read.provenance.seed, 42u);
  // The same export again keeps the file it finished (a resume); a changed file is the user's.
  EXPECT_EQ(export_images(*project_, r).size(), 1u);
  std::ofstream(files[0].path, std::ios::app) << "edited";
  EXPECT_THROW(export_images(*project_, r), Error) << "an existing file is replaced only with overwrite";
  r.overwrite = true;
  EXPECT_EQ(export_images(*project_, r).size(), 1u);
  EXPECT_EQ(project_->audit_log().back().action, "image.export");

  write_contact_sheet(*project_, dir_ / "sheet.png", std::nullopt);
  EXPECT_GT(fs::file_size(dir_ / "sheet.png"), 0u);
}

TEST_F(Workflow, MoreLikeThisRepeatsThePromptWithNewSeeds) {
  const auto product = trained_concept("Blue mug", "mug");
  const auto tpl = two_value_template();
  BatchRequest r;
  r.template_ids = {tpl};
  r.concept_ids = {product};
  const auto job = project_->get_job(queue_batch(*project_, r));
  const auto items = job_items(job);
  ASSERT_EQ(items.size(), 2u);
  store::NewImage image;
  image.job_id = job.id;
  image.concept_id = product;
  image.params = {items[1].seed, items[1].sampler, items[1].steps, items[1].guidance, items[1].width, items[1].height,
                  items[1].prompt, items[1].negative_prompt, R"({"surface":"marble"})", std::string(64, 'a')};
  image.png = media::encode_png(pattern(64, 64, 1));
  const auto image_id = project_->add_image(image);

  const auto more = project_->get_job(queue_more_like(*project_, image_id, {7, 8, 9}));
  EXPECT_EQ(more.status, store::JobStatus::Queued);
  EXPECT_EQ(more.spec.total, 3);
  const auto again = job_items(more);
  ASSERT_EQ(again.size(), 3u);
  for (std::size_t k = 0; k < again.size(); ++k) {
    EXPECT_EQ(again[k].prompt, items[1].prompt);
    EXPECT_EQ(again[k].values.at("surface"), "marble");
    EXPECT_EQ(again[k].template_id, tpl);
    EXPECT_EQ(again[k].concept_id, product);
    EXPECT_EQ(again[k].seed, static_cast<std::int64_t>(7 + k));
  }
  EXPECT_THROW(queue_more_like(*project_, image_id, {}), Error);
  project_->remove_concept(product);
  EXPECT_THROW(queue_more_like(*project_, image_id, {1}), Error);
}

}  // namespace
}  // namespace rashisa::workflow
