"""Names prepared for comparison: cleaned, transliterated, tokenised and tagged.

A name is prepared once (results are cached) and then compared many times.
Each token carries its Latin form, a phonetic key, a consonant skeleton and a
weight: generic words ("trading", "company"), legal forms, particles and
titles weigh little, so they can never make a hit on their own.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA
from rigour._core import metaphone, ordinals_dict, person_name_prefixes_list
from rigour.names.org_types import extract_org_types, replace_org_types_compare

from weerbaar.matching import chinese_words
from weerbaar.matching.chinese import chinese_key, one_chinese_syllable
from weerbaar.matching.chinese_words import HAN_LETTERS
from weerbaar.matching.korean import is_family_name, korean_key
from weerbaar.matching.loanwords import hangul_loanword
from weerbaar.matching.russian import translate
from weerbaar.matching.translit import TRANSCRIPTION_DOTS, as_persian, latinize, script_of
from weerbaar.matching.translit import skeleton as consonant_skeleton
from weerbaar.matching.words import (
    GENERIC_ORG_WORDS,
    GIVEN_NAME_ABBREVIATIONS,
    HONORIFICS,
    LEADING_LEGAL_FORMS,
    LEGAL_FORM_WORDS,
    ORG_ABBREVIATIONS,
    PARTICLES,
    PERSON_TITLES,
    ROMANCE_ORG_WORDS,
    TRAILING_LEGAL_FORMS,
)

#: Scripts written without (most) vowels: compare consonant skeletons too.
ABJADS = frozenset({"Arabic", "Hebrew"})
#: Scripts whose romanisation splits a name into syllables ("xi jin ping").
SYLLABIC = frozenset({"Han", "Hangul", "Kana"})
#: Scripts romanised one syllable per character, whose syllables we group back into
#: the written words (a given name matches as a whole, not syllable by syllable).
SYLLABLE_GROUPS = frozenset({"Han", "Hangul"})
#: A Chinese character (kanji, in a Japanese name).
_HAN_CHAR = re.compile(f"[{HAN_LETTERS}]")

KIND_NAME = "name"
KIND_GENERIC = "generic"
KIND_LEGAL = "legal"
KIND_PARTICLE = "particle"
KIND_NUMBER = "number"
KIND_PATRONYMIC = "patronymic"
#: Dotted initials of an organisation ("A.B.C."): the same letters or another name.
KIND_ACRONYM = "acronym"

WEIGHTS = {
    KIND_NAME: 1.0,
    KIND_PATRONYMIC: 0.5,
    KIND_GENERIC: 0.25,
    KIND_PARTICLE: 0.15,
    KIND_LEGAL: 0.1,
    KIND_NUMBER: 1.0,
    KIND_ACRONYM: 1.0,
}

_PATRONYMIC = re.compile(
    r"^\w{2,}(ovich|evich|ovitch|evitch|ovych|evych|ovna|evna|ichna|ivna|ogly|oglu|kyzy|qizi)$"
)
_DIGITS = re.compile(r"\d")
_TITLES = sorted({t.casefold().rstrip(".") for t in person_name_prefixes_list()} | PERSON_TITLES)
_TITLE_SET = frozenset(_TITLES)
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
        # at a word's start "ya", "yu", "yo" (я, ю, ё) keep their consonant:
        # Yakov/Iakov/Jakov, never "Akov"; Javad is not Awad
        (r"^i(?=[aou])", "y"),
        (r"ou|oo|(?<=.)(?:yu|iu)", "u"),
        (r"ee|ie|ye|ey|ei", "e"),
        (r"(?<=.)(?:ya|ia)", "a"),
        (r"(?<=.)(?:yo|io)", "o"),
        (r"iy|ii|yi|ij|y(?=$|[^aeiou])", "i"),
        (r"(.)\1+", r"\1"),
    ]
]


#: For each fold: letters of which the word must contain one for the pattern to
#: match (None: the doubled-letter patterns, which need a repeated letter).
_FOLD_TRIGGERS: list[frozenset[str] | None] = [
    None, frozenset("hzç"), frozenset("hj"), frozenset("hg"), frozenset("p"),
    frozenset("h"), frozenset("tc"), frozenset("cq"), frozenset("x"), frozenset("w"),
    frozenset("u"), frozenset("i"), frozenset("ou"), frozenset("e"), frozenset("a"),
    frozenset("o"),
    frozenset("iy"), None,
]  # fmt: skip
_FOLD_STEPS = list(zip(_FOLDS, _FOLD_TRIGGERS, strict=True))


def fold(word: str) -> str:
    """A key that is the same for common romanisations of one name part
    (Yuri/Jury/Iouri, Mushkarov/Mushkarou, Andriy/Andrii, Shevchenko/Ševčenko)."""
    for (pattern, repl), trigger in _FOLD_STEPS:
        if trigger is None:
            if len(set(word)) == len(word):  # no letter twice: nothing doubled
                continue
        elif trigger.isdisjoint(word):
            continue
        word = pattern.sub(repl, word)
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name, in Latin letters, with its keys and weight."""

    text: str
    kind: str
    weight: float
    phonetic: str
    folded: str
    #: (text, weight, weight ** 0.25, core, weight left unaligned, the same on the
    #: listed side, substitutable, generic, patronymic): see :class:`Prepared`.
    info: tuple[str, float, float, bool, float, float, bool, bool, bool]

    @property
    def skeleton(self) -> str:
        """Consonant skeleton (computed when first needed: only abjad comparisons and
        the candidate index read it)."""
        return consonant_skeleton(self.text)


