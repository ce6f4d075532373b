#pragma once
// Unicode property tables for the CLIP tokenizer, generated from Python's
// unicodedata by tools/unicode/gen_unicode_tables.py (unicode_tables.cpp).
// Internal to engine/ml/tokenizer: use unicode_text.h instead.
#include <cstddef>
#include <cstdint>

namespace rashisa::ml::unicode_tables {

/// What the tokenizer needs to know about a code point's general category.
enum class CharClass : std::uint8_t {
  Other = 0,         // M*, P*, S*, Zl, Zp
  Letter = 1,        // L*  (\p{L})
  Number = 2,        // N*  (\p{N})
  Control = 3,       // C*, unassigned included: BasicTokenizer deletes these
  SpaceSeparator = 4,  // Zs: BasicTokenizer turns these into a space
  NoRegexClass = 5,  // matched by none of CLIP's IGNORECASE classes (U+0345): skipped
};

/// A run of code points [first, next run's first) sharing one value.
struct ClassRun {
  char32_t first;
  std::uint8_t cls;  // CharClass
};
struct CombiningRun {
  char32_t first;
  std::uint8_t ccc;  // canonical combining class
};
/// lower(c) = c + delta for c in first, first + stride, ..., last.
struct LowerRun {
  char32_t first;
  char32_t last;
  std::int32_t stride;
  std::int32_t delta;
};
/// Lower-case mappings to more than one code point (U+0130 -> "i\u0307").
struct LowerSpecial {
  char32_t cp;
  char32_t seq[3];  // zero-terminated when shorter
};
struct CodeRange {
  char32_t first;
  char32_t last;
};
/// One canonical decomposition step (Hangul syllables are algorithmic, not listed).
struct Decomposition {
  char32_t cp;
  char32_t first;
  char32_t second;  // 0 for singleton decompositions
  std::uint8_t composable;  // the pair recomposes to cp under NFC
};

extern const char* const kUnicodeVersion;
extern const ClassRun kClassRuns[];
extern const std::size_t kClassRunCount;
extern const char32_t kPythonSpaces[];  // str.isspace(), sorted
extern const std::size_t kPythonSpaceCount;
extern const LowerRun kLowerRuns[];  // sorted by first, U+03A3 excluded (context dependent)
extern const std::size_t kLowerRunCount;
extern const LowerSpecial kLowerSpecials[];
extern const std::size_t kLowerSpecialCount;
extern const CodeRange kCaseIgnorable[];  // as CPython's final-sigma rule sees them
extern const std::size_t kCaseIgnorableCount;
extern const CodeRange kCased[];
extern const std::size_t kCasedCount;
extern const CombiningRun kCombiningRuns[];
extern const std::size_t kCombiningRunCount;
extern const Decomposition kDecompositions[];  // sorted by cp
extern const std::size_t kDecompositionCount;

}  // namespace rashisa::ml::unicode_tables
