// Unicode helpers of the tokenizer against values taken from Python 3.11
// (unicodedata 14.0, str.lower, str.isspace).
#include "engine/ml/tokenizer/clip_pretokenizer.h"
#include "engine/ml/tokenizer/unicode_text.h"

#include <gtest/gtest.h>

namespace {

namespace uni = rashisa::ml::unicode;
namespace clip_text = rashisa::ml::clip_text;
using uni::CharClass;

TEST(UnicodeText, DecodeUtf8ReplacesIllFormedSequences) {
  EXPECT_EQ(uni::decode_utf8("a\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x90\xB6"), U"a\u00E9\u6771\U0001F436");
  EXPECT_EQ(uni::decode_utf8("a\xFF" "b"), U"a\uFFFDb");
  EXPECT_EQ(uni::decode_utf8("\xE6\x9D"), U"\uFFFD");              // truncated at the end
  EXPECT_EQ(uni::decode_utf8("\xE6\x9D" "x"), U"\uFFFDx");         // truncated before ASCII
  EXPECT_EQ(uni::decode_utf8("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");  // encoded surrogate
  EXPECT_EQ(uni::decode_utf8("\xC0\xAF"), U"\uFFFD\uFFFD");        // overlong
  EXPECT_EQ(uni::decode_utf8("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
  EXPECT_EQ(uni::encode_utf8(U"a\u00E9\u6771\U0001F436"), "a\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x90\xB6");
}

TEST(UnicodeText, CharClasses) {
  EXPECT_EQ(uni::char_class(U'a'), CharClass::Letter);
  EXPECT_EQ(uni::char_class(U'\u6771'), CharClass::Letter);
  EXPECT_EQ(uni::char_class(U'\u30AB'), CharClass::Letter);
  EXPECT_EQ(uni::char_class(U'7'), CharClass::Number);
  EXPECT_EQ(uni::char_class(U'\uFF12'), CharClass::Number);
  EXPECT_EQ(uni::char_class(U'\u00BD'), CharClass::Number);  // No
  EXPECT_EQ(uni::char_class(U'!'), CharClass::Other);
  EXPECT_EQ(uni::char_class(U'\u0301'), CharClass::Other);  // Mn
  EXPECT_EQ(uni::char_class(U'\U0001F436'), CharClass::Other);  // So
  EXPECT_EQ(uni::char_class(U'\x07'), CharClass::Control);
  EXPECT_EQ(uni::char_class(U'\u200D'), CharClass::Control);  // Cf
  EXPECT_EQ(uni::char_class(U'\u0378'), CharClass::Control);  // unassigned
  EXPECT_EQ(uni::char_class(U'\U0010FFFF'), CharClass::Control);
  EXPECT_EQ(uni::char_class(U'\u3000'), CharClass::SpaceSeparator);
  EXPECT_EQ(uni::char_class(U'\u2028'), CharClass::Other);  // Zl
  EXPECT_EQ(uni::char_class(U'\u0345'), CharClass::NoRegexClass);
  EXPECT_TRUE(uni::is_python_space(U'\u2029'));
  EXPECT_TRUE(uni::is_python_space(U'\x1C'));
  EXPECT_FALSE(uni::is_python_space(U'\u200B'));
  EXPECT_EQ(uni::combining_class(U'\u0301'), 230);
  EXPECT_EQ(uni::combining_class(U'a'), 0);
}

TEST(UnicodeText, NfcMatchesPython) {
  EXPECT_EQ(uni::nfc(U"e\u0301"), U"\u00E9");
  EXPECT_EQ(uni::nfc(U"\u1100\u1161\u11A8"), U"\uAC01");
  EXPECT_EQ(uni::nfc(U"\uAC00\u11A8"), U"\uAC01");
  EXPECT_EQ(uni::nfc(U"a\u0301\u0327"), U"\u00E1\u0327");  // reordered, then composed
  EXPECT_EQ(uni::nfc(U"\u212B"), U"\u00C5");               // singleton
  EXPECT_EQ(uni::nfc(U"\u0958"), U"\u0915\u093C");         // composition exclusion
  EXPECT_EQ(uni::nfc(U"\u1E0B\u0323"), U"\u1E0D\u0307");
  EXPECT_EQ(uni::nfc(U"q\u0307\u0323"), U"q\u0323\u0307");
  EXPECT_EQ(uni::nfc(U"\u0344"), U"\u0308\u0301");         // non-starter decomposition
  EXPECT_EQ(uni::nfc(U"\u0B47\u0B3E"), U"\u0B4B");         // two starters
  EXPECT_EQ(uni::nfc(U"\u00C5\u0301"), U"\u01FA");
}

TEST(UnicodeText, LowerMatchesPython) {
  EXPECT_EQ(uni::python_lower(U"\u039F\u0394\u039F\u03A3"), U"\u03BF\u03B4\u03BF\u03C2");  // final sigma
  EXPECT_EQ(uni::python_lower(U"\u03A3\u0391"), U"\u03C3\u03B1");
  EXPECT_EQ(uni::python_lower(U"\u0391.\u03A3"), U"\u03B1.\u03C2");  // '.' is case-ignorable
  EXPECT_EQ(uni::python_lower(U"\u03A3\u03A3"), U"\u03C3\u03C2");
  EXPECT_EQ(uni::python_lower(U"\u0130stanbul"), U"i\u0307stanbul");
  EXPECT_EQ(uni::python_lower(U"\u00C0\u00C9\u00CE \u1E9E \u01C4 \u01C5"), U"\u00E0\u00E9\u00EE \u00DF \u01C6 \u01C6");
  EXPECT_EQ(uni::python_lower(U"ABC xyz \uFF21"), U"abc xyz \uFF41");
}

TEST(BasicTokenizer, CleansSplitsAndLowers) {
  using Words = std::vector<std::u32string>;
  EXPECT_EQ(clip_text::basic_tokenize(U"  Hello\tWORLD\r\n"), (Words{U"hello", U"world"}));
  // Format characters and other controls are deleted, joining their neighbours.
  const std::u32string with_nul = std::u32string(U"space\u200Bzero bell\x07" U"char nul") + char32_t{0} + U"l";
  EXPECT_EQ(clip_text::basic_tokenize(with_nul), (Words{U"spacezero", U"bellchar", U"null"}));
  EXPECT_EQ(clip_text::basic_tokenize(U"non\u00A0breaking em\u2003space"), (Words{U"non", U"breaking", U"em", U"space"}));
  EXPECT_EQ(clip_text::basic_tokenize(U"line\u2028sep"), (Words{U"line", U"sep"}));
  EXPECT_EQ(clip_text::basic_tokenize(U"\u6771\u4EAC\u306E"), (Words{U"\u6771", U"\u4EAC", U"\u306E"}));
  EXPECT_EQ(clip_text::basic_tokenize(U"Cafe\u0301"), (Words{U"caf\u00E9"}));
  EXPECT_TRUE(clip_text::basic_tokenize(U" \t\uFFFD ").empty());
}

TEST(BasicTokenizer, SplitsWordsLikeTheClipPattern) {
  using Pieces = std::vector<std::u32string>;
  EXPECT_EQ(clip_text::split_word(U"don't"), (Pieces{U"don", U"'t"}));
  EXPECT_EQ(clip_text::split_word(U"we'll"), (Pieces{U"we", U"'ll"}));
  EXPECT_EQ(clip_text::split_word(U"''s"), (Pieces{U"''", U"s"}));
  EXPECT_EQ(clip_text::split_word(U"2024px"), (Pieces{U"2", U"0", U"2", U"4", U"px"}));
  EXPECT_EQ(clip_text::split_word(U"(masterpiece:1.2),"), (Pieces{U"(", U"masterpiece", U":", U"1", U".", U"2", U"),"}));
  EXPECT_EQ(clip_text::split_word(U"<|startoftext|>a"), (Pieces{U"<|startoftext|>", U"a"}));
  EXPECT_EQ(clip_text::split_word(U"!<|endoftext|>"), (Pieces{U"!<|", U"endoftext", U"|>"}));
  // IGNORECASE: long s folds onto 's'; U+0345 matches no class and is skipped.
  EXPECT_EQ(clip_text::split_word(U"it'\u017F"), (Pieces{U"it", U"'\u017F"}));
  EXPECT_EQ(clip_text::split_word(U"\u03B1\u0345\u03B2"), (Pieces{U"\u03B1", U"\u03B2"}));
  EXPECT_EQ(clip_text::split_word(U"\U0001F436\U0001F389"), (Pieces{U"\U0001F436\U0001F389"}));
}

}  // namespace