#: Filiation words that are given names when they open a person's name.
_GIVEN_FIRST = frozenset({"ben", "bin"})
#: Words after which a father's name follows ("X bin Y").
FILIATION = frozenset({"bin", "ibn", "bint", "ben", "binti", "ould", "walad"})
#: One empty set shared by every name without numbers, legal forms... (fewer objects
#: for the garbage collector to visit in a process holding many prepared names).
_EMPTY: frozenset[Any] = frozenset()
_CORE_KINDS = (KIND_NAME, KIND_NUMBER, KIND_ACRONYM)


class Prepared:
    """Per-name values the pair comparison reads in its hot loops, computed once.

    Plain tuples and numbers (no attribute access on tokens per pair); every value
    is what the features compute from the tokens, in the same order, so scores are
    bit-for-bit the same. Rarely needed values are computed on first use.
    """

    __slots__ = (
        "_core",
        "_initials",
        "_skeleton_compact",
        "_tokens",
        "_windows",
        "acronym_word",
        "acronyms",
        "core_flags",
        "core_sorted",
        "fathers",
        "filiation",
        "free_weights",
        "generic",
        "join_max",
        "join_min",
        "left_weights",
        "max_len",
        "min_len",
        "patronymic",
        "root_weights",
        "substitutable",
        "texts",
        "total_weight",
        "weights",
    )  # fmt: skip

    texts: tuple[str, ...]
    weights: tuple[float, ...]
    root_weights: tuple[float, ...]
    core_flags: tuple[bool, ...]
    left_weights: tuple[float, ...]
    free_weights: tuple[float, ...]
    substitutable: tuple[bool, ...]
    generic: tuple[bool, ...]
    patronymic: tuple[bool, ...]
    total_weight: float
    core_sorted: tuple[str, ...]
    filiation: bool
    fathers: frozenset[int]
    join_min: int
    join_max: int
    acronym_word: str
    #: Indices of words that may abbreviate 2-3 words of another name.
    acronyms: tuple[int, ...]
    max_len: int
    min_len: int

    def __init__(
        self,
        tokens: tuple[Token, ...],
        core: tuple[Token, ...],
        core_sorted: list[str],
        person: bool,
    ) -> None:
        self._tokens = tokens
        self._core = core
        self._windows: tuple[Window, ...] | None = None
        self._initials: tuple[str, str] | None = None
        self._skeleton_compact: str | None = None
        self.core_sorted = tuple(core_sorted)
        if not tokens:
            self.texts = self.weights = self.root_weights = ()
            self.core_flags = self.substitutable = self.generic = self.patronymic = ()
            self.left_weights = self.free_weights = ()
            self.total_weight = 1.0
            self.filiation = False
            self.fathers = _EMPTY
            self.join_min, self.join_max = 1 << 30, -1
            self.acronym_word = ""
            self.acronyms = ()
            self.max_len, self.min_len = -1, 1 << 30
            return
        (
            self.texts,
            self.weights,
            self.root_weights,
            self.core_flags,
            self.left_weights,
            self.free_weights,
            self.substitutable,
            self.generic,
            self.patronymic,
        ) = zip(*(t.info for t in tokens), strict=True)
        texts = self.texts
        self.total_weight = sum(self.weights) or 1.0
        self.filiation = not FILIATION.isdisjoint(texts)
        # a filiation word that opens a name is a given name ("Bin Bilal
        # Marwan"): the word after it is no father's
        self.fathers = (
            frozenset(i + 1 for i, t in enumerate(texts[:-1]) if i and t in FILIATION)
            if self.filiation
            else _EMPTY
        )
        n = len(texts)
        lengths = sorted(map(len, texts))
        self.min_len, self.max_len = lengths[0], lengths[-1]
        if n >= 2:
            # Bounds on the length of a word that can equal 2-3 words run together.
            self.join_min = max(4, lengths[0] + lengths[0] - 2, lengths[0] + lengths[1] - 2)
            self.join_max = sum(lengths[-3:]) + 2
        else:
            self.join_min, self.join_max = 1 << 30, -1
        # a lone legal form ("SE", "SCC" read as jsc/llc) abbreviates nothing
        word = texts[0] if n == 1 and tokens[0].kind in (KIND_NAME, KIND_ACRONYM) else ""
        self.acronym_word = word if 2 <= len(word) <= 8 else ""
        longest = 2 if person else 3
        self.acronyms = tuple(
            i
            for i, t in enumerate(tokens)
            if t.kind in (KIND_NAME, KIND_ACRONYM)
            and 2 <= len(t.text) <= longest
            and t.text.isalpha()
        )

    @property
    def windows(self) -> tuple[Window, ...]:
        """Runs of 2-3 adjacent words that a word of the other name may equal run
        together: (start, end, letters)."""
        if self._windows is None:
            lengths = [len(t) for t in self.texts]
            n = len(lengths)
            windows: list[Window] = []
            for s in range(n - 1):
                two = lengths[s] + lengths[s + 1]
                windows.append((s, s + 2, two))
                if s + 3 <= n:
                    windows.append((s, s + 3, two + lengths[s + 2]))
            self._windows = tuple(windows)
        return self._windows

    @property
    def initials(self) -> tuple[str, str]:
        """First letters of every word, and of the words that are no particle or
        legal form (both empty for a name of fewer than two words)."""
        if self._initials is None:
            tokens = self._tokens
            if len(tokens) >= 2:
                every = "".join(t.text[0] for t in tokens)
                core = "".join(
                    t.text[0] for t in tokens if t.kind not in (KIND_PARTICLE, KIND_LEGAL)
                )
                self._initials = (every, core)
            else:
                self._initials = ("", "")
        return self._initials

    @property
    def skeleton_compact(self) -> str:
        """Consonant skeletons of the core words, sorted and joined."""
        if self._skeleton_compact is None:
            self._skeleton_compact = "".join(sorted(t.skeleton for t in self._core))
        return self._skeleton_compact


