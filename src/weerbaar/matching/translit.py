"""Offline transliteration of names to lower-case ASCII, for cross-script name matching.

Three functions:

* :func:`script_of` -- the dominant writing system of a string's letters;
* :func:`latinize` -- a lower-case ASCII romanisation, words separated by single spaces;
* :func:`skeleton` -- a consonant skeleton of latinized text, for comparing against the
  abjads (Arabic, Persian, Hebrew), which do not write short vowels.

Latin input is the common case and is fast: pure ASCII only needs lower-casing and
punctuation removal; Latin with diacritics is folded with one ``str.translate`` table and
``unicodedata`` NFKD. Both go through ``functools.lru_cache``.

Other scripts are split into runs of one script and romanised run by run. Hand-written
general rules (no name lists) cover Cyrillic, Arabic/Persian, Hebrew, Hangul and Japanese
kana; ICU (PyICU) covers Han (pinyin), Greek, Devanagari, Thai, Georgian, Armenian and
anything else. ICU transliterators are not thread-safe: this module keeps one of each per
process, created lazily (the project uses processes, not threads).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

__all__ = ["latinize", "rewrite_clusters", "script_of", "skeleton"]

# ---------------------------------------------------------------------------------------
# Scripts
# ---------------------------------------------------------------------------------------

_RANGES: list[tuple[int, int, str]] = sorted(
    [
        (0x0041, 0x005A, "Latin"),
        (0x0061, 0x007A, "Latin"),
        (0x00C0, 0x024F, "Latin"),
        (0x0250, 0x02AF, "Latin"),
        (0x1D00, 0x1DBF, "Latin"),
        (0x1E00, 0x1EFF, "Latin"),
        (0x2C60, 0x2C7F, "Latin"),
        (0xA720, 0xA7FF, "Latin"),
        (0xAB30, 0xAB6F, "Latin"),
        (0xFB00, 0xFB06, "Latin"),
        (0xFF21, 0xFF3A, "Latin"),
        (0xFF41, 0xFF5A, "Latin"),
        (0x0370, 0x03FF, "Greek"),
        (0x1F00, 0x1FFF, "Greek"),
        (0x0400, 0x052F, "Cyrillic"),
        (0x1C80, 0x1C8F, "Cyrillic"),
        (0x2DE0, 0x2DFF, "Cyrillic"),
        (0xA640, 0xA69F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"),
        (0xFB13, 0xFB17, "Armenian"),
        (0x0590, 0x05FF, "Hebrew"),
        (0xFB1D, 0xFB4F, "Hebrew"),
        (0x0600, 0x06FF, "Arabic"),
        (0x0750, 0x077F, "Arabic"),
        (0x08A0, 0x08FF, "Arabic"),
        (0xFB50, 0xFDFF, "Arabic"),
        (0xFE70, 0xFEFF, "Arabic"),
        (0x0900, 0x097F, "Devanagari"),
        (0x1780, 0x17FF, "Khmer"),
        (0xA8E0, 0xA8FF, "Devanagari"),
        (0x0E00, 0x0E7F, "Thai"),
        (0x10A0, 0x10FF, "Georgian"),
        (0x1C90, 0x1CBF, "Georgian"),
        (0x2D00, 0x2D2F, "Georgian"),
        (0x1100, 0x11FF, "Hangul"),
        (0x3130, 0x318F, "Hangul"),
        (0xA960, 0xA97F, "Hangul"),
        (0xAC00, 0xD7FF, "Hangul"),
        (0xFFA0, 0xFFDC, "Hangul"),
        (0x3040, 0x30FF, "Kana"),
        (0x31F0, 0x31FF, "Kana"),
        (0xFF66, 0xFF9F, "Kana"),
        (0x3005, 0x3007, "Han"),
        (0x3400, 0x4DBF, "Han"),
        (0x4E00, 0x9FFF, "Han"),
        (0xF900, 0xFAFF, "Han"),
        (0x20000, 0x323AF, "Han"),
    ]
)
_STARTS = [r[0] for r in _RANGES]


@lru_cache(maxsize=8192)
def _char_script(char: str) -> str:
    """Script of one character by code-point range ('Other' outside the known ranges)."""
    cp = ord(char)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0:
        start, end, name = _RANGES[i]
        if start <= cp <= end:
            return name
    return "Other"


_ASCII_LETTER = re.compile("[A-Za-z]")


def script_of(text: str) -> str:
    """Dominant script of the letters of ``text``.

    One of 'Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han', 'Hangul', 'Kana'
    (Hiragana/Katakana; Han mixed with kana counts as Japanese, i.e. 'Kana'), 'Georgian',
    'Armenian', 'Thai', 'Devanagari' or 'Other'; '' if there are no letters. Only
    alphabetic characters count (digits, punctuation and combining marks do not); ties go
    to the script seen first.
    """
    if text.isascii():
        return "Latin" if _ASCII_LETTER.search(text) else ""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            name = _char_script(char)
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    if "Kana" in counts and "Han" in counts:
        counts["Kana"] += counts.pop("Han")
    return max(counts, key=lambda k: counts[k])


# ---------------------------------------------------------------------------------------
# Latin: ASCII fast path and diacritic folding
# ---------------------------------------------------------------------------------------

_APOSTROPHES = "'`\u2018\u2019\u02bc\u02bb\u02bf\u02be\u00b4\u02b9\u05f3\u05f4\u2032"

# ASCII: apostrophes vanish (O'Brien -> obrien), other punctuation becomes a space.
_ASCII_TABLE: dict[int, str | None] = {
    c: " " for c in range(128) if not chr(c).isalnum() and not chr(c).isspace()
}
_ASCII_TABLE[ord("'")] = None
_ASCII_TABLE[ord("`")] = None

# Letters NFKD does not decompose to ASCII, plus apostrophe-like marks.
# fmt: off
_LATIN_SPECIAL: dict[int, str | None] = {
    ord(k): v
    for k, v in {
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
        "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h", "ŋ": "ng", "Ŋ": "ng",
        "ĸ": "k", "ſ": "s", "ƒ": "f", "ɛ": "e", "Ɛ": "e", "ɔ": "o", "Ɔ": "o",
        "ə": "a", "Ə": "a", "ŧ": "t", "Ŧ": "t", "ƶ": "z", "Ƶ": "z", "ɨ": "i",
        "ʃ": "sh", "ʒ": "zh", "ɣ": "gh", "ƴ": "y", "ɓ": "b", "ɗ": "d", "ƙ": "k",
        "ȿ": "s", "ɖ": "d", "ʋ": "v", "ɲ": "ny", "ɑ": "a", "ɪ": "i", "ʊ": "u",
    }.items()
}
# fmt: on
for _c in _APOSTROPHES:
    _LATIN_SPECIAL[ord(_c)] = None

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _ascii_clean(text: str) -> str:
    """Lower-case ASCII, punctuation to spaces, apostrophes removed, spaces collapsed."""
    return " ".join(text.lower().translate(_ASCII_TABLE).split())


def _fold_latin(text: str) -> str:
    """Remove diacritics and map special Latin letters; non-Latin characters stay."""
    text = text.translate(_LATIN_SPECIAL)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


# ---------------------------------------------------------------------------------------
# ICU (lazy, one instance per process)
# ---------------------------------------------------------------------------------------

_ICU: dict[str, Any] = {}


def _icu(rule_id: str, text: str) -> str:
    trans = _ICU.get(rule_id)
    if trans is None:
        import icu  # type: ignore[import-untyped]  # PyICU, via normality

        trans = icu.Transliterator.createInstance(rule_id)
        _ICU[rule_id] = trans
    return str(trans.transliterate(text))


# ---------------------------------------------------------------------------------------
# Cyrillic
# ---------------------------------------------------------------------------------------

# fmt: off
_CYR_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ў": "u",
    # Serbian / Macedonian
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz",
    # Kazakh, Kyrgyz, Tajik, Uzbek, Mongolian, Tatar, Bashkir, Azerbaijani
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u", "ҕ": "gh", "ҫ": "s", "ӑ": "a", "ӗ": "e",
    "ӳ": "u", "ҙ": "z", "ҡ": "q", "ҝ": "g", "ј̈": "y", "ӧ": "o", "ӱ": "u", "ӈ": "ng",
}
# fmt: on
_CYR_UK = {"и": "y", "г": "h", "ї": "i", "є": "ie", "й": "i", "щ": "shch"}
_CYR_UK_INITIAL = {"ї": "yi", "є": "ye", "й": "y", "ю": "yu", "я": "ya"}
_CYR_BE = {"г": "h", "ў": "u"}


def _cyrillic(run: str) -> str:
    out: list[str] = []
    for word in re.split(r"(\W+)", run.lower()):
        if not word or not word[0].isalpha():
            out.append(word)
            continue
        table = _CYR_COMMON
        initial: dict[str, str] = {}
        if any(c in "іїєґ" for c in word) and "ы" not in word:
            table = {**_CYR_COMMON, **_CYR_UK}
            initial = _CYR_UK_INITIAL
        elif "ў" in word or ("і" in word and ("ы" in word or "э" in word)):
            table = {**_CYR_COMMON, **_CYR_BE}
        for i, c in enumerate(word):
            if i == 0 and c in initial:
                out.append(initial[c])
            else:
                out.append(table.get(c, c))
    return "".join(out)


# ---------------------------------------------------------------------------------------
# Arabic and Persian (an abjad: short vowels usually unwritten, so none are invented)
# ---------------------------------------------------------------------------------------

# fmt: off
_AR_CONS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m",
    "ن": "n", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v", "ڥ": "v", "ڨ": "g",
    "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ڭ": "ng", "ۋ": "v", "ء": "", "ؤ": "",
    "ئ": "", "ٔ": "",
}
# fmt: on
# fmt: off
_AR_VOWEL_SIGNS = {
    "\u064e": "a", "\u0650": "i", "\u064f": "u", "\u0652": "", "\u064b": "", "\u064d": "",
    "\u064c": "", "\u0670": "a", "\u0640": "", "\u0653": "", "\u0654": "", "\u0655": "",
}
# fmt: on
_AR_YA = "يیىې"
_AR_WAW = "وۇۆۈ"
_AR_ALIF = "اأإآٱ"
_AR_LONG = _AR_ALIF + _AR_YA + _AR_WAW
_AR_WAW_VOWEL = "ou"
_AR_YA_VOWEL = "i"
_AR_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_AR_DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})


#: Letters Persian has and Arabic does not (پ چ ژ گ, Persian kaf and yeh): a name
#: with one of them is Persian, and its ث ذ ض ظ are read as Persian reads them
#: (s, z, z, z: رضا is "Reza", not "Rida"), by :func:`latinize`.
_PERSIAN_LETTERS = re.compile("[پچژگکی]")
_PERSIAN_SOUNDS = str.maketrans("ثذضظ", "سززز")
#: Alef maksura ending a word: "a" in Arabic (موسى, Musa), but Persian names in
#: Arabic letters often end in it where Persian writes yeh (محمدى, Mohammadi).
_FINAL_MAKSURA = re.compile("\u0649(?![\u0600-\u06ff])")


def as_persian(text: str) -> str | None:
    """A name in Arabic letters spelled as a Persian name would be: a word-final
    alef maksura is yeh, and ث ذ ض ظ are said s, z, z, z ("محمد رضا محمدى", Mohammad
    Reza Mohammadi, not "Muhammad Rida Muhammada"). None when nothing changes."""
    persian = _FINAL_MAKSURA.sub("\u06cc", text).translate(_PERSIAN_SOUNDS)
    return persian if persian != text else None


def _arabic_word(word: str) -> str:
    # Letters only (vowel signs handled inline), so context checks see letters.
    letters = [c for c in word]
    n = len(letters)
    out: list[str] = []

    def is_letter(j: int) -> bool:
        return 0 <= j < n and letters[j] not in _AR_VOWEL_SIGNS and letters[j] != "\u0651"

    def prev_letter(j: int) -> str:
        j -= 1
        while j >= 0 and not is_letter(j):
            j -= 1
        return letters[j] if j >= 0 else ""

    def next_letter(j: int) -> str:
        j += 1
        while j < n and not is_letter(j):
            j += 1
        return letters[j] if j < n else ""

    for i, c in enumerate(letters):
        if c == "\u0651":  # shadda: doubled consonant
            if out and out[-1]:
                out.append(out[-1][-1])
            continue
        if c in _AR_VOWEL_SIGNS:
            out.append(_AR_VOWEL_SIGNS[c])
            continue
        prev, nxt = prev_letter(i), next_letter(i)
        nxt_long = bool(nxt) and nxt in _AR_LONG
        if c in _AR_ALIF:
            if not prev and nxt and nxt in "وي" and next_letter(i + 1) not in ("", *_AR_LONG):
                continue  # initial alif seating a long vowel: إيرلز -> irlz, أوباما -> ubama
            out.append("i" if c == "إ" else "a")
        elif c == "ة":
            out.append("a")
        elif c == "ه":
            out.append("h")
        elif c == "ع":
            out.append("" if prev else "a")
        elif c in _AR_WAW:
            consonant = (
                not prev
                or (nxt and nxt in _AR_ALIF + _AR_YA)
                or (prev in _AR_ALIF and nxt and not nxt_long)
                # داوود: the first of two waws after alif is w, the second u
                or (prev in _AR_ALIF and nxt and nxt in _AR_WAW)
            )
            if consonant and not (prev in _AR_ALIF and i == 1):
                out.append("w")
            else:
                out.append(_AR_WAW_VOWEL)
        elif c in _AR_YA:
            if c == "ى" and not nxt:
                out.append("a")
            elif (not prev or nxt_long or (prev in _AR_ALIF and nxt)) and not (
                prev and prev in _AR_ALIF and i == 1
            ):
                out.append("y")
            else:
                out.append(_AR_YA_VOWEL)
        elif c in _AR_DIGITS:
            out.append(_AR_DIGITS[c])
        else:
            out.append(_AR_CONS.get(c, c))
    return "".join(out)


def _arabic(run: str) -> str:
    # ZWNJ separates the parts of Persian compounds (محمد‌رضا: Mohammad Reza).
    run = run.replace("\u200c", " ").replace("\u200d", "")
    parts = re.split(r"([^\w\u064b-\u0655\u0670\u0640]+)", run)
    return "".join(_arabic_word(p) if p and p[0] not in " ،؛؟" else p for p in parts)


# ---------------------------------------------------------------------------------------
# Hebrew (an abjad; matres lectionis read as vowels)
# ---------------------------------------------------------------------------------------

# fmt: off
_HE_CONS = {
    "ב": "b", "ג": "g", "ד": "d", "ז": "z", "ח": "kh", "ט": "t", "כ": "k", "ך": "kh",
    "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "ע": "", "פ": "p",
    "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k", "ר": "r", "ש": "sh", "ת": "t",
}
# fmt: on
_HE_GERESH = {"ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch", "ת": "th", "ד": "dh", "ח": "kh"}
# fmt: off
_HE_POINTS = {
    "\u05b0": "", "\u05b1": "e", "\u05b2": "a", "\u05b3": "o", "\u05b4": "i", "\u05b5": "e",
    "\u05b6": "e", "\u05b7": "a", "\u05b8": "a", "\u05b9": "o", "\u05ba": "o", "\u05bb": "u",
    "\u05bc": "", "\u05bd": "", "\u05bf": "", "\u05c1": "", "\u05c2": "", "\u05c7": "o",
}
# fmt: on
_HE_GERESH_MARKS = "'\u05f3\u2019`"
_HE_WAW_VOWEL = "o"
_HE_MEDIAL: dict[str, str] = {}
_HE_FINAL_HE = "a"
_HE_ALEF_MEDIAL = "a"
_HE_VOWEL_LETTERS = "אויה"


def _hebrew_word(word: str) -> str:
    letters = [c for c in word if c not in _HE_POINTS and c not in _HE_GERESH_MARKS]
    marks: list[str] = []  # per letter: the marks that follow it
    for c in word:
        if c in _HE_POINTS or c in _HE_GERESH_MARKS:
            if marks:
                marks[-1] += c
        else:
            marks.append("")
    n = len(letters)
    out: list[str] = []
    i = 0
    while i < n:
        c, m = letters[i], marks[i]
        prev = letters[i - 1] if i > 0 else ""
        nxt = letters[i + 1] if i + 1 < n else ""
        geresh = any(g in m for g in _HE_GERESH_MARKS)
        if geresh and c in _HE_GERESH:
            out.append(_HE_GERESH[c])
        elif c == "א":
            out.append("" if nxt in "וי" and nxt else ("a" if not prev else _HE_ALEF_MEDIAL))
        elif c == "ע" and not prev and nxt not in "וי":
            # a word-initial ayin carries the first vowel, as aleph does (עמנואל)
            out.append("a")
        elif c == "ה":
            out.append(_HE_FINAL_HE if not nxt and prev else "h")
        elif c == "ו":
            if nxt == "ו":
                out.append("v")
                i += 1
            elif not prev:
                out.append("v")
            elif "\u05b9" in m:
                out.append("o")
                m = ""
            elif "\u05bc" in m:
                out.append("u")
                m = ""
            else:
                out.append(_HE_WAW_VOWEL)
        elif c == "י":
            if nxt == "י":
                out.append("ey" if prev else "y")
                i += 1
            elif not prev or (nxt and nxt in "או"):
                out.append("y")
            else:
                out.append("i")
        elif c == "ש" and "\u05c2" in m:
            out.append("s")
        elif c in "בכפ" and "\u05bc" in m:
            out.append({"ב": "b", "כ": "k", "פ": "p"}[c])
        elif prev and c in _HE_MEDIAL:
            out.append(_HE_MEDIAL[c])
        else:
            out.append(_HE_CONS.get(c, c))
        out.extend(_HE_POINTS.get(x, "") for x in m)
        i += 1
    return "".join(out)


def _hebrew(run: str) -> str:
    parts = re.split(r"([^\w\u0591-\u05c7'\u05f3\u2019`]+)", run)
    return "".join(_hebrew_word(p) if p and p[0].isalpha() else p for p in parts)


# ---------------------------------------------------------------------------------------
# Hangul: one romanised syllable per block, name-style conventions
# ---------------------------------------------------------------------------------------

_KO_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h"]  # fmt: skip
_KO_VOWEL = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "u", "ui", "i"]  # fmt: skip
_KO_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
             "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip
_KO_EU = 18  # ㅡ
_KO_IEUNG = 11  # ㅇ (silent initial)


_KO_WORD_INITIAL = {"g": "k", "b": "p"}
_KO_EPENTHETIC = {"j": "z", "ch": "ts", "ss": "ts", "jj": "ts"}
_KO_RIEUL = 5  # ㄹ as initial
_KO_RIEUL_FINAL = 8  # ㄹ as final
_KO_SIOT = (9, 10)  # ㅅ ㅆ
_KO_SI = "shi"


def _hangul_word(word: str) -> str:
    sylls: list[tuple[int, int, int]] = []
    for c in word:
        cp = ord(c) - 0xAC00
        if 0 <= cp < 11172:
            sylls.append((cp // 588, (cp % 588) // 28, cp % 28))
    pieces: list[str] = []
    glue_next = False
    n = len(sylls)
    # Korean-looking words (at most three blocks, no loanword ㅡ) get name-style initials.
    native = n <= 3 and not any(v == _KO_EU and f == 0 and i != _KO_IEUNG for i, v, f in sylls)
    for k, (ini, vow, fin) in enumerate(sylls):
        cons = _KO_INITIAL[ini]
        nxt_ini = sylls[k + 1][0] if k + 1 < n else -1
        prev_fin = sylls[k - 1][2] if k > 0 else -1
        ll = fin == _KO_RIEUL_FINAL and nxt_ini == _KO_RIEUL  # ㄹ.ㄹ = one 'l'
        epenthetic = vow == _KO_EU and ini != _KO_IEUNG and (fin == 0 or ll)
        if ini == _KO_RIEUL and prev_fin == _KO_RIEUL_FINAL:
            cons = "l"
        elif epenthetic:
            cons = _KO_EPENTHETIC.get(cons, cons)
        elif k == 0 and native:
            # Name-style initials (Kim, Park/Pak): ㄱ -> k, ㅂ -> p at the start of a word.
            cons = _KO_WORD_INITIAL.get(cons, cons)
        final = "" if ll else _KO_FINAL[fin]
        if epenthetic:
            # Epenthetic ㅡ of loanwords (스 in 스미스 'Smith'): the consonant alone.
            syl = cons + final
            if pieces:
                pieces[-1] += syl
            else:
                pieces.append(syl)
                glue_next = True
            continue
        vowel = _KO_VOWEL[vow]
        if ini in _KO_SIOT and vowel.startswith("y"):
            vowel = "h" + vowel[1:]
        elif ini in _KO_SIOT and vowel == "i":
            vowel = _KO_SI[1:]
        syl = cons + vowel + final
        if glue_next:
            pieces[-1] += syl
            glue_next = False
        else:
            pieces.append(syl)
    return " ".join(pieces)


def _hangul(run: str) -> str:
    run = unicodedata.normalize("NFC", run)
    parts = re.split(r"([^\uac00-\ud7a3]+)", run)
    out = [_hangul_word(p) if p and "\uac00" <= p[0] <= "\ud7a3" else p for p in parts]
    return " " + "".join(out) + " "


# ---------------------------------------------------------------------------------------
# Japanese kana: modified Hepburn
# ---------------------------------------------------------------------------------------

_KANA_BASE = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n", "ヴ": "vu",
    "ヷ": "va", "ヸ": "vi", "ヹ": "ve", "ヺ": "vo",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
    "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa", "ヵ": "ka", "ヶ": "ke",
}  # fmt: skip
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_V = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ヮ": "a"}
_KANA_SEP = "・＝゠"
_KANA_LONG_R = "aeo"
_KANA_LONG_DOUBLE = ""
_KANA_M = False


def _kana_syllables(run: str) -> list[str]:
    """Romanised kana units; '' for word breaks, '-' for ー, 'Q' for ッ, 'N' for ン."""
    chars = [chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in run]
    units: list[str] = []
    i = 0
    while i < len(chars):
        c = chars[i]
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if c in _KANA_SEP or c.isspace():
            units.append(" ")
        elif c == "ー":
            units.append("-")
        elif c == "ッ":
            units.append("Q")
        elif c == "ン":
            units.append("N")
        elif c in _KANA_BASE:
            base = _KANA_BASE[c]
            if nxt in _SMALL_Y and c not in _SMALL_Y and c not in _SMALL_V:
                v = _SMALL_Y[nxt]
                if base in ("shi", "chi", "ji"):
                    base = base[:-1] + v
                elif c in "テデフヴ":
                    base = base[0] + "y" + v
                else:
                    base = base[:-1] + "y" + v
                i += 1
            elif nxt in _SMALL_V and c not in _SMALL_Y and c not in _SMALL_V:
                v = _SMALL_V[nxt]
                if c == "ウ":
                    base = "w" + v
                elif c in "クグ":
                    base = base[0] + "w" + v
                elif c == "イ" and v == "e":
                    base = "ye"
                elif base in ("shi", "chi", "ji") or c in "フヴツ":
                    base = base[:-1] + v
                elif c in "テデトド":
                    base = base[0] + v
                elif base.endswith("i") and v == "e":
                    base = base[:-1] + "ye"
                else:
                    base = base[:-1] + v
                i += 1
            units.append(base)
        else:
            units.append(c)
        i += 1
    return units


def _kana(run: str) -> str:
    units = _kana_syllables(run)
    out: list[str] = []
    for k, u in enumerate(units):
        nxt = units[k + 1] if k + 1 < len(units) else ""
        if u == "-":
            last = out[-1][-1:] if out else ""
            if last and last in _KANA_LONG_R:
                out.append("r")
            elif last and last in _KANA_LONG_DOUBLE:
                out.append(last)
            continue  # long vowel mark: dropped
        if u == "Q":  # sokuon: double the next consonant
            if nxt and nxt[0].isalpha() and nxt[0] not in "aeiouNQ":
                out.append("t" if nxt.startswith("ch") else nxt[0])
            continue
        if u == "N":
            out.append("m" if _KANA_M and nxt[:1] in ("b", "p", "m") else "n")
            if nxt and nxt[0] in "aeiouy":
                out.append(" ")  # Hepburn's n' : a syllable break
            continue
        out.append(u)
    return " " + "".join(out) + " "


# ---------------------------------------------------------------------------------------
# Han, Devanagari, others (ICU)
# ---------------------------------------------------------------------------------------


#: The dots between the words of a foreign name written in Chinese characters
#: ("贝拉克·奥巴马", Barack Obama): middle dot, katakana middle dot, hyphenation point.
TRANSCRIPTION_DOTS = "\u00b7\u30fb\u2027\u2022\uff65"
_TRANSCRIPTION_SPLIT = re.compile("[" + TRANSCRIPTION_DOTS + "]")


def _han(run: str) -> str:
    if _TRANSCRIPTION_SPLIT.search(run):
        # A foreign name spelled out in characters chosen for their sound: each
        # dotted part is one word, its syllables run together ("bei la ke" ->
        # "beilake"), compared by sound (:func:`transcription_key`).
        parts = [_icu("Han-Latin", part) for part in _TRANSCRIPTION_SPLIT.split(run)]
        words = ["".join(_ascii_clean(part).split()) for part in parts]
        return " " + " ".join(w for w in words if w) + " "
    # Han-Latin/Names reads a leading character with its surname reading (单 -> shan).
    out = _icu("Han-Latin/Names", run)
    return " " + out + " "


# ---------------------------------------------------------------------------------------
# Khmer (UNGEGN-like, simplified; ICU has no Khmer-Latin)
# ---------------------------------------------------------------------------------------

#: Consonants: (Latin, series); the first series carries an inherent "a", the
#: second an inherent "o".
_KHMER_CONSONANTS = {
    "\u1780": ("k", 1), "\u1781": ("kh", 1), "\u1782": ("k", 2), "\u1783": ("kh", 2),
    "\u1784": ("ng", 2), "\u1785": ("ch", 1), "\u1786": ("chh", 1), "\u1787": ("ch", 2),
    "\u1788": ("chh", 2), "\u1789": ("nh", 2), "\u178a": ("d", 1), "\u178b": ("th", 1),
    "\u178c": ("d", 2), "\u178d": ("th", 2), "\u178e": ("n", 1), "\u178f": ("t", 1),
    "\u1790": ("th", 1), "\u1791": ("t", 2), "\u1792": ("th", 2), "\u1793": ("n", 2),
    "\u1794": ("b", 1), "\u1795": ("ph", 1), "\u1796": ("p", 2), "\u1797": ("ph", 2),
    "\u1798": ("m", 2), "\u1799": ("y", 2), "\u179a": ("r", 2), "\u179b": ("l", 2),
    "\u179c": ("v", 2), "\u179d": ("s", 1), "\u179e": ("s", 1), "\u179f": ("s", 1),
    "\u17a0": ("h", 1), "\u17a1": ("l", 1), "\u17a2": ("", 1),
}  # fmt: skip
#: Independent and dependent vowels and signs that are read.
_KHMER_VOWELS = {
    "\u17a5": "e", "\u17a6": "ei", "\u17a7": "o", "\u17a9": "ou", "\u17aa": "ov",
    "\u17ab": "rue", "\u17ac": "rueu", "\u17ad": "lue", "\u17ae": "lueu", "\u17af": "ae",
    "\u17b0": "ai", "\u17b1": "ao", "\u17b2": "ao", "\u17b3": "au",
    "\u17b6": "a", "\u17b7": "e", "\u17b8": "ei", "\u17b9": "oe", "\u17ba": "eu",
    "\u17bb": "o", "\u17bc": "ou", "\u17bd": "uo", "\u17be": "aeu", "\u17bf": "oea",
    "\u17c0": "ie", "\u17c1": "e", "\u17c2": "ae", "\u17c3": "ai", "\u17c4": "ao",
    "\u17c5": "au", "\u17c6": "m", "\u17c7": "h",
}  # fmt: skip
_KHMER_COENG = "\u17d2"
#: Musikatoan: a second-series consonant read with first-series sound (ប៉ "pa").
_KHMER_MUSIKATOAN = "\u17c9"
#: Signs that change a consonant's series or a vowel's length: not written in Latin.
_KHMER_SIGNS = frozenset("\u17c8\u17c9\u17ca\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17d1\u17d3")


def _khmer_word(word: str) -> str:
    """One Khmer word: consonants, subscripts (after coeng), written vowels, and the
    inherent vowel of a consonant that opens a syllable and has none written."""
    out: list[str] = []
    open_syllable = False  # the last consonant opened a syllable with no vowel yet
    i, n = 0, len(word)
    while i < n:
        char = word[i]
        if char in _KHMER_CONSONANTS:
            latin, series = _KHMER_CONSONANTS[char]
            i += 1
            while i < n and word[i] in _KHMER_SIGNS:
                if word[i] == _KHMER_MUSIKATOAN and latin == "b":
                    latin = "p"
                i += 1
            while i + 1 < n and word[i] == _KHMER_COENG and word[i + 1] in _KHMER_CONSONANTS:
                latin += _KHMER_CONSONANTS[word[i + 1]][0]
                i += 2
            if open_syllable:
                out.append(latin)  # closes the syllable the last consonant opened
                open_syllable = False
                continue
            out.append(latin)
            if i < n and word[i] in _KHMER_VOWELS:
                continue
            if i < n and word[i] in _KHMER_CONSONANTS:
                out.append("a" if series == 1 else "o")
                open_syllable = True
            continue
        out.append(_KHMER_VOWELS.get(char, ""))
        open_syllable = False
        i += 1
    return "".join(out)


def _khmer(run: str) -> str:
    return " ".join(_khmer_word(w) for w in re.split(r"[^\u1780-\u17ff]+", run) if w)


def _devanagari(run: str) -> str:
    out: list[str] = []
    for part in re.split(r"(\s+)", run):
        if not part or part.isspace():
            out.append(part)
            continue
        latin = _icu("Devanagari-Latin", part)
        last = part[-1]
        # Final schwa deletion (Hindi): राम -> ram, but not after a conjunct (नरेन्द्र).
        if (
            ("\u0915" <= last <= "\u0939" or "\u0958" <= last <= "\u095f")
            and len(part) > 2
            and part[-2] != "\u094d"
            and latin.endswith("a")
        ):
            latin = latin[:-1]
        out.append(latin)
    return "".join(out)


def _greek(run: str) -> str:
    return _icu("Greek-Latin/UNGEGN", run)


def _other(run: str) -> str:
    return _icu("Any-Latin", run)


_HANDLERS = {
    "Cyrillic": _cyrillic,
    "Arabic": _arabic,
    "Hebrew": _hebrew,
    "Hangul": _hangul,
    "Kana": _kana,
    "Han": _han,
    "Khmer": _khmer,
    "Devanagari": _devanagari,
    "Greek": _greek,
}


def _runs(text: str) -> list[tuple[str, str]]:
    """Split into (script, run); non-letters join the run they follow."""
    runs: list[tuple[str, list[str]]] = []
    current = ""
    for char in text:
        if char.isalpha() or "\u3040" <= char <= "\u30ff":
            script = _char_script(char)
            if script != current:
                current = script
                runs.append((script, []))
        elif not runs:
            current = "Latin"
            runs.append((current, []))
        runs[-1][1].append(char)
    return [(s, "".join(cs)) for s, cs in runs]


def _non_ascii_char(char: str) -> str:
    cat = unicodedata.category(char)
    if cat == "Nd":
        return str(unicodedata.digit(char))
    return " " if cat[0] in "PZS" else ""


def _final_ascii(text: str) -> str:
    if not text.isascii():
        text = "".join(c if c.isascii() else _non_ascii_char(c) for c in text)
    return _ascii_clean(text)


#: Text in these scripts is romanised word by word (no rule looks past a space), so
#: its words can be cached one by one: Latin, Cyrillic, Hebrew, Arabic, punctuation.
_WORD_LOCAL = re.compile(
    "[^\x00-\u036f\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
    "\u08a0-\u08ff\u1e00-\u1eff\u2000-\u206f\ufb1d-\ufdff\ufe70-\ufeff]"
)


@lru_cache(maxsize=200_000)
def latinize(text: str) -> str:
    """Lower-case ASCII romanisation of a name, for cross-script comparison (see
    :func:`_latinize`). A name in a word-by-word script is romanised per word, each
    word cached: new names are mostly known words in a new combination."""
    if text.isascii():
        return _ascii_clean(text)
    if _PERSIAN_LETTERS.search(text):
        text = text.translate(_PERSIAN_SOUNDS)
    words = text.split()
    if (
        len(words) > 1
        and _WORD_LOCAL.search(text) is None
        and all(w[0].isalpha() for w in words)  # a leading mark joins the previous run
    ):
        return " ".join([w for w in map(_latinize_word, words) if w])
    return _latinize(text)


@lru_cache(maxsize=200_000)
def _latinize_word(word: str) -> str:
    return _latinize(word)


def _latinize(text: str) -> str:
    """Lower-case ASCII romanisation of a name, for cross-script comparison.

    Words are separated by single spaces; punctuation becomes a space except apostrophes,
    which are dropped ("O'Brien" -> "obrien", "Jean-Luc" -> "jean luc"); diacritics are
    removed ('ü'->'u', 'ß'->'ss', 'ø'->'o', 'ł'->'l', 'ə'->'a').

    Per script:

    * Cyrillic: the usual English/sanctions-list romanisation (х kh, ж zh, ц ts, щ shch,
      й y, ы y, ю yu, я ya; ь/ъ dropped): 'Шевченко' -> 'shevchenko', 'Юрий' -> 'yuriy'.
      Words with і/ї/є/ґ are read as Ukrainian (и y, г h), with ў as Belarusian.
    * Arabic/Persian: letters to their usual English spelling, no short vowels invented
      (ح h, خ kh, ش sh, ث th, ذ dh, غ gh, ق q, ع/ء dropped but word-initial ع a, ة a,
      final ى a, پ p, چ ch, ژ zh, گ g, ک k, ی y); و is w at word start, before a vowel
      letter or after alif, otherwise 'ou' (Mahmoud, Youssef); ي/ی likewise y or i; an
      initial alif seating و/ي adds nothing; harakat, where written, give a/i/u; ZWNJ
      (Persian compounds) becomes a space.
    * Hebrew: consonants as usual (ח kh, צ ts, ש sh, כ k / final ך kh, פ p / final ף f),
      geresh forms (ג' j, ז' zh, צ' ch, ת' th), ו v at word start or doubled, else o;
      י y at word start or before a vowel letter, else i; final ה a; niqqud if written.
    * Han: pinyin without tones, one syllable per character ('习近平' -> 'xi jin ping').
    * Hangul: one romanised syllable per block, using name conventions: ㅓ o, ㅕ yo, ㅡ u,
      ㅈ j, ㅅ before i/y sh, and in Korean-looking words (at most three blocks) word-initial
      ㄱ k and ㅂ p ('김정은' -> 'kim jong un', '박' -> 'pak'). Loanword spelling: the
      epenthetic ㅡ (스, 트, 즈 with no final, or 클 before ㄹ) is dropped and its consonant
      joins a neighbouring syllable ('스미스' -> 'smis'); ㄹㄹ is one 'l'.
    * Kana: modified Hepburn ('キム・ジョンウン' -> 'kimu jon un'); ッ doubles the next
      consonant; ン before a vowel or y ends the syllable with a space; the long-vowel mark
      ー is dropped, except after a/e/o where it is read 'r' (カー 'kar', the usual katakana
      spelling of English -ar/-er/-or).
    * Greek (UNGEGN), Devanagari (with final-schwa deletion), Thai, Georgian, Armenian and
      anything else via ICU, then folded to ASCII.
    """
    if text.isascii():
        return _ascii_clean(text)
    folded = _fold_latin(text)
    if folded.isascii():
        return _ascii_clean(folded)
    text = unicodedata.normalize("NFKC", text)
    pieces: list[str] = []
    for script, run in _runs(text):
        if script == "Latin":
            pieces.append(run)
            continue
        handler = _HANDLERS.get(script, _other)
        pieces.append(handler(run))
    return _final_ascii(_fold_latin("".join(pieces)))


# ---------------------------------------------------------------------------------------
# Consonant skeleton
# ---------------------------------------------------------------------------------------

# Order matters: longer clusters first. Upper-case letters are internal class symbols.
_SKEL_CLUSTERS = [
    ("tsch", "C"), ("sch", "S"), ("tch", "C"), ("shch", "S"), ("sh", "S"), ("ch", "C"),
    ("dzh", "J"), ("zh", "J"), ("dj", "J"), ("kh", "H"), ("gh", "G"), ("ph", "F"),
    ("th", "T"), ("dh", "D"), ("ck", "K"), ("tz", "Z"), ("ts", "Z"), ("x", "KS"),
    ("qu", "KW"),
]  # fmt: skip
_SKEL_CLASS = {
    "b": "b", "p": "b", "f": "f", "F": "f", "v": "w", "w": "w",
    "k": "k", "K": "k", "q": "k", "g": "y", "G": "y", "j": "y", "J": "y", "y": "y",
    "d": "d", "D": "d", "t": "t", "T": "t", "s": "s", "z": "s", "Z": "s", "S": "x",
    "C": "x", "h": "h", "H": "h", "l": "l", "r": "r", "m": "m", "n": "n",
}  # fmt: skip
_SKEL_VOWELS = set("aeiou")
#: A word-final i after a consonant: "i", "y", and the English spellings "ee",
#: "ey" ("Albee", "Windley": ألبي, ويندلي). Not "ie": Lavie (לביא) is not Levi.
#: French "ou" before a vowel is w ("Sahraoui", "Jaouad": صحراوي, جواد).
_FRENCH_W = re.compile(r"ou(?=[aeiy])")
_FINAL_I = re.compile(r"[^aeiou](?:i|y|ee|ey)$")


_SOFT_C = re.compile(r"c(?=[eiy])")


def rewrite_clusters(word: str, clusters: Sequence[tuple[str, str]]) -> str:
    """A lower-case word with a soft c (before e, i, y) written s and each letter
    cluster replaced, in order (the first step of :func:`skeleton` and of
    :func:`weerbaar.matching.loanwords.loan_key`)."""
    if "c" in word:
        word = _SOFT_C.sub("s", word)
    for src, dst in clusters:
        if src in word:
            word = word.replace(src, dst)
    return word


@lru_cache(maxsize=200_000)
def skeleton(latin: str) -> str:
    """Consonant skeleton of already-latinized text, one skeleton per word.

    Meant for comparing a Latin name with one romanised from an abjad (Arabic, Persian,
    Hebrew), whose short vowels are not written. Choices:

    * vowels (a e i o u) are dropped, except that a word-initial vowel is kept as 'a'
      (alif/aleph carry any initial vowel);
    * clusters first: 'sch'/'sh'/'shch' -> 'x'; 'ch'/'tch'/'tsch' -> 'x' as well (the
      abjads write English ch and French ch alike with sh-like letters); 'zh'/'dj'/'dzh'
      and 'j' -> 'j'; 'kh' -> 'h'; 'gh' -> 'g'; 'ph' -> 'f'; 'th' -> 't'; 'dh' -> 'd';
      'ck' -> 'k'; 'ts'/'tz' -> 's'; 'x' -> 'ks'; 'qu' -> 'kw';
    * 'c' before e/i/y -> 's', else 'k'; 'q' -> 'k'; 'z' -> 's'; 'p' -> 'b' (Arabic has no
      p); 'v' and 'w' -> 'w' (Hebrew ו, Arabic و); 'f' and 'ph' -> 'f' (ف, פ): three
      letters of the abjads, so 'Awad' is not 'Abd' nor 'Afad';
    * 'y' and 'w' are kept only as semivowels: at word start or before a vowel;
    * a word-final 'h' after a vowel is dropped (Sarah / שרה, Fatimah / فاطمة);
    * doubled letters are collapsed;
    * a word-final 'i'/'y' after a consonant is kept as 'y': it is written in the abjads
      (ی/ي), and it makes a different name (Mohammadi / محمدی is not Muhammad); so
      are the English spellings 'ee', 'ey' (Windley / ويندلي);
    * French 'ou' before a vowel is 'w' (Sahraoui / صحراوي, Jaouad / جواد).
    """
    words: list[str] = []
    for word in latin.lower().split():
        w = rewrite_clusters(word, _SKEL_CLUSTERS).replace("c", "k")
        if "ou" in w:
            w = _FRENCH_W.sub("w", w)
        if len(w) > 1 and w.endswith("h") and w[-2] in _SKEL_VOWELS:
            w = w[:-1]
        out: list[str] = []
        n = len(w)
        for i, c in enumerate(w):
            nxt = w[i + 1] if i + 1 < n else ""
            if c in _SKEL_VOWELS:
                if i == 0:
                    out.append("a")
                continue
            if c in "yw" and i > 0 and nxt not in _SKEL_VOWELS:
                continue
            cls = _SKEL_CLASS.get(c)
            if cls is None:
                if c.isdigit():
                    cls = c
                else:
                    continue
            if not out or out[-1] != cls:
                out.append(cls)
        if len(out) > 1 and _FINAL_I.search(w) and out[-1] != "y":
            out.append("y")
        if out:
            words.append("".join(out))
    return " ".join(words)
