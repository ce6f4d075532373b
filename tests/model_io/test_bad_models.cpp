// Bad model folders made from each reference model (configs that disagree with their weights,
// files cut short, missing shards, weights of another architecture, NaN/Inf weights, tokenizers
// that do not fit): each is refused by the checks that run before any module is built, with
// the ModelFault that names the case. The unchanged models pass every check.
#include "engine/core/error.h"
#include "engine/model_io/diffusers_folder.h"
#include "engine/model_io/model_check.h"
#include "engine/model_io/safetensors_torch.h"
#include "tests/model_io/ref_models.h"
#include "tests/support/model_fault_of.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>

namespace rashisa::model_io {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::fault_of;
using rashisa::testing::RefModel;
using rashisa::testing::reference_models;
using nlohmann::json;

/// What check_model_parts and check_finite see, as loading does.
struct Loaded {
  DiffusersFolder folder;
  TensorMap unet, vae, text;
};

Loaded load(const fs::path& dir) {
  Loaded l{DiffusersFolder::open(dir), {}, {}, {}};
  l.unet = load_component_weights(l.folder.unet);
  l.vae = load_component_weights(l.folder.vae);
  l.text = load_component_weights(l.folder.text_encoder);
  return l;
}

void check_all(const Loaded& l, const json* unet_config = nullptr) {
  check_model_parts({l.folder.root.u8string(), true, unet_config ? unet_config : &l.folder.unet.config,
                     &l.folder.vae.config, &l.folder.text_encoder.config, &l.unet, &l.vae, &l.text,
                     l.folder.tokenizer_dir});
  check_finite(l.unet, "UNet", "m");
  check_finite(l.vae, "VAE", "m");
  check_finite(l.text, "text encoder", "m");
}


std::string text_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
void write_text(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
void write_json(const fs::path& p, const json& j) { write_text(p, j.dump(2)); }

class BadModel : public ::testing::TestWithParam<RefModel> {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');  // "Case/model_0"
    dir_ = fs::temp_directory_path() / ("rashisa_bad_model_" + name);
    fs::remove_all(dir_);
    fs::copy(GetParam().dir, dir_, fs::copy_options::recursive);
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
  }
  void TearDown() override { fs::remove_all(dir_); }

  json config(const char* component) const { return read_json_file(dir_ / component / "config.json"); }
  fs::path weights(const char* component) const {
    return dir_ / component /
           (std::string(component) == "text_encoder" ? "model.safetensors" : "diffusion_pytorch_model.safetensors");
  }
  ModelFault fault_when_loaded(std::string* message = nullptr) const {
    return fault_of([&] { check_all(load(dir_)); }, message);
  }

  fs::path dir_;
};

TEST_P(BadModel, TheUnchangedModelPassesEveryCheck) { EXPECT_NO_THROW(check_all(load(dir_))); }

TEST_P(BadModel, ConfigThatDisagreesWithItsWeights) {
  const json original = config("unet");
  json c = original;
  for (auto& ch : c["block_out_channels"]) ch = ch.get<int>() * 2;
  write_json(dir_ / "unet" / "config.json", c);
  std::string message;
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::ConfigMismatch);
  EXPECT_NE(message.find("unet/config.json"), std::string::npos) << message;
  EXPECT_NE(message.find("block_out_channels"), std::string::npos) << message;

  c = original;
  c["cross_attention_dim"] = c["cross_attention_dim"].get<int>() + 8;
  write_json(dir_ / "unet" / "config.json", c);
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::ConfigMismatch);
  EXPECT_NE(message.find("cross_attention_dim"), std::string::npos) << message;
  write_json(dir_ / "unet" / "config.json", original);

  for (const char* key : {"hidden_size", "num_hidden_layers", "vocab_size"}) {
    json t = config("text_encoder");
    t[key] = t[key].get<int>() + 1;
    write_json(dir_ / "text_encoder" / "config.json", t);
    EXPECT_EQ(fault_when_loaded(&message), ModelFault::ConfigMismatch) << key;
    EXPECT_NE(message.find(key), std::string::npos) << message;
  }
}

TEST_P(BadModel, WeightsCutShort) {
  const fs::path file = weights("unet");
  fs::resize_file(file, fs::file_size(file) / 2);
  std::string message;
  EXPECT_EQ(fault_of([&] { load(dir_); }, &message), ModelFault::Truncated);
  EXPECT_NE(message.find("cut short"), std::string::npos) << message;
  fs::resize_file(file, 20);  // inside the header
  EXPECT_EQ(fault_of([&] { load(dir_); }), ModelFault::Truncated);
}