#: See :attr:`Prepared.windows`.
Window = tuple[int, int, int]


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
    #: Precomputed for the comparison's hot loops (see :class:`Prepared`).
    fast: Prepared
    #: A foreign name spelled for its sound in Chinese characters ("贝拉克·奥巴马")
    #: or in Korean letters ("버락 오바마").
    transcribed: bool = False
    #: Written in kana alone, no kanji ("ウラジーミル・プーチン", "ヤマダ タロウ"):
    #: compared as katakana spells (:mod:`weerbaar.matching.loanwords`).
    kana: bool = False
    #: A person's name in Latin letters whose every identifying word reads as
    #: Chinese syllables ("Hsi Chin-ping", "Xi Jinping"): see
    #: :mod:`weerbaar.matching.chinese`.
    chinese: bool = False
    #: A person's name in Latin letters whose every identifying word reads as
    #: Korean syllables, one of them a Korean family name ("Ri Su Yong", "Lee
    #: Su-yong"): see :func:`weerbaar.matching.korean.korean_key`.
    korean: bool = False
    #: A person's name written family name first and read given names first:
    #: "SURNAME, Given" or "SURNAME Given" (the family name in capitals before
    #: given names that are not), see :func:`_reorder`.
    reordered: bool = False

    @property
    def abjad(self) -> bool:
        return self.script in ABJADS

    @property
    def syllabic(self) -> bool:
        return self.script in SYLLABIC


#: Arabic presentation forms other than alef maksura's (isolated, final).
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeee\ufef1-\ufeff]")
_MAKSURA_FORMS = re.compile("[\ufeef\ufef0]")


def _persian_yeh(text: str) -> str:
    """Alef maksura's presentation form in a word of plain letters read as the
    Persian yeh it stands for: the EU's lists write "محمدﻯ" (Mohammadi) and
    "موسوﻯ" (Mousavi) so, and NFKC would make it ى, read "a" (Musa, موسى). A
    word written in presentation forms throughout ("ﻣﺻطﻔﻰ", Mustafa) keeps it."""
    return " ".join(
        word if _PRESENTATION.search(word) else _MAKSURA_FORMS.sub("\u06cc", word)
        for word in text.split(" ")
    )


