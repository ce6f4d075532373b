// `rashisa-cli project export`: prompts stay out of the files unless --include-prompts is given
// (--no-prompts, the old way to ask for that, is still accepted), --name-pattern names the
// files; and `project add-template` lists every problem of a file (also an id in use) and adds
// nothing. The images are put into the project directly: no model is needed.
#include "engine/export/image_export.h"
#include "engine/store/project.h"
#include "tests/workflow/cli_runner.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using rashisa::testing::run_cli;

class CliExport : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_cli({"project", "new", project_.string(), "--no-templates"}).status, 0);
    auto p = rashisa::store::Project::open(project_);
    rashisa::store::ConceptSpec spec{"Blue mug", "<rashisa>", "mug", "{}"};
    const auto mug = p.add_concept(spec);
    for (int seed : {7, 8}) {
      rashisa::store::NewImage image;
      image.concept_id = mug;
      image.params = {seed, "ddim", 3, 7.0, 48, 40, "a <rashisa> mug on oak", "blurry", "{}", std::string(64, 'a')};
      image.png = rashisa::testing::pattern_png(seed);
      ids_.push_back(p.add_image(image));
      p.set_review(ids_.back(), rashisa::store::Review::Approved, "tester");
    }
  }

  rashisa::testing::CliResult export_to(const std::string& folder, std::vector<std::string> extra) {
    std::vector<std::string> args = {"project", "export", project_.string(), "--out", tmp_.folder(folder).string(),
                                     "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
  }

  rashisa::testing::TestFolder tmp_{"rashisa_cli_export"};
  const fs::path project_ = tmp_.path() / "p.rashisa";
  std::vector<std::int64_t> ids_;
};

TEST_F(CliExport, PromptsOnlyWithIncludePrompts) {
  for (const auto& [folder, extra, with_prompts] :
       std::vector<std::tuple<std::string, std::vector<std::string>, bool>>{
           {"default", {}, false}, {"old-flag", {"--no-prompts"}, false}, {"asked", {"--include-prompts"}, true}}) {
    SCOPED_TRACE(folder);
    const auto r = export_to(folder, extra);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto files = r.json().at("files");
    ASSERT_EQ(files.size(), 2u);
    for (const auto& f : files) {
      const auto read = rashisa::exporting::read_provenance(f.at("file").get<std::string>());
      EXPECT_EQ(read.digital_source_type, rashisa::exporting::kTrainedAlgorithmicMedia);
      EXPECT_EQ(read.provenance.prompt, with_prompts ? "a <rashisa> mug on oak" : "");
      EXPECT_EQ(read.provenance.negative_prompt, with_prompts ? "blurry" : "");
      EXPECT_NE(read.provenance.seed, 0u);
      EXPECT_EQ(fs::path(f.at("file").get<std::string>()).filename(),
                "Blue mug-none-" + std::to_string(f.at("image").get<int>()) + ".png");
    }
  }
  const auto both = export_to("both", {"--include-prompts", "--no-prompts"});
  EXPECT_EQ(both.status, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  const auto help = run_cli({"project", "export", "--help"});
  EXPECT_NE(help.out.find("--include-prompts"), std::string::npos);
  EXPECT_NE(help.out.find("--no-prompts            leave the prompts out (the default"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--name-pattern"), std::string::npos);
}

TEST_F(CliExport, NamePattern) {
  const auto r = export_to("named", {"--name-pattern", "カタログ_{index}_{seed}", "--format", "jpeg"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto files = r.json().at("files");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(fs::u8path(files[0].at("file").get<std::string>()).filename().u8string(), "カタログ_1_7.jpg");
  EXPECT_EQ(fs::u8path(files[1].at("file").get<std::string>()).filename().u8string(), "カタログ_2_8.jpg");
  const auto bad = export_to("bad", {"--name-pattern", "{product}-{colour}"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("{colour}"), std::string::npos) << bad.err;
  EXPECT_TRUE(fs::is_empty(tmp_.path() / "bad"));
}

TEST_F(CliExport, AddTemplateListsEveryProblemAndAddsNothing) {
  const std::string good = R"({"format": "rashisa-templates/1", "templates": [
      {"id": "desk", "label": {"en": "Desk"}, "prompt": "{product} on a desk"}]})";
  const std::string bad = R"({"format": "rashisa-templates/1", "templates": [
      {"id": "desk", "label": {"en": "Desk again"}, "prompt": "{product} on a desk"},
      {"id": "Shelf", "label": {"en": "Shelf"}, "prompt": "{product} on {shelf}"}]})";
  const auto good_file = tmp_.write("good.json", std::vector<std::uint8_t>(good.begin(), good.end()));
  const auto bad_file = tmp_.write("bad.json", std::vector<std::uint8_t>(bad.begin(), bad.end()));
  ASSERT_EQ(run_cli({"project", "add-template", project_.string(), good_file.string()}).status, 0);
  const auto r = run_cli({"project", "add-template", project_.string(), bad_file.string(), "--json"});
  EXPECT_EQ(r.status, 2);
  const json out = r.json();
  std::vector<std::string> codes;
  for (const auto& p : out.at("problems")) codes.push_back(p.at("code").get<std::string>());
  EXPECT_EQ(codes, (std::vector<std::string>{"bad-id", "unknown-placeholder", "key-in-use"}));
  EXPECT_EQ(out.at("problems").at(2).at("template"), "desk");
  EXPECT_TRUE(out.at("added").empty());
  EXPECT_NE(r.err.find("3 problems"), std::string::npos) << r.err;
  EXPECT_EQ(rashisa::store::Project::open(project_).list_templates().size(), 1u);
}

}  // namespace
