#!/usr/bin/env python3
"""Generates engine/ml/tokenizer/unicode_tables.cpp from Python's unicodedata.

The CLIP tokenizer must reproduce transformers' slow CLIPTokenizer, which runs on
Python's str/unicodedata (BasicTokenizer: category C* / Zs, NFC, str.split,
str.lower) and on the `regex` package (\\p{L}, \\p{N}, \\s with IGNORECASE). The
tables are taken from the same functions, so run this with the Python whose
Unicode version the reference used (Python 3.11 = Unicode 14.0.0):

    python3 tools/unicode/gen_unicode_tables.py > engine/ml/tokenizer/unicode_tables.cpp

Needs the `regex` package only for one quirk: under IGNORECASE a few characters
(U+0345) match none of the CLIP pattern's classes and are silently skipped.
"""
import sys
import unicodedata

import regex

MAX_CP = 0x110000

# Must match enum class CharClass in unicode_tables.h.
OTHER, LETTER, NUMBER, CONTROL, SPACE_SEP, NO_REGEX_CLASS = range(6)


def char_class(ch):
    cat = unicodedata.category(ch)
    if cat.startswith("C"):
        return CONTROL
    if cat == "Zs":
        return SPACE_SEP
    if cat.startswith("L"):
        return LETTER
    if cat.startswith("N"):
        return NUMBER
    return OTHER


def regex_quirks():
    """Assigned, non-control characters that CLIP's IGNORECASE pattern never matches."""
    letter = regex.compile(r"[\p{L}]", regex.IGNORECASE)
    number = regex.compile(r"[\p{N}]", regex.IGNORECASE)
    other = regex.compile(r"[^\s\p{L}\p{N}]", regex.IGNORECASE)
    quirks = []
    for cp in range(MAX_CP):
        ch = chr(cp)
        cls = char_class(ch)
        if cls in (CONTROL, SPACE_SEP) or ch.isspace():
            continue  # removed or split on before the pattern runs
        got = (bool(letter.match(ch)), bool(number.match(ch)), bool(other.match(ch)))
        if got == (False, False, False):
            quirks.append(cp)
            continue
        expect = (cls == LETTER, cls == NUMBER, cls in (OTHER,))
        if got != expect:
            print(f"warning: regex {regex.__version__} and unicodedata disagree on U+{cp:04X}", file=sys.stderr)
    return quirks


def runs(values):
    """[(first, value)] for each run of equal values over all code points."""
    out = []
    prev = None
    for cp, v in enumerate(values):
        if v != prev:
            out.append((cp, v))
            prev = v
    return out


def ranges(pred):
    """[(first, last)] of code points where pred holds."""
    out = []
    start = None
    for cp in range(MAX_CP):
        if pred(cp):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, MAX_CP - 1))
    return out


def lower_runs():
    """(first, last, stride, delta) runs of single-code-point lowercase mappings, plus specials."""
    singles = []
    specials = []
    for cp in range(MAX_CP):
        if cp == 0x3A3:  # capital sigma: context dependent, handled in code
            continue
        low = chr(cp).lower()
        if low == chr(cp):
            continue
        if len(low) == 1:
            singles.append((cp, ord(low) - cp))
        else:
            specials.append((cp, [ord(c) for c in low]))
    out = []
    i = 0
    while i < len(singles):
        first, delta = singles[i]
        stride = 1
        if i + 1 < len(singles) and singles[i + 1][1] == delta and singles[i + 1][0] - first in (1, 2):
            stride = singles[i + 1][0] - first
        last = first
        j = i + 1
        while j < len(singles) and singles[j][1] == delta and singles[j][0] == last + stride:
            last = singles[j][0]
            j += 1
        out.append((first, last, stride, delta))
        i = j
    return out, specials


def probe_sigma(text, index):
    """True when the capital sigma at text[index] lower-cases to the final form."""
    return text.lower()[index] == "\u03c2"


def case_properties():
    """Cased and Case_Ignorable as CPython's final-sigma rule sees them (probed through str.lower)."""
    ignorable = []
    cased = []
    for cp in range(MAX_CP):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            ignorable.append(False)
            cased.append(False)
            continue
        # "A" c "Σ": final sigma iff c is case-ignorable (skipped back to A) or cased.
        # c "Σ": final sigma iff c is cased and not case-ignorable.
        ign_or_cased = probe_sigma("A" + ch + "\u03a3", -1)
        cased_not_ign = probe_sigma(ch + "\u03a3", -1)
        # "A" "Σ" c: final iff c is case-ignorable or not cased.
        ign_or_uncased = probe_sigma("A\u03a3" + ch, 1)
        is_ign = ign_or_cased and ign_or_uncased and not cased_not_ign
        ignorable.append(is_ign)
        cased.append(cased_not_ign)
    return ignorable, cased