def clean(text: str) -> str:
    """Unicode clean-up: NFKC (alef maksura's presentation form in a plain word
    first read as Persian yeh, :func:`_persian_yeh`), no control or format
    characters, single spaces."""
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    if "\ufeef" in text or "\ufef0" in text:
        text = _persian_yeh(text)
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # printable: no control, format or separator but " "
        text = "".join(
            " " if unicodedata.category(c)[0] in "CZ" and c != "\u200c" else c for c in text
        )
    if _CYRILLIC_LETTER.search(text) and _LATIN_LETTER.search(text):
        text = " ".join([_one_script(w) for w in text.split()])
    return " ".join(text.split())


#: Latin letters drawn like Cyrillic ones ("ЦАPËВ" typed with a Latin P), and back.
_LATIN_LOOKALIKES = "ABCEHKMOPTXYaceopxyËë"
_CYRILLIC_LOOKALIKES = "АВСЕНКМОРТХУасеорхуЁё"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _one_script(word: str) -> str:
    """A word typed in two scripts written in the script of most of its letters,
    where the others are lookalikes ("ЦАPËВ" with a Latin P is "ЦАРЁВ"; "Ivаn"
    with a Cyrillic а is "Ivan"). A word with a letter of the minority script
    that has no lookalike stays as it is. A Latin "I" is left alone: read as
    Ukrainian і it would make "Iльдарович" Ukrainian ("ildarovych")."""
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    latin = len(_LATIN_LETTER.findall(word))
    if not cyrillic or not latin:
        return word
    if cyrillic >= latin:
        fixed = word.translate(_TO_CYRILLIC)
        return fixed if not _LATIN_LETTER.search(fixed) else word
    fixed = word.translate(_TO_LATIN)
    return fixed if not _CYRILLIC_LETTER.search(fixed) else word


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
#: ("Islamic State in Libya": "in" is no legal form there), and "NPO", on the
#: lists the Russian НПО (scientific production association,
#: :data:`weerbaar.matching.russian.ABBREVIATIONS`), not a non-profit.
_NOT_LEGAL = re.compile(r"(?<!\w)(in|yu|at|is|ii|ay|ei|ca|lt|od|et|npo)(?!\w)")
#: What ``str.isalnum`` rejects (``\w`` is alphanumeric or "_").
_NOT_ALNUM = re.compile(r"[\W_]+")
_SHIELD = "qzq"
_UNSHIELD = re.compile(_SHIELD + r"(\w+)")


#: Dotted abbreviations, the last dot optional ("S.A.R.L", "S.A.L.", "U.S."): the
#: legal forms among them are read before :data:`_DOTTED` joins initials.
_DOTTED_FORM = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.)+[^\W\d_]\.?(?![^\W\d_])")


def _is_legal_word(word: str) -> bool:
    return (
        word in LEADING_LEGAL_FORMS
        or word in TRAILING_LEGAL_FORMS
        or bool(extract_org_types(word, generic=True))
    )


def _undot_legal(text: str) -> str:
    """Dotted legal forms of three letters or more written as one word ("S.A.L." ->
    "sal", "S.A.R.L" -> "sarl"), which rigour would otherwise read in part ("S.A."
    and a stray "L"). Other dotted initials ("U.S.", "A.B.C.") stay."""

    def undot(m: re.Match[str]) -> str:
        word = m.group(0).replace(".", "")
        return word if len(word) >= 3 and _is_legal_word(word) else m.group(0)

    return _DOTTED_FORM.sub(undot, text)


def _extra_forms(text: str, legal: frozenset[str]) -> tuple[str, frozenset[str]]:
    """The abbreviations of :data:`LEADING_LEGAL_FORMS` and
    :data:`TRAILING_LEGAL_FORMS` replaced by their generic form where they stand
    as legal forms: at either end (leading forms) or the end (trailing forms) of
    the words that are not legal forms already, or before a legal form."""
    words = text.split()
    kinds = [w in legal for w in words]
    for i, w in enumerate(words):
        lead = LEADING_LEGAL_FORMS.get(w)
        trail = TRAILING_LEGAL_FORMS.get(w)
        if lead is None and trail is None:
            continue
        first = all(kinds[:i])
        last = all(kinds[i + 1 :])
        before_legal = i + 1 < len(words) and kinds[i + 1]
        form = lead if lead is not None and (first or last) else None
        if form is None and trail is not None and (last or before_legal):
            form = trail
        if form is not None:
            words[i] = form
            kinds[i] = True
            legal = legal | {form}
    return " ".join(words), legal


