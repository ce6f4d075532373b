// AutoencoderKL against the diffusers goldens (kind "vae").
#include "engine/ml/vae/autoencoder_kl.h"
#include "tests/support/reference.h"
#include "tests/support/test_device.h"
#include "tests/unet/model_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <iostream>

namespace {

using rashisa::testing::RefCase;
namespace rt = rashisa::testing;
namespace ml = rashisa::ml;

class VaeParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(VaeParity, EncodeAndDecodeMatchReference) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const torch::Device dev = rt::test_device();
  auto golden = rt::load_case(c);
  const auto dir = c.model_dir() / "vae";
  ml::AutoencoderKL vae(ml::VaeConfig::from_json(rt::read_json_file(dir / "config.json")));
  rt::load_weights(*vae, dir / "diffusion_pytorch_model.safetensors");
  vae->to(dev);
  vae->eval();
  torch::NoGradGuard no_grad;

  auto dist = vae->encode(golden.at("image").to(dev));
  EXPECT_TRUE(rt::matches_reference(c, "latent_mean", dist.mean, golden));
  EXPECT_TRUE(rt::matches_reference(c, "latent_logvar", dist.logvar, golden));
  EXPECT_TRUE(rt::matches_reference(c, "latent_std", dist.std, golden));
  EXPECT_TRUE(rt::matches_reference(c, "latent_sample", dist.sample(golden.at("sample_eps").to(dev)), golden));

  auto image = vae->decode(golden.at("decode_input").to(dev)).cpu();
  EXPECT_TRUE(rt::matches_reference(c, "decode_output", image, golden));
  std::cout << c.name << ": max |err| latent_mean " << (dist.mean.cpu() - golden.at("latent_mean")).abs().max().item<double>()
            << ", decode_output " << (image - golden.at("decode_output")).abs().max().item<double>() << "\n";
}

INSTANTIATE_TEST_SUITE_P(Ref, VaeParity, ::testing::ValuesIn(rt::cases_of_kind("vae")), rt::case_test_name);

}  // namespace
