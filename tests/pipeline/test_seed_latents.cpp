// A seed gives the reference pipeline's initial latents exactly (kind "seed_latents").
#include "engine/ml/pipeline/seed.h"
#include "tests/support/reference.h"

#include <torch/torch.h>

using rashisa::testing::RefCase;

class SeedLatents : public ::testing::TestWithParam<RefCase> {};

TEST_P(SeedLatents, MatchTorchCpuGenerator) {
  const RefCase& c = GetParam();
  const auto golden = rashisa::testing::load_case(c);
  const auto draws = c.params().at("draws");
  ASSERT_FALSE(draws.empty());
  for (const auto& d : draws) {
    const auto shape = d.at("shape").get<std::vector<int64_t>>();
    const auto got = rashisa::ml::seeded_randn(shape, d.at("seed").get<std::uint64_t>());
    EXPECT_TRUE(rashisa::testing::matches_reference(c, d.at("tensor").get<std::string>(), got, golden));
  }
}

INSTANTIATE_TEST_SUITE_P(Ref, SeedLatents, ::testing::ValuesIn(rashisa::testing::cases_of_kind("seed_latents")),
                         rashisa::testing::case_test_name);
