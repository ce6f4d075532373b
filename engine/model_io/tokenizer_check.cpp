#include "engine/model_io/tokenizer_check.h"

#include "engine/core/error.h"
#include "engine/model_io/python_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rashisa::model_io {

namespace fs = std::filesystem;

namespace {

// transformers' CLIPTokenizer reads at most 49152 - 256 - 2 merges after the header line.
constexpr std::size_t kMaxMerges = 49152 - 256 - 2;
constexpr const char* kAdvice =
    " The tokenizer folder belongs to another model or was not copied completely. Choose the original model "
    "folder again, or download the model again from where you got it.";

[[noreturn]] void mismatch(const std::string& source, const std::string& what) {
  throw ModelError(ErrorCode::ModelMismatch, ModelFault::TokenizerMismatch,
                   source + ": the tokenizer does not fit this model: " + what + "." + kAdvice);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return in ? std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()) : std::string();
}

nlohmann::json read_object(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return nlohmann::json::object();
  nlohmann::json j = parse_python_json(read_text(path));
  return j.is_object() ? j : nlohmann::json::object();
}

/// The token a special-token entry names: a string or {"content": ...}; "" when absent.
std::string token_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("content") && value["content"].is_string())
    return value["content"].get<std::string>();
  return {};
}

/// bos/eos as transformers resolves them: defaults, tokenizer_config.json, then special_tokens_map.json.
std::pair<std::string, std::string> start_and_end(const fs::path& dir) {
  std::string bos = "<|startoftext|>", eos = "<|endoftext|>";
  for (const char* file : {"tokenizer_config.json", "special_tokens_map.json"}) {
    const nlohmann::json j = read_object(dir / file);
    if (const std::string t = j.contains("bos_token") ? token_of(j["bos_token"]) : ""; !t.empty()) bos = t;
    if (const std::string t = j.contains("eos_token") ? token_of(j["eos_token"]) : ""; !t.empty()) eos = t;
  }
  return {bos, eos};
}

std::size_t codepoints(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// One byte symbol, alone or with the end-of-word mark: the vocabulary's starting alphabet.
bool is_base_symbol(const std::string& token) {
  const std::string mark = "</w>";
  const bool marked = token.size() > mark.size() && token.compare(token.size() - mark.size(), mark.size(), mark) == 0;
  return codepoints(marked ? token.substr(0, token.size() - mark.size()) : token) == 1;
}

/// The tokens the merges make ("a b" -> "ab"), as CLIPTokenizer reads merges.txt.
std::vector<std::string> merge_results(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = text.find('\n');  // the first line is a header
  while (pos != std::string::npos && pos < text.size() && out.size() < kMaxMerges) {
    const std::size_t begin = pos + 1;
    pos = text.find('\n', begin);
    std::string line = text.substr(begin, pos == std::string::npos ? std::string::npos : pos - begin);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    const std::size_t space = line.find(' ');
    if (line.empty() || space == std::string::npos) continue;
    out.push_back(line.substr(0, space) + line.substr(space + 1));
  }
  return out;
}

std::int64_t highest_added_id(const fs::path& dir) {
  std::int64_t top = -1;
  // Named, not a temporary: items() refers to the object it iterates over.
  const nlohmann::json added = read_object(dir / "added_tokens.json");
  for (const auto& [token, id] : added.items())
    if (id.is_number_integer()) top = std::max<std::int64_t>(top, id.get<std::int64_t>());
  const nlohmann::json config = read_object(dir / "tokenizer_config.json");
  if (config.contains("added_tokens_decoder") && config["added_tokens_decoder"].is_object())
    for (const auto& [id, token] : config["added_tokens_decoder"].items()) {
      try {
        top = std::max<std::int64_t>(top, std::stoll(id));
      } catch (const std::exception&) {
        // a key that is not a number is the tokenizer loader's error to report
      }
    }
  return top;
}

void check_merges(const fs::path& dir, const std::unordered_map<std::string, std::int64_t>& vocab,
                  const std::set<std::string>& special, const std::string& source) {
  const std::string text = read_text(dir / "merges.txt");
  if (text.empty()) return;  // missing or unreadable: the tokenizer loader says which
  const std::vector<std::string> results = merge_results(text);
  std::unordered_set<std::string> made(results.begin(), results.end());
  std::vector<std::string> unknown;
  for (const auto& r : results)
    if (!vocab.count(r)) unknown.push_back(r);
  if (!unknown.empty())
    mismatch(source, "merges.txt makes " + std::to_string(unknown.size()) +
                         " tokens that vocab.json does not have (\"" +
                         unknown.front() + "\" first): the two files come from different tokenizers");
  std::vector<std::string> unreachable;
  for (const auto& [token, id] : vocab)
    if (!is_base_symbol(token) && !special.count(token) && !made.count(token)) unreachable.push_back(token);
  if (!unreachable.empty()) {
    std::sort(unreachable.begin(), unreachable.end(),
              [&](const std::string& a, const std::string& b) { return vocab.at(a) < vocab.at(b); });
    mismatch(source, "merges.txt lacks the merges of " + std::to_string(unreachable.size()) +
                         " vocab.json tokens (\"" + unreachable.front() + "\" first); it has " +
                         std::to_string(results.size()) + " merges and may be cut short");
  }
}

}  // namespace

void check_tokenizer(const fs::path& dir, std::int64_t embedding_rows, const std::string& source) {
  const nlohmann::json vocab_json = read_object(dir / "vocab.json");
  std::unordered_map<std::string, std::int64_t> vocab;
  std::int64_t top = -1;
  for (const auto& [token, id] : vocab_json.items()) {
    if (!id.is_number_integer()) continue;  // the tokenizer loader reports a damaged vocab.json
    vocab.emplace(token, id.get<std::int64_t>());
    top = std::max<std::int64_t>(top, id.get<std::int64_t>());
  }
  if (vocab.empty()) return;  // missing, unreadable or empty: the tokenizer loader says which

  const auto [bos, eos] = start_and_end(dir);
  if (bos != "<|startoftext|>" || eos != "<|endoftext|>")
    mismatch(source, "its start and end tokens are \"" + bos + "\" and \"" + eos +
                         "\", where the CLIP text encoders of Stable Diffusion use \"<|startoftext|>\" and "
                         "\"<|endoftext|>\"");
  for (const std::string& t : {bos, eos})
    if (!vocab.count(t)) mismatch(source, "vocab.json has no \"" + t + "\" token");

  const std::int64_t ids = std::max(top, highest_added_id(dir)) + 1;
  if (embedding_rows >= 0 && ids != embedding_rows)
    mismatch(source, "the tokenizer has " + std::to_string(ids) + " token ids but the text encoder has " +
                         std::to_string(embedding_rows) + " (the rows of its token embedding)");
  std::set<std::string> special = {bos, eos};
  const nlohmann::json added = read_object(dir / "added_tokens.json");
  for (const auto& [token, id] : added.items()) special.insert(token);
  check_merges(dir, vocab, special, source);
}

}  // namespace rashisa::model_io
