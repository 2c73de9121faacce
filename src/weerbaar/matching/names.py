"""Names prepared for comparison: cleaned, transliterated, tokenised and tagged.

A name is prepared once (results are cached) and then compared many times.
Each token carries its Latin form, a phonetic key, a consonant skeleton and a
weight: generic words ("trading", "company"), legal forms, particles and
titles weigh little, so they can never make a hit on their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rigour._core import metaphone, ordinals_dict, person_name_prefixes_list
from rigour.names.org_types import extract_org_types, replace_org_types_compare

from weerbaar.matching.translit import latinize, script_of, skeleton
from weerbaar.matching.words import GENERIC_ORG_WORDS, PARTICLES, PERSON_TITLES

#: Scripts written without (most) vowels: compare consonant skeletons too.
ABJADS = frozenset({"Arabic", "Hebrew"})
#: Scripts whose romanisation splits a name into syllables ("xi jin ping").
SYLLABIC = frozenset({"Han", "Hangul", "Kana"})
#: Scripts romanised one syllable per character, whose syllables we group back into
#: the written words (a given name matches as a whole, not syllable by syllable).
SYLLABLE_GROUPS = frozenset({"Han", "Hangul"})

KIND_NAME = "name"
KIND_GENERIC = "generic"
KIND_LEGAL = "legal"
KIND_PARTICLE = "particle"
KIND_NUMBER = "number"
KIND_PATRONYMIC = "patronymic"

WEIGHTS = {
    KIND_NAME: 1.0,
    KIND_PATRONYMIC: 0.5,
    KIND_GENERIC: 0.25,
    KIND_PARTICLE: 0.15,
    KIND_LEGAL: 0.1,
    KIND_NUMBER: 1.0,
}

_PATRONYMIC = re.compile(
    r"^\w{2,}(ovich|evich|ovitch|evitch|ovych|evych|ovna|evna|ichna|ivna|ogly|oglu|kyzy|qizi)$"
)
_DIGITS = re.compile(r"\d")
_TITLES = sorted({t.casefold().rstrip(".") for t in person_name_prefixes_list()} | PERSON_TITLES)
_TITLE_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in _TITLES if t) + r")\.?\s+)+")


#: Spelling alternations of romanised names, folded to one form (order matters).
_FOLDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"(.)\1+", r"\1"),  # doubled letters
        (r"shch|sch|sh|ch|tch|tsch|cz|ç", "s"),
        (r"dzh|dj|zh|j", "y"),
        (r"kh|gh|h|g", "h"),
        (r"ph", "f"),
        (r"th|dh", "t"),
        (r"ts|tz|c(?=[eiy])", "z"),
        (r"ck|q|c", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"(?<=[ao])u$", "v"),
        (r"ou|oo|yu|iu", "u"),
        (r"ee|ie|ye|ey|ei", "e"),
        (r"ya|ia", "a"),
        (r"yo|io", "o"),
        (r"iy|ii|yi|ij|y(?=$|[^aeiou])", "i"),
        (r"(.)\1+", r"\1"),
    ]
]


def fold(word: str) -> str:
    """A key that is the same for common romanisations of one name part
    (Yuri/Jury/Iouri, Mushkarov/Mushkarou, Andriy/Andrii, Shevchenko/Ševčenko)."""
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name, in Latin letters, with its keys and weight."""

    text: str
    kind: str
    weight: float
    phonetic: str
    skeleton: str
    folded: str


@dataclass(frozen=True, slots=True)
class Name:
    """A prepared name: the original text and what the features read."""

    original: str
    script: str
    person: bool
    tokens: tuple[Token, ...]
    #: Chinese/Korean persons: the original word of each token (syllable), else None.
    groups: tuple[int, ...] | None
    legal_forms: frozenset[str]
    numbers: frozenset[str]
    latin: str
    letters: str
    #: Tokens that identify: not generic words, legal forms or particles.
    core: tuple[Token, ...]
    #: Core tokens joined without spaces, in sorted order (all tokens if no core).
    compact: str

    @property
    def abjad(self) -> bool:
        return self.script in ABJADS

    @property
    def syllabic(self) -> bool:
        return self.script in SYLLABIC


