// The diffusers folder loader on small synthetic folders: variants, shards, and the
// errors for missing, pickle-only and unsupported folders.
#include "engine/model_io/diffusers_folder.h"

#include "engine/core/error.h"
#include "engine/model_io/safetensors_torch.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

namespace mio = rashisa::model_io;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class DiffusersFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("rashisa_folder_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    write_text(root_ / "model_index.json", R"({"_class_name": "StableDiffusionPipeline", "unet": ["diffusers", "UNet2DConditionModel"]})");
    write_text(root_ / "scheduler" / "scheduler_config.json", R"({"_class_name": "PNDMScheduler", "prediction_type": "epsilon"})");
    write_text(root_ / "tokenizer" / "vocab.json", "{}");
    write_text(root_ / "tokenizer" / "merges.txt", "#version: 0.2\n");
    for (const char* c : {"unet", "vae", "text_encoder"}) {
      write_text(root_ / c / "config.json", std::string(R"({"component": ")") + c + "\"}");
      weights(c, "", {{std::string(c) + ".w", torch::full({2}, 1.0)}});
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string base(const std::string& c) { return c == "text_encoder" ? "model" : "diffusion_pytorch_model"; }
  void weights(const std::string& c, const std::string& suffix, const std::map<std::string, torch::Tensor>& t) {
    mio::save_tensors(root_ / c / (base(c) + suffix + ".safetensors"), t);
  }

  std::string error_of(mio::WeightVariant v, rashisa::ErrorCode want) {
    try {
      mio::DiffusersFolder::open(root_, v);
    } catch (const rashisa::Error& e) {
      EXPECT_EQ(e.code(), want) << e.what();
      return e.what();
    }
    ADD_FAILURE() << "opened";
    return {};
  }

  fs::path root_;
};

}  // namespace

TEST_F(DiffusersFolder, OpensACompleteFolder) {
  const auto f = mio::DiffusersFolder::open(root_);
  EXPECT_TRUE(mio::is_diffusers_folder(root_));
  EXPECT_EQ(f.unet.config.at("component"), "unet");
  EXPECT_EQ(f.text_encoder.weights, std::vector<fs::path>{root_ / "text_encoder" / "model.safetensors"});
  EXPECT_TRUE(f.unet.index.empty());
  EXPECT_EQ(f.scheduler_config.at("_class_name"), "PNDMScheduler");
  EXPECT_EQ(f.tokenizer_dir, root_ / "tokenizer");
  const auto w = mio::load_component_weights(f.vae);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_TRUE(torch::equal(w.at("vae.w"), torch::full({2}, 1.0)));
}

TEST_F(DiffusersFolder, ChoosesTheWeightVariant) {
  weights("unet", ".fp16", {{"unet.w", torch::full({2}, 2.0).to(torch::kFloat16)}});
  const fs::path plain = root_ / "unet" / "diffusion_pytorch_model.safetensors";
  const fs::path half = root_ / "unet" / "diffusion_pytorch_model.fp16.safetensors";
  EXPECT_EQ(mio::DiffusersFolder::open(root_).unet.weights.at(0), plain);
  EXPECT_EQ(mio::DiffusersFolder::open(root_, mio::WeightVariant::FP32).unet.weights.at(0), plain);
  const auto f16 = mio::DiffusersFolder::open(root_, mio::WeightVariant::FP16);
  EXPECT_EQ(f16.unet.weights.at(0), half);
  EXPECT_EQ(mio::load_component_weights(f16.unet).at("unet.w").scalar_type(), torch::kFloat16);
  EXPECT_EQ(f16.vae.weights.at(0), root_ / "vae" / "diffusion_pytorch_model.safetensors") << "FP16 falls back to plain";

  fs::remove(plain);
  EXPECT_EQ(mio::DiffusersFolder::open(root_).unet.weights.at(0), half) << "Auto falls back to fp16";
  const std::string msg = error_of(mio::WeightVariant::FP32, rashisa::ErrorCode::FileNotFound);
  EXPECT_NE(msg.find("unet/diffusion_pytorch_model.safetensors"), std::string::npos) << msg;
  EXPECT_NE(msg.find("diffusion_pytorch_model.fp16.safetensors"), std::string::npos) << "lists what is there: " << msg;
}

