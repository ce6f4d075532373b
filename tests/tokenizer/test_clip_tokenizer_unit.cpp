// ClipTokenizer behaviour on a small synthetic vocabulary written in the
// diffusers tokenizer/ layout (no reference data needed).
#include "engine/core/error.h"
#include "engine/ml/tokenizer/clip_tokenizer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using rashisa::Error;
using rashisa::ErrorCode;
using rashisa::ml::ClipBpe;
using rashisa::ml::ClipTokenizer;
using Strings = std::vector<std::string>;
using Ids = std::vector<int64_t>;

const Strings kMerges = {"t o", "to y</w>", "c a", "ca t</w>", "s k", "sk s</w>"};

// A CLIP-shaped vocabulary: bytes, bytes + "</w>", merges, then the two specials.
class TinyTokenizerFolder {
 public:
  explicit TinyTokenizerFolder(const std::string& name, const json& config = nullptr,
                               const json& special_map = nullptr, const json& added = nullptr)
      : dir_(fs::temp_directory_path() / ("rashisa_tok_" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    json vocab = json::object();
    for (const std::string& b : ClipBpe::byte_encoder()) vocab[b] = vocab.size();
    for (const std::string& b : ClipBpe::byte_encoder()) vocab[b + "</w>"] = vocab.size();
    std::ofstream merges(dir_ / "merges.txt");
    merges << "#version: 0.2\n";
    for (const std::string& m : kMerges) {
      merges << m << "\n";
      const auto space = m.find(' ');
      vocab[m.substr(0, space) + m.substr(space + 1)] = vocab.size();
    }
    vocab["<|startoftext|>"] = vocab.size();
    vocab["<|endoftext|>"] = vocab.size();
    std::ofstream(dir_ / "vocab.json") << vocab.dump(2);
    if (!config.is_null()) std::ofstream(dir_ / "tokenizer_config.json") << config.dump();
    if (!special_map.is_null()) std::ofstream(dir_ / "special_tokens_map.json") << special_map.dump();
    if (!added.is_null()) std::ofstream(dir_ / "added_tokens.json") << added.dump();
  }
  ~TinyTokenizerFolder() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

int64_t id(const ClipTokenizer& tok, const std::string& token) {
  auto found = tok.token_id(token);
  if (!found) throw std::runtime_error("no token " + token);
  return *found;
}

TEST(ClipTokenizer, BpeMergesAndSpecialIds) {
  TinyTokenizerFolder folder("basic");
  const ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  EXPECT_EQ(tok.vocab_size(), 512 + 6 + 2);
  EXPECT_EQ(tok.bos_id(), id(tok, "<|startoftext|>"));
  EXPECT_EQ(tok.eos_id(), id(tok, "<|endoftext|>"));
  EXPECT_EQ(tok.pad_id(), tok.eos_id());
  EXPECT_EQ(tok.tokens("A Toy, a CAT!"), (Strings{"a</w>", "toy</w>", ",</w>", "a</w>", "cat</w>", "!</w>"}));
  EXPECT_EQ(tok.tokens("toys"), (Strings{"to", "y", "s</w>"}));
  EXPECT_EQ(tok.encode("toy cat"), (Ids{id(tok, "toy</w>"), id(tok, "cat</w>")}));
  // The pattern's special-token alternatives come out whole (CLIPTokenizer's seeded BPE cache).
  EXPECT_EQ(tok.encode("<|STARTOFTEXT|>"), (Ids{tok.bos_id()}));
}

TEST(ClipTokenizer, SingleTokenId) {
  TinyTokenizerFolder folder("single");
  const ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  EXPECT_EQ(tok.single_token_id("toy"), id(tok, "toy</w>"));
  EXPECT_EQ(tok.single_token_id(" TOY "), id(tok, "toy</w>"));
  EXPECT_EQ(tok.single_token_id("toys"), std::nullopt);
  EXPECT_EQ(tok.single_token_id("toy cat"), std::nullopt);
  EXPECT_EQ(tok.single_token_id(""), std::nullopt);
}

TEST(ClipTokenizer, AddedTokensAreCaseSensitiveAndLeftmostLongest) {
  TinyTokenizerFolder folder("added");
  ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  const int64_t size = tok.vocab_size();
  const int64_t sks = tok.add_token("<sks>");
  EXPECT_EQ(sks, size);
  EXPECT_EQ(tok.vocab_size(), size + 1);
  EXPECT_EQ(tok.add_token("<sks>"), sks);
  EXPECT_EQ(tok.vocab_size(), size + 1);
  EXPECT_EQ(tok.encode("a <sks>toy"), (Ids{id(tok, "a</w>"), sks, id(tok, "toy</w>")}));
  EXPECT_EQ(tok.tokens("a<sks>b"), (Strings{"a</w>", "<sks>", "b</w>"}));
  EXPECT_EQ(tok.tokens("<SKS>"), (Strings{"<</w>", "sks</w>", "></w>"}));

  const int64_t ab = tok.add_token("ab");
  const int64_t abcd = tok.add_token("abcd");
  const int64_t bc = tok.add_token("bc");
  EXPECT_EQ(tok.encode("xabcdx"), (Ids{id(tok, "x</w>"), abcd, id(tok, "x</w>")}));
  EXPECT_EQ(tok.encode("abce"), (Ids{ab, id(tok, "c"), id(tok, "e</w>")}));
  EXPECT_EQ(tok.encode("abc"), (Ids{ab, id(tok, "c</w>")}));
  EXPECT_EQ(tok.encode("xbcd"), (Ids{id(tok, "x</w>"), bc, id(tok, "d</w>")}));

  // Adding an existing vocabulary entry keeps its id but splits it out verbatim.
  const int64_t before = tok.vocab_size();
  EXPECT_EQ(tok.add_token("ca"), id(tok, "ca"));
  EXPECT_EQ(tok.vocab_size(), before);
  EXPECT_EQ(tok.tokens("cat"), (Strings{"ca", "t</w>"}));
  EXPECT_THROW(tok.add_token(""), Error);

  // A copy made before adding does not see later additions.
  const ClipTokenizer fresh = ClipTokenizer::from_folder(folder.dir());
  ClipTokenizer copy = fresh;
  copy.add_token("<new>");
  EXPECT_EQ(fresh.token_id("<new>"), std::nullopt);
  EXPECT_TRUE(copy.token_id("<new>").has_value());
}

TEST(ClipTokenizer, PadTokenFromSpecialTokensMapIsSplitOut) {
  // SD 2.x: the special tokens map says "!" while tokenizer_config.json may not.
  const json config = {{"pad_token", "<|endoftext|>"},
                       {"bos_token", {{"__type", "AddedToken"}, {"content", "<|startoftext|>"}}}};
  const json special_map = {{"pad_token", "!"}, {"eos_token", {{"content", "<|endoftext|>"}}}};
  TinyTokenizerFolder folder("pad", config, special_map);
  const ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  EXPECT_EQ(tok.special_tokens().pad, "!");
  EXPECT_EQ(tok.pad_id(), id(tok, "!"));
  EXPECT_EQ(tok.tokens("cat!!"), (Strings{"cat</w>", "!", "!"}));
  EXPECT_EQ(tok.tokens("cat?!"), (Strings{"cat</w>", "?</w>", "!"}));
  const rashisa::ml::TokenizedPrompt p = tok.tokenize("cat", 5);
  EXPECT_EQ(p.input_ids, (Ids{tok.bos_id(), id(tok, "cat</w>"), tok.eos_id(), tok.pad_id(), tok.pad_id()}));

  const ClipTokenizer from_files =
      ClipTokenizer::from_files(folder.dir() / "vocab.json", folder.dir() / "merges.txt", "!");
  EXPECT_EQ(from_files.pad_id(), id(tok, "!"));
  EXPECT_EQ(from_files.tokens("cat!"), (Strings{"cat</w>", "!"}));
}

TEST(ClipTokenizer, AddedTokensFileAndDecoderEntries) {
  const json config = {{"added_tokens_decoder", {{"600", {{"content", "<one>"}, {"special", false}}}}}};
  TinyTokenizerFolder folder("addedfile", config, nullptr, json{{"<two>", 601}});
  ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  EXPECT_EQ(tok.token_id("<one>"), 600);
  EXPECT_EQ(tok.token_id("<two>"), 601);
  EXPECT_EQ(tok.encode("<one>toy<two>"), (Ids{600, id(tok, "toy</w>"), 601}));
  EXPECT_EQ(tok.vocab_size(), 512 + 6 + 2 + 2);
}

TEST(ClipTokenizer, TruncationAndPadding) {
  TinyTokenizerFolder folder("trunc");
  const ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  const int64_t toy = id(tok, "toy</w>");
  const int64_t bos = tok.bos_id(), eos = tok.eos_id(), pad = tok.pad_id();

  auto p = tok.tokenize("toy toy toy toy toy", 5);
  EXPECT_TRUE(p.truncated);
  EXPECT_EQ(p.input_ids, (Ids{bos, toy, toy, toy, eos}));
  EXPECT_EQ(p.attention_mask, (Ids{1, 1, 1, 1, 1}));

  p = tok.tokenize("toy toy toy", 5);
  EXPECT_FALSE(p.truncated);
  EXPECT_EQ(p.input_ids, (Ids{bos, toy, toy, toy, eos}));

  p = tok.tokenize("toy", 5);
  EXPECT_FALSE(p.truncated);
  EXPECT_EQ(p.input_ids, (Ids{bos, toy, eos, pad, pad}));
  EXPECT_EQ(p.attention_mask, (Ids{1, 1, 1, 0, 0}));

  p = tok.tokenize("");
  ASSERT_EQ(p.input_ids.size(), 77u);
  EXPECT_EQ(p.input_ids[0], bos);
  EXPECT_EQ(p.input_ids[1], eos);
  EXPECT_EQ(p.attention_mask[1], 1);
  EXPECT_EQ(p.attention_mask[2], 0);

  EXPECT_EQ(tok.tokenize("toy", 2).input_ids, (Ids{bos, eos}));
  try {
    tok.tokenize("toy", 1);
    FAIL() << "max_length 1 accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
  }
}

TEST(ClipTokenizer, InvalidUtf8DoesNotCrash) {
  TinyTokenizerFolder folder("utf8");
  const ClipTokenizer tok = ClipTokenizer::from_folder(folder.dir());
  // Each ill-formed sequence becomes U+FFFD, which the normaliser deletes.
  EXPECT_EQ(tok.encode("to\xFFy"), tok.encode("toy"));
  EXPECT_EQ(tok.encode("t\xC3o\xE6\x9Dy\xED\xA0\x80"), tok.encode("toy"));
  EXPECT_TRUE(tok.encode("\xE6\x9D").empty());
  EXPECT_TRUE(tok.tokens(std::string("\x00\xC0\xAF", 3)).empty());
  EXPECT_EQ(tok.tokenize("\xF4\x90\x80\x80 toy", 5).input_ids[1], id(tok, "toy</w>"));
}

TEST(ClipTokenizer, ErrorsNameTheProblem) {
  const fs::path missing = fs::temp_directory_path() / "rashisa_tok_does_not_exist";
  fs::remove_all(missing);
  auto code_of = [](auto&& fn) {
    try {
      fn();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::Internal;
  };
  EXPECT_EQ(code_of([&] { ClipTokenizer::from_folder(missing); }), ErrorCode::FileNotFound);

  TinyTokenizerFolder no_merges("nomerges");
  fs::remove(no_merges.dir() / "merges.txt");
  EXPECT_EQ(code_of([&] { ClipTokenizer::from_folder(no_merges.dir()); }), ErrorCode::FileNotFound);

  TinyTokenizerFolder bad_vocab("badvocab");
  std::ofstream(bad_vocab.dir() / "vocab.json") << "{\"a\": ";
  EXPECT_EQ(code_of([&] { ClipTokenizer::from_folder(bad_vocab.dir()); }), ErrorCode::FileFormat);

  TinyTokenizerFolder bad_pad("badpad", json{{"pad_token", 3}});
  EXPECT_EQ(code_of([&] { ClipTokenizer::from_folder(bad_pad.dir()); }), ErrorCode::FileFormat);

  TinyTokenizerFolder bad_merges("badmerges");
  std::ofstream(bad_merges.dir() / "merges.txt") << "#version: 0.2\nt o\nnot a merge\n";
  EXPECT_EQ(code_of([&] { ClipTokenizer::from_folder(bad_merges.dir()); }), ErrorCode::FileFormat);
}

}  // namespace