def clean(text: str) -> str:
    """Unicode clean-up: NFC, no control or format characters, single spaces."""
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != "\u200c" else c for c in text)
    return " ".join(text.split())


_CAMEL = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de])")
_LEET = str.maketrans("0134579", "oieasgt")
_ROMAN = re.compile(r"^[ivxlcdm]+$")
_ROMAN_TH = re.compile(r"^[ivxlcdm]+th$")
#: Roman numerals read as numbers after the first word of an organisation's name
#: ("Fund II", "KKR Asian Fund IV"); "V", "X", "L", "C", "D", "M" alone stay letters.
_ROMAN_NUMBERS = {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8",
    "ix": "9", "xi": "11", "xii": "12",
}  # fmt: skip
#: Dotted initials of an organisation ("A.B.C.", "U.S."), written as one word.
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?![^\W\d_])")
#: Words that some legal-form tables list but that are plain words in names
#: ("Islamic State in Libya": "in" is no legal form there).
_NOT_LEGAL = re.compile(r"(?<!\w)(in|yu|at|is|ii|ay|ei|ca|lt|od|et)(?!\w)")
_SHIELD = "qzq"
_UNSHIELD = re.compile(_SHIELD + r"(\w+)")


def _org_types(text: str) -> tuple[str, frozenset[str]]:
    """Legal forms replaced by their generic form, and the set of those forms."""
    shielded = _NOT_LEGAL.sub(_SHIELD + r"\1", text) if _NOT_LEGAL.search(text) else text
    legal = frozenset(form for _, form in extract_org_types(shielded, generic=True))
    out = replace_org_types_compare(shielded, generic=True)
    if shielded is not text:
        out = _UNSHIELD.sub(r"\1", out)
    return out, legal


def _word_groups(text: str, count: int) -> tuple[int, ...] | None:
    """For a person's name in Chinese or Korean characters: the original word of each
    romanised syllable ("明宗 李" -> ming zong li -> (0, 0, 1)). A name written without
    spaces is read as a one-syllable family name and a given name ("习近平" -> (0, 1, 1)).
    None when the syllables cannot be traced back to words."""
    words = [w for w in re.split(r"[\s\W_]+", text) if w]
    sizes = [len(latinize(w).split()) for w in words]
    if sum(sizes) != count or not words:
        return None
    if len(words) == 1:
        return (0,) + (1,) * (count - 1) if count > 1 else (0,)
    return tuple(g for g, n in enumerate(sizes) for _ in range(n))


@lru_cache(maxsize=1)
def _numbers() -> dict[tuple[str, ...], str]:
    """Number words and ordinals in many languages -> digits ("forty three" -> "43")."""
    out: dict[tuple[str, ...], str] = {}
    for number, forms in ordinals_dict().items():
        for form in forms:
            # Chinese, Korean and Japanese numerals read as syllables ("san", "shi",
            # "yi") that are everyday name parts: never read them as numbers.
            if script_of(form) in SYLLABIC:
                continue
            words = tuple(latinize(form).split())
            if (
                words
                and not any(_ROMAN.match(w) or _ROMAN_TH.match(w) for w in words)
                and words != (str(number),)
            ):
                out.setdefault(words, str(number))
    return out


@lru_cache(maxsize=1)
def _number_starts() -> frozenset[str]:
    return frozenset(k[0] for k in _numbers())


def _number_words(words: list[str]) -> list[str]:
    """Number words to digits; roman numerals after the first word; tens and
    units written apart joined ("forty 4" -> "44")."""
    words = [_ROMAN_NUMBERS.get(w, w) if i else w for i, w in enumerate(words)]
    starts = _number_starts()
    if any(w in starts for w in words):
        words = _number_phrases(words)
    return _join_tens(words)


