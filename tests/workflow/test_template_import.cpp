// Importing template files into a project: nothing is imported when anything is wrong (also an
// id the project already has: key-in-use), everything in one transaction otherwise; and the
// project summary's counts.
#include "engine/templates/template_io.h"
#include "engine/workflow/project_summary.h"
#include "engine/workflow/project_templates.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class TemplateImportTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    return tmp_.write(name, std::vector<std::uint8_t>(text.begin(), text.end())).u8string();
  }

  /// SQLite's file change counter (header offset 24): +1 per committed write transaction.
  std::uint32_t change_counter() const {
    std::ifstream in(project_path_, std::ios::binary);
    unsigned char b[28] = {};
    in.read(reinterpret_cast<char*>(b), sizeof b);
    return (std::uint32_t{b[24]} << 24) | (std::uint32_t{b[25]} << 16) | (std::uint32_t{b[26]} << 8) | b[27];
  }

  static std::string json_templates(const std::vector<std::string>& ids) {
    json list = json::array();
    for (const auto& id : ids)
      list.push_back({{"id", id}, {"label", {{"ja", "テスト " + id}}}, {"prompt", "{product} on {surface}"},
                      {"variables", {{{"name", "surface"}, {"values", {"oak", "glass"}}}}}});
    return json{{"format", "rashisa-templates/1"}, {"templates", list}}.dump();
  }

  rashisa::testing::TestFolder tmp_{"rashisa_template_import"};
  fs::path project_path_ = tmp_.path() / "p.rashisa";
  store::Project project_ = store::Project::create(project_path_);
};

TEST_F(TemplateImportTest, EverythingInOneTransaction) {
  const auto file = write("three.json", json_templates({"white", "table", "grass"}));
  const auto before = change_counter();
  const TemplateImport result = import_templates_checked(project_, file);
  EXPECT_EQ(change_counter(), before + 1) << "one transaction for all templates";
  EXPECT_TRUE(result.problems.empty());
  ASSERT_EQ(result.ids.size(), 3u);
  ASSERT_EQ(result.templates.size(), 3u);
  const auto stored = project_templates(project_);
  ASSERT_EQ(stored.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(stored[i].id, result.templates[i].id);
    EXPECT_EQ(find_template(project_, result.templates[i].id).id, result.ids[i]);
  }
  EXPECT_EQ(stored[1].label_ja, "テスト table");
}

TEST_F(TemplateImportTest, NothingWhenAnyTemplateHasAProblem) {
  json doc = json::parse(json_templates({"white", "table"}));
  doc["templates"][1]["prompt"] = "{product} on {surface} in {light}";
  const auto before = change_counter();
  const auto result = import_templates_checked(project_, write("bad.json", doc.dump()));
  EXPECT_EQ(change_counter(), before) << "nothing was written";
  EXPECT_TRUE(result.ids.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].code, "unknown-placeholder");
  EXPECT_EQ(result.problems[0].template_id, "table");
  EXPECT_EQ(result.templates.size(), 2u) << "the templates are returned for showing";
  EXPECT_TRUE(project_.list_templates().empty());

  const auto broken = import_templates_checked(project_, write("broken.json", "{\"format\": "));
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_EQ(broken.problems[0].code, "bad-json");
  EXPECT_TRUE(project_.list_templates().empty());
}

TEST_F(TemplateImportTest, KeysInUseAreProblemsWithTheirCsvLine) {
  ASSERT_TRUE(import_templates_checked(project_, write("first.json", json_templates({"white", "table"}))).problems.empty());
  const std::string csv = templates::templates_to_csv(templates::templates_from_json(json_templates({"grass", "table"})));
  const auto before = change_counter();
  const auto result = import_templates_checked(project_, write("again.csv", csv));
  EXPECT_EQ(change_counter(), before);
  EXPECT_TRUE(result.ids.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  const auto& p = result.problems[0];
  EXPECT_EQ(p.code, "key-in-use");
  EXPECT_EQ(p.field, "id");
  EXPECT_EQ(p.subject, "table");
  EXPECT_EQ(p.template_id, "table");
  EXPECT_EQ(p.line, 3);
  EXPECT_EQ(p.message.rfind("CSV line 3: ", 0), 0u) << p.message;
  EXPECT_EQ(project_.list_templates().size(), 2u) << "grass was not added either";
  EXPECT_EQ(result.lines, (std::vector<int>{2, 3}));
}

TEST_F(TemplateImportTest, SummaryCountsProductsImagesReviewsExportsAndSeconds) {
  store::ConceptSpec spec{"mug", "<rashisa>", "mug", "{}"};
  const auto mug = project_.add_concept(spec);
  project_.set_concept_progress(mug, {store::ConceptStatus::Trained, 3, 2});
  spec.name = "vase";
  project_.set_concept_progress(project_.add_concept(spec), {store::ConceptStatus::Paused, 2, 1});
  std::vector<std::int64_t> images;
  for (int i = 0; i < 3; ++i) {
    store::NewImage image;
    image.concept_id = mug;
    image.params = {i, "ddim", 3, 7.0, 64, 64, "a <rashisa> mug", "", "{}", std::string(64, 'a')};
    image.png = rashisa::testing::pattern_png(i);
    images.push_back(project_.add_image(image));
  }
  project_.set_review(images[0], store::Review::Approved, "t");
  project_.set_review(images[1], store::Review::Approved, "t");
  project_.set_review(images[2], store::Review::Rejected, "t");
  for (auto id : {images[0], images[0], images[1]})
    project_.log_action("image.export", json{{"image", id}, {"to", "/x.png"}}.dump());
  project_.log_action("concept.train", json{{"concept", mug}, {"seconds", 100.0}}.dump());
  project_.log_action("job.run.end", json{{"job", 1}, {"seconds", 20.5}}.dump());
  project_.log_action("concept.try", json{{"concept", mug}, {"seconds", 1.5}}.dump());
  project_.log_action("template.examples", json{{"concept", mug}, {"seconds", 3}}.dump());
  project_.log_action("speed.measure", json{{"seconds", 1000}}.dump());  // not work on the project
  const ProjectSummary s = project_summary(project_);
  EXPECT_EQ(s.products_trained, 1);
  EXPECT_EQ(s.images_made, 3);
  EXPECT_EQ(s.approved, 2);
  EXPECT_EQ(s.exported, 2) << "distinct images";
  EXPECT_DOUBLE_EQ(s.compute_seconds, 125.0);
  project_.remove_image(images[0]);
  EXPECT_EQ(project_summary(project_).exported, 2) << "an exported image stays exported";
  EXPECT_EQ(project_summary(project_).images_made, 2);
}

}  // namespace
}  // namespace rashisa::workflow
