#include "engine/model_io/safetensors_torch.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mio = rashisa::model_io;

TEST(Safetensors, RoundTripKeepsValuesDtypesAndMetadata) {
  const auto path = std::filesystem::temp_directory_path() / "rashisa_roundtrip.safetensors";
  std::map<std::string, torch::Tensor> in = {
      {"b.f32", torch::randn({3, 5})},
      {"a.f16", torch::randn({7}).to(torch::kFloat16)},
      {"c.bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
      {"d.i64", torch::arange(10, torch::kInt64)},
      {"e.u8", torch::arange(4, torch::kUInt8)},
      {"f.empty", torch::empty({0, 3})},
  };
  mio::save_tensors(path, in, {{"format", "pt"}});
  auto file = mio::SafetensorsFile::open(path);
  EXPECT_EQ(file.metadata().at("format"), "pt");
  auto out = mio::load_all(file);
  ASSERT_EQ(out.size(), in.size());
  for (const auto& [name, t] : in) {
    ASSERT_TRUE(out.count(name)) << name;
    EXPECT_EQ(out[name].scalar_type(), t.scalar_type()) << name;
    EXPECT_TRUE(torch::equal(out[name], t)) << name;
  }
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
  std::filesystem::remove(path);
}
