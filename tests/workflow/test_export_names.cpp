// Export file names from a pattern (placeholders, sanitising for Windows and Linux, Japanese
// names, the 150-byte limit, duplicates, unknown placeholders, index padding), and what leaves
// the company in an export: without include_prompts no prompt in the XMP but the AI label and
// the seed; with it the prompt too (read back with the Exiv2 API directly).
#include "engine/core/error.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/image_export.h"
#include "engine/workflow/project_templates.h"
#include "tests/export/exiv2_view.h"
#include "tests/support/code_of.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using exporting::ExportFormat;

using rashisa::testing::code_of;

class ExportNames : public ::testing::Test {
 protected:
  void SetUp() override {
    mug_ = trained_concept("青いマグ: 限定/2024");
    templates::PromptTemplate t;
    t.label_en = "T";
    t.prompt = "a photo of {product}";
    t.width = t.height = 64;
    t.id = "white-studio";
    t.negative_prompt = "blurry, lowres";
    white_ = add_templates(project_, {t}).at(0);
    t.id = "table";
    table_ = add_templates(project_, {t}).at(0);
    // A batch of both templates with two seeds: images are stored in plan order.
    BatchRequest r;
    r.template_ids = {white_, table_};
    r.concept_ids = {mug_};
    r.seeds = {11, 12};
    job_ = queue_batch(project_, r);
    for (const auto& item : job_items(project_.get_job(job_))) images_.push_back(add_image(job_, item.seed, mug_));
  }

  std::int64_t trained_concept(const std::string& name) {
    store::ConceptSpec spec{name, "<rashisa>", "mug", "{}"};
    const auto id = project_.add_concept(spec);
    project_.save_package(id, store::Bytes{1, 2, 3});
    return id;
  }

  std::int64_t add_image(std::optional<std::int64_t> job, std::int64_t seed, std::optional<std::int64_t> concept_id) {
    store::NewImage image;
    image.job_id = job;
    image.concept_id = concept_id;
    image.params = {seed, "ddim", 3, 7.0, 48, 40, "a <rashisa> mug on oak", "blurry", "{}", std::string(64, 'a')};
    image.png = rashisa::testing::pattern_png(static_cast<int>(seed));
    const auto id = project_.add_image(image);
    project_.set_review(id, store::Review::Approved, "tester");
    return id;
  }

  std::string name(std::int64_t image, const std::string& pattern, std::size_t index = 1, std::size_t count = 1) {
    return export_file_name(project_, project_.get_image(image), ExportFormat::Png, pattern, index, count);
  }

  rashisa::testing::TestFolder tmp_{"rashisa_export_names"};
  store::Project project_ = store::Project::create(tmp_.path() / "p.rashisa");
  std::int64_t mug_ = 0, white_ = 0, table_ = 0, job_ = 0;
  std::vector<std::int64_t> images_;
};

TEST_F(ExportNames, PlaceholdersFromTheImageAndTheProject) {
  ASSERT_EQ(images_.size(), 4u);  // white x 2 seeds, table x 2 seeds
  const std::string product = "青いマグ_ 限定_2024";  // ':' and '/' are not allowed in names
  EXPECT_EQ(name(images_[0], kDefaultExportNamePattern), product + "-white-studio-" + std::to_string(images_[0]) + ".png");
  EXPECT_EQ(name(images_[3], "{template}_{seed}_{job}"), "table_12_" + std::to_string(job_) + ".png");
  const auto info = project_.get_image(images_[1]);
  const std::string date = name(images_[1], "{date}");
  EXPECT_EQ(date, info.created_at.substr(0, 4) + info.created_at.substr(5, 2) + info.created_at.substr(8, 2) + ".png");
  EXPECT_EQ(date.size(), 12u);
  EXPECT_EQ(export_file_name(project_, info, ExportFormat::Jpeg, "{image}"), std::to_string(images_[1]) + ".jpg");
  EXPECT_EQ(name(images_[0], "{{literal}}-{image}"), "{literal}-" + std::to_string(images_[0]) + ".png");

  // Without a job or a product, and after the template is removed: "none".
  const auto loose = add_image(std::nullopt, 5, std::nullopt);
  EXPECT_EQ(name(loose, "{product}-{template}-{job}"), "none-none-0.png");
  project_.remove_template(table_);
  EXPECT_EQ(name(images_[3], "{template}"), "none.png");
  EXPECT_EQ(name(images_[0], "{template}"), "white-studio.png") << "the plan still names the other template";
}

TEST_F(ExportNames, IndexIsPaddedToTheCount) {
  EXPECT_EQ(name(images_[0], "{index}", 7, 9), "7.png");
  EXPECT_EQ(name(images_[0], "{index}", 7, 10), "07.png");
  EXPECT_EQ(name(images_[0], "p{index}", 7, 120), "p007.png");
  const auto names = export_file_names(project_, project_.list_images(job_), ExportFormat::Png, "{index}-{seed}");
  EXPECT_EQ(names, (std::vector<std::string>{"1-11.png", "2-12.png", "3-11.png", "4-12.png"}));
}

