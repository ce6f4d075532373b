// The checks the GUI runs before any work: the device, what a base model is, and whether a
// category word is one token of the model's tokenizer (with the GUI's list of everyday
// category words checked against every reference model).
#include "engine/core/error.h"
#include "engine/workflow/category_check.h"
#include "engine/workflow/device_probe.h"
#include "engine/workflow/model_summary.h"
#include "tests/workflow/model_tests.h"

#include <gtest/gtest.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include <unistd.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using rashisa::testing::code_of;
using rashisa::testing::reference_models;

TEST(DeviceProbe, DescribesTheCpu) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "this machine has a GPU; the CPU case is tested where there is none";
  for (const std::string name : {"auto", "cpu", ""}) {
    const DeviceInfo d = probe_device(name);
    EXPECT_EQ(d.name, "cpu") << name;
    EXPECT_FALSE(d.cuda);
    EXPECT_FALSE(d.bf16);
    EXPECT_EQ(d.description.rfind("CPU (", 0), 0u) << d.description;
    EXPECT_NE(d.description.find("threads)"), std::string::npos) << d.description;
#if defined(__linux__)
    EXPECT_EQ(d.total_memory, static_cast<std::int64_t>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE));
    EXPECT_GT(d.free_memory, 0);
    EXPECT_LE(d.free_memory, d.total_memory);
#endif
    EXPECT_EQ(d.torch_version, TORCH_VERSION);
    EXPECT_EQ(d.memory_plan, "cpu") << "training on the CPU uses the cpu plan";
  }
  EXPECT_EQ(code_of([] { probe_device("cuda:0"); }), ErrorCode::InvalidArgument) << "no GPU here";
  EXPECT_EQ(code_of([] { probe_device("gpu"); }), ErrorCode::InvalidArgument);
}

TEST(DeviceProbe, NamesTheMemoryPlanTrainingWouldChooseOnTheGpu) {
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no GPU here";
  const DeviceInfo d = probe_device("cuda:0");
  ASSERT_TRUE(d.cuda);
  const double gib = static_cast<double>(d.free_memory) / (1ull << 30);
  const std::string expected = gib >= 22 ? "24gb" : gib >= 15 ? "16gb" : gib >= 11 ? "12gb" : "8gb";
  EXPECT_EQ(d.memory_plan, expected) << gib << " GiB free";
  EXPECT_EQ(probe_device("cpu").memory_plan, "cpu");
}

TEST(DescribeModel, ReadsEveryReferenceModel) {
  for (const auto& [key, dir] : reference_models()) {
    SCOPED_TRACE(key);
    const json& m = rashisa::testing::manifest().at("models").at(key);
    const ModelSummary s = describe_model(dir);
    EXPECT_EQ(s.path, fs::absolute(dir).lexically_normal().u8string());
    EXPECT_EQ(s.layout, "diffusers folder");
    const bool sd2 = m.at("text_encoder").at("hidden_act") == "gelu";
    EXPECT_EQ(s.family, sd2 ? "SD 2.x" : "SD 1.x");
    std::ifstream sched(dir / "scheduler/scheduler_config.json");
    EXPECT_EQ(s.v_prediction, json::parse(sched).value("prediction_type", "epsilon") == "v_prediction");
    // diffusers: sample_size x 2^(VAE levels - 1).
    const int expected_resolution = m.at("unet").at("sample_size").get<int>() *
                                    (1 << (m.at("vae").at("block_out_channels").size() - 1));
    EXPECT_EQ(s.native_resolution, expected_resolution);
    std::int64_t parameters = 0;
    for (const auto& [component, count] : m.at("num_parameters").items()) parameters += count.get<std::int64_t>();
    EXPECT_EQ(s.parameters, parameters);
  }
}

