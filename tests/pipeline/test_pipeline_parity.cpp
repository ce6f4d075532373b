// The whole txt2img loop against the reference pipeline (kind "pipeline"): prompt
// ids, embeddings, every UNet output and scheduler step, the decoded and final image.
#include "engine/ml/pipeline/txt2img.h"
#include "tests/support/reference.h"
#include "tests/support/test_device.h"

#include <torch/torch.h>

using rashisa::testing::matches_reference;
using rashisa::testing::RefCase;
namespace ml = rashisa::ml;

class PipelineParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(PipelineParity, MatchesReferencePipeline) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const auto golden = rashisa::testing::load_case(c);
  const auto p = c.params();

  ml::LoadOptions load;
  load.device = rashisa::testing::test_device();  // float32 everywhere, as the reference
  auto model = ml::load_model(c.model_dir(), load);
  model.scheduler_config = ml::SchedulerConfig::from_json(p.at("scheduler"));
  const auto sampler =
      ml::sampler_from_diffusers_class(p.at("scheduler").at("_class_name").get<std::string>(), model.scheduler_config);
  ASSERT_TRUE(sampler.has_value()) << p.at("scheduler").at("_class_name");

  ml::GenerateParams params;
  params.prompt = p.at("prompt").get<std::string>();
  params.negative_prompt = p.value("negative_prompt", "");
  params.steps = p.at("num_inference_steps").get<int>();
  params.guidance = p.at("guidance_scale").get<double>();
  params.width = p.at("width").get<int>();
  params.height = p.at("height").get<int>();
  params.sampler = *sampler;

  EXPECT_TRUE(matches_reference(c, "prompt_ids", ml::tokenize_prompt(model, params.prompt), golden));
  EXPECT_TRUE(matches_reference(c, "negative_prompt_ids", ml::tokenize_prompt(model, params.negative_prompt), golden));

  torch::Tensor embeds, raw;
  std::vector<torch::Tensor> outs, steps;
  ml::GenerateTrace trace;
  trace.on_prompt_embeds = [&](const torch::Tensor& e) { embeds = e.clone(); };
  trace.on_step = [&](int, const torch::Tensor& out, const torch::Tensor& lat) {
    outs.push_back(out.clone());
    steps.push_back(lat.clone());
  };
  trace.on_decoded = [&](const torch::Tensor& r) { raw = r.clone(); };
  auto image = ml::txt2img(model, params, golden.at("initial_latents"), {}, nullptr, &trace);

  auto scheduler = ml::make_scheduler(params.sampler, model.scheduler_config);
  scheduler->set_timesteps(params.steps);
  EXPECT_TRUE(matches_reference(c, "timesteps", scheduler->timesteps(), golden));
  EXPECT_TRUE(matches_reference(c, "prompt_embeds", embeds, golden));
  ASSERT_FALSE(outs.empty());
  EXPECT_TRUE(matches_reference(c, "unet_outputs", torch::stack(outs), golden));
  EXPECT_TRUE(matches_reference(c, "step_latents", torch::stack(steps), golden));
  EXPECT_TRUE(matches_reference(c, "final_latents", steps.back(), golden));
  EXPECT_TRUE(matches_reference(c, "image_raw", raw, golden));
  EXPECT_TRUE(matches_reference(c, "image", image, golden));
}

INSTANTIATE_TEST_SUITE_P(Ref, PipelineParity, ::testing::ValuesIn(rashisa::testing::cases_of_kind("pipeline")),
                         rashisa::testing::case_test_name);
