// Training previews on the CPU with the tiny reference models at 64 px: a run with previews
// gives bitwise the same concept as one without; previews come at their (stage, step) points,
// one per seed, with their sizes; heat maps are in [0, 1] with max 1 and not flat; a stage's
// previews are made with that stage's weights; a resumed run previews only after its resume.
#include "engine/core/error.h"
#include "engine/ml/pipeline/token_heatmap.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/train/concept.h"
#include "engine/ml/train/preview.h"
#include "engine/ml/train/trainer.h"
#include "tests/support/reference.h"
#include "tests/train/synthetic_photos.h"
#include "tests/train/train_test_util.h"

#include <torch/torch.h>

#include <algorithm>
#include <tuple>
#include <unistd.h>

namespace ml = rashisa::ml;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> model_dirs() { return rashisa::testing::reference_model_dirs(); }

ml::TrainSettings small_settings() { return rashisa::testing::tiny_train_settings({3, 4, 3}, 2, 5); }

void with_previews(ml::TrainSettings& s, std::vector<ml::TrainPreview>& sink) {
  s.preview.every = 2;
  s.preview.seeds = {1, 77};
  s.preview.steps = 3;
  s.on_preview = [&sink](const ml::TrainPreview& p) { sink.push_back(p); };
}

void expect_same_concept(const ml::Concept& a, const ml::Concept& b) {
  EXPECT_TRUE(torch::equal(a.embedding, b.embedding)) << "the <V> embedding differs";
  ASSERT_EQ(a.unet_delta.size(), b.unet_delta.size());
  for (const auto& [name, delta] : a.unet_delta) {
    auto it = b.unet_delta.find(name);
    ASSERT_NE(it, b.unet_delta.end()) << name;
    EXPECT_TRUE(torch::equal(delta, it->second)) << "UNet delta " << name << " differs";
  }
}

using Point = std::tuple<int, int, std::uint64_t>;

std::vector<Point> points_of(const std::vector<ml::TrainPreview>& previews) {
  std::vector<Point> out;
  for (const auto& p : previews) out.emplace_back(p.stage, p.step, p.seed);
  return out;
}

const ml::TrainPreview& find_preview(const std::vector<ml::TrainPreview>& all, int stage, int step, std::uint64_t seed) {
  for (const auto& p : all)
    if (p.stage == stage && p.step == step && p.seed == seed) return p;
  throw std::runtime_error("no preview at stage " + std::to_string(stage) + " step " + std::to_string(step));
}

/// The preview's image and heat map made again outside training, with `concept` applied.
std::pair<torch::Tensor, torch::Tensor> remake(ml::StableDiffusionModel& model, const ml::Concept& trained,
                                               const ml::TrainSettings& s, std::uint64_t seed) {
  ml::apply_concept(model, trained);
  ml::GenerateParams g;
  g.prompt = ml::preview_prompt(s);
  g.steps = s.preview.steps;
  g.width = g.height = 64;
  g.seed = seed;
  const auto ids = ml::tokenize_prompt(model, g.prompt);
  const auto v = *model.tokenizer->token_id(s.placeholder);
  const int64_t position = ids.eq(v).nonzero()[0][1].item<int64_t>();
  ml::TokenHeatMap heat(position, 8, 8, 64, 64);
  ml::GenerateTrace trace;
  trace.on_attn2_probs = [&](const std::string&, const torch::Tensor& p) { heat.add(p); };
  auto image = ml::to_uint8_hwc(ml::txt2img(model, g, {}, {}, nullptr, &trace));
  ml::remove_concept(model);
  return {image, heat.result()};
}

}  // namespace