TEST_P(BadModel, ShardMissingOrNotMatchingItsIndex) {
  const fs::path file = weights("unet");
  const TensorMap all = load_all(SafetensorsFile::open(file));
  TensorMap first, second;
  json map;
  for (const auto& [name, t] : all) {
    const bool one = first.size() <= all.size() / 2;
    (one ? first : second).emplace(name, t.clone());
    map[name] = one ? "diffusion_pytorch_model-00001-of-00002.safetensors"
                    : "diffusion_pytorch_model-00002-of-00002.safetensors";
  }
  save_tensors(dir_ / "unet" / "diffusion_pytorch_model-00001-of-00002.safetensors", first);
  save_tensors(dir_ / "unet" / "diffusion_pytorch_model-00002-of-00002.safetensors", second);
  fs::remove(file);
  const fs::path index = dir_ / "unet" / "diffusion_pytorch_model.safetensors.index.json";
  write_json(index, {{"metadata", json::object()}, {"weight_map", map}});
  EXPECT_NO_THROW(check_all(load(dir_))) << "the sharded copy is a good model";

  json extra = map;
  extra["down_blocks.9.extra.weight"] = "diffusion_pytorch_model-00002-of-00002.safetensors";
  write_json(index, {{"weight_map", extra}});
  EXPECT_EQ(fault_of([&] { load(dir_); }), ModelFault::MissingShard);
  write_json(index, {{"weight_map", map}});

  fs::remove(dir_ / "unet" / "diffusion_pytorch_model-00002-of-00002.safetensors");
  std::string message;
  EXPECT_EQ(fault_of([&] { load(dir_); }, &message), ModelFault::MissingShard);
  EXPECT_NE(message.find("00002-of-00002"), std::string::npos) << message;
}

TEST_P(BadModel, WeightsOfAnotherArchitecture) {
  const Loaded good = load(dir_);
  std::string message;
  // The other family's UNet layout under this config (SD 2.x projects with linear layers).
  json flipped = good.folder.unet.config;
  flipped["use_linear_projection"] = !flipped.value("use_linear_projection", false);
  EXPECT_EQ(fault_of([&] { check_all(good, &flipped); }, &message), ModelFault::OtherArchitecture);
  EXPECT_NE(message.find("different model (Stable Diffusion"), std::string::npos) << message;
  // Every other reference model whose UNet is of another family, with this model's config.
  for (const RefModel& other : reference_models()) {
    const json other_config = read_json_file(other.dir / "unet" / "config.json");
    const bool linear = good.folder.unet.config.value("use_linear_projection", false);
    if (other_config.value("use_linear_projection", false) == linear) continue;
    fs::copy_file(other.dir / "unet" / "diffusion_pytorch_model.safetensors", weights("unet"),
                  fs::copy_options::overwrite_existing);
    EXPECT_EQ(fault_when_loaded(&message), ModelFault::OtherArchitecture) << other.name;
    fs::copy_file(GetParam().dir / "unet" / "diffusion_pytorch_model.safetensors", weights("unet"),
                  fs::copy_options::overwrite_existing);
  }
  // A VAE file where the UNet should be.
  fs::copy_file(weights("vae"), weights("unet"), fs::copy_options::overwrite_existing);
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::OtherArchitecture);
  EXPECT_NE(message.find("a VAE instead of a UNet"), std::string::npos) << message;
  // An SDXL-like key set: the UNet's added conditioning.
  Loaded xl = load(GetParam().dir);
  xl.unet.emplace("add_embedding.linear_1.weight", torch::zeros({8, 8}));
  EXPECT_EQ(fault_of([&] { check_all(xl); }, &message), ModelFault::OtherArchitecture);
  EXPECT_NE(message.find("Stable Diffusion XL"), std::string::npos) << message;
  // A text encoder of another width than the UNet reads.
  Loaded wide = load(GetParam().dir);
  json text_config = wide.folder.text_encoder.config;
  const auto rows = wide.text.at("text_model.embeddings.token_embedding.weight").size(0);
  const auto width = wide.text.at("text_model.embeddings.token_embedding.weight").size(1);
  wide.text["text_model.embeddings.token_embedding.weight"] = torch::zeros({rows, width * 2});
  text_config.erase("hidden_size");
  wide.folder.text_encoder.config = text_config;
  EXPECT_EQ(fault_of([&] { check_all(wide); }, &message), ModelFault::OtherArchitecture);
  EXPECT_NE(message.find("text encoder"), std::string::npos) << message;
}

