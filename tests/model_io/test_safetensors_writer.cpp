// The writer replaces files atomically: a failed write leaves the old file as it was.
#include "engine/model_io/atomic_file.h"
#include "engine/model_io/safetensors_torch.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#ifndef _WIN32
#include <csignal>
#include <sys/resource.h>
#endif

namespace mio = rashisa::model_io;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class SafetensorsWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rashisa_writer_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ / "weights.safetensors";
    mio::save_tensors(path_, {{"old", torch::arange(6, torch::kFloat32)}}, {{"version", "1"}});
    old_bytes_ = read_all(path_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void expect_old_file_intact() {
    EXPECT_EQ(read_all(path_), old_bytes_);
    auto f = mio::SafetensorsFile::open(path_);
    EXPECT_EQ(f.metadata().at("version"), "1");
    EXPECT_TRUE(torch::equal(mio::tensor_view(f, "old"), torch::arange(6, torch::kFloat32)));
  }

  fs::path dir_, path_;
  std::string old_bytes_;
};

}  // namespace

TEST_F(SafetensorsWriter, ReplacesTheFileAndLeavesNoTemporary) {
  mio::save_tensors(path_, {{"new", torch::ones({2, 3})}}, {{"version", "2"}});
  auto f = mio::SafetensorsFile::open(path_);
  EXPECT_EQ(f.metadata().at("version"), "2");
  EXPECT_EQ(f.find("old"), nullptr);
  EXPECT_TRUE(torch::equal(mio::tensor_view(f, "new"), torch::ones({2, 3})));
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
}

TEST_F(SafetensorsWriter, InvalidTensorsFailBeforeTouchingTheFile) {
  const float x[2] = {1, 2};
  std::vector<mio::TensorBytes> dup = {{"a", mio::DType::F32, {2}, x, 8}, {"a", mio::DType::F32, {2}, x, 8}};
  EXPECT_THROW(mio::write_safetensors(path_, dup), rashisa::Error);
  std::vector<mio::TensorBytes> wrong_size = {{"a", mio::DType::F32, {3}, x, 8}};
  EXPECT_THROW(mio::write_safetensors(path_, wrong_size), rashisa::Error);
  std::vector<mio::TensorBytes> reserved = {{"__metadata__", mio::DType::F32, {2}, x, 8}};
  EXPECT_THROW(mio::write_safetensors(path_, reserved), rashisa::Error);
  expect_old_file_intact();
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
}

TEST_F(SafetensorsWriter, UncreatableTemporaryLeavesTheOldFile) {
  fs::create_directory(path_.string() + ".tmp");  // the temporary name is taken by a folder
  try {
    mio::save_tensors(path_, {{"new", torch::ones({4})}});
    ADD_FAILURE() << "the write succeeded";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::FileWrite) << e.what();
  }
  expect_old_file_intact();
}

#ifndef _WIN32
// A write that fails half-way (here: the process file-size limit, which makes write()
// return EFBIG like a full disk returns ENOSPC) must not replace the old file.
TEST_F(SafetensorsWriter, WriteFailingHalfWayLeavesTheOldFile) {
  struct rlimit saved {};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = saved;
  small.rlim_cur = 64 * 1024;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  bool threw = false;
  rashisa::ErrorCode code = rashisa::ErrorCode::Internal;
  try {
    mio::save_tensors(path_, {{"big", torch::ones({1 << 20})}});  // 4 MiB > the limit
  } catch (const rashisa::Error& e) {
    threw = true;
    code = e.code();
  }
  setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(threw);
  EXPECT_EQ(code, rashisa::ErrorCode::FileWrite);
  expect_old_file_intact();
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
}
#endif

TEST_F(SafetensorsWriter, AbandonedAtomicFileRemovesItsTemporary) {
  {
    mio::AtomicFile f(path_);
    f.write("partial", 7);
    EXPECT_TRUE(fs::exists(f.temp_path()));
  }
  EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
  expect_old_file_intact();
}
