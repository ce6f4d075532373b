// Pickle checkpoints are refused by name and by content, with a message that says why.
#include "engine/model_io/diffusers_folder.h"
#include "engine/model_io/ldm_checkpoint.h"
#include "engine/model_io/pickle_guard.h"
#include "engine/model_io/safetensors_torch.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <functional>

namespace mio = rashisa::model_io;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const std::string& name, const std::string& bytes) {
  const fs::path p = fs::temp_directory_path() / ("rashisa_pickle_" + name);
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

// torch.save since 1.6: a zip archive; before: pickle protocol 2.
const std::string kZip = std::string("PK\x03\x04\x14\x00\x00\x00\x00\x00", 10) + std::string(100, 'x');
const std::string kPickle = std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46", 8) + std::string(100, 'x');

void expect_unsafe(const std::function<void()>& f) {
  try {
    f();
    ADD_FAILURE() << "accepted a pickle file";
  } catch (const rashisa::Error& e) {
    EXPECT_EQ(e.code(), rashisa::ErrorCode::UnsafeFormat) << e.what();
    EXPECT_NE(std::string(e.what()).find("run"), std::string::npos) << "the message must say pickles can run code";
    EXPECT_NE(std::string(e.what()).find(".safetensors"), std::string::npos) << "the message must say what to use";
  }
}

}  // namespace

TEST(PickleGuard, RefusesPickleExtensionsWithoutReadingThem) {
  for (const char* name : {"model.ckpt", "pytorch_model.bin", "weights.PT", "x.pth", "y.pkl"}) {
    EXPECT_TRUE(mio::has_pickle_extension(name)) << name;
    expect_unsafe([&] { mio::refuse_pickle(fs::path("/nonexistent") / name); });
  }
  EXPECT_FALSE(mio::has_pickle_extension("model.safetensors"));
  EXPECT_NO_THROW(mio::refuse_pickle("/nonexistent/model.safetensors"));
}

TEST(PickleGuard, RefusesPickleOrZipContentNamedSafetensors) {
  for (const auto& [name, bytes] : {std::pair{"zip.safetensors", kZip}, std::pair{"pickle.safetensors", kPickle}}) {
    const fs::path p = write_file(name, bytes);
    EXPECT_TRUE(mio::has_pickle_content(p)) << name;
    expect_unsafe([&] { mio::refuse_pickle(p); });
    expect_unsafe([&] { mio::SafetensorsFile::open(p); });
    expect_unsafe([&] { mio::load_single_file(p); });
    fs::remove(p);
  }
}

TEST(PickleGuard, RealSafetensorsWhoseLengthLooksLikeMagicIsAccepted) {
  // A header of 0x280 = 640 bytes starts with the bytes 0x80 0x02, like pickle protocol 2.
  std::string header = "{\"__metadata__\":{\"pad\":\"" + std::string(640 - 27, 'p') + "\"}}";
  ASSERT_EQ(header.size(), 640u);
  std::string bytes(8, '\0');
  bytes[0] = static_cast<char>(0x80);
  bytes[1] = 0x02;
  const fs::path p = write_file("lookalike.safetensors", bytes + header);
  EXPECT_FALSE(mio::has_pickle_content(p));
  EXPECT_NO_THROW(mio::refuse_pickle(p));
  EXPECT_NO_THROW(mio::SafetensorsFile::open(p));
  fs::remove(p);
}

TEST(PickleGuard, SingleFileLoaderRefusesCkpt) {
  const fs::path p = write_file("model.ckpt", kZip);
  expect_unsafe([&] { mio::load_single_file(p); });
  fs::remove(p);
}
