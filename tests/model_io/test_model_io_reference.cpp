// model_io against the golden reference folder: the reader opens every file, the
// diffusers loader finds every component with the manifest's parameter counts, and a
// single-file LDM checkpoint written from a reference model loads back bit for bit.
#include "engine/model_io/diffusers_folder.h"
#include "engine/model_io/ldm_checkpoint.h"
#include "engine/model_io/safetensors_torch.h"
#include "engine/model_io/state_dict.h"
#include "tests/model_io/ldm_inverse.h"
#include "tests/model_io/ref_models.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mio = rashisa::model_io;
namespace rt = rashisa::testing;
namespace fs = std::filesystem;

namespace {

class ModelIoReference : public ::testing::TestWithParam<rt::RefModel> {};

std::vector<fs::path> safetensors_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".safetensors") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_P(ModelIoReference, ReaderOpensEveryWeightFile) {
  const auto files = safetensors_under(GetParam().dir);
  ASSERT_GE(files.size(), 3u) << GetParam().dir;
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    const auto file = mio::SafetensorsFile::open(path);
    ASSERT_FALSE(file.tensors().empty());
    EXPECT_EQ(file.metadata().count("format"), 1u);
    const auto tensors = mio::load_all(file);
    EXPECT_EQ(tensors.size(), file.tensors().size());
    for (const auto& info : file.tensors()) {
      const auto& t = tensors.at(info.name);
      EXPECT_EQ(t.sizes().vec(), info.shape) << info.name;
      EXPECT_EQ(static_cast<std::uint64_t>(t.numel() * t.element_size()), info.end - info.begin) << info.name;
      EXPECT_TRUE(torch::isfinite(t).all().item<bool>()) << info.name;
    }
  }
}

TEST(ModelIoReferenceCases, ReaderOpensEveryCaseFile) {
  int opened = 0;
  for (const auto& c : rt::manifest().at("cases")) {
    if (c.value("format", "") != "safetensors") continue;
    const auto path = rt::reference_dir() / c.at("file").get<std::string>();
    SCOPED_TRACE(path.string());
    const auto file = mio::SafetensorsFile::open(path);
    EXPECT_FALSE(file.tensors().empty());
    EXPECT_EQ(mio::load_all(file).size(), file.tensors().size());
    ++opened;
  }
  EXPECT_GT(opened, 0);
}

TEST_P(ModelIoReference, DiffusersFolderHasTheManifestParameterCounts) {
  const auto folder = mio::DiffusersFolder::open(GetParam().dir);
  const auto& counts = GetParam().raw.at("num_parameters");
  const std::pair<const char*, const mio::ComponentFiles*> components[] = {
      {"unet", &folder.unet}, {"vae", &folder.vae}, {"text_encoder", &folder.text_encoder}};
  for (const auto& [name, files] : components) {
    const auto summary = mio::summarize(mio::load_component_weights(*files));
    EXPECT_EQ(summary.count, counts.at(name).get<std::int64_t>()) << name;
    EXPECT_EQ(summary.by_dtype.at("F32"), summary.count) << name;
  }
  EXPECT_TRUE(fs::exists(folder.tokenizer_dir / "vocab.json"));
  EXPECT_EQ(folder.scheduler_config.at("_class_name"), GetParam().raw.at("scheduler"));
}

// The reference models written as an original-layout checkpoint (test-only inverse
// mapping, plus keys real checkpoints carry that no diffusers model uses) must load back
// to exactly the diffusers tensors.
TEST_P(ModelIoReference, SingleFileCheckpointLoadsBackBitExactly) {
  const auto folder = mio::DiffusersFolder::open(GetParam().dir);
  const auto unet = mio::load_component_weights(folder.unet);
  const auto vae = mio::load_component_weights(folder.vae);
  const auto text = mio::load_component_weights(folder.text_encoder);
  const bool sd2 = folder.text_encoder.config.at("hidden_act") == "gelu";  // OpenCLIP tower
  auto ldm = rt::make_ldm_checkpoint(unet, vae, text, folder.unet.config.at("layers_per_block").get<int>(),
                                     static_cast<int>(folder.vae.config.at("block_out_channels").size()), sd2);
  ldm["alphas_cumprod"] = torch::linspace(1, 0, 1000);
  ldm["model_ema.decay"] = torch::full({}, 0.9999);
  ldm["first_stage_model.loss.logvar"] = torch::zeros({});
  if (!sd2) ldm["cond_stage_model.transformer.text_model.embeddings.position_ids"] = torch::arange(77).unsqueeze(0);

  const fs::path path = fs::temp_directory_path() / ("rashisa_ldm_" +
                                                     rt::model_test_name({GetParam(), 0}) + ".safetensors");
  mio::save_tensors(path, ldm, {{"format", "pt"}});
  const auto m = mio::load_single_file(path);

  EXPECT_EQ(m.family, sd2 ? mio::SdFamily::SD2 : mio::SdFamily::SD1);
  EXPECT_FALSE(m.v_prediction_guess);
  EXPECT_EQ(m.scheduler_config.at("prediction_type"), "epsilon");
  const std::pair<const char*, std::pair<const std::map<std::string, torch::Tensor>*, const std::map<std::string, torch::Tensor>*>>
      parts[] = {{"unet", {&unet, &m.unet}}, {"vae", {&vae, &m.vae}}, {"text_encoder", {&text, &m.text_encoder}}};
  for (const auto& [name, maps] : parts) {
    const auto& [want, got] = maps;
    ASSERT_EQ(got->size(), want->size()) << name;
    for (const auto& [key, w] : *want) {
      auto it = got->find(key);
      ASSERT_NE(it, got->end()) << name << " lacks " << key;
      EXPECT_EQ(it->second.scalar_type(), w.scalar_type()) << key;
      EXPECT_TRUE(torch::equal(it->second, w)) << name << " " << key << " differs";
    }
  }
  EXPECT_EQ(mio::load_single_file(path, true).scheduler_config.at("prediction_type"), "v_prediction");
  fs::remove(path);
}

INSTANTIATE_TEST_SUITE_P(Ref, ModelIoReference, ::testing::ValuesIn(rt::reference_models()), rt::model_test_name);