TEST_P(BadModel, NanOrInfiniteWeights) {
  for (const auto dtype : {torch::kFloat32, torch::kFloat16, torch::kBFloat16}) {
    for (const double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
      Loaded l = load(GetParam().dir);
      auto& t = l.unet.begin()->second;
      t = t.to(dtype).clone();
      t.view({-1})[t.numel() / 2] = bad;
      std::string message;
      EXPECT_EQ(fault_of([&] { check_all(l); }, &message), ModelFault::NonFinite) << dtype << " " << bad;
      EXPECT_NE(message.find(l.unet.begin()->first + " (1 of "), std::string::npos) << message;
    }
  }
  // In a file: a value set to NaN in the VAE's weights.
  TensorMap vae = load_all(SafetensorsFile::open(weights("vae")));
  for (auto& [name, t] : vae) t = t.clone();
  vae.rbegin()->second.view({-1})[0] = std::nan("");
  save_tensors(weights("vae"), vae);
  EXPECT_EQ(fault_when_loaded(), ModelFault::NonFinite);
}

TEST_P(BadModel, TokenizerThatDoesNotFit) {
  const fs::path tok = dir_ / "tokenizer";
  const std::string vocab = text_of(tok / "vocab.json"), merges = text_of(tok / "merges.txt");
  std::string message;
  // One token more than the text encoder has rows.
  json v = json::parse(vocab);
  v["zzzextra</w>"] = static_cast<std::int64_t>(v.size());
  write_json(tok / "vocab.json", v);
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::TokenizerMismatch);
  EXPECT_NE(message.find("token ids but the text encoder has"), std::string::npos) << message;
  write_text(tok / "vocab.json", vocab);
  // merges.txt cut to half its lines.
  write_text(tok / "merges.txt", merges.substr(0, merges.find('\n', merges.size() / 2) + 1));
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::TokenizerMismatch);
  EXPECT_NE(message.find("lacks the merges"), std::string::npos) << message;
  // A last merge that makes a token the vocabulary does not have.
  const std::size_t last = merges.rfind('\n', merges.size() - 2);
  write_text(tok / "merges.txt", merges.substr(0, last + 1) + "qx zj\n");
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::TokenizerMismatch);
  EXPECT_NE(message.find("does not have"), std::string::npos) << message;
  write_text(tok / "merges.txt", merges);
  // Special tokens of another tokenizer.
  write_json(tok / "special_tokens_map.json", {{"bos_token", "<s>"}, {"eos_token", "</s>"}});
  EXPECT_EQ(fault_when_loaded(&message), ModelFault::TokenizerMismatch);
  EXPECT_NE(message.find("\"<s>\""), std::string::npos) << message;
}

// How fast the finiteness scan reads weights, for the estimate at SD 1.5 size (about 1.07e9
// parameters: 4.3 GB in float32, 2.1 GB in float16). Set RASHISA_BENCH_MODEL_CHECKS=MB to run it
// on that many megabytes of float32 and float16 weights (it allocates them).
TEST(FiniteCheckSpeed, ScansAtMemorySpeed) {
  const char* env = std::getenv("RASHISA_BENCH_MODEL_CHECKS");
  if (!env || !*env) GTEST_SKIP() << "set RASHISA_BENCH_MODEL_CHECKS=MB to measure";
  const std::int64_t bytes = std::stoll(env) << 20;
  for (const auto dtype : {torch::kFloat32, torch::kFloat16}) {
    const std::int64_t n = bytes / (dtype == torch::kFloat32 ? 4 : 2);
    TensorMap w;
    for (int i = 0; i < 16; ++i) w.emplace("t" + std::to_string(i), torch::randn({n / 16}).to(dtype));
    const auto start = std::chrono::steady_clock::now();
    check_finite(w, "UNet", "bench");
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("check_finite %s: %lld MB in %.3f s = %.0f MB/s\n", dtype == torch::kFloat32 ? "F32" : "F16",
                static_cast<long long>(bytes >> 20), s, (bytes >> 20) / s);
    EXPECT_GT((bytes >> 20) / s, 100.0) << "slower than a disk reads";
  }
}

INSTANTIATE_TEST_SUITE_P(Reference, BadModel, ::testing::ValuesIn(reference_models()),
                         rashisa::testing::model_test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(BadModel);

}  // namespace
}  // namespace rashisa::model_io