def _join_tens(words: list[str]) -> list[str]:
    if len(words) < 2 or not any(w.isdigit() for w in words):
        return words
    out: list[str] = []
    for w in words:
        if (
            out
            and len(w) == 1
            and w.isdigit()
            and w != "0"
            and len(out[-1]) == 2
            and out[-1].endswith("0")
            and out[-1][0] != "0"
        ):
            out[-1] = out[-1][0] + w
        else:
            out.append(w)
    return out


def _number_phrases(words: list[str]) -> list[str]:
    table = _numbers()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            key = tuple(words[i : i + n])
            if len(key) == n and key in table:
                out.append(table[key])
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _split_camel(text: str) -> str:
    """ "AlisherUsmanov" -> "Alisher Usmanov" (not for all-caps or all-lower text, nor
    inside a word that starts in lower case: "nitPu" is a scrambled word, not two)."""
    if text.isupper() or text.islower():
        return text
    return " ".join(_CAMEL.sub(" ", w) if w[:1].isupper() else w for w in text.split(" "))


def _unleet(word: str) -> str:
    """ "Sech1n" -> "sechin": digits inside a person's name word read as letters."""
    if word.isalnum() and not word.isdigit() and not word.isalpha():
        return word.translate(_LEET)
    return word


def _reorder(text: str) -> str:
    """ "SURNAME, Given Names" -> "Given Names SURNAME" (one comma only)."""
    if text.count(",") == 1:
        family, given = (p.strip() for p in text.split(","))
        if family and given:
            return f"{given} {family}"
    return text


def _kind(word: str, person: bool, legal: frozenset[str]) -> str:
    if _DIGITS.search(word):
        return KIND_NUMBER
    if word in legal:
        return KIND_LEGAL
    if word in PARTICLES:
        return KIND_PARTICLE
    if person:
        if _PATRONYMIC.match(word):
            return KIND_PATRONYMIC
        return KIND_NAME
    if word in GENERIC_ORG_WORDS:
        return KIND_GENERIC
    return KIND_NAME


@lru_cache(maxsize=200_000)
def make_token(word: str, kind: str) -> Token:
    return Token(
        text=word,
        kind=kind,
        weight=WEIGHTS[kind],
        phonetic=metaphone(word) if word.isalpha() else word,
        skeleton=skeleton(word),
        folded=fold(word),
    )


@lru_cache(maxsize=300_000)
def prepare(text: str, person: bool) -> Name:
    """Prepare one name; ``person`` selects person rules (titles, patronymics)
    over organisation rules (legal forms, generic words)."""
    raw = clean(text)
    script = script_of(raw)
    folded = _split_camel(raw).casefold()
    legal: frozenset[str] = frozenset()
    if person:
        folded = _TITLE_RE.sub("", _reorder(folded)) or folded
    else:
        folded, legal = _org_types(folded)
        if "." in folded:
            folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), folded)
    latin = latinize(folded)
    words = latin.split()
    words = [_unleet(w) for w in words] if person else _number_words(words)
    tokens = tuple(make_token(w, _kind(w, person, legal)) for w in words)
    numbers = frozenset(t.text for t in tokens if t.kind == KIND_NUMBER)
    groups = _word_groups(folded, len(tokens)) if person and script in SYLLABLE_GROUPS else None
    core = tuple(t for t in tokens if t.kind in (KIND_NAME, KIND_NUMBER))
    compact = "".join(sorted(t.text for t in core)) or "".join(sorted(t.text for t in tokens))
    return Name(
        original=text,
        script=script,
        person=person,
        tokens=tokens,
        groups=groups,
        legal_forms=legal,
        numbers=numbers,
        latin=latin,
        letters="".join(ch for ch in folded if ch.isalnum()),
        core=core,
        compact=compact,
    )
