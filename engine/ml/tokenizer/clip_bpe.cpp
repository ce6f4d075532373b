#include "engine/ml/tokenizer/clip_bpe.h"

#include "engine/core/error.h"
#include "engine/ml/tokenizer/unicode_text.h"

#include <climits>
#include <fstream>
#include <sstream>

namespace rashisa::ml {
namespace {

// Ref: transformers/models/clip/tokenization_clip.py CLIPTokenizer.__init__:
// merges[1 : 49152 - 256 - 2 + 1].
constexpr std::size_t kMaxMerges = 49152 - 256 - 2;
constexpr std::size_t kMaxCacheEntries = 1 << 16;
const char* const kEndOfWord = "</w>";

bool is_ascii_space(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u == ' ' || (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x1F);
}

std::vector<std::string> split_ascii_whitespace(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_ascii_space(line[i])) ++i;
    std::size_t j = i;
    while (j < line.size() && !is_ascii_space(line[j])) ++j;
    if (j > i) parts.push_back(line.substr(i, j - i));
    i = j;
  }
  return parts;
}

// Splits a UTF-8 string into its code points, each as UTF-8.
std::vector<std::string> utf8_chars(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

// Ref: transformers/models/clip/tokenization_clip.py bytes_to_unicode
const std::array<std::string, 256>& ClipBpe::byte_encoder() {
  static const std::array<std::string, 256> table = [] {
    std::array<std::string, 256> t;
    int extra = 0;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      const char32_t cp = printable ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + extra++);
      unicode::append_utf8(t[static_cast<std::size_t>(b)], cp);
    }
    return t;
  }();
  return table;
}

ClipBpe ClipBpe::from_merges_file(const std::filesystem::path& merges_txt) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(merges_txt, ec))
    throw Error(ErrorCode::FileNotFound, "Tokenizer merges file not found: " + merges_txt.u8string());
  std::ifstream in(merges_txt, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof())
    throw Error(ErrorCode::FileRead, "Could not read tokenizer merges file: " + merges_txt.u8string());
  return from_merges_text(text.str(), merges_txt.u8string());
}

ClipBpe ClipBpe::from_merges_text(const std::string& text, const std::string& source) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  while (end > begin && is_ascii_space(text[end - 1])) --end;

  ClipBpe bpe;
  bpe.ranks_.reserve(kMaxMerges);
  std::size_t line_no = 0;  // 0 is the header line
  std::size_t rank = 0;
  for (std::size_t pos = begin; pos < end && rank < kMaxMerges; ++line_no) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos || nl > end) nl = end;
    if (line_no > 0) {
      const std::vector<std::string> parts = split_ascii_whitespace(text.substr(pos, nl - pos));
      if (parts.size() != 2)
        throw Error(ErrorCode::FileFormat, source + ": line " + std::to_string(line_no + 1) +
                                               " is not a merge (expected two symbols separated by a space)");
      // A repeated pair keeps its last rank, as dict(zip(merges, range(...))) does.
      bpe.ranks_[parts[0] + ' ' + parts[1]] = static_cast<int>(rank);
      ++rank;
    }
    pos = nl + 1;
  }
  if (rank == 0) throw Error(ErrorCode::FileFormat, source + ": no merges found (is this a BPE merges.txt?)");
  return bpe;
}

int ClipBpe::rank(const std::string& first, const std::string& second) const {
  std::string key;
  key.reserve(first.size() + second.size() + 1);
  key.append(first).append(1, ' ').append(second);
  auto it = ranks_.find(key);
  return it == ranks_.end() ? INT_MAX : it->second;
}

// Ref: transformers/models/clip/tokenization_clip.py CLIPTokenizer.bpe
std::vector<std::string> ClipBpe::merge(const std::string& byte_text) const {
  std::vector<std::string> word = utf8_chars(byte_text);
  word.back() += kEndOfWord;
  while (word.size() > 1) {
    int best = INT_MAX;
    std::size_t best_at = 0;
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
      const int r = rank(word[i], word[i + 1]);
      if (r < best) best = r, best_at = i;
    }
    if (best == INT_MAX) break;
    const std::string first = word[best_at], second = word[best_at + 1];
    std::vector<std::string> merged;
    merged.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
      if (i + 1 < word.size() && word[i] == first && word[i + 1] == second) {
        merged.push_back(first + second);
        i += 2;
      } else {
        merged.push_back(word[i]);
        ++i;
      }
    }
    word = std::move(merged);
  }
  return word;
}

std::vector<std::string> ClipBpe::encode_piece(const std::string& utf8_piece) const {
  std::string byte_text;
  byte_text.reserve(utf8_piece.size() * 2);
  for (unsigned char b : utf8_piece) byte_text += byte_encoder()[b];
  if (byte_text.empty()) return {};
  // CLIPTokenizer seeds its cache with these two, so the pattern's literal
  // alternatives come out unmerged and without "</w>".
  if (byte_text == "<|startoftext|>" || byte_text == "<|endoftext|>") return {byte_text};
  {
    std::lock_guard<std::mutex> lock(cache_->mutex);
    auto it = cache_->entries.find(byte_text);
    if (it != cache_->entries.end()) return it->second;
  }
  std::vector<std::string> result = merge(byte_text);
  std::lock_guard<std::mutex> lock(cache_->mutex);
  if (cache_->entries.size() >= kMaxCacheEntries) cache_->entries.clear();
  cache_->entries.emplace(byte_text, result);
  return result;
}

}  // namespace rashisa::ml