TEST(DescribeModel, RefusesMissingAndUnsafeModels) {
  const fs::path dir = fs::temp_directory_path() / ("rashisa_describe_" + std::to_string(getpid()));
  fs::create_directories(dir);
  EXPECT_EQ(code_of([&] { describe_model(dir / "no-such-model"); }), ErrorCode::FileNotFound);
  {
    std::ofstream(dir / "model.ckpt", std::ios::binary) << "\x80\x02}q\x00.";  // a pickle
  }
  EXPECT_EQ(code_of([&] { describe_model(dir / "model.ckpt"); }), ErrorCode::UnsafeFormat);
  EXPECT_EQ(code_of([&] { category_problem(dir / "model.ckpt", "mug"); }), ErrorCode::UnsafeFormat);
  fs::create_directories(dir / "not-a-model");
  EXPECT_EQ(code_of([&] { describe_model(dir / "not-a-model"); }), ErrorCode::FileNotFound);
  fs::remove_all(dir);
}

TEST(CategoryProblem, SaysWhyAWordDoesNotWork) {
  for (const auto& [key, dir] : reference_models()) {
    SCOPED_TRACE(key);
    EXPECT_EQ(category_problem(dir, "mug"), std::nullopt);
    EXPECT_EQ(category_problem(dir, "Bottle"), std::nullopt) << "the tokenizer lower-cases";
    const auto expect_problem = [&](const std::string& word, const std::string& says) {
      const auto problem = category_problem(dir, word);
      ASSERT_TRUE(problem) << word;
      EXPECT_NE(problem->find(says), std::string::npos) << word << ": " << *problem;
      EXPECT_NE(problem->find("mug"), std::string::npos) << "gives examples: " << *problem;
    };
    expect_problem("", "Choose a category");
    expect_problem("   ", "Choose a category");
    expect_problem("coffee mug", "more than one word");
    expect_problem("マグカップ", "a-z");
    expect_problem("<|endoftext|>", "a-z");
    expect_problem("mug2", "a-z");
    expect_problem("zqxjmugwump", "it reads it as ");
    const auto padded = category_problem(dir, " mug ");
    ASSERT_TRUE(padded);
    EXPECT_NE(padded->find("spaces around"), std::string::npos) << *padded;
  }
}

// The GUI's list of everyday category words (GUI.md, Photos page), as it ships: every word must
// be one token of every reference model's tokenizer. Words of the first draft of the list that
// are not go to kDropped (none were: all 46 are single CLIP tokens).
const char* const kEverydayCategories[] = {
    "mug",    "cup",      "bottle",   "bag",    "shoe",    "watch",  "clock",    "chair",    "table",    "lamp",
    "vase",   "bowl",     "plate",    "toy",    "doll",    "hat",    "wallet",   "glasses",  "umbrella", "knife",
    "candle", "soap",     "perfume",  "teapot", "jar",     "box",    "can",      "camera",   "speaker",  "headphones",
    "sofa",   "pillow",   "towel",    "jacket", "shirt",   "dress",  "ring",     "necklace", "bracelet", "backpack",
    "pen",    "notebook", "plant",    "cake",   "bread",   "cookie"};
const std::vector<std::string> kDropped = {};

TEST(CategoryProblem, EverydayCategoryWordsAreSingleTokens) {
  EXPECT_EQ(std::size(kEverydayCategories) + kDropped.size(), 46u) << "the draft list had 46 words";
  for (const auto& [key, dir] : reference_models()) {
    std::string rejected;
    for (const char* word : kEverydayCategories) {
      const auto problem = category_problem(dir, word);
      if (problem) rejected += std::string(rejected.empty() ? "" : ", ") + word;
      EXPECT_FALSE(problem) << key << ": \"" << word << "\" is in the GUI's list but " << *problem;
    }
    std::printf("%s: category words that are not single tokens: %s\n", key.c_str(),
                rejected.empty() ? "(none)" : rejected.c_str());
    for (const auto& word : kDropped) EXPECT_TRUE(category_problem(dir, word)) << key << ": " << word << " works";
  }
}

}  // namespace
}  // namespace rashisa::workflow