def _org_types(text: str) -> tuple[str, frozenset[str]]:
    """Legal forms replaced by their generic form, and the set of those forms."""
    if "." in text:
        text = _undot_legal(text)
    shielded = _NOT_LEGAL.sub(_SHIELD + r"\1", text) if _NOT_LEGAL.search(text) else text
    legal = frozenset([form for _, form in extract_org_types(shielded, generic=True)]) or _EMPTY
    out = replace_org_types_compare(shielded, generic=True)
    if shielded is not text:
        out = _UNSHIELD.sub(r"\1", out)
    if _EXTRA_FORM_WORDS & set(out.split()):
        out, legal = _extra_forms(out, legal)
    return out, legal


_EXTRA_FORM_WORDS = frozenset(LEADING_LEGAL_FORMS) | frozenset(TRAILING_LEGAL_FORMS)
#: Words of organisations' names read in English: abbreviations, then Spanish,
#: Portuguese and French words.
_ORG_WORDS = {**ROMANCE_ORG_WORDS, **ORG_ABBREVIATIONS}


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


def _hyphen_groups(text: str, tokens: tuple[Token, ...]) -> tuple[int, ...] | None:
    """For a Chinese or Korean person's name in Latin letters: the word each
    syllable was written in, a hyphen joining the syllables of one given name
    ("Ri Pyong-chol" -> (0, 1, 1)); a particle is a word of its own. None when
    the syllables cannot be traced."""
    words = [w for w in re.split(r"[\s,]+", text) if w]
    sizes = [len(latinize(w).split()) for w in words]
    if sum(sizes) != len(tokens) or len(words) < 2:
        return None
    groups = [g for g, n in enumerate(sizes) for _ in range(n)]
    for i, t in enumerate(tokens):
        if t.kind not in _CORE_KINDS:
            groups[i] = len(words) + i
    return tuple(groups)


def _korean_given_name(tokens: tuple[Token, ...]) -> tuple[int, ...] | None:
    """For a Korean person's name of three syllables in Latin letters with a family
    name at one end only: the other two are one given name ("Ri Su Yong" -> (0, 1,
    1), "Su Yong Lee" -> (0, 0, 1)), as a hyphen would say. None when it is not
    clear which end is the family name ("Kim Sung Ho"? "Ho" is one too)."""
    if len(tokens) != 3 or any(t.kind not in _CORE_KINDS for t in tokens):
        return None
    first, last = is_family_name(tokens[0].text), is_family_name(tokens[2].text)
    if first == last:
        return None
    return (0, 1, 1) if first else (0, 0, 1)


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


def _number_words(words: list[str], roman: bool = True) -> list[str]:
    """Number words to digits; roman numerals after the first word (if
    ``roman``); tens and units written apart joined ("forty 4" -> "44")."""
    if any(w[:1].isdigit() for w in words):
        words = _ordinal_digits(words)
    last = len(words) - 1
    if roman:
        words = [
            # a lone "i" inside a name is a Persian/Urdu izafat ("Jihad-i-Islami")
            _ROMAN_NUMBERS.get(w, w) if i and (w != "i" or i == last) else w
            for i, w in enumerate(words)
        ]
    starts = _number_starts()
    if any(w in starts for w in words):
        words = _number_phrases(words)
    return _join_tens(words)


#: A number written as an ordinal: English "142nd", "1st", Russian "32-я" and
#: "142-й" (romanised "32 ya", "142 y": the ending is a word of its own).
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_RUSSIAN_ORDINAL_ENDINGS = frozenset({"y", "ya", "yy", "iy", "oy", "go", "e", "aya", "oe"})


def _ordinal_digits(words: list[str]) -> list[str]:
    """Ordinals written with digits as the digits ("142nd" and "142-й" are 142)."""
    out: list[str] = []
    for w in words:
        if out and w in _RUSSIAN_ORDINAL_ENDINGS and out[-1].isdigit():
            continue
        m = _ORDINAL_DIGITS.match(w)
        out.append(m.group(1) if m else w)
    return out


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
    starts = _number_starts()
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] not in starts:  # no number phrase starts with this word
            out.append(words[i])
            i += 1
            continue
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
    if text.isupper() or text.islower() or _CAMEL.search(text) is None:
        return text
    return " ".join(_camel_word(w) if _starts_upper(w) else w for w in text.split(" "))


def _starts_upper(word: str) -> bool:
    """Is the first letter of a word a capital (after quotes: "‘EuroIndustry’")?"""
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
    return False


