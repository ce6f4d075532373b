#include "engine/ml/tokenizer/clip_tokenizer.h"

#include "engine/core/error.h"
#include "engine/ml/tokenizer/clip_pretokenizer.h"
#include "engine/ml/tokenizer/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>

namespace rashisa::ml {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileRead, "Could not open " + path.u8string());
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    throw Error(ErrorCode::FileFormat, path.u8string() + " is not valid JSON: " + e.what());
  }
}

json read_optional_json(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return json::object();
  json j = read_json(path);
  if (!j.is_object()) throw Error(ErrorCode::FileFormat, path.u8string() + " must hold a JSON object");
  return j;
}

std::unordered_map<std::string, int64_t> read_vocab(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(ErrorCode::FileNotFound, "Tokenizer vocabulary not found: " + path.u8string());
  const json j = read_json(path);
  if (!j.is_object() || j.empty())
    throw Error(ErrorCode::FileFormat, path.u8string() + " must be a JSON object mapping tokens to ids");
  std::unordered_map<std::string, int64_t> vocab;
  vocab.reserve(j.size());
  for (const auto& [token, id] : j.items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0)
      throw Error(ErrorCode::FileFormat, path.u8string() + ": the id of token \"" + token + "\" is not a non-negative integer");
    vocab.emplace(token, id.get<int64_t>());
  }
  return vocab;
}

// A special token in tokenizer_config.json / special_tokens_map.json: a string or
// an AddedToken object {"content": ..., "lstrip": ..., "rstrip": ...}.
struct TokenSpec {
  std::string content;
  bool lstrip = false;
  bool rstrip = false;
  bool single_word = false;
};

std::optional<TokenSpec> token_spec(const json& value, const fs::path& file, const std::string& key) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return TokenSpec{value.get<std::string>()};
  if (value.is_object() && value.contains("content") && value["content"].is_string()) {
    TokenSpec spec{value["content"].get<std::string>()};
    spec.lstrip = value.value("lstrip", false);
    spec.rstrip = value.value("rstrip", false);
    spec.single_word = value.value("single_word", false);
    return spec;
  }
  throw Error(ErrorCode::FileFormat,
              file.u8string() + ": \"" + key + "\" must be a token string or an object with a \"content\" string");
}

// Special-token keys in transformers' SPECIAL_TOKENS_ATTRIBUTES order, which is
// the order in which missing ones get new ids.
const char* const kSpecialKeys[] = {"bos_token", "eos_token", "unk_token", "sep_token",
                                    "pad_token", "cls_token", "mask_token"};

struct SpecialSpecs {
  std::map<std::string, TokenSpec> by_key;
  std::vector<TokenSpec> additional;
};

void read_special_specs(const json& j, const fs::path& file, SpecialSpecs& specs) {
  for (const char* key : kSpecialKeys) {
    if (!j.contains(key)) continue;
    if (auto spec = token_spec(j[key], file, key)) specs.by_key[key] = *spec;
  }
  if (j.contains("additional_special_tokens")) {
    const json& list = j["additional_special_tokens"];
    if (!list.is_array())
      throw Error(ErrorCode::FileFormat, file.u8string() + ": \"additional_special_tokens\" must be a list");
    specs.additional.clear();
    for (const json& v : list)
      if (auto spec = token_spec(v, file, "additional_special_tokens")) specs.additional.push_back(*spec);
  }
}

}  // namespace

ClipTokenizer::ClipTokenizer(std::unordered_map<std::string, int64_t> vocab, ClipBpe bpe)
    : vocab_(std::move(vocab)), bpe_(std::move(bpe)), vocab_size_(static_cast<int64_t>(vocab_.size())) {}

ClipTokenizer ClipTokenizer::from_files(const fs::path& vocab_json, const fs::path& merges_txt,
                                        const std::string& pad_token) {
  ClipTokenizer tok(read_vocab(vocab_json), ClipBpe::from_merges_file(merges_txt));
  SpecialTokens special;
  special.pad = pad_token;
  for (const std::string* t : {&special.bos, &special.eos, &special.unk, &special.pad})
    tok.register_added(*t, std::nullopt);
  tok.set_special_tokens(special);
  return tok;
}

