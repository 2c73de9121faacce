"""Korean family names and their usual Latin spellings ("이" is I, Lee, Yi, Rhee or,
in North Korea, Ri; "박" Pak or Park): a general romanisation resource.

Our Hangul romanisation (:mod:`weerbaar.matching.translit`) writes one
McCune-Reischauer-like form without breves ("pak", "i", "jong"); people and
lists spell the same family name in Revised Romanization ("bak", "jeong"),
in the spellings families chose long ago ("Park", "Lee", "Chung") or, in North
Korea, with an initial r ("Ri", "Rim"). Each group below is the spellings of
one family name (or of family names written alike); two spellings of one group
align as one name part when one of the names is written in Hangul or Chinese
characters (:func:`weerbaar.matching.features.token_similarity`). The groups
come from the romanisation systems and common usage, not from any list.
"""

from __future__ import annotations

from functools import lru_cache

from weerbaar.matching.syllables import Syllables

#: Similarity of two spellings of one Korean family name.
KOREAN_SURNAME_SIM = 0.95

SURNAME_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("kim", "gim"),
    ("i", "lee", "yi", "rhee", "ri", "li", "ree"),
    ("pak", "park", "bak"),
    ("choe", "choi", "chwe"),
    ("jong", "jeong", "jung", "chung", "chong", "cheong"),
    ("kang", "gang"),
    ("jo", "cho", "joh"),
    ("yun", "yoon"),
    ("jang", "chang"),
    ("im", "lim", "rim", "yim"),
    ("o", "oh"),
    ("so", "seo", "suh"),
    ("shin", "sin"),
    ("kwon", "gwon"),
    ("an", "ahn"),
    ("ryu", "yu", "yoo", "ryoo"),
    ("jon", "jeon", "chun", "jun", "chon"),
    ("ko", "go", "koh"),
    ("mun", "moon"),
    ("son", "sohn"),
    ("yang", "ryang"),
    ("pae", "bae"),
    ("paek", "baek", "baik", "paik"),
    ("ho", "heo", "huh", "hur"),
    ("no", "roh", "noh", "ro"),
    ("shim", "sim"),
    ("ku", "koo", "gu"),
    ("song", "seong", "sung"),
    ("ju", "joo", "chu"),
    ("u", "woo"),
    ("na", "ra"),
    ("hyon", "hyun", "hyeon"),
    ("pyon", "byun", "byeon"),
    ("yom", "yeom"),
    ("pang", "bang"),
    ("chon", "cheon"),
    ("sok", "seok", "suk"),
    ("kil", "gil"),
    ("myong", "myung", "myeong"),
    ("ki", "gi"),
    ("yon", "yeon"),
    ("kum", "geum", "keum"),
    ("kyong", "kyung", "gyeong"),
    ("pong", "bong"),
    ("kwak", "gwak"),
)


@lru_cache(maxsize=1)
def _pairs() -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for group in SURNAME_SPELLINGS for a in group for b in group if a != b)


def same_surname(a: str, b: str) -> bool:
    """Are two lower-case words spellings of one Korean family name?"""
    return (a, b) in _pairs()


# ---------------------------------------------------------------- romanisations
#
# North Korean names on the lists are written in McCune-Reischauer without its
# breves and apostrophes ("Kim Chol Ung", "Ri Su Yong"); the same names in South
# Korea, in the press and in customer files are in Revised Romanization or in
# informal spellings ("Kim Cheol Woong", "Lee Su-yong"). A word that reads as one
# to three Korean syllables gets a key in which those spellings are one:
# "eo"/"o" (MR's o-breve), "eu"/"u" (u-breve), "oo"/"u" and "ee"/"i" (informal),
# "woo"/"u", "oi"/"oe", "sh"/"s"; "th"/"t" and "ph"/"p" (aspirates as North
# Korea writes them: "Thaek", "Phyong"); the plain and voiced stops (MR k, t, p,
# ch and RR g, d, b, j); r and l; and the initial r, l or n that South Korea drops
# before i and y ("Ri", "Li", "Lee", "Yi" and "I" are one family name; "Ryong"
# is "Yong").

_KO_INITIAL = r"(?:kk|tt|pp|ss|jj|ch|sh|th|ph|k|g|n|d|t|r|l|m|b|p|s|j|h)?"
_KO_VOWEL = r"(?:yae|yeo|wae|weo|ya|ye|yo|yu|wa|wo|we|wi|ae|eo|eu|oe|oi|ui|oo|ee|a|e|i|o|u)"
_KO_FINAL = r"(?:ng|k|n|t|l|m|p)?"
_KOREAN = Syllables(
    f"{_KO_INITIAL}{_KO_VOWEL}{_KO_FINAL}",
    (
        (r"rh", "r"),
        (r"(?<=[tp])h", ""),
        (r"woo", "u"),
        (r"oo", "u"),
        (r"ee", "i"),
        (r"eo", "o"),
        (r"eu", "u"),
        (r"oi", "oe"),
        (r"sh", "s"),
        (r"ch|jj|j", "C"),
        (r"(?<!n)g|kk", "k"),
        (r"d|tt", "t"),
        (r"b|pp", "p"),
        (r"ss", "s"),
        (r"r", "l"),
        (r"^[ln](?=[iy])", ""),
        (r"^yi", "i"),
    ),
)


@lru_cache(maxsize=100_000)
def korean_key(word: str) -> str | None:
    """The word's key if it reads as 1-3 Korean syllables in a Latin romanisation
    (or is a family-name spelling such as "park"), else None: "chol" and "cheol"
    -> "Col"; "ri", "lee" and "yi" -> "i"."""
    if not _KOREAN.reads(word):
        if word not in _family_names():
            return None
        word = _SURNAME_KEY.get(word, word)
    return _KOREAN.key(word)


#: Informal family-name spellings that read as no syllables ("park").
_SURNAME_KEY = {"park": "pak"}


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(name for group in SURNAME_SPELLINGS for name in group)


def is_family_name(word: str) -> bool:
    """Is a lower-case word a spelling of a Korean family name?"""
    return word in _family_names()


def one_korean_syllable(word: str) -> bool:
    """Does a lower-case word read as exactly one Korean syllable ("yong", "chol")?"""
    return _KOREAN.one(word)
