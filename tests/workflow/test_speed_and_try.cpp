// Speed probes (real training and denoising steps, timed; the model bit for bit unchanged
// afterwards, also when cancelled or when a product was applied) and "try it" on a product
// trained on each tiny reference model (64 px, a few steps, CPU).
#include "engine/core/error.h"
#include "engine/media/image_file.h"
#include "engine/media/photo_import.h"
#include "engine/workflow/category_check.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/model_session_p.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/speed_probe.h"
#include "engine/workflow/try_concept.h"
#include "tests/workflow/model_tests.h"
#include "tests/workflow/test_files.h"
#include "tests/workflow/trained_product.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::code_of;
using rashisa::testing::reference_models;

/// Every weight of the model, copied, and what a product would add to the tokenizer.
struct ModelState {
  std::map<std::string, torch::Tensor> weights;
  std::int64_t vocab_size = 0;
  std::size_t extra_tokens = 0;
  bool has_product = false;
};

ModelState state_of(const ml::StableDiffusionModel& m) {
  ModelState s;
  const auto copy = [&](const std::string& prefix, const torch::nn::Module& module) {
    for (const auto& item : module.named_parameters()) s.weights[prefix + item.key()] = item.value().detach().clone();
  };
  copy("unet.", *m.unet);
  copy("text_encoder.", *m.text_encoder);
  copy("vae.", *m.vae);
  s.vocab_size = m.tokenizer->vocab_size();
  s.extra_tokens = m.extra_token_embeddings.size();
  s.has_product = m.concept_backup.has_value();
  return s;
}

/// Bit for bit (the float bits compared as integers), naming the first difference.
::testing::AssertionResult same_state(const ModelState& a, const ModelState& b) {
  if (a.vocab_size != b.vocab_size || a.extra_tokens != b.extra_tokens || a.has_product != b.has_product)
    return ::testing::AssertionFailure() << "the tokenizer or the applied product changed";
  if (a.weights.size() != b.weights.size()) return ::testing::AssertionFailure() << "the set of weights changed";
  for (const auto& [name, t] : a.weights) {
    const auto& u = b.weights.at(name);
    if (t.sizes() != u.sizes() || t.scalar_type() != u.scalar_type() ||
        !torch::equal(t.contiguous().view(torch::kInt32), u.contiguous().view(torch::kInt32)))
      return ::testing::AssertionFailure() << name << " changed";
  }
  return ::testing::AssertionSuccess();
}

std::unique_ptr<ModelSession> open_on_cpu(const fs::path& model, SessionPurpose purpose) {
  SessionOptions options;
  options.device = "cpu";
  options.purpose = purpose;
  return ModelSession::open(model, options);
}

TEST(SpeedProbe, TimesEveryStageAndLeavesTheModelAsItWas) {
  for (const auto& [key, dir] : reference_models()) {
    SCOPED_TRACE(key);
    auto session = open_on_cpu(dir, SessionPurpose::Train);
    auto& model = session->impl().model;
    const ModelState before = state_of(model);

    std::vector<Progress> seen;
    const TrainingSpeed speed = measure_training_speed(*session, 64, [&](const Progress& p) {
      seen.push_back(p);
      return true;
    });
    for (int k = 0; k < 3; ++k) EXPECT_GT(speed.seconds_per_sample[k], 0.0) << "stage " << k + 1;
    EXPECT_EQ(speed.device, "cpu");
    EXPECT_EQ(speed.description, session->device_description());
    EXPECT_EQ(speed.resolution, 64);
    ASSERT_EQ(seen.size(), 6u) << "CPU: two steps per stage, the first untimed";
    for (std::size_t i = 0; i < seen.size(); ++i) {
      EXPECT_EQ(seen[i].stage, "measure");
      EXPECT_EQ(seen[i].step, static_cast<int>(i) + 1);
      EXPECT_EQ(seen[i].total, 6);
    }
    EXPECT_TRUE(same_state(before, state_of(model)));
    const std::vector<const torch::nn::Module*> modules = {model.unet.get(), model.text_encoder.get(), model.vae.get()};
    for (const auto* module : modules)
      for (const auto& item : module->named_parameters())
        EXPECT_FALSE(item.value().grad().defined()) << item.key() << " keeps a gradient (memory) after measuring";
    const double default_run = estimate_training_seconds(speed, "default");
    EXPECT_NEAR(default_run,
                60 * 8 * speed.seconds_per_sample[0] + 100 * 8 * speed.seconds_per_sample[1] +
                    500 * 8 * speed.seconds_per_sample[2],
                1e-9 * default_run);
    EXPECT_LT(estimate_training_seconds(speed, "fast"), default_run);

    CancelToken cancelled;
    cancelled.cancel();
    EXPECT_EQ(code_of([&] { measure_training_speed(*session, 64, {}, &cancelled); }), ErrorCode::Cancelled);
    int calls = 0;
    EXPECT_EQ(code_of([&] { measure_training_speed(*session, 64, [&](const Progress&) { return ++calls < 3; }); }),
              ErrorCode::Cancelled);
    EXPECT_EQ(calls, 3) << "stopped in stage 2";
    EXPECT_TRUE(same_state(before, state_of(model))) << "after a cancel";
    EXPECT_EQ(code_of([&] { measure_training_speed(*session, 60); }), ErrorCode::InvalidArgument);

    seen.clear();
    const GenerationSpeed gen = measure_generation_speed(*session, 72, 64, [&](const Progress& p) {
      seen.push_back(p);
      return true;
    });
    EXPECT_GT(gen.seconds_per_step, 0.0);
    EXPECT_GT(gen.decode_seconds, 0.0);
    EXPECT_EQ(gen.width, 72);
    EXPECT_EQ(gen.height, 64);
    EXPECT_EQ(gen.device, "cpu");
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen.back().stage, "measure");
    EXPECT_EQ(seen.back().total, 2);
    EXPECT_DOUBLE_EQ(estimate_image_seconds(gen, 25), 25 * gen.seconds_per_step + gen.decode_seconds);
    EXPECT_TRUE(same_state(before, state_of(model)));
  }
}

