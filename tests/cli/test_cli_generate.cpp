// rashisa-cli end to end on the tiny reference models: the PNG it writes equals the
// engine's float image converted as the reference converts it (round(x * 255)), the
// same seed gives the identical file, `info` prints plain parameter counts, and bad
// input gives its documented exit code.
#include "engine/media/image_file.h"
#include "engine/ml/pipeline/txt2img.h"
#include "tests/support/reference.h"

#include <torch/torch.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sys/wait.h>

namespace fs = std::filesystem;
namespace ml = rashisa::ml;

namespace {

struct RunResult {
  int exit_code;
  std::string output;  // stdout + stderr
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

RunResult run_cli(const std::string& args) {
  const std::string cmd = quote(RASHISA_CLI_PATH) + " " + args + " 2>&1";
  RunResult r{-1, {}};
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) r.output += buf.data();
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::pair<std::string, fs::path>> reference_models() {
  std::vector<std::pair<std::string, fs::path>> out;
  for (const auto& [name, m] : rashisa::testing::manifest().at("models").items())
    out.emplace_back(name, rashisa::testing::reference_dir() / m.at("path").get<std::string>());
  return out;
}

fs::path scratch_dir() {
  auto d = fs::temp_directory_path() / ("rashisa_cli_test_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(CliGenerate, PngEqualsEngineImageAndSeedIsReproducible) {
  const auto dir = scratch_dir();
  for (const auto& [name, model_dir] : reference_models()) {
    SCOPED_TRACE(name);
    const std::string prompt = "a photo of a red teapot on a white background";
    const std::string common = "generate --model " + quote(model_dir.string()) + " --prompt " + quote(prompt) +
                               " --steps 3 --sampler ddim --seed 42 --width 64 --height 72 --device cpu";
    const auto a = dir / (name + "-a.png");
    const auto b = dir / (name + "-b.png");
    auto r1 = run_cli(common + " --out " + quote(a.string()));
    ASSERT_EQ(r1.exit_code, 0) << r1.output;
    auto r2 = run_cli(common + " --out " + quote(b.string()));
    ASSERT_EQ(r2.exit_code, 0) << r2.output;
    EXPECT_EQ(read_bytes(a), read_bytes(b)) << "the same seed must give the identical file";

    auto model = ml::load_model(model_dir);
    ml::GenerateParams p;
    p.prompt = prompt;
    p.steps = 3;
    p.sampler = ml::SamplerKind::DDIM;
    p.seed = 42;
    p.width = 64;
    p.height = 72;
    const auto expected = ml::to_uint8_hwc(ml::txt2img(model, p));
    const auto png = rashisa::media::read_rgb(a);
    ASSERT_EQ(png.width, 64);
    ASSERT_EQ(png.height, 72);
    const auto got = torch::from_blob(const_cast<std::uint8_t*>(png.pixels.data()), {72, 64, 3}, torch::kUInt8);
    EXPECT_TRUE(torch::equal(got, expected)) << "PNG differs from the engine image in "
                                             << got.ne(expected).sum().item<int64_t>() << " values";
  }
  fs::remove_all(dir);
}

TEST(CliInfo, PrintsPlainParameterCounts) {
  for (const auto& [name, m] : rashisa::testing::manifest().at("models").items()) {
    SCOPED_TRACE(name);
    auto r = run_cli("info " + quote((rashisa::testing::reference_dir() / m.at("path").get<std::string>()).string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const auto& [component, count] : m.at("num_parameters").items()) {
      const std::string line = component + ": parameters " + std::to_string(count.get<int64_t>()) + " ";
      EXPECT_NE(r.output.find(line), std::string::npos) << "missing \"" << line << "\" in:\n" << r.output;
    }
  }
}

TEST(CliErrors, BadInputGivesDocumentedExitCodes) {
  const auto dir = scratch_dir();
  EXPECT_EQ(run_cli("").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 2);
  EXPECT_EQ(run_cli("info " + quote((dir / "no-such-model").string())).exit_code, 3);
  const auto pickle = dir / "model.ckpt";
  std::ofstream(pickle) << "PK\x03\x04 not really a zip";
  auto r = run_cli("info " + quote(pickle.string()));
  EXPECT_EQ(r.exit_code, 4) << r.output;
  EXPECT_NE(r.output.find("pickle"), std::string::npos) << r.output;
  const auto model_dir = reference_models().front().second;
  auto bad_size = run_cli("generate --model " + quote(model_dir.string()) +
                          " --prompt x --width 100 --out " + quote((dir / "x.png").string()));
  EXPECT_EQ(bad_size.exit_code, 2) << bad_size.output;
  EXPECT_NE(bad_size.output.find("multiples of 8"), std::string::npos) << bad_size.output;
  fs::remove_all(dir);
}
