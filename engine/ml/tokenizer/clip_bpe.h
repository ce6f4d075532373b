#pragma once
// Byte-level BPE of CLIPTokenizer: bytes -> printable "byte-to-unicode" characters,
// then merges by rank, with "</w>" on the last symbol of each word.
#include <array>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace rashisa::ml {

class ClipBpe {
 public:
  /// Reads merges.txt as CLIPTokenizer does: the whole file stripped, first line
  /// skipped (the "#version" header), at most 49152 - 256 - 2 merges after it.
  /// Throws rashisa::Error (FileNotFound / FileRead / FileFormat).
  static ClipBpe from_merges_file(const std::filesystem::path& merges_txt);
  /// Same from the file's contents; `source` names it in error messages.
  static ClipBpe from_merges_text(const std::string& text, const std::string& source);

  /// BPE symbols of one pre-tokenized piece (raw UTF-8 bytes of a pattern match).
  /// Results are cached; safe to call from several threads.
  std::vector<std::string> encode_piece(const std::string& utf8_piece) const;

  std::size_t merge_count() const { return ranks_.size(); }

  /// The 256-entry byte-to-unicode table, each entry as UTF-8.
  static const std::array<std::string, 256>& byte_encoder();

 private:
  struct Cache {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<std::string>> entries;
  };

  std::vector<std::string> merge(const std::string& byte_text) const;
  int rank(const std::string& first, const std::string& second) const;

  std::unordered_map<std::string, int> ranks_;  // key: first + ' ' + second
  std::shared_ptr<Cache> cache_ = std::make_shared<Cache>();
};

}  // namespace rashisa::ml