def _camel_word(word: str) -> str:
    """One word split at its inner capitals, unless that leaves a one-letter piece
    (legal forms such as "GmbH" or "KGaA" are written that way) or the word is
    mostly capitals: "BuNK" or "SEoELEM" is a capitalised word with a slip of the
    shift key, not two words ("Bu NK" would align with any "NK")."""
    lower = sum(ch.islower() for ch in word)
    if lower < len(word) - lower:
        return word
    split = _CAMEL.sub(" ", word)
    if split is word or any(len(piece) < 2 for piece in split.split(" ")):
        return word
    return split


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


def _capitals_first(text: str) -> str:
    """ "SURNAME Given Names" -> "Given Names SURNAME": a person's name that opens
    with words in capitals (the family name, as the EU, UN and UK lists write it)
    followed by words that are not, none of them in capitals ("BIN LADEN Osama",
    "ФАЛЬКОВ Валерий"). Unchanged otherwise ("David JOYCE", "ALI Yasin BAYNAH",
    "DAVID JOYCE")."""
    if text.isupper() or text.istitle() or text.islower():
        return text  # no word in capitals, or no other word
    words = text.split()
    t = 0  # titles stay in front: "DR AL-ZAWAHIRI Ayman"
    while t < len(words) and words[t].casefold().rstrip(".") in _TITLE_SET:
        t += 1
    k = t
    while k < len(words) and _capital_word(words[k]):
        k += 1
    rest = words[k:]
    if k == t or not rest or any(_capital_word(w) for w in rest):
        return text
    if not any(c.islower() for c in rest[0]):
        return text  # "ALI Y. Baynah": an initial after the capitals is no given name
    return " ".join(words[:t] + rest + words[t:k])


_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _capital_word(word: str) -> bool:
    """A word of two or more letters, all of them capitals."""
    if not word.isupper():
        return False
    if word.isalpha():
        return len(word) >= 2
    return len(_NOT_LETTERS.sub("", word)) >= 2


#: Shortest word read as a misspelled generic word or legal-form word: shorter
#: words are one slip from too many others ("stock" and "stork").
NEAR_GENERIC_MIN = 6


