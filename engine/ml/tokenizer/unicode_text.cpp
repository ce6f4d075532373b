#include "engine/ml/tokenizer/unicode_text.h"

#include <algorithm>
#include <unordered_map>

namespace rashisa::ml::unicode {
namespace {

namespace t = unicode_tables;

constexpr char32_t kReplacement = 0xFFFD;

// Ref: Unicode 14.0 section 3.12, Conjoining Jamo Behavior.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

bool in_ranges(const t::CodeRange* ranges, std::size_t count, char32_t cp) {
  const t::CodeRange* end = ranges + count;
  const t::CodeRange* it =
      std::upper_bound(ranges, end, cp, [](char32_t c, const t::CodeRange& r) { return c < r.first; });
  return it != ranges && cp <= (it - 1)->last;
}

template <typename Run>
const Run& find_run(const Run* runs, std::size_t count, char32_t cp) {
  // Runs start at U+0000 and cover every code point, so the predecessor always exists.
  const Run* it = std::upper_bound(runs, runs + count, cp, [](char32_t c, const Run& r) { return c < r.first; });
  return *(it - 1);
}

bool is_cased(char32_t cp) { return in_ranges(t::kCased, t::kCasedCount, cp); }
bool is_case_ignorable(char32_t cp) { return in_ranges(t::kCaseIgnorable, t::kCaseIgnorableCount, cp); }

const t::Decomposition* find_decomposition(char32_t cp) {
  const t::Decomposition* end = t::kDecompositions + t::kDecompositionCount;
  const t::Decomposition* it = std::lower_bound(t::kDecompositions, end, cp,
                                                [](const t::Decomposition& d, char32_t c) { return d.cp < c; });
  return (it != end && it->cp == cp) ? it : nullptr;
}

void decompose_into(std::u32string& out, char32_t cp) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const t::Decomposition* d = find_decomposition(cp);
  if (d == nullptr) {
    out.push_back(cp);
    return;
  }
  decompose_into(out, d->first);
  if (d->second != 0) decompose_into(out, d->second);
}

std::uint64_t pair_key(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

const std::unordered_map<std::uint64_t, char32_t>& composition_map() {
  static const std::unordered_map<std::uint64_t, char32_t> map = [] {
    std::unordered_map<std::uint64_t, char32_t> m;
    for (std::size_t i = 0; i < t::kDecompositionCount; ++i) {
      const t::Decomposition& d = t::kDecompositions[i];
      if (d.composable) m.emplace(pair_key(d.first, d.second), d.cp);
    }
    return m;
  }();
  return map;
}

// Returns 0 when the pair has no primary composite.
char32_t compose_pair(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
    return a + (b - kTBase);
  const auto& map = composition_map();
  auto it = map.find(pair_key(a, b));
  return it == map.end() ? 0 : it->second;
}

// Ref: CPython Objects/unicodeobject.c handle_capital_sigma.
char32_t lower_capital_sigma(std::u32string_view text, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && is_case_ignorable(text[j - 1])) --j;
  bool final_sigma = j > 0 && is_cased(text[j - 1]);
  if (final_sigma) {
    std::size_t k = i + 1;
    while (k < text.size() && is_case_ignorable(text[k])) ++k;
    final_sigma = k == text.size() || !is_cased(text[k]);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

}  // namespace

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < n) {
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
      out.push_back(b0);
      ++i;
      continue;
    }
    int len = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2, cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3, cp = b0 & 0x0F;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4, cp = b0 & 0x07;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    // Consume the longest valid prefix; a truncated sequence is one U+FFFD.
    std::size_t k = 1;
    bool ok = true;
    for (; k < static_cast<std::size_t>(len); ++k) {
      if (i + k >= n) {
        ok = false;
        break;
      }
      const unsigned char b = byte(i + k);
      const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
      if (b < min || b > max) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    out.push_back(ok ? cp : kReplacement);
    i += k;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

CharClass char_class(char32_t cp) {
  if (cp > 0x10FFFF) return CharClass::Control;
  return static_cast<CharClass>(find_run(t::kClassRuns, t::kClassRunCount, cp).cls);
}

bool is_python_space(char32_t cp) {
  return std::binary_search(t::kPythonSpaces, t::kPythonSpaces + t::kPythonSpaceCount, cp);
}

int combining_class(char32_t cp) {
  if (cp > 0x10FFFF) return 0;
  return find_run(t::kCombiningRuns, t::kCombiningRunCount, cp).ccc;
}

std::u32string python_lower(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp == 0x3A3) {
      out.push_back(lower_capital_sigma(text, i));
      continue;
    }
    const t::LowerSpecial* special = std::find_if(t::kLowerSpecials, t::kLowerSpecials + t::kLowerSpecialCount,
                                                  [cp](const t::LowerSpecial& s) { return s.cp == cp; });
    if (special != t::kLowerSpecials + t::kLowerSpecialCount) {
      for (char32_t c : special->seq)
        if (c != 0) out.push_back(c);
      continue;
    }
    const t::LowerRun* end = t::kLowerRuns + t::kLowerRunCount;
    const t::LowerRun* it =
        std::upper_bound(t::kLowerRuns, end, cp, [](char32_t c, const t::LowerRun& r) { return c < r.first; });
    if (it != t::kLowerRuns) {
      const t::LowerRun& run = *(it - 1);
      if (cp <= run.last && (cp - run.first) % static_cast<char32_t>(run.stride) == 0) {
        out.push_back(static_cast<char32_t>(static_cast<std::int64_t>(cp) + run.delta));
        continue;
      }
    }
    out.push_back(cp);
  }
  return out;
}

// Ref: Unicode Standard Annex #15 (decomposition, canonical ordering, composition).
std::u32string nfc(std::u32string_view text) {
  std::u32string d;
  d.reserve(text.size());
  for (char32_t cp : text) decompose_into(d, cp);

  // Canonical ordering: stable sort of each run of non-starters by combining class.
  for (std::size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.size() && combining_class(d[j]) != 0) ++j;
    std::stable_sort(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = j;
  }

  // Canonical composition.
  std::u32string out;
  out.reserve(d.size());
  std::size_t starter = std::u32string::npos;  // index in out of the last starter
  int last_ccc = -1;                           // ccc of the last character appended after the starter
  for (char32_t cp : d) {
    const int ccc = combining_class(cp);
    if (starter != std::u32string::npos) {
      const bool blocked = last_ccc != -1 && (last_ccc == 0 || last_ccc >= ccc);
      if (!blocked) {
        if (char32_t composite = compose_pair(out[starter], cp); composite != 0) {
          out[starter] = composite;
          continue;
        }
      }
    }
    if (ccc == 0) {
      starter = out.size();
      last_ccc = -1;
    } else {
      last_ccc = ccc;
    }
    out.push_back(cp);
  }
  return out;
}

}  // namespace rashisa::ml::unicode
