#pragma once
// Text normalisation and splitting that CLIPTokenizer applies to the text
// between added tokens when ftfy is not installed (the reference setup).
#include <string>
#include <string_view>
#include <vector>

namespace rashisa::ml::clip_text {

/// transformers' BasicTokenizer(strip_accents=False, do_split_on_punc=False).tokenize:
/// drop U+0000, U+FFFD and C* except \t\n\r; whitespace and Zs -> space; spaces around
/// CJK ideographs; NFC; split on Python whitespace; str.lower each word.
std::vector<std::u32string> basic_tokenize(std::u32string_view text);

/// re.findall of CLIP's pattern (regex package, IGNORECASE) over one word of
/// basic_tokenize's output (the pattern never matches across a space).
std::vector<std::u32string> split_word(std::u32string_view word);

}  // namespace rashisa::ml::clip_text