def _deletes(words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each word of :data:`NEAR_GENERIC_MIN` letters or more, and each of its
    one-letter deletions, with the words they come from (symmetric deletion: two
    words one slip apart share one of these keys)."""
    keys: dict[str, set[str]] = {}
    for word in words:
        if len(word) >= NEAR_GENERIC_MIN:
            for key in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                keys.setdefault(key, set()).add(word)
    return {k: frozenset(v) for k, v in keys.items()}


@lru_cache(maxsize=1)
def _generic_deletes() -> dict[str, frozenset[str]]:
    return _deletes(GENERIC_ORG_WORDS | LEGAL_FORM_WORDS)


@lru_cache(maxsize=1)
def _legal_deletes() -> dict[str, frozenset[str]]:
    return _deletes(LEGAL_FORM_WORDS)


def _one_slip(word: str, keys: dict[str, frozenset[str]]) -> list[str]:
    """The words of ``keys`` one slip from ``word``: a letter missing, added,
    changed, or two neighbours swapped (OSA distance 1; two words sharing a
    deletion key may be two slips apart, "marlin" and "marine")."""
    near: set[str] = set()
    for key in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
        near.update(keys.get(key, ()))
    return [w for w in near if OSA.distance(word, w, score_cutoff=1) <= 1]


@lru_cache(maxsize=100_000)
def near_generic(word: str) -> bool:
    """Is an organisation's word a generic or legal-form word with one slip: a
    letter missing, added, changed or two swapped ("LIMTED", "LIIABILITY",
    "SECURTY", "LMIITED")? Such a word is no identifying name word."""
    if len(word) < NEAR_GENERIC_MIN or not word.isalpha():
        return False
    return bool(_one_slip(word, _generic_deletes()))


@lru_cache(maxsize=100_000)
def legal_spelling(word: str) -> str | None:
    """The legal-form word an organisation's word is one slip from ("liimted" ->
    "limited", "comppany" -> "company"), when it is exactly one; else None."""
    if word in LEGAL_FORM_WORDS or not near_generic(word):
        return None
    found = _one_slip(word, _legal_deletes())
    return found[0] if len(found) == 1 else None


def _legal_forms(text: str) -> tuple[str, frozenset[str]]:
    """:func:`_org_types`, reading a legal form spelled with one slip per word as
    spelled right ("LIIMTED LABILITY COMPPANY AK" -> "llc ak") when that finds
    more legal forms; other words stay as written."""
    out, legal = _org_types(text)
    words = text.split()
    fixed = [legal_spelling(w) or w for w in words]
    if fixed == words:
        return out, legal
    fixed_out, fixed_legal = _org_types(" ".join(fixed))
    if legal < fixed_legal:
        return fixed_out, fixed_legal
    return out, legal


def _kind(word: str, person: bool, legal: bool, craft: bool = False) -> str:
    """The kind of a word (``legal``: it is one of the name's legal forms;
    ``craft``: of a vessel's or an aircraft's name, see :func:`prepare`)."""
    if _DIGITS.search(word):
        return KIND_NUMBER
    if legal:
        return KIND_LEGAL
    if word in PARTICLES:
        return KIND_PARTICLE
    if person:
        if word in HONORIFICS:
            return KIND_PARTICLE
        if _PATRONYMIC.match(word):
            return KIND_PATRONYMIC
        return KIND_NAME
    if not craft and (word in GENERIC_ORG_WORDS or near_generic(word)):
        return KIND_GENERIC
    return KIND_NAME


@lru_cache(maxsize=300_000)
def _word_token(word: str, person: bool, legal: bool, craft: bool = False) -> Token:
    """The token of a word of a person's, an organisation's or a craft's name
    (``legal``: the word is one of the name's legal forms)."""
    return make_token(word, _kind(word, person, legal, craft))


@lru_cache(maxsize=200_000)
def make_token(word: str, kind: str) -> Token:
    weight = WEIGHTS[kind]
    core = kind in _CORE_KINDS
    patronymic = kind == KIND_PATRONYMIC
    return Token(
        text=word,
        kind=kind,
        weight=weight,
        phonetic=metaphone(word) if word.isalpha() else word,
        folded=fold(word),
        info=(
            word,
            weight,
            weight**0.25,
            core,
            1.0 if core else 0.5 if patronymic else 0.0,
            1.0 if core else 0.0,
            core or patronymic,
            kind == KIND_GENERIC,
            patronymic,
        ),
    )


def prepare(text: str, person: bool, craft: bool = False) -> Name:
    """Prepare one name; ``person`` selects person rules (titles, patronymics)
    over organisation rules (legal forms, generic words); ``craft``, a vessel's or
    an aircraft's name: organisation rules without legal forms or generic words
    (a ship is named "MARINER", "SEA STAR" or "GLOBAL": every word identifies).
    Results are cached: ``prepare(t, p)`` and ``prepare(t, p, False)`` are one
    entry."""
    return _prepare(text, person, craft)


def read_as_loanword(name: Name) -> Name | None:
    """A person's name in Hangul that has a Korean name's shape ("제러미", "하디")
    prepared as a foreign name in Korean letters too (Jeremy, Hardy): one or two
    short words may be either, and :func:`weerbaar.matching.loanwords.hangul_loanword`
    reads them as Korean. None for other names."""
    if not name.person or name.script != "Hangul" or name.transcribed:
        return None
    return _prepare(name.original, True, False, True)


def read_as_transcription(name: Name) -> Name | None:
    """A person's name in Chinese characters without the transcription dot ("沃尔特",
    Walter) prepared as a foreign name spelled out by sound too, as it would be
    with the dot ("沃尔特·" reads "woerte", not "wo er te"). An organisation's
    name likewise, each run of characters its business words leave one word
    ("阿尔塔纳技术公司": "aertana technology company", Altana Technologies).
    None for other names."""
    if name.script != "Han" or name.transcribed:
        return None
    if not name.person:
        return _org_transcription(name.original)
    if " " in name.original:
        return None
    return _transcription(name.original)


_HAN_RUN = re.compile(f"[{HAN_LETTERS}]+")


@lru_cache(maxsize=20_000)
def _org_transcription(text: str) -> Name:
    dotted = _HAN_RUN.sub(
        lambda m: m.group(0) + TRANSCRIPTION_DOTS[0], chinese_words.translate(clean(text))
    )
    read = _prepare(dotted, False, False)
    return dataclasses.replace(read, original=text, script="Han", transcribed=True)


def read_as_persian(name: Name) -> Name | None:
    """A name in Arabic letters prepared as a Persian name too
    (:func:`weerbaar.matching.translit.as_persian`: a final ى is yeh, ض is z):
    the EU's lists write Iranian names so. None when the reading is the same."""
    if name.script != "Arabic":
        return None
    persian = as_persian(clean(name.original))
    if persian is None:
        return None
    return _persian(persian, name.original, name.person)


@lru_cache(maxsize=20_000)
def _persian(text: str, original: str, person: bool) -> Name:
    return dataclasses.replace(_prepare(text, person, False), original=original)


@lru_cache(maxsize=20_000)
def _transcription(text: str) -> Name:
    read = _prepare(text + TRANSCRIPTION_DOTS[0], True, False)
    return dataclasses.replace(read, original=text)


@lru_cache(maxsize=300_000)
def _prepare(text: str, person: bool, craft: bool, loanword: bool | None = None) -> Name:
    raw = clean(text)
    script = script_of(raw)
    han = not person and _HAN_CHAR.search(raw) is not None
    if han and not craft:
        # Chinese business words in English ("有限公司" -> "co ltd")
        raw = chinese_words.translate(raw)
    folded = _split_camel(raw).casefold()
    legal: frozenset[str] = _EMPTY
    dotted: set[str] | None = None
    reordered = False
    if person:
        if "," in folded:
            ordered = _reorder(folded)
        else:
            capitals = _capitals_first(raw)
            ordered = _split_camel(capitals).casefold() if capitals is not raw else folded
        reordered = ordered != folded
        folded = _TITLE_RE.sub("", ordered) or ordered
    else:
        if "%" in folded:
            # "%" is read as a word: "3%ers" -> "3 percenters" ("Three Percenters")
            folded = folded.replace("%", " percent")
        if not craft:
            folded, legal = _legal_forms(folded)
        if "." in folded and _DOTTED.search(folded):
            dotted = {m.replace(".", "") for m in _DOTTED.findall(folded)}
            folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), folded)
    if loanword is None:
        loanword = person and script == "Hangul" and hangul_loanword(folded)
    if loanword:
        # a foreign name in Korean letters: a word is a word, not syllables
        latin = " ".join(latinize(w).replace(" ", "") for w in folded.split())
    else:
        latin = latinize(folded)
    words = latin.split()
    if person:
        # "Mohd Amer" is Muhammad Amer
        words = [GIVEN_NAME_ABBREVIATIONS.get(w) or _unleet(w) for w in words]
    else:
        # English abbreviations ("intl"), Spanish, French and Russian words of an
        # organisation's name in English ("ejercito" -> "army", "zavod" -> "plant")
        # (no Roman numerals in pinyin: 江西 is "jiang xi", not "jiang 11")
        if not craft:
            words = translate([_ORG_WORDS.get(w, w) for w in words])
        words = _number_words(words, roman=not han)
    tokens = tuple([_word_token(w, person, w in legal, craft) for w in words])
    if dotted:
        tokens = tuple(
            make_token(t.text, KIND_ACRONYM) if t.kind == KIND_NAME and t.text in dotted else t
            for t in tokens
        )
    if person and len(tokens) > 1 and words[0] in _GIVEN_FIRST:
        # "Ben Netanyahu", "Bin Wang": a filiation word needs a name before it
        tokens = (make_token(words[0], KIND_NAME), *tokens[1:])
    numbers = frozenset([t.text for t in tokens if t.kind == KIND_NUMBER]) or _EMPTY
    groups = (
        _word_groups(folded, len(tokens))
        if person and script in SYLLABLE_GROUPS and not loanword
        else None
    )
    core = tuple(t for t in tokens if t.kind in _CORE_KINDS)
    core_sorted = sorted(t.text for t in core)
    compact = "".join(core_sorted) or "".join(sorted(t.text for t in tokens))
    chinese = (
        person
        and script == "Latin"
        and any(one_chinese_syllable(t.text) for t in core)
        and all(chinese_key(t.text) is not None for t in core)
    )
    korean = (
        person
        and script == "Latin"
        and any(is_family_name(t.text) for t in core)
        and all(korean_key(t.text) is not None for t in core)
    )
    if (chinese or korean) and "-" in folded:
        groups = _hyphen_groups(folded, tokens)
    elif korean and groups is None:
        groups = _korean_given_name(tokens)
    return Name(
        original=text,
        script=script,
        person=person,
        tokens=tokens,
        groups=groups,
        legal_forms=legal,
        numbers=numbers,
        latin=latin,
        letters=_NOT_ALNUM.sub("", folded),
        core=core,
        compact=compact,
        fast=Prepared(tokens, core, core_sorted, person),
        transcribed=loanword or (script == "Han" and any(dot in raw for dot in TRANSCRIPTION_DOTS)),
        kana=script == "Kana" and _HAN_CHAR.search(raw) is None,
        chinese=chinese,
        korean=korean,
        reordered=reordered,
    )
