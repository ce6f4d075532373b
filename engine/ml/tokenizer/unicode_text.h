#pragma once
// The few Unicode operations the CLIP tokenizer needs, with Python 3.11's
// semantics (Unicode 14.0): UTF-8 decoding, general-category classes,
// str.isspace, str.lower and NFC. No ICU: tables come from unicode_tables.cpp.
#include "engine/ml/tokenizer/unicode_tables.h"

#include <string>
#include <string_view>

namespace rashisa::ml::unicode {

using unicode_tables::CharClass;

/// Decodes UTF-8; every ill-formed sequence (maximal subpart) becomes U+FFFD.
std::u32string decode_utf8(std::string_view utf8);
/// Encodes code points as UTF-8 (surrogates and values above U+10FFFF become U+FFFD).
std::string encode_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

CharClass char_class(char32_t cp);
/// Python's str.isspace() for one code point.
bool is_python_space(char32_t cp);
/// Canonical combining class (unicodedata.combining).
int combining_class(char32_t cp);

/// Python's str.lower(): full lower-case mapping plus the final-sigma rule.
std::u32string python_lower(std::u32string_view text);
/// unicodedata.normalize("NFC", text).
std::u32string nfc(std::u32string_view text);

}  // namespace rashisa::ml::unicode
