// One training step against the reference (kind "train_step"): latents, noising,
// text condition with the added placeholder, prediction, target, loss, the gradients
// of the placeholder row, the embedding rows and named UNet weights, and the
// per-head cross-attention columns the regulariser reads.
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/schedulers/ddpm.h"
#include "engine/ml/train/diffusion_loss.h"
#include "tests/support/reference.h"
#include "tests/support/test_device.h"

#include <torch/torch.h>

using rashisa::testing::matches_reference;
using rashisa::testing::RefCase;
namespace ml = rashisa::ml;

class TrainStepParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(TrainStepParity, LossGradientsAndAttentionColumns) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const auto golden = rashisa::testing::load_case(c);
  const auto p = c.params();
  const torch::Device dev = rashisa::testing::test_device();
  ml::LoadOptions load;
  load.device = dev;  // float32, as the reference
  auto model = ml::load_model(c.model_dir(), load);
  if (p.contains("prediction_type"))
    model.scheduler_config.prediction_type =
        p["prediction_type"] == "v_prediction" ? ml::PredictionType::VPrediction : ml::PredictionType::Epsilon;

  // Tokenizer with the placeholder; ids must match the reference exactly.
  const std::string placeholder = p.at("placeholder_token");
  const int64_t init_id = p.at("initializer_token_id");
  const int64_t vid = model.tokenizer->add_token(placeholder);
  ASSERT_EQ(vid, p.at("placeholder_token_id").get<int64_t>());
  std::vector<torch::Tensor> rows;
  for (const auto& prompt : p.at("prompts")) rows.push_back(ml::tokenize_prompt(model, prompt.get<std::string>()));
  const auto ids = torch::cat(rows);
  ASSERT_TRUE(matches_reference(c, "input_ids", ids, golden));

  // Embedding table and placeholder row as leaves, so their gradients can be read.
  auto table = model.text_encoder->token_embedding_weight();
  table.set_requires_grad(true);
  auto row = table[init_id].detach().clone().requires_grad_(true);
  if (golden.count("placeholder_init_embedding")) {
    EXPECT_TRUE(matches_reference(c, "placeholder_init_embedding", row, golden));
  }
  for (auto& param : model.unet->parameters()) param.set_requires_grad(true);

  ml::DiffusionLossInputs in;
  {
    torch::NoGradGuard no_grad;
    in.latents = model.vae->encode(golden.at("pixel_values").to(dev)).mean * model.vae->config().scaling_factor;
  }
  in.noise = golden.at("noise").to(dev);
  in.timesteps = golden.at("timesteps").to(dev);
  in.encoder_hidden_states = ml::encode_ids(model, ids, {{vid, row}});
  if (golden.count("placeholder_positions")) in.placeholder_positions = golden.at("placeholder_positions").to(dev);
  ml::DdpmTraining ddpm(model.scheduler_config);
  ml::DiffusionLossOptions options;
  options.prediction = model.scheduler_config.prediction_type;
  auto out = ml::diffusion_loss(model.unet, ddpm, in, options);
  out.loss.backward();

  EXPECT_TRUE(matches_reference(c, "latents", in.latents, golden));
  EXPECT_TRUE(matches_reference(c, "noisy_latents", out.noisy_latents, golden));
  EXPECT_TRUE(matches_reference(c, "encoder_hidden_states", in.encoder_hidden_states, golden));
  EXPECT_TRUE(matches_reference(c, "model_pred", out.model_pred, golden));
  EXPECT_TRUE(matches_reference(c, "target", out.target, golden));
  EXPECT_TRUE(matches_reference(c, "loss", out.loss, golden));
  if (golden.count("grad.placeholder_embedding")) {
    EXPECT_TRUE(matches_reference(c, "grad.placeholder_embedding", row.grad(), golden));
  }
  if (golden.count("grad.token_embedding_row_ids")) {
    // Rows with a gradient: the unique ids of the prompts (the placeholder's from `row`).
    auto want_ids = golden.at("grad.token_embedding_row_ids");
    auto unique = std::get<0>(at::_unique(ids.flatten(), /*sorted=*/true));
    EXPECT_TRUE(matches_reference(c, "grad.token_embedding_row_ids", unique, golden));
    std::vector<torch::Tensor> grads;
    for (int64_t i = 0; i < want_ids.numel(); ++i) {
      const int64_t id = want_ids[i].item<int64_t>();
      grads.push_back(id == vid ? row.grad() : table.grad()[id]);
    }
    EXPECT_TRUE(matches_reference(c, "grad.token_embedding_rows", torch::stack(grads), golden));
  }
  auto params = model.unet->named_parameters();
  int checked = 0;
  for (const auto& [name, want] : golden) {
    const std::string unet_prefix = "grad.unet.", cols_prefix = "attn2_cols.";
    if (name.rfind(unet_prefix, 0) == 0) {
      auto* param = params.find(name.substr(unet_prefix.size()));
      ASSERT_NE(param, nullptr) << name;
      EXPECT_TRUE(matches_reference(c, name, param->grad(), golden));
      ++checked;
    } else if (name.rfind(cols_prefix, 0) == 0) {
      auto it = out.columns.find(name.substr(cols_prefix.size()));
      ASSERT_NE(it, out.columns.end()) << "no cross-attention columns captured for " << name;
      EXPECT_TRUE(matches_reference(c, name, it->second, golden));
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

INSTANTIATE_TEST_SUITE_P(Ref, TrainStepParity, ::testing::ValuesIn(rashisa::testing::cases_of_kind("train_step")),
                         rashisa::testing::case_test_name);