def decompositions():
    out = []
    for cp in range(MAX_CP):
        ch = chr(cp)
        d = unicodedata.decomposition(ch)
        if not d or d.startswith("<"):
            continue
        parts = [int(p, 16) for p in d.split()]
        assert 1 <= len(parts) <= 2, hex(cp)
        composable = len(parts) == 2 and unicodedata.normalize("NFC", ch) == ch
        out.append((cp, parts[0], parts[1] if len(parts) == 2 else 0, composable))
    return out


def emit_rows(items, per_line=8):
    lines = []
    for i in range(0, len(items), per_line):
        lines.append("    " + " ".join(items[i:i + per_line]))
    return "\n".join(lines)


def main():
    classes = [char_class(chr(cp)) for cp in range(MAX_CP)]
    for cp in regex_quirks():
        classes[cp] = NO_REGEX_CLASS
    class_runs = runs(classes)
    spaces = [cp for cp in range(MAX_CP) if chr(cp).isspace()]
    low, low_special = lower_runs()
    ignorable, cased = case_properties()
    ign_ranges = ranges(lambda cp: ignorable[cp])
    cased_ranges = ranges(lambda cp: cased[cp])
    ccc_runs = [(f, v) for f, v in runs([unicodedata.combining(chr(cp)) for cp in range(MAX_CP)])]
    decomp = decompositions()

    o = []
    o.append("// GENERATED FILE - do not edit.")
    o.append("// Generated by tools/unicode/gen_unicode_tables.py from Python %s unicodedata"
             % sys.version.split()[0])
    o.append("// (Unicode %s) and regex %s. Rerun that script to update." % (unicodedata.unidata_version,
                                                                          regex.__version__))
    o.append('#include "engine/ml/tokenizer/unicode_tables.h"')
    o.append("")
    o.append("namespace rashisa::ml::unicode_tables {")
    o.append("")
    o.append('const char* const kUnicodeVersion = "%s";' % unicodedata.unidata_version)
    o.append("")
    o.append("const ClassRun kClassRuns[] = {")
    o.append(emit_rows(["{0x%X,%d}," % r for r in class_runs]))
    o.append("};")
    o.append("const std::size_t kClassRunCount = sizeof(kClassRuns) / sizeof(kClassRuns[0]);")
    o.append("")
    o.append("const char32_t kPythonSpaces[] = {")
    o.append(emit_rows(["0x%X," % c for c in spaces], 12))
    o.append("};")
    o.append("const std::size_t kPythonSpaceCount = sizeof(kPythonSpaces) / sizeof(kPythonSpaces[0]);")
    o.append("")
    o.append("const LowerRun kLowerRuns[] = {")
    o.append(emit_rows(["{0x%X,0x%X,%d,%d}," % r for r in low], 4))
    o.append("};")
    o.append("const std::size_t kLowerRunCount = sizeof(kLowerRuns) / sizeof(kLowerRuns[0]);")
    o.append("")
    o.append("const LowerSpecial kLowerSpecials[] = {")
    for cp, seq in low_special:
        assert len(seq) <= 3
        seq = seq + [0] * (3 - len(seq))
        o.append("    {0x%X,{0x%X,0x%X,0x%X}}," % (cp, *seq))
    o.append("};")
    o.append("const std::size_t kLowerSpecialCount = sizeof(kLowerSpecials) / sizeof(kLowerSpecials[0]);")
    o.append("")
    for name, rs in (("kCaseIgnorable", ign_ranges), ("kCased", cased_ranges)):
        o.append("const CodeRange %s[] = {" % name)
        o.append(emit_rows(["{0x%X,0x%X}," % r for r in rs], 6))
        o.append("};")
        o.append("const std::size_t %sCount = sizeof(%s) / sizeof(%s[0]);" % (name, name, name))
        o.append("")
    o.append("const CombiningRun kCombiningRuns[] = {")
    o.append(emit_rows(["{0x%X,%d}," % r for r in ccc_runs]))
    o.append("};")
    o.append("const std::size_t kCombiningRunCount = sizeof(kCombiningRuns) / sizeof(kCombiningRuns[0]);")
    o.append("")
    o.append("const Decomposition kDecompositions[] = {")
    o.append(emit_rows(["{0x%X,0x%X,0x%X,%d}," % (c, a, b, int(k)) for c, a, b, k in decomp], 4))
    o.append("};")
    o.append("const std::size_t kDecompositionCount = sizeof(kDecompositions) / sizeof(kDecompositions[0]);")
    o.append("")
    o.append("}  // namespace rashisa::ml::unicode_tables")
    sys.stdout.write("\n".join(o) + "\n")


if __name__ == "__main__":
    main()
