#include "engine/ml/tokenizer/clip_pretokenizer.h"

#include "engine/ml/tokenizer/unicode_text.h"

#include <array>

namespace rashisa::ml::clip_text {
namespace {

using unicode::CharClass;

// Ref: transformers/models/bert/tokenization_bert.py BasicTokenizer._is_chinese_char
bool is_cjk_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
         (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// Python's \s as the regex package sees it, for the text basic_tokenize leaves.
bool is_space(char32_t cp) { return unicode::is_python_space(cp); }

// IGNORECASE comparison for the pattern's ASCII literals. After str.lower the
// only other character that case-folds onto one of them is U+017F (long s).
bool literal_char_matches(char32_t text_cp, char pattern_ch) {
  char32_t folded = text_cp;
  if (folded >= 'A' && folded <= 'Z') folded += 'a' - 'A';
  if (folded == 0x17F) folded = 's';
  return folded == static_cast<char32_t>(static_cast<unsigned char>(pattern_ch));
}

std::size_t match_literal(std::u32string_view text, std::size_t pos, std::string_view literal) {
  if (text.size() - pos < literal.size()) return 0;
  for (std::size_t k = 0; k < literal.size(); ++k)
    if (!literal_char_matches(text[pos + k], literal[k])) return 0;
  return literal.size();
}

}  // namespace

// Ref: transformers/models/bert/tokenization_bert.py BasicTokenizer.tokenize,
// _clean_text, _tokenize_chinese_chars, whitespace_tokenize.
std::vector<std::u32string> basic_tokenize(std::u32string_view text) {
  std::u32string cleaned;
  cleaned.reserve(text.size());
  for (char32_t cp : text) {
    if (cp == 0 || cp == 0xFFFD) continue;
    const bool tab_or_newline = cp == '\t' || cp == '\n' || cp == '\r';
    const CharClass cls = unicode::char_class(cp);
    if (cls == CharClass::Control && !tab_or_newline) continue;
    if (cp == ' ' || tab_or_newline || cls == CharClass::SpaceSeparator) {
      cleaned.push_back(' ');
    } else if (is_cjk_ideograph(cp)) {
      cleaned.push_back(' ');
      cleaned.push_back(cp);
      cleaned.push_back(' ');
    } else {
      cleaned.push_back(cp);
    }
  }
  const std::u32string normalized = unicode::nfc(cleaned);

  std::vector<std::u32string> words;
  std::size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && unicode::is_python_space(normalized[i])) ++i;
    std::size_t j = i;
    while (j < normalized.size() && !unicode::is_python_space(normalized[j])) ++j;
    if (j > i) words.push_back(unicode::python_lower(std::u32string_view(normalized).substr(i, j - i)));
    i = j;
  }
  return words;
}

// Ref: transformers/models/clip/tokenization_clip.py CLIPTokenizer.__init__ (self.pat):
// <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
std::vector<std::u32string> split_word(std::u32string_view word) {
  static constexpr std::array<std::string_view, 9> kLiterals = {
      "<|startoftext|>", "<|endoftext|>", "'s", "'t", "'re", "'ve", "'m", "'ll", "'d"};
  std::vector<std::u32string> pieces;
  std::size_t pos = 0;
  while (pos < word.size()) {
    std::size_t len = 0;
    // Alternation is ordered (first alternative that matches wins), not longest.
    for (std::string_view literal : kLiterals) {
      len = match_literal(word, pos, literal);
      if (len != 0) break;
    }
    if (len == 0) {
      const CharClass cls = unicode::char_class(word[pos]);
      auto is_other = [&](char32_t cp) {
        const CharClass c = unicode::char_class(cp);
        return !is_space(cp) && c != CharClass::Letter && c != CharClass::Number && c != CharClass::NoRegexClass;
      };
      if (cls == CharClass::Letter) {
        len = 1;
        while (pos + len < word.size() && unicode::char_class(word[pos + len]) == CharClass::Letter) ++len;
      } else if (cls == CharClass::Number) {
        len = 1;
      } else if (is_other(word[pos])) {
        len = 1;
        while (pos + len < word.size() && is_other(word[pos + len])) ++len;
      }
    }
    if (len == 0) {  // findall skips characters no alternative matches
      ++pos;
      continue;
    }
    pieces.emplace_back(word.substr(pos, len));
    pos += len;
  }
  return pieces;
}

}  // namespace rashisa::ml::clip_text
