// Full-size UNets from the real SD config files (no weights): exact parameter counts.
// Each model is ~3.5 GB in float32; they are built one at a time and freed.
#include "engine/ml/unet/unet.h"
#include "tests/unet/model_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace {

namespace rt = rashisa::testing;
namespace ml = rashisa::ml;
using nlohmann::json;

::testing::Environment* const kNeedsConfigs = rt::skip_all_without_shared_configs();

json sd_unet_config(const char* model) {
  const auto dir = rt::shared_configs_dir();
  if (dir.empty()) return {};
  return rt::read_json_file(dir / model / "unet" / "config.json");
}

int64_t full_unet_parameters(const char* model) {
  torch::NoGradGuard no_grad;
  ml::UNet2DConditionModel unet(ml::UNetConfig::from_json(sd_unet_config(model)));
  return rt::count_parameters(*unet);
}

TEST(UNetFullSize, Sd15ParameterCount) {
  if (sd_unet_config("sd15").is_null()) GTEST_SKIP() << "shared/configs not found";
  EXPECT_EQ(full_unet_parameters("sd15"), 859520964);
}

TEST(UNetFullSize, Sd21ParameterCount) {
  if (sd_unet_config("sd21-base").is_null()) GTEST_SKIP() << "shared/configs not found";
  EXPECT_EQ(full_unet_parameters("sd21-base"), 865910724);
}

}  // namespace
