#pragma once
// CLIP BPE tokenizer, identical to transformers' slow CLIPTokenizer without ftfy
// (what diffusers pipelines load from a model's tokenizer/ folder).
// Torch-free. Ref: transformers/models/clip/tokenization_clip.py,
// transformers/tokenization_utils.py (added-token splitting).
#include "engine/ml/tokenizer/added_token_trie.h"
#include "engine/ml/tokenizer/clip_bpe.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rashisa::ml {

struct TokenizedPrompt {
  std::vector<int64_t> input_ids;       // [max_length]: bos, ids, eos, padding
  std::vector<int64_t> attention_mask;  // [max_length]: 1 on bos/ids/eos, 0 on padding
  bool truncated = false;               // the prompt had more than max_length - 2 ids
};

class ClipTokenizer {
 public:
  /// Reads vocab.json, merges.txt and, when present, tokenizer_config.json,
  /// special_tokens_map.json (which wins, as in transformers) and added_tokens.json
  /// from a diffusers tokenizer/ folder. Throws rashisa::Error (FileNotFound, FileRead, FileFormat).
  static ClipTokenizer from_folder(const std::filesystem::path& dir);
  /// From a vocab.json + merges.txt pair; bos/eos/unk are CLIP's defaults.
  static ClipTokenizer from_files(const std::filesystem::path& vocab_json, const std::filesystem::path& merges_txt,
                                  const std::string& pad_token = "<|endoftext|>");

  /// Ids without bos/eos, untruncated (tokenizer(text, add_special_tokens=False).input_ids).
  /// Ill-formed UTF-8 is decoded with U+FFFD, which the normaliser then drops.
  std::vector<int64_t> encode(const std::string& utf8) const;
  /// [bos] + ids[:max_length-2] + [eos] + padding with pad_id() up to max_length.
  /// Throws InvalidArgument when max_length < 2.
  TokenizedPrompt tokenize(const std::string& utf8, int max_length = 77) const;
  /// Token strings of encode() (tokenizer.tokenize(text)): BPE symbols in the
  /// byte-to-unicode alphabet, added tokens verbatim.
  std::vector<std::string> tokens(const std::string& utf8) const;

  /// tokenizer.add_tokens([token]): the token is then split out verbatim
  /// (case-sensitive, leftmost-longest; transformers' Trie) before BPE. Returns its new id
  /// (vocab_size() before the call), or the existing id when `token` already is a
  /// vocabulary entry or added token. Throws InvalidArgument for an empty token.
  int64_t add_token(const std::string& token);
  /// Exact lookup among added tokens, then the vocabulary.
  std::optional<int64_t> token_id(const std::string& token) const;
  /// The id when `word` encodes to exactly one token ("toy" -> 5988), else nullopt.
  std::optional<int64_t> single_token_id(const std::string& word) const;

  int64_t bos_id() const { return bos_id_; }
  int64_t eos_id() const { return eos_id_; }
  int64_t pad_id() const { return pad_id_; }
  int64_t unk_id() const { return unk_id_; }
  /// len(tokenizer): vocabulary plus added tokens.
  int64_t vocab_size() const { return vocab_size_; }

  /// Special token strings, as resolved from the config files.
  struct SpecialTokens {
    std::string bos = "<|startoftext|>";
    std::string eos = "<|endoftext|>";
    std::string unk = "<|endoftext|>";
    std::string pad = "<|endoftext|>";
    std::vector<std::string> additional;  // additional_special_tokens and sep/cls/mask when set
  };
  const SpecialTokens& special_tokens() const { return special_; }

 private:
  struct AddedToken {
    std::u32string content;
    std::string utf8;
    int64_t id = 0;
    bool lstrip = false;  // eats whitespace on its left
    bool rstrip = false;  // eats whitespace on its right
    bool single_word = false;
  };
  struct Segment {
    const AddedToken* added = nullptr;  // set for an added-token match
    std::u32string text;                // otherwise the text between matches
  };

  ClipTokenizer(std::unordered_map<std::string, int64_t> vocab, ClipBpe bpe);
  void register_added(const std::string& content, std::optional<int64_t> id, bool lstrip = false,
                      bool rstrip = false, bool single_word = false);
  void set_special_tokens(const SpecialTokens& special);
  std::vector<Segment> split_added(const std::u32string& text) const;
  void encode_into(const std::string& utf8, std::vector<int64_t>* ids, std::vector<std::string>* tokens) const;
  int64_t id_of_piece(const std::string& token) const;

  std::unordered_map<std::string, int64_t> vocab_;
  ClipBpe bpe_;
  std::vector<AddedToken> added_;
  std::unordered_map<std::string, std::size_t> added_by_text_;  // utf8 -> index in added_
  AddedTokenTrie trie_;
  SpecialTokens special_;
  int64_t vocab_size_ = 0;
  int64_t bos_id_ = 0, eos_id_ = 0, pad_id_ = 0, unk_id_ = 0;
};

}  // namespace rashisa::ml
