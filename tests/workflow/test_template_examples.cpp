// Template examples on a product trained on each tiny reference model (64 px, CPU): one
// decodable PNG per template, made from the template's first prompt at example_size(), only the
// missing ones on a second call; a batch run records its seconds ("job.run.end"), which
// project_summary() adds up.
#include "engine/core/error.h"
#include "engine/media/photo_import.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/project_summary.h"
#include "engine/workflow/project_templates.h"
#include "engine/workflow/template_examples.h"
#include "tests/workflow/model_tests.h"
#include "tests/workflow/test_files.h"
#include "tests/workflow/trained_product.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::code_of;
using rashisa::testing::reference_models;

templates::PromptTemplate small_template(const std::string& id, int width, int height) {
  templates::PromptTemplate t;
  t.id = id;
  t.label_en = id;
  t.prompt = "a photo of {product} on {surface}";
  t.negative_prompt = "blurry {surface}";
  t.variables = {{"surface", "", "", {{"oak", "", ""}, {"glass", "", ""}}}};
  t.width = width;
  t.height = height;
  t.steps = 2;
  t.sampler = "ddim";
  return t;
}

TEST(TemplateExamples, ExampleSizeKeepsTheAspectWithinFiveHundredTwelve) {
  EXPECT_EQ(example_size(512, 512).width, 512);
  EXPECT_EQ(example_size(64, 72).height, 72) << "small templates keep their size";
  const auto wide = example_size(768, 512);
  EXPECT_EQ(wide.width, 512);
  EXPECT_EQ(wide.height, 344);  // 512 * 512 / 768 = 341.3, to a multiple of 8
  const auto tall = example_size(1024, 2048);
  EXPECT_EQ(tall.width, 256);
  EXPECT_EQ(tall.height, 512);
  EXPECT_EQ(example_size(2048, 64).height, 64) << "never below 64";
}

TEST(TemplateExamples, OnePngPerTemplateFromItsFirstPrompt) {
  rashisa::testing::TestFolder tmp("rashisa_examples");
  for (const auto& [key, model_dir] : reference_models()) {
    SCOPED_TRACE(key);
    auto project = store::Project::create(tmp.path() / (key + ".rashisa"));
    const auto product = rashisa::testing::trained_product(project, model_dir);
    const auto ids = add_templates(project, {small_template("square", 64, 64), small_template("wide", 96, 64)});
    auto session = open_project_model(project, SessionOptions{"cpu", SessionPurpose::Generate, {}});

    std::vector<BatchProgress> seen;
    make_template_examples(project, product, *session, [&](const BatchProgress& p) {
      seen.push_back(p);
      return true;
    });
    ASSERT_EQ(project.templates_with_examples(), ids);
    const int widths[] = {64, 96};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto png = project.template_example(ids[i]);
      ASSERT_TRUE(png);
      const auto decoded = media::import_photo(*png, "example.png");
      EXPECT_EQ(decoded.image.width, widths[i]);
      EXPECT_EQ(decoded.image.height, 64);
    }
    ASSERT_EQ(seen.size(), 2u * 2u) << "one report per denoising step of each example";
    EXPECT_EQ(seen.front().job_id, 0);
    EXPECT_EQ(seen.front().images, 2);
    EXPECT_EQ(seen.back().image, 2);
    const auto log = project.audit_log(1).at(0);
    EXPECT_EQ(log.action, "template.examples");
    EXPECT_NE(log.details.find("\"seconds\""), std::string::npos) << log.details;

    // The example is the template's first prompt (oak), seed 0, at the template's settings:
    // the same image a one-image batch of that prompt and seed makes.
    BatchRequest r;
    r.template_ids = {ids[0]};
    r.concept_ids = {product};
    r.seeds = {0};
    const auto job = queue_batch(project, r);
    const auto report = run_batch_job(project, job, *session);
    ASSERT_EQ(report.image_ids.size(), 2u);  // oak, glass
    EXPECT_EQ(project.image_png(report.image_ids[0]), *project.template_example(ids[0]));
    EXPECT_NE(project.image_png(report.image_ids[1]), *project.template_example(ids[0]));

    // Only the missing ones are made again.
    const auto before = *project.template_example(ids[1]);
    project.remove_template(ids[0]);
    const auto third = add_templates(project, {small_template("third", 64, 64)}).at(0);
    seen.clear();
    make_template_examples(project, product, *session, [&](const BatchProgress& p) {
      seen.push_back(p);
      return true;
    });
    EXPECT_EQ(seen.size(), 2u) << "only the new template";
    EXPECT_EQ(project.templates_with_examples(), (std::vector<std::int64_t>{ids[1], third}));
    EXPECT_EQ(*project.template_example(ids[1]), before);

    CancelToken cancelled;
    cancelled.cancel();
    EXPECT_EQ(code_of([&] { make_template_examples(project, product, *session, {}, &cancelled, false); }),
              ErrorCode::Cancelled);
    EXPECT_NE(project.audit_log(1).at(0).details.find("\"cancelled\":true"), std::string::npos);

    // Batch runs record how long they computed; the summary adds it all up.
    std::vector<nlohmann::json> ends;
    for (const auto& e : project.audit_log())
      if (e.action == "job.run.end") ends.push_back(nlohmann::json::parse(e.details));
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0].at("job").get<std::int64_t>(), job);
    EXPECT_EQ(ends[0].at("status"), "done");
    EXPECT_EQ(ends[0].at("made").get<int>(), 2);
    EXPECT_GT(ends[0].at("seconds").get<double>(), 0.0);
    const ProjectSummary s = project_summary(project);
    EXPECT_EQ(s.products_trained, 1);
    EXPECT_EQ(s.images_made, 2);
    EXPECT_GT(s.compute_seconds, ends[0].at("seconds").get<double>()) << "training and examples count too";

    store::ConceptSpec untrained{"bag", "<rashisa2>", "bag", "{}"};
    const auto bag = project.add_concept(untrained);
    EXPECT_EQ(code_of([&] { make_template_examples(project, bag, *session); }), ErrorCode::InvalidArgument);
  }
}

}  // namespace
}  // namespace rashisa::workflow
