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
    r"^\w{2,}(ovich|evich|ovych|evych|ovna|evna|ichna|ivna|ogly|oglu|kyzy|qizi)$"
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
    legal_forms: frozenset[str]
    numbers: frozenset[str]
    latin: str
    letters: str

    @property
    def core(self) -> tuple[Token, ...]:
        """Tokens that identify: not generic words, legal forms or particles."""
        return tuple(t for t in self.tokens if t.kind in (KIND_NAME, KIND_NUMBER))

    @property
    def abjad(self) -> bool:
        return self.script in ABJADS

    @property
    def syllabic(self) -> bool:
        return self.script in SYLLABIC

    @property
    def compact(self) -> str:
        """Core tokens joined without spaces, in sorted order."""
        return "".join(sorted(t.text for t in self.core)) or "".join(
            sorted(t.text for t in self.tokens)
        )


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


@lru_cache(maxsize=1)
def _numbers() -> dict[tuple[str, ...], str]:
    """Number words and ordinals in many languages -> digits ("forty three" -> "43")."""
    out: dict[tuple[str, ...], str] = {}
    for number, forms in ordinals_dict().items():
        for form in forms:
            words = tuple(latinize(form).split())
            if words and not any(_ROMAN.match(w) for w in words) and words != (str(number),):
                out.setdefault(words, str(number))
    return out


@lru_cache(maxsize=1)
def _number_starts() -> frozenset[str]:
    return frozenset(k[0] for k in _numbers())


def _number_words(words: list[str]) -> list[str]:
    starts = _number_starts()
    if not any(w in starts for w in words):
        return words
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
    """ "AlisherUsmanov" -> "Alisher Usmanov" (not for all-caps or all-lower text)."""
    if text.isupper() or text.islower():
        return text
    return _CAMEL.sub(" ", text)


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
        legal = frozenset(form for _, form in extract_org_types(folded, generic=True))
        folded = replace_org_types_compare(folded, generic=True)
    latin = latinize(folded)
    words = latin.split()
    words = [_unleet(w) for w in words] if person else _number_words(words)
    tokens = tuple(make_token(w, _kind(w, person, legal)) for w in words)
    numbers = frozenset(t.text for t in tokens if t.kind == KIND_NUMBER)
    return Name(
        original=text,
        script=script,
        person=person,
        tokens=tokens,
        legal_forms=legal,
        numbers=numbers,
        latin=latin,
        letters="".join(ch for ch in folded if ch.isalnum()),
    )