TEST(SpeedProbe, PresetPlans) {
  const auto d = preset_plan("default");
  EXPECT_EQ(d[0].steps, 60);
  EXPECT_EQ(d[1].steps, 100);
  EXPECT_EQ(d[2].steps, 500);
  for (const auto& s : d) EXPECT_EQ(s.batch, 8);
  const auto f = preset_plan("fast");
  EXPECT_EQ(f[2].steps, 200);
  EXPECT_EQ(f[2].batch, 4);
  EXPECT_EQ(code_of([] { preset_plan("turbo"); }), ErrorCode::InvalidArgument);
  TrainingSpeed speed;
  speed.seconds_per_sample = {1.0, 2.0, 3.0};
  EXPECT_DOUBLE_EQ(estimate_training_seconds(speed, "default"), 480 + 1600 + 12000);
  EXPECT_DOUBLE_EQ(estimate_training_seconds(speed, "fast"), 480 + 1600 + 2400);
  EXPECT_EQ(code_of([&] { estimate_training_seconds(speed, "turbo"); }), ErrorCode::InvalidArgument);
}

/// A project on one reference model with a product trained for a few steps at 64 px.
class TryConcept : public ::testing::Test {
 protected:
  rashisa::testing::TestFolder tmp_{"rashisa_try"};
  const fs::path& dir_ = tmp_.path();
};

TEST_F(TryConcept, MakesDecodablePngsThatASeedRepeats) {
  for (const auto& [key, model_dir] : reference_models()) {
    SCOPED_TRACE(key);
    auto project = store::Project::create(dir_ / (key + ".rashisa"));
    const auto id = rashisa::testing::trained_product(project, model_dir);
    // The memory setting it trained with is kept with the product's settings (a resume uses it).
    EXPECT_EQ(nlohmann::json::parse(project.get_concept(id).spec.settings).value("memory_plan", ""), "cpu");
    auto session = open_project_model(project, SessionOptions{"cpu", SessionPurpose::Generate, {}});
    const ModelState base = state_of(session->impl().model);

    TryRequest request;
    request.prompt = "a photo of {concept} on a wooden table";
    request.width = 64;
    request.height = 64;
    request.steps = 3;
    std::vector<BatchProgress> seen;
    const auto images = try_concept(project, id, *session, request, [&](const BatchProgress& p) {
      seen.push_back(p);
      return true;
    });
    ASSERT_EQ(images.size(), 4u);
    for (std::size_t i = 0; i < images.size(); ++i) {
      EXPECT_EQ(images[i].seed, static_cast<std::int64_t>(i) + 1);
      const auto decoded = media::import_photo(images[i].png, "try.png");
      EXPECT_EQ(decoded.image.width, 64);
      EXPECT_EQ(decoded.image.height, 64);
    }
    EXPECT_NE(images[0].png, images[1].png) << "other seeds make other images";
    ASSERT_EQ(seen.size(), 4u * 3u) << "one report per denoising step of each image";
    EXPECT_EQ(seen.front().job_id, 0);
    EXPECT_EQ(seen.front().images, 4);
    EXPECT_EQ(seen.back().image, 4);
    EXPECT_TRUE(project.list_images().empty()) << "tries are not catalogue images";
    const auto log = project.audit_log(1);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "concept.try");
    EXPECT_NE(log[0].details.find("a photo of <rashisa> toy on a wooden table"), std::string::npos) << log[0].details;

    // The product's placeholder is no category, even while the product is applied.
    EXPECT_EQ(category_problem(*session, "toy"), std::nullopt);
    EXPECT_TRUE(category_problem(*session, "<rashisa>"));

    // Measuring takes the product off: the model is the base again, bit for bit ...
    measure_training_speed(*session, 64);
    EXPECT_TRUE(same_state(base, state_of(session->impl().model)));
    // ... and the next try applies it again: the same seed, the same bytes ({product} works too).
    request.prompt = "a photo of {product} on a wooden table";
    request.seeds = {3};
    const auto again = try_concept(project, id, *session, request);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].png, images[2].png);

    request.prompt = "a photo of a mug";
    EXPECT_EQ(code_of([&] { try_concept(project, id, *session, request); }), ErrorCode::InvalidArgument);
    request.prompt = "{product}";
    request.sampler = "heun";
    EXPECT_EQ(code_of([&] { try_concept(project, id, *session, request); }), ErrorCode::InvalidArgument);
    ConceptSetup untrained;
    untrained.name = "bag";
    untrained.category = "bag";
    const auto bag = create_concept(project, untrained);
    request.sampler = "dpmpp-2m";
    EXPECT_EQ(code_of([&] { try_concept(project, bag, *session, request); }), ErrorCode::InvalidArgument);
    int tries = 0;
    for (const auto& entry : project.audit_log()) tries += entry.action == "concept.try";
    EXPECT_EQ(tries, 2) << "refused tries leave no entry";
  }
}

}  // namespace
}  // namespace rashisa::workflow