// Ref: transformers/tokenization_utils_base.py PreTrainedTokenizerBase._from_pretrained
// (special_tokens_map.json overrides tokenizer_config.json) and
// transformers/tokenization_utils.py PreTrainedTokenizer.__init__ (added tokens, then
// special tokens that are not added yet).
ClipTokenizer ClipTokenizer::from_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(ErrorCode::FileNotFound, "Tokenizer folder not found: " + dir.u8string());
  ClipTokenizer tok(read_vocab(dir / "vocab.json"), ClipBpe::from_merges_file(dir / "merges.txt"));

  const fs::path config_path = dir / "tokenizer_config.json";
  const fs::path map_path = dir / "special_tokens_map.json";
  const fs::path added_path = dir / "added_tokens.json";
  const json config = read_optional_json(config_path);
  const json special_map = read_optional_json(map_path);
  const json added_json = read_optional_json(added_path);

  SpecialSpecs specs;
  specs.by_key["bos_token"] = TokenSpec{"<|startoftext|>"};
  specs.by_key["eos_token"] = TokenSpec{"<|endoftext|>"};
  specs.by_key["unk_token"] = TokenSpec{"<|endoftext|>"};
  specs.by_key["pad_token"] = TokenSpec{"<|endoftext|>"};
  read_special_specs(config, config_path, specs);
  read_special_specs(special_map, map_path, specs);

  if (config.contains("added_tokens_decoder")) {
    const json& decoder = config["added_tokens_decoder"];
    if (!decoder.is_object())
      throw Error(ErrorCode::FileFormat, config_path.u8string() + ": \"added_tokens_decoder\" must be an object");
    for (const auto& [id_text, value] : decoder.items()) {
      const std::optional<TokenSpec> spec = token_spec(value, config_path, "added_tokens_decoder");
      int64_t id = -1;
      try {
        id = std::stoll(id_text);
      } catch (const std::exception&) {
      }
      if (!spec || id < 0)
        throw Error(ErrorCode::FileFormat, config_path.u8string() + ": bad added_tokens_decoder entry \"" + id_text + "\"");
      tok.register_added(spec->content, id, spec->lstrip, spec->rstrip, spec->single_word);
    }
  }
  for (const auto& [content, id] : added_json.items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0)
      throw Error(ErrorCode::FileFormat, added_path.u8string() + ": the id of \"" + content + "\" is not an integer");
    tok.register_added(content, id.get<int64_t>());
  }

  SpecialTokens special;
  for (const char* key : kSpecialKeys) {
    auto it = specs.by_key.find(key);
    if (it == specs.by_key.end()) continue;
    tok.register_added(it->second.content, std::nullopt, it->second.lstrip, it->second.rstrip,
                       it->second.single_word);
    const std::string k = key;
    if (k == "bos_token") special.bos = it->second.content;
    else if (k == "eos_token") special.eos = it->second.content;
    else if (k == "unk_token") special.unk = it->second.content;
    else if (k == "pad_token") special.pad = it->second.content;
    else special.additional.push_back(it->second.content);
  }
  for (const TokenSpec& spec : specs.additional) {
    tok.register_added(spec.content, std::nullopt, spec.lstrip, spec.rstrip, spec.single_word);
    special.additional.push_back(spec.content);
  }
  tok.set_special_tokens(special);
  return tok;
}

void ClipTokenizer::set_special_tokens(const SpecialTokens& special) {
  special_ = special;
  auto id_or_throw = [this](const std::string& token, const char* what) {
    std::optional<int64_t> id = token_id(token);
    if (!id) throw Error(ErrorCode::FileFormat, std::string("Tokenizer has no id for its ") + what + " \"" + token + "\"");
    return *id;
  };
  bos_id_ = id_or_throw(special.bos, "bos_token");
  eos_id_ = id_or_throw(special.eos, "eos_token");
  unk_id_ = id_or_throw(special.unk, "unk_token");
  pad_id_ = id_or_throw(special.pad, "pad_token");
}

// Ref: transformers/tokenization_utils.py PreTrainedTokenizer._add_tokens
void ClipTokenizer::register_added(const std::string& content, std::optional<int64_t> id, bool lstrip, bool rstrip,
                                   bool single_word) {
  AddedToken token;
  token.content = unicode::decode_utf8(content);
  token.utf8 = unicode::encode_utf8(token.content);
  if (token.content.empty() || added_by_text_.count(token.utf8) != 0) return;
  const auto in_vocab = vocab_.find(token.utf8);
  if (id) {
    token.id = *id;
  } else {
    token.id = in_vocab != vocab_.end() ? in_vocab->second : vocab_size_;
  }
  if (in_vocab == vocab_.end()) ++vocab_size_;  // len(tokenizer) counts distinct token strings
  token.lstrip = lstrip;
  token.rstrip = rstrip;
  token.single_word = single_word;
  trie_.add(token.content);
  added_by_text_.emplace(token.utf8, added_.size());
  added_.push_back(std::move(token));
}

int64_t ClipTokenizer::add_token(const std::string& token) {
  const std::string normalized = unicode::encode_utf8(unicode::decode_utf8(token));
  if (normalized.empty()) throw Error(ErrorCode::InvalidArgument, "Cannot add an empty token to the tokenizer");
  register_added(normalized, std::nullopt);
  return added_[added_by_text_.at(normalized)].id;
}

std::optional<int64_t> ClipTokenizer::token_id(const std::string& token) const {
  if (auto it = added_by_text_.find(token); it != added_by_text_.end()) return added_[it->second].id;
  if (auto it = vocab_.find(token); it != vocab_.end()) return it->second;
  return std::nullopt;
}

