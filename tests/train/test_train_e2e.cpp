// End to end on CPU with the tiny reference model: all three stages on photos the test
// draws, then generation with {concept}; stage 1 alone leaves the UNet untouched; a
// concept refuses a different base model.
#include "engine/core/error.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/train/concept.h"
#include "engine/ml/train/trainer.h"
#include "tests/support/reference.h"
#include "tests/train/synthetic_photos.h"
#include "tests/train/train_test_util.h"

#include <torch/torch.h>

#include <cstdio>

namespace ml = rashisa::ml;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> model_dirs() { return rashisa::testing::reference_model_dirs(); }

ml::TrainSettings small_settings(int s1, int s2, int s3) { return rashisa::testing::tiny_train_settings({s1, s2, s3}, 4, 3); }

using ParamsSnapshot = std::map<std::string, torch::Tensor>;

ParamsSnapshot snapshot(ml::StableDiffusionModel& m) {
  ParamsSnapshot s;
  for (const auto& item : m.unet->named_parameters()) s[item.key()] = item.value().detach().clone();
  return s;
}

bool bitwise_equal(const ParamsSnapshot& a, const ParamsSnapshot& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [k, v] : a)
    if (!torch::equal(v, b.at(k))) return false;
  return true;
}

/// Final latents [N,4,8,8] of 64x64 generations for seeds 0..n-1.
torch::Tensor generate_latents(ml::StableDiffusionModel& model, const std::string& prompt, int n) {
  std::vector<torch::Tensor> latents;
  for (int i = 0; i < n; ++i) {
    ml::GenerateParams p;
    p.prompt = prompt;
    p.steps = 20;
    p.width = p.height = 64;
    p.seed = static_cast<std::uint64_t>(i);
    torch::Tensor last;
    ml::GenerateTrace trace;
    trace.on_step = [&](int, const torch::Tensor&, const torch::Tensor& l) { last = l.clone(); };
    ml::txt2img(model, p, {}, {}, nullptr, &trace);
    latents.push_back(last);
  }
  return torch::cat(latents);
}

/// The training photos as the model sees them: scaled VAE latents of the photos resized
/// to the training size, [M,4,8,8]. Measuring in latent space keeps the tiny model's random
/// decoder out of the comparison.
torch::Tensor photo_latents(ml::StableDiffusionModel& model, const std::vector<ml::TrainingPhoto>& photos) {
  torch::NoGradGuard no_grad;
  ml::AugmentConfig cfg;
  cfg.resolution = 64;
  std::vector<torch::Tensor> x;
  for (const auto& p : photos) x.push_back(ml::augment(p.rgb, ml::AugmentDraw{}, cfg));
  return model.vae->encode(torch::stack(x)).mean * model.vae->config().scaling_factor;
}

/// Mean over generations of the RMS distance to the nearest photo latent.
double distance_to_photos(const torch::Tensor& generated, const torch::Tensor& targets) {
  auto d = (generated.unsqueeze(1) - targets.unsqueeze(0)).square().mean({2, 3, 4}).sqrt();  // [N, M]
  return std::get<0>(d.min(1)).mean().item<double>();
}

double mean_of(const std::vector<double>& v, std::size_t from, std::size_t to) {
  double s = 0;
  for (std::size_t i = from; i < to; ++i) s += v[i];
  return s / static_cast<double>(to - from);
}

}  // namespace