TEST(TrainPreviews, SameConceptAndPreviewsAtTheirPoints) {
  const auto photos = rashisa::testing::draw_ball_photos(3);
  for (const auto& dir : model_dirs()) {
    SCOPED_TRACE(dir.filename().string());
    auto model = ml::load_model(dir);
    const auto tokenizer_before = model.tokenizer;
    auto settings = small_settings();
    const auto plain = ml::train_concept(model, photos, settings);

    std::vector<ml::TrainPreview> previews;
    with_previews(settings, previews);
    // The training's requires_grad flags as each preview is handed over: a preview must not
    // change them (stage 1 trains no UNet weight, stage 2 the attn2 ones, stage 3 all).
    std::vector<std::pair<int, std::size_t>> trainable;
    const auto keep = settings.on_preview;
    settings.on_preview = [&](const ml::TrainPreview& p) {
      std::size_t n = 0;
      for (const auto& t : model.unet->parameters()) n += t.requires_grad();
      trainable.emplace_back(p.stage, n);
      keep(p);
    };
    const auto result = ml::train_concept(model, photos, settings);
    expect_same_concept(plain.trained, result.trained);
    EXPECT_EQ(plain.losses, result.losses);

    // Every 2 steps and at each stage end (3, 4, 3 steps), one preview per seed, in order.
    const std::vector<Point> expected = {{1, 2, 1}, {1, 2, 77}, {1, 3, 1}, {1, 3, 77}, {2, 2, 1}, {2, 2, 77},
                                         {2, 4, 1}, {2, 4, 77}, {3, 2, 1}, {3, 2, 77}, {3, 3, 1}, {3, 3, 77}};
    EXPECT_EQ(points_of(previews), expected);
    for (const auto& p : previews) {
      SCOPED_TRACE("stage " + std::to_string(p.stage) + " step " + std::to_string(p.step));
      ASSERT_EQ(p.image.sizes(), (std::vector<int64_t>{64, 64, 3}));
      EXPECT_EQ(p.image.scalar_type(), torch::kUInt8);
      EXPECT_TRUE(p.image.device().is_cpu());
      ASSERT_EQ(p.heat.sizes(), (std::vector<int64_t>{64, 64}));
      EXPECT_EQ(p.heat.scalar_type(), torch::kFloat32);
      EXPECT_GE(p.heat.min().item<float>(), 0.0f);
      EXPECT_EQ(p.heat.max().item<float>(), 1.0f);
      EXPECT_GT(p.heat.max().item<float>() - p.heat.min().item<float>(), 1e-3f) << "a flat heat map";
    }
    const std::size_t all = model.unet->parameters().size();
    for (const auto& [stage, n] : trainable) {
      if (stage == 1) {
        EXPECT_EQ(n, 0u);
      } else if (stage == 2) {
        EXPECT_TRUE(n > 0 && n < all) << n;
      } else if (stage == 3) {
        EXPECT_EQ(n, all);
      }
    }
    // The model is as the trainer leaves it without previews.
    EXPECT_EQ(model.tokenizer, tokenizer_before);
    EXPECT_TRUE(model.extra_token_embeddings.empty());
    EXPECT_FALSE(model.unet->is_training());

    // Stage 1 previews use the <V> vector of that moment on the base UNet: the last one is the
    // final vector (stages 2-3 do not train it) without any UNet change, bit for bit.
    ml::Concept stage1 = result.trained;
    stage1.unet_delta.clear();
    const auto [image1, heat1] = remake(model, stage1, settings, 77);
    EXPECT_TRUE(torch::equal(image1, find_preview(previews, 1, 3, 77).image));
    EXPECT_TRUE(torch::equal(heat1, find_preview(previews, 1, 3, 77).heat));
    // The stage-3 end preview uses the trained UNet (base + delta rounds in the last bits).
    const auto [image3, heat3] = remake(model, result.trained, settings, 1);
    const auto& p3 = find_preview(previews, 3, 3, 1);
    EXPECT_LE((image3.to(torch::kInt32) - p3.image.to(torch::kInt32)).abs().max().item<int>(), 2);
    EXPECT_TRUE(torch::allclose(heat3, p3.heat, 1e-3, 1e-4));
    // and differs from the stage-1 one: the map follows the weights of its moment.
    EXPECT_FALSE(torch::allclose(find_preview(previews, 1, 2, 1).heat, p3.heat, 1e-3, 1e-4));
  }
}