int64_t ClipTokenizer::id_of_piece(const std::string& token) const {
  // Ref: PreTrainedTokenizer._convert_token_to_id_with_added_voc, then
  // CLIPTokenizer._convert_token_to_id (unknown -> unk).
  std::optional<int64_t> id = token_id(token);
  return id ? *id : unk_id_;
}

// Ref: transformers/tokenization_utils.py PreTrainedTokenizer.tokenize: added tokens
// are cut out verbatim by the trie; lstrip/rstrip tokens eat the whitespace beside
// them, single_word tokens glue onto a neighbour; empty pieces are dropped.
std::vector<ClipTokenizer::Segment> ClipTokenizer::split_added(const std::u32string& text) const {
  std::vector<std::u32string> pieces = trie_.split(text);
  auto added_of = [this](const std::u32string& piece) -> const AddedToken* {
    auto it = added_by_text_.find(unicode::encode_utf8(piece));
    return it == added_by_text_.end() ? nullptr : &added_[it->second];
  };
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const AddedToken* added = added_of(pieces[i]);
    if (added == nullptr) continue;
    // Python captures both neighbours before stripping them; single_word uses those values.
    const std::u32string left = i > 0 ? pieces[i - 1] : std::u32string();
    const std::u32string right = i + 1 < pieces.size() ? pieces[i + 1] : std::u32string();
    if (added->rstrip && !right.empty()) {
      std::size_t n = 0;
      while (n < right.size() && unicode::is_python_space(right[n])) ++n;
      pieces[i + 1] = right.substr(n);
    }
    if (added->lstrip && !left.empty()) {
      std::size_t n = left.size();
      while (n > 0 && unicode::is_python_space(left[n - 1])) --n;
      pieces[i - 1] = left.substr(0, n);
    }
    if (added->single_word && !left.empty() && left.back() != U' ') {
      pieces[i - 1] += pieces[i];
      pieces[i].clear();
    } else if (added->single_word && !right.empty() && right.front() != U' ') {
      pieces[i] += right;
      pieces[i + 1].clear();
    }
  }
  std::vector<Segment> segments;
  for (std::u32string& piece : pieces) {
    if (piece.empty()) continue;
    if (const AddedToken* added = added_of(piece)) {
      segments.push_back(Segment{added, {}});
    } else {
      segments.push_back(Segment{nullptr, std::move(piece)});
    }
  }
  return segments;
}

// Ref: transformers/models/clip/tokenization_clip.py CLIPTokenizer._tokenize (ftfy absent)
void ClipTokenizer::encode_into(const std::string& utf8, std::vector<int64_t>* ids,
                                std::vector<std::string>* tokens) const {
  for (const Segment& segment : split_added(unicode::decode_utf8(utf8))) {
    if (segment.added != nullptr) {
      if (ids) ids->push_back(segment.added->id);
      if (tokens) tokens->push_back(segment.added->utf8);
      continue;
    }
    for (const std::u32string& word : clip_text::basic_tokenize(segment.text)) {
      for (const std::u32string& piece : clip_text::split_word(word)) {
        for (std::string& symbol : bpe_.encode_piece(unicode::encode_utf8(piece))) {
          if (ids) ids->push_back(id_of_piece(symbol));
          if (tokens) tokens->push_back(std::move(symbol));
        }
      }
    }
  }
}

std::vector<int64_t> ClipTokenizer::encode(const std::string& utf8) const {
  std::vector<int64_t> ids;
  encode_into(utf8, &ids, nullptr);
  return ids;
}

std::vector<std::string> ClipTokenizer::tokens(const std::string& utf8) const {
  std::vector<std::string> out;
  encode_into(utf8, nullptr, &out);
  return out;
}

std::optional<int64_t> ClipTokenizer::single_token_id(const std::string& word) const {
  const std::vector<int64_t> ids = encode(word);
  if (ids.size() != 1) return std::nullopt;
  return ids.front();
}

// Ref: tokenizer(text, padding="max_length", max_length=..., truncation=True):
// truncation keeps room for the two special tokens, padding goes on the right.
TokenizedPrompt ClipTokenizer::tokenize(const std::string& utf8, int max_length) const {
  if (max_length < 2)
    throw Error(ErrorCode::InvalidArgument,
                "Tokenizer max_length must be at least 2 (bos and eos), got " + std::to_string(max_length));
  const std::vector<int64_t> ids = encode(utf8);
  const std::size_t room = static_cast<std::size_t>(max_length) - 2;
  const std::size_t kept = std::min(ids.size(), room);
  TokenizedPrompt out;
  out.truncated = ids.size() > room;
  out.input_ids.reserve(static_cast<std::size_t>(max_length));
  out.input_ids.push_back(bos_id_);
  out.input_ids.insert(out.input_ids.end(), ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(kept));
  out.input_ids.push_back(eos_id_);
  out.attention_mask.assign(out.input_ids.size(), 1);
  out.input_ids.resize(static_cast<std::size_t>(max_length), pad_id_);
  out.attention_mask.resize(static_cast<std::size_t>(max_length), 0);
  return out;
}

}  // namespace rashisa::ml
