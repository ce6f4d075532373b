// check_tokenizer on small tokenizer folders, without libtorch (so the sanitizer build runs it):
// ids against the text encoder's rows, added tokens (added_tokens.json and
// tokenizer_config.json's added_tokens_decoder) counted and exempt from the merge check, merges
// that make unknown tokens.
#include "engine/core/error.h"
#include "engine/model_io/tokenizer_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using rashisa::ModelError;
using rashisa::ModelFault;
using rashisa::model_io::check_tokenizer;

namespace {

class TokenizerFolder {
 public:
  TokenizerFolder()
      : dir_(fs::temp_directory_path() / ("rashisa_tokenizer_check_" + std::to_string(getpid()) + "_" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // a, b and "ab</w>" (made by the one merge), the start and end tokens, and "<extra>", which
    // no merge makes: it must be listed as an added token.
    write("vocab.json",
          R"({"a": 0, "b": 1, "a</w>": 2, "b</w>": 3, "ab</w>": 4, "<|startoftext|>": 5, "<|endoftext|>": 6,
              "<extra>": 7})");
    write("merges.txt", "#version: 0.2\na b</w>\n");
    write("added_tokens.json", R"({"<extra>": 7})");
  }
  ~TokenizerFolder() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

ModelFault fault_of(const fs::path& dir, std::int64_t rows) {
  try {
    check_tokenizer(dir, rows, "model");
  } catch (const ModelError& e) {
    return e.fault();
  }
  ADD_FAILURE() << "no ModelError for " << rows << " rows";
  return ModelFault::ConfigMismatch;
}

}  // namespace

TEST(TokenizerCheck, AMatchingTokenizerPasses) {
  TokenizerFolder t;
  EXPECT_NO_THROW(check_tokenizer(t.dir(), 8, "model"));
  EXPECT_NO_THROW(check_tokenizer(t.dir(), -1, "model"));  // rows not known: not compared
}

TEST(TokenizerCheck, IdsAreComparedWithTheTextEncodersRows) {
  TokenizerFolder t;
  EXPECT_EQ(fault_of(t.dir(), 7), ModelFault::TokenizerMismatch);
  EXPECT_EQ(fault_of(t.dir(), 49408), ModelFault::TokenizerMismatch);
}

TEST(TokenizerCheck, AddedTokensCountFromEitherFile) {
  TokenizerFolder t;
  t.write("tokenizer_config.json", R"({"added_tokens_decoder": {"8": {"content": "<more>"}, "x": {}}})");
  EXPECT_NO_THROW(check_tokenizer(t.dir(), 9, "model"));
  EXPECT_EQ(fault_of(t.dir(), 8), ModelFault::TokenizerMismatch);
}

TEST(TokenizerCheck, ATokenNoMergeMakesMustBeAnAddedToken) {
  TokenizerFolder t;
  t.write("added_tokens.json", "{}");
  EXPECT_EQ(fault_of(t.dir(), 8), ModelFault::TokenizerMismatch);
}

TEST(TokenizerCheck, MergesOfAnotherTokenizerAreRefused) {
  TokenizerFolder t;
  t.write("merges.txt", "#version: 0.2\na b</w>\nb a</w>\n");
  EXPECT_EQ(fault_of(t.dir(), 8), ModelFault::TokenizerMismatch);
}

TEST(TokenizerCheck, OtherStartAndEndTokensAreRefused) {
  TokenizerFolder t;
  t.write("special_tokens_map.json", R"({"bos_token": "<s>", "eos_token": "</s>"})");
  EXPECT_EQ(fault_of(t.dir(), 8), ModelFault::TokenizerMismatch);
}