TEST_F(ExportNames, NamesAreSafeOnWindowsAndLinux) {
  const auto id = images_[0];
  EXPECT_EQ(name(id, "a/b\\c:d*e?f\"g<h>i|j"), "a_b_c_d_e_f_g_h_i_j.png");
  EXPECT_EQ(name(id, "tab\there\x7f"), "tab_here_.png");
  EXPECT_EQ(name(id, "  .hidden. . "), "hidden.png");
  EXPECT_EQ(name(id, "..."), "image.png");
  EXPECT_EQ(name(id, "CON"), "CON_.png");
  EXPECT_EQ(name(id, "nul.tar"), "nul_.tar.png");
  EXPECT_EQ(name(id, "com1"), "com1_.png");
  EXPECT_EQ(name(id, "COM10"), "COM10.png");
  EXPECT_EQ(name(id, "console"), "console.png");
  EXPECT_EQ(name(id, "商品写真_白背景"), "商品写真_白背景.png") << "Japanese stays as it is";
  EXPECT_EQ(name(id, std::string("bad\xff") + "byte"), "bad_byte.png");

  std::string long_pattern;
  for (int i = 0; i < 200; ++i) long_pattern += "白";  // 3 bytes each
  const std::string longest = name(id, long_pattern);
  EXPECT_LE(longest.size(), 150u);
  EXPECT_GE(longest.size(), 145u);
  const std::string stem = longest.substr(0, longest.size() - 4);
  EXPECT_EQ(stem.size() % 3, 0u) << "cut between characters";
  EXPECT_EQ(longest.substr(longest.size() - 4), ".png");
}

TEST_F(ExportNames, DuplicatesGetNumbersAndPatternsAreChecked) {
  const auto images = project_.list_images(job_);
  EXPECT_EQ(export_file_names(project_, images, ExportFormat::Png, "{template}"),
            (std::vector<std::string>{"white-studio.png", "white-studio-2.png", "table.png", "table-2.png"}));
  // Windows does not tell "Mug" from "mug".
  const auto upper = add_image(std::nullopt, 1, trained_concept("Mug"));
  const auto lower = add_image(std::nullopt, 2, trained_concept("mug"));
  EXPECT_EQ(export_file_names(project_, {project_.get_image(upper), project_.get_image(lower)}, ExportFormat::Png,
                              "{product}"),
            (std::vector<std::string>{"Mug.png", "mug-2.png"}));

  std::string message;
  EXPECT_EQ(code_of([&] { name(images_[0], "{product}-{colour}-{size}"); }, &message), ErrorCode::InvalidArgument);
  EXPECT_NE(message.find("{colour}, {size}"), std::string::npos) << message;
  EXPECT_EQ(code_of([&] { name(images_[0], "{product"); }), ErrorCode::InvalidArgument);
  EXPECT_EQ(code_of([&] { name(images_[0], "product}"); }), ErrorCode::InvalidArgument);
  EXPECT_EQ(code_of([&] { name(images_[0], ""); }), ErrorCode::InvalidArgument);
}

Exiv2::XmpData xmp_of(const fs::path& path) { return rashisa::testing::exiv2_view(path).xmp; }
using rashisa::testing::xmp_text;

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_F(ExportNames, PromptsLeaveOnlyWhenAskedFor) {
  ExportRequest r;
  EXPECT_FALSE(r.include_prompts) << "the default keeps prompt wording in the project";
  EXPECT_EQ(r.name_pattern, "{product}-{template}-{image}");
  r.folder = tmp_.folder("out");
  r.job_id = job_;
  r.name_pattern = "{template}";
  const auto files = export_images(project_, r);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[1].path.filename(), "white-studio-2.png");
  for (const auto& f : files) {
    const auto xmp = xmp_of(f.path);
    EXPECT_EQ(xmp_text(xmp, "Xmp.iptcExt.DigitalSourceType"), exporting::kTrainedAlgorithmicMedia);
    EXPECT_EQ(xmp_text(xmp, "Xmp.rashisa.Seed"), std::to_string(project_.get_image(f.image_id).params.seed));
    EXPECT_EQ(xmp_text(xmp, "Xmp.rashisa.Prompt"), "<absent>");
    EXPECT_EQ(xmp_text(xmp, "Xmp.rashisa.NegativePrompt"), "<absent>");
    const std::string bytes = file_text(f.path);
    EXPECT_EQ(bytes.find("mug on oak"), std::string::npos) << "no prompt text anywhere in the file";
    EXPECT_EQ(bytes.find("blurry"), std::string::npos);
  }
  const auto entry = nlohmann::json::parse(project_.audit_log().back().details);
  EXPECT_EQ(entry.at("prompts"), false);

  r.include_prompts = true;
  r.overwrite = true;
  r.image_ids = {images_[0]};
  const auto with = export_images(project_, r);
  ASSERT_EQ(with.size(), 1u);
  const auto xmp = xmp_of(with[0].path);
  EXPECT_EQ(xmp_text(xmp, "Xmp.rashisa.Prompt"), "a <rashisa> mug on oak");
  EXPECT_EQ(xmp_text(xmp, "Xmp.rashisa.NegativePrompt"), "blurry");
  EXPECT_EQ(xmp_text(xmp, "Xmp.iptcExt.DigitalSourceType"), exporting::kTrainedAlgorithmicMedia);
  EXPECT_EQ(nlohmann::json::parse(project_.audit_log().back().details).at("prompts"), true);

  // A bad pattern is refused before anything is written.
  r.name_pattern = "{nope}";
  r.folder = tmp_.folder("empty");
  EXPECT_EQ(code_of([&] { export_images(project_, r); }), ErrorCode::InvalidArgument);
  EXPECT_TRUE(fs::is_empty(r.folder));
}

}  // namespace
}  // namespace rashisa::workflow
