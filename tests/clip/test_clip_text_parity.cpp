// Parity of ClipTextModel with transformers 4.44 CLIPTextModel on every
// "text_encoder" case of the reference manifest. The outputs to check are
// taken from the case itself (last_hidden_state, pooler_output, clip_skip_<k>,
// hidden_states.<i>), so new golden tensors are picked up or reported.
#include "engine/ml/clip/clip_text_model.h"
#include "engine/model_io/state_dict.h"
#include "engine/model_io/safetensors_torch.h"
#include "tests/support/reference.h"
#include "tests/support/test_device.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>

using rashisa::ml::ClipTextConfig;
using rashisa::ml::ClipTextModel;
using rashisa::testing::RefCase;

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

ClipTextModel load_text_encoder(const RefCase& c, const torch::Device& device) {
  const auto dir = c.model_dir() / "text_encoder";
  std::ifstream in(dir / "config.json");
  if (!in) throw std::runtime_error("cannot open " + (dir / "config.json").string());
  ClipTextModel model(ClipTextConfig::from_json(nlohmann::json::parse(in)));
  auto file = rashisa::model_io::SafetensorsFile::open(dir / "model.safetensors");
  auto weights = rashisa::model_io::load_all(file);
  for (const auto& key : rashisa::ml::clip_text_ignorable_keys()) weights.erase(key);
  torch::NoGradGuard no_grad;
  rashisa::model_io::load_state_dict(*model, weights, (dir / "model.safetensors").string());
  model->to(device);
  model->eval();
  return model;
}

}  // namespace

class ClipTextParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(ClipTextParity, MatchesTransformers) {
  RASHISA_SKIP_UNLESS_TEST_DEVICE();
  const RefCase& c = GetParam();
  const torch::Device dev = rashisa::testing::test_device();
  torch::NoGradGuard no_grad;
  auto model = load_text_encoder(c, dev);
  auto golden = rashisa::testing::load_case(c);
  ASSERT_TRUE(golden.count("input_ids")) << c.name << ": no input_ids";
  const auto ids = golden.at("input_ids").to(dev);
  const auto out = model->forward(ids, true);

  int checked = 0;
  for (const auto& name_json : c.raw.at("outputs")) {
    const auto name = name_json.get<std::string>();
    torch::Tensor got;
    if (name == "last_hidden_state") {
      got = out.last_hidden_state;
    } else if (name == "pooler_output") {
      got = out.pooler_output;
    } else if (starts_with(name, "clip_skip_")) {
      got = model->encode_with_clip_skip(ids, std::stoi(name.substr(10)));
    } else if (starts_with(name, "hidden_states.")) {
      const size_t i = std::stoul(name.substr(14));
      ASSERT_LT(i, out.hidden_states.size()) << name;
      got = out.hidden_states[i];
    } else {
      ADD_FAILURE() << c.name << ": golden output " << name << " has no counterpart in this test";
      continue;
    }
    EXPECT_TRUE(rashisa::testing::matches_reference(c, name, got, golden));
    ++checked;
  }
  EXPECT_GT(checked, 0) << c.name << " lists no outputs";
}

INSTANTIATE_TEST_SUITE_P(Ref, ClipTextParity, ::testing::ValuesIn(rashisa::testing::cases_of_kind("text_encoder")),
                         rashisa::testing::case_test_name);
