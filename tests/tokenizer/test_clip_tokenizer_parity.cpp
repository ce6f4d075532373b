// CLIP tokenizer against the golden tokenizer cases (transformers' slow
// CLIPTokenizer without ftfy): every prompt must give identical ids, mask and tokens.
#include "engine/ml/tokenizer/clip_tokenizer.h"
#include "tests/support/reference.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace {

using rashisa::ml::ClipTokenizer;
using rashisa::testing::RefCase;
using nlohmann::json;

json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return json::parse(in);
}

// The prompt as a C-escaped string, so control characters show in failures.
std::string show(const std::string& s) {
  std::ostringstream os;
  os << '"';
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) {
      static const char* hex = "0123456789abcdef";
      os << "\\x" << hex[c >> 4] << hex[c & 15];
    } else {
      os << c;
    }
  }
  os << '"';
  return os.str();
}

template <typename T>
std::string show_list(const std::vector<T>& v) {
  std::ostringstream os;
  os << '[';
  for (std::size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
  os << ']';
  return os.str();
}

class ClipTokenizerParity : public ::testing::TestWithParam<RefCase> {};

TEST_P(ClipTokenizerParity, EveryPromptMatches) {
  const RefCase& c = GetParam();
  const json golden = read_json(c.file());
  const ClipTokenizer base = ClipTokenizer::from_folder(c.model_dir() / "tokenizer");

  EXPECT_EQ(base.bos_id(), golden.at("bos_token_id").get<int64_t>());
  EXPECT_EQ(base.eos_id(), golden.at("eos_token_id").get<int64_t>());
  EXPECT_EQ(base.pad_id(), golden.at("pad_token_id").get<int64_t>());
  EXPECT_EQ(base.unk_id(), golden.at("unk_token_id").get<int64_t>());
  EXPECT_EQ(base.special_tokens().pad, golden.at("pad_token").get<std::string>());

  // Added tokens in id order, as add_tokens() assigned them.
  ClipTokenizer with_added = base;
  std::map<int64_t, std::string> added_by_id;
  const json added_tokens = golden.value("added_tokens", json::object());
  for (const auto& [token, id] : added_tokens.items()) added_by_id[id.get<int64_t>()] = token;
  for (const auto& [id, token] : added_by_id) EXPECT_EQ(with_added.add_token(token), id) << token;
  const int max_length = golden.value("max_length", 77);

  const json& prompts = golden.at("cases");
  ASSERT_FALSE(prompts.empty());
  int checked = 0;
  for (const json& p : prompts) {
    const std::string prompt = p.at("prompt").get<std::string>();
    const std::string which = p.value("tokenizer", "base");
    ASSERT_TRUE(which == "base" || which == "with_added_tokens") << "unknown tokenizer variant " << which;
    const ClipTokenizer& tok = which == "base" ? base : with_added;
    SCOPED_TRACE("prompt " + show(prompt) + " (" + which + ")");

    const rashisa::ml::TokenizedPrompt got = tok.tokenize(prompt, max_length);
    const auto want_ids = p.at("input_ids").get<std::vector<int64_t>>();
    const auto want_mask = p.at("attention_mask").get<std::vector<int64_t>>();
    EXPECT_EQ(got.input_ids, want_ids) << "got " << show_list(got.input_ids);
    EXPECT_EQ(got.attention_mask, want_mask);
    if (p.contains("truncated")) {
      EXPECT_EQ(got.truncated, p["truncated"].get<bool>());
    }
    if (p.contains("untruncated_ids")) {
      EXPECT_EQ(tok.encode(prompt), p["untruncated_ids"].get<std::vector<int64_t>>());
    }
    if (p.contains("tokens")) {
      const auto got_tokens = tok.tokens(prompt);
      EXPECT_EQ(got_tokens, p["tokens"].get<std::vector<std::string>>()) << "got " << show_list(got_tokens);
    }
    ++checked;
  }
  EXPECT_EQ(checked, c.raw.value("num_prompts", checked));
}

INSTANTIATE_TEST_SUITE_P(Ref, ClipTokenizerParity,
                         ::testing::ValuesIn(rashisa::testing::cases_of_kind("tokenizer")),
                         rashisa::testing::case_test_name);

// The shared CLIP vocabulary: the ids the manifest lists, its size and merge count.
TEST(ClipTokenizerVocabulary, KnownIdsFromManifest) {
  const json& info = rashisa::testing::manifest().at("tokenizer");
  const auto dir = rashisa::testing::reference_dir() / info.at("path").get<std::string>();
  const ClipTokenizer tok = ClipTokenizer::from_files(dir / "vocab.json", dir / "merges.txt");
  EXPECT_EQ(tok.vocab_size(), info.at("vocab_size").get<int64_t>());
  const json& known = info.at("known_ids");
  ASSERT_FALSE(known.empty());
  const std::string end_of_word = "</w>";
  for (const auto& [token, id] : known.items()) {
    EXPECT_EQ(tok.token_id(token), std::optional<int64_t>(id.get<int64_t>())) << token;
    // A whole-word entry is what single_token_id finds for the bare word.
    if (token.size() > end_of_word.size() && token.compare(token.size() - 4, 4, end_of_word) == 0) {
      const std::string word = token.substr(0, token.size() - 4);
      EXPECT_EQ(tok.single_token_id(word), std::optional<int64_t>(id.get<int64_t>())) << word;
      EXPECT_EQ(tok.single_token_id(word + " " + word), std::nullopt) << word;
    }
  }
}

}  // namespace