TEST(TrainPreviews, ResumedRunPreviewsOnlyAfterItsResumePoint) {
  const auto photos = rashisa::testing::draw_ball_photos(3);
  auto model = ml::load_model(model_dirs().front());
  const fs::path dir = fs::temp_directory_path() / ("rashisa_preview_resume_" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto settings = small_settings();
  settings.checkpoint_dir = dir;
  settings.checkpoint_every = 1;
  std::vector<ml::TrainPreview> first;
  with_previews(settings, first);
  // Stop after stage 2 step 3 (the progress callback asks to stop; a checkpoint is written).
  const auto stop_in_stage2 = [](const rashisa::Progress& p) { return !(p.stage == "stage2" && p.step == 3); };
  EXPECT_THROW(ml::train_concept(model, photos, settings, stop_in_stage2), rashisa::Error);
  EXPECT_EQ(points_of(first), (std::vector<Point>{{1, 2, 1}, {1, 2, 77}, {1, 3, 1}, {1, 3, 77}, {2, 2, 1}, {2, 2, 77}}));

  std::vector<ml::TrainPreview> second;
  with_previews(settings, second);
  settings.resume = true;
  const auto resumed = ml::train_concept(model, photos, settings);
  EXPECT_EQ(resumed.resumed_stage, 2);
  EXPECT_EQ(resumed.resumed_step, 3);
  EXPECT_EQ(points_of(second),
            (std::vector<Point>{{2, 4, 1}, {2, 4, 77}, {3, 2, 1}, {3, 2, 77}, {3, 3, 1}, {3, 3, 77}}));

  fs::remove_all(dir);
}

TEST(TrainPreviews, MakePreviewsPutsTheModelBackEvenWhenCancelled) {
  auto model = ml::load_model(model_dirs().front());
  auto settings = small_settings();
  std::vector<ml::TrainPreview> unused;
  with_previews(settings, unused);
  ml::PreviewInputs in;
  in.tokenizer = std::make_shared<ml::ClipTokenizer>(*model.tokenizer);
  in.placeholder_id = in.tokenizer->add_token(settings.placeholder);
  in.embedding = model.text_encoder->token_embedding_weight()[*in.tokenizer->single_token_id("toy")].clone();
  const auto tokenizer_before = model.tokenizer;
  const auto other = torch::ones({model.text_encoder->token_embedding_weight().size(1)});
  model.extra_token_embeddings[12345] = other;
  model.vae->decoder->train();  // one module in another mode than its parent
  const auto check_state = [&] {
    EXPECT_EQ(model.tokenizer, tokenizer_before);
    ASSERT_EQ(model.extra_token_embeddings.size(), 1u);
    EXPECT_TRUE(model.extra_token_embeddings.at(12345).is_same(other));
    EXPECT_FALSE(model.unet->is_training());
    EXPECT_FALSE(model.vae->is_training());
    EXPECT_TRUE(model.vae->decoder->is_training());
  };

  rashisa::CancelToken cancel;
  cancel.cancel();
  try {
    ml::make_previews(model, settings, in, 1, 1, &cancel);
    ADD_FAILURE() << "a cancelled preview went on";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::Cancelled);
  }
  check_state();
  const auto previews = ml::make_previews(model, settings, in, 2, 7);
  ASSERT_EQ(previews.size(), 2u);
  EXPECT_EQ(previews[1].stage, 2);
  EXPECT_EQ(previews[1].step, 7);
  EXPECT_EQ(previews[1].seed, 77u);
  check_state();
}

TEST(TrainPreviews, PointsAndSizes) {
  ml::PreviewSettings p;
  p.every = 0;
  EXPECT_FALSE(ml::is_preview_point(p, 1, 5));
  EXPECT_TRUE(ml::is_preview_point(p, 5, 5));
  p.every = 100;
  EXPECT_TRUE(ml::is_preview_point(p, 100, 500));
  EXPECT_FALSE(ml::is_preview_point(p, 150, 500));
  EXPECT_TRUE(ml::is_preview_point(p, 60, 60));
  EXPECT_FALSE(ml::is_preview_point(p, 0, 0));
  EXPECT_EQ(ml::preview_size(p, 512), 384);
  EXPECT_EQ(ml::preview_size(p, 64), 64);
  p.size = 128;
  EXPECT_EQ(ml::preview_size(p, 512), 128);
  p.size = 100;
  EXPECT_THROW(ml::validate(p), rashisa::Error);
  p.size = 0;
  p.seeds.clear();
  EXPECT_THROW(ml::validate(p), rashisa::Error);
}
