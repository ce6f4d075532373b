// Bad model folders at the places where the user brings a model in: describe_model (the
// window's first look), ModelSession::open / set_project_model, and `rashisa-cli project
// set-model`. Each is refused with its ModelFault before any module is built, the project keeps
// no base model, and the CLI exits with code 4 (README: a damaged or unfitting model) and a
// message that says what is wrong and what to do. Built from the first reference model.
#include "engine/core/error.h"
#include "engine/model_io/diffusers_folder.h"
#include "engine/model_io/safetensors_torch.h"
#include "engine/store/project.h"
#include "engine/workflow/model_session.h"
#include "engine/workflow/model_summary.h"
#include "tests/support/model_fault_of.h"
#include "tests/support/reference.h"
#include "tests/workflow/cli_runner.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <functional>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::fault_of;
using nlohmann::json;


class BadModelLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::reference_available()) GTEST_SKIP() << "no reference models";
    const json& m = testing::manifest().at("models").begin().value();
    fs::copy(testing::reference_dir() / m.at("path").get<std::string>(), model_, fs::copy_options::recursive);
    for (const auto& e : fs::recursive_directory_iterator(model_))
      fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
  }

  /// Breaks the copy: a UNet config that disagrees with its weights.
  void break_config() {
    json c = model_io::read_json_file(model_ / "unet" / "config.json");
    for (auto& ch : c["block_out_channels"]) ch = ch.get<int>() * 2;
    std::ofstream(model_ / "unet" / "config.json") << c.dump(2);
  }
  /// Breaks the copy: one NaN in the VAE's weights (shapes and configs stay right).
  void put_nan() {
    const fs::path file = model_ / "vae" / "diffusion_pytorch_model.safetensors";
    auto tensors = model_io::load_all(model_io::SafetensorsFile::open(file));
    for (auto& [name, t] : tensors) t = t.clone();
    tensors.begin()->second.view({-1})[0] = std::nan("");
    model_io::save_tensors(file, tensors);
  }

  testing::TestFolder tmp_{"rashisa_bad_model_load"};
  const fs::path model_ = tmp_.path() / "model";
  const fs::path project_ = tmp_.path() / "p.rashisa";
};

TEST_F(BadModelLoad, ConfigMismatchIsRefusedAtTheFirstLook) {
  break_config();
  std::string message;
  EXPECT_EQ(fault_of([&] { describe_model(model_); }, &message), ModelFault::ConfigMismatch);
  EXPECT_NE(message.find("unet/config.json does not describe the weights"), std::string::npos) << message;
  EXPECT_EQ(fault_of([&] { ModelSession::open(model_, {}); }), ModelFault::ConfigMismatch);
}

TEST_F(BadModelLoad, NanWeightsAreRefusedWhenTheModelIsSet) {
  put_nan();
  auto project = store::Project::create(project_);
  const auto start = std::chrono::steady_clock::now();
  std::string message;
  EXPECT_EQ(fault_of([&] { set_project_model(project, model_, {}); }, &message), ModelFault::NonFinite);
  EXPECT_NE(message.find("NaN or infinite"), std::string::npos) << message;
  EXPECT_TRUE(project.base_model().path.empty()) << "a refused model is not recorded";
  std::printf("NaN model refused in %.3f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

TEST_F(BadModelLoad, CliSetModelExitsWithTheBadModelCode) {
  ASSERT_EQ(testing::run_cli({"project", "new", project_.string()}).status, 0);
  break_config();
  auto r = testing::run_cli({"project", "set-model", project_.string(), model_.string()});
  EXPECT_EQ(r.status, 4) << r.err;
  EXPECT_NE(r.err.find("does not describe the weights beside it"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("download the model again"), std::string::npos) << r.err;

  fs::remove_all(model_);
  SetUp();
  put_nan();
  r = testing::run_cli({"project", "set-model", project_.string(), model_.string()});
  EXPECT_EQ(r.status, 4) << r.err;
  EXPECT_NE(r.err.find("NaN or infinite"), std::string::npos) << r.err;
  EXPECT_TRUE(store::Project::open(project_).base_model().path.empty());
}

}  // namespace
}  // namespace rashisa::workflow