TEST_F(DiffusersFolder, LoadsShardedWeightsThroughTheIndex) {
  fs::remove(root_ / "unet" / "diffusion_pytorch_model.safetensors");
  weights("unet", "-00001-of-00002", {{"a", torch::full({2}, 1.0)}, {"b", torch::full({3}, 2.0)}});
  weights("unet", "-00002-of-00002", {{"c", torch::full({4}, 3.0)}});
  write_text(root_ / "unet" / "diffusion_pytorch_model.safetensors.index.json",
             R"({"metadata": {"total_size": 36}, "weight_map": {
                 "a": "diffusion_pytorch_model-00001-of-00002.safetensors",
                 "b": "diffusion_pytorch_model-00001-of-00002.safetensors",
                 "c": "diffusion_pytorch_model-00002-of-00002.safetensors"}})");
  const auto f = mio::DiffusersFolder::open(root_);
  ASSERT_EQ(f.unet.weights.size(), 2u);
  EXPECT_EQ(f.unet.index, root_ / "unet" / "diffusion_pytorch_model.safetensors.index.json");
  const auto w = mio::load_component_weights(f.unet);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(torch::equal(w.at("c"), torch::full({4}, 3.0)));

  // fp16 shards use diffusers' variant naming for the index.
  fs::rename(root_ / "unet" / "diffusion_pytorch_model.safetensors.index.json",
             root_ / "unet" / "diffusion_pytorch_model.safetensors.index.fp16.json");
  EXPECT_EQ(mio::DiffusersFolder::open(root_, mio::WeightVariant::FP16).unet.weights.size(), 2u);
}

TEST_F(DiffusersFolder, RejectsShardIndexesThatDoNotMatch) {
  fs::remove(root_ / "unet" / "diffusion_pytorch_model.safetensors");
  weights("unet", "-00001-of-00001", {{"a", torch::full({2}, 1.0)}, {"b", torch::full({2}, 1.0)}});
  const fs::path index = root_ / "unet" / "diffusion_pytorch_model.safetensors.index.json";
  write_text(index, R"({"weight_map": {"a": "diffusion_pytorch_model-00001-of-00001.safetensors"}})");
  auto f = mio::DiffusersFolder::open(root_);
  try {
    mio::load_component_weights(f.unet);
    ADD_FAILURE() << "an unlisted tensor was accepted";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::FileFormat);
    EXPECT_NE(std::string(e.what()).find("\"b\""), std::string::npos) << e.what();
  }
  write_text(index, R"({"weight_map": {"a": "diffusion_pytorch_model-00009-of-00009.safetensors"}})");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileNotFound).find("00009"), std::string::npos);
  write_text(index, R"({"weight_map": {"a": "../vae/diffusion_pytorch_model.safetensors"}})");
  error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileFormat);
  write_text(index, R"({"weight_map": 5})");
  error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileFormat);
  write_text(index, R"({"weight_map": )");
  error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileFormat);
}

TEST_F(DiffusersFolder, DuplicateTensorAcrossShardsIsAnError) {
  mio::ComponentFiles c;
  c.weights = {root_ / "unet" / "diffusion_pytorch_model.safetensors", root_ / "vae" / "diffusion_pytorch_model.safetensors"};
  weights("vae", "", {{"unet.w", torch::zeros({2})}});
  EXPECT_THROW(mio::load_component_weights(c), rashisa::Error);
}

TEST_F(DiffusersFolder, NamesWhatIsMissing) {
  fs::remove(root_ / "tokenizer" / "merges.txt");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileNotFound).find("tokenizer/merges.txt"),
            std::string::npos);
  fs::remove(root_ / "scheduler" / "scheduler_config.json");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileNotFound).find("scheduler/scheduler_config.json"),
            std::string::npos);
  fs::remove(root_ / "text_encoder" / "config.json");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileNotFound).find("text_encoder/config.json"),
            std::string::npos);
  fs::remove_all(root_ / "vae");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileNotFound).find("vae"), std::string::npos);
  fs::remove(root_ / "model_index.json");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileNotFound).find("model_index.json"),
            std::string::npos);
  EXPECT_FALSE(mio::is_diffusers_folder(root_));
  EXPECT_THROW(mio::DiffusersFolder::open(root_ / "nowhere"), rashisa::Error);
}

TEST_F(DiffusersFolder, PickleOnlyComponentIsRefused) {
  fs::remove(root_ / "text_encoder" / "model.safetensors");
  write_text(root_ / "text_encoder" / "pytorch_model.bin", "PK\x03\x04 not really a zip");
  const std::string msg = error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::UnsafeFormat);
  EXPECT_NE(msg.find("pytorch_model.bin"), std::string::npos) << msg;
  EXPECT_NE(msg.find("safetensors"), std::string::npos) << msg;
  // With a safetensors file beside it, the pickle is simply not used.
  weights("text_encoder", "", {{"t", torch::zeros({1})}});
  EXPECT_NO_THROW(mio::DiffusersFolder::open(root_));
}

TEST_F(DiffusersFolder, RefusesStableDiffusionXl) {
  write_text(root_ / "model_index.json", R"({"_class_name": "StableDiffusionXLPipeline",
      "text_encoder_2": ["transformers", "CLIPTextModelWithProjection"]})");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::UnsupportedModel).find("XL"), std::string::npos);
}

TEST_F(DiffusersFolder, BrokenJsonNamesTheFile) {
  write_text(root_ / "vae" / "config.json", "{\"a\": ");
  EXPECT_NE(error_of(mio::WeightVariant::Auto, rashisa::ErrorCode::FileFormat).find("config.json"), std::string::npos);
}