TEST(TrainEndToEnd, ConceptMovesGenerationsTowardsThePhotos) {
  const auto photos = rashisa::testing::draw_ball_photos(6);
  for (const auto& dir : model_dirs()) {
    SCOPED_TRACE(dir.filename().string());
    auto model = ml::load_model(dir);
    const auto targets = photo_latents(model, photos);
    const double before = distance_to_photos(generate_latents(model, "a photo of a toy", 4), targets);

    auto result = ml::train_concept(model, photos, small_settings(20, 30, 150));
    ASSERT_EQ(result.losses[0].size(), 20u);
    ASSERT_EQ(result.losses[2].size(), 150u);
    const auto& l3 = result.losses[2];
    std::printf("[%s] stage 3 loss: first 10 steps %.4f, last 10 steps %.4f\n", dir.filename().string().c_str(),
                mean_of(l3, 0, 10), mean_of(l3, l3.size() - 10, l3.size()));
    ml::apply_concept(model, result.trained);
    const double after =
        distance_to_photos(generate_latents(model, "a photo of " + result.trained.phrase(), 4), targets);
    std::printf("[%s] RMS latent distance of generations to the nearest training photo: before %.4f, after %.4f "
                "(%.0f%% closer)\n",
                dir.filename().string().c_str(), before, after, 100.0 * (1.0 - after / before));
    EXPECT_LT(after, 0.8 * before);
    ml::remove_concept(model);
  }
}

TEST(TrainEndToEnd, StageOneAloneLeavesTheUnetUnchanged) {
  const auto photos = rashisa::testing::draw_ball_photos(3);
  auto model = ml::load_model(model_dirs().front());
  const auto before = snapshot(model);
  const auto category_row = model.text_encoder->token_embedding_weight()[*model.tokenizer->single_token_id("toy")].clone();
  auto result = ml::train_concept(model, photos, small_settings(5, 0, 0));
  EXPECT_TRUE(bitwise_equal(before, snapshot(model)));
  EXPECT_TRUE(result.trained.unet_delta.empty());
  EXPECT_FALSE(torch::equal(result.trained.embedding, category_row)) << "stage 1 must move the <V> vector";
  EXPECT_EQ(result.losses[0].size(), 5u);
}

TEST(Concept, ApplyAndRemoveRestoreTheBaseExactly) {
  const auto photos = rashisa::testing::draw_ball_photos(3);
  auto model = ml::load_model(model_dirs().front());
  auto result = ml::train_concept(model, photos, small_settings(2, 2, 2));
  ASSERT_FALSE(result.trained.unet_delta.empty());
  const auto path = fs::temp_directory_path() / "rashisa_concept_roundtrip.safetensors";
  ml::save_concept(path, result.trained);
  const auto loaded = ml::load_concept(path);
  EXPECT_EQ(loaded.token, result.trained.token);
  EXPECT_EQ(loaded.category, "toy");
  EXPECT_EQ(loaded.base_model_hash, result.trained.base_model_hash);
  EXPECT_EQ(loaded.photo_hashes.size(), 3u);
  EXPECT_TRUE(torch::equal(loaded.embedding, result.trained.embedding));
  const auto before = snapshot(model);
  const auto base_ids = ml::tokenize_prompt(model, "a photo of " + loaded.phrase());
  ml::apply_concept(model, loaded);
  EXPECT_FALSE(bitwise_equal(before, snapshot(model)));
  const auto with_ids = ml::tokenize_prompt(model, "a photo of " + loaded.phrase());
  EXPECT_FALSE(torch::equal(base_ids, with_ids)) << "the token must be known while the concept is applied";
  ml::remove_concept(model);
  EXPECT_TRUE(bitwise_equal(before, snapshot(model)));
  EXPECT_TRUE(torch::equal(base_ids, ml::tokenize_prompt(model, "a photo of " + loaded.phrase())));
  fs::remove(path);
}

TEST(Concept, RefusedOnAnotherBaseNamingBothModels) {
  const auto dirs = model_dirs();
  if (dirs.size() < 2) GTEST_SKIP() << "the reference folder has only one model";
  const auto photos = rashisa::testing::draw_ball_photos(2);
  auto a = ml::load_model(dirs[0]);
  auto b = ml::load_model(dirs[1]);
  auto trained = ml::train_concept(a, photos, small_settings(1, 0, 0)).trained;
  try {
    ml::apply_concept(b, trained);
    FAIL() << "a concept trained on " << dirs[0] << " was applied to " << dirs[1];
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::ModelMismatch);
    const std::string msg = e.what();
    EXPECT_NE(msg.find(dirs[0].filename().string()), std::string::npos) << msg;
    EXPECT_NE(msg.find(dirs[1].filename().string()), std::string::npos) << msg;
  }
}
