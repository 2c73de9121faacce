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
