"""Foreign names spelled in Korean letters ("볼프강 아벤트로트" is Wolfgang Abendroth).

Korean writes a foreign name by its sound, under the loanword orthography: a
consonant that ends a syllable in the source gets the vowel ㅡ (스 in 스미스,
"Smith"), b, v and often w become ㅂ, p and f ㅍ, g and k ㄱ/ㅋ, l and r ㄹ, and an
English r before a consonant is not written (어니, "Ernie"). Such a name is not
a Korean name, whose syllables each stand for one character and whose family
name is one syllable of a small set ("김정은", "김 정은", "남궁 민수"), so it is
compared word by word on a key that keeps what the orthography keeps
(:func:`loan_key`), not syllable by syllable.

:func:`hangul_loanword` tells the two apart by the shape of a Korean name. The
family names below are the common Korean family names (a general linguistic
resource, from the Korean census's list of surnames), not names from any list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from weerbaar.matching.translit import rewrite_clusters

#: Korean family names of one syllable (the census's common ones).
KOREAN_FAMILY_SYLLABLES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지"
    "엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
    "사부가복태목형계피두감음빈동온호범좌팽승간상갈시견당화창옹순빙종풍아라나"
    # North Korean spellings keep an initial ㄹ (리 for 이, 량 for 양, 류 for 유)
    "리량림로려렴룡륙뢰룡"
)
#: Korean family names of two syllables ("남궁 민수", "제갈량").
KOREAN_COMPOUND_FAMILIES = frozenset(
    {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "을지", "어금", "망절"}
)
#: Most syllables a Korean person's full name has (a compound family name and a
#: three-syllable given name are rare; four in all is the usual upper end).
_KOREAN_MAX_SYLLABLES = 5

#: Most syllables of a word of a Korean given name ("발레리 강", Valery Kan, is
#: Russian; "아름 예은 최" is written as a customer file's first, middle and last name).
_KOREAN_MAX_GIVEN = 2

_HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")
_EU = 18  # ㅡ
_IEUNG = 11  # ㅇ as initial: no consonant


def _loanword_eu(word: str) -> bool:
    """Has the word a consonant with the loanword vowel ㅡ and no final (스, 트, 프)?
    Korean given names do not use such syllables."""
    for char in word:
        code = ord(char) - 0xAC00
        if code % 28 == 0 and (code % 588) // 28 == _EU and code // 588 != _IEUNG:
            return True
    return False


@lru_cache(maxsize=100_000)
def hangul_loanword(text: str) -> bool:
    """Is a person's name in Hangul a foreign name spelled in Korean letters?

    A Korean name has at most five syllables; written as one word it starts
    with a family name ("김정은"; two syllables alone, "정은", may be either); in
    several words the first or last is a family name of its own and the others
    have at most two syllables each ("김 정은", "정은 김", "남궁 민수"). Any word with
    a loanword ㅡ (스, 트, 프) makes a foreign name."""
    words = _HANGUL_WORD.findall(text)
    if not words:
        return False
    if any(_loanword_eu(w) for w in words):
        return True
    if sum(len(w) for w in words) > _KOREAN_MAX_SYLLABLES:
        return True
    if len(words) == 1:
        word = words[0]
        return len(word) > 2 and not (
            word[0] in KOREAN_FAMILY_SYLLABLES or word[:2] in KOREAN_COMPOUND_FAMILIES
        )
    for family, given in ((words[0], words[1:]), (words[-1], words[:-1])):
        if (
            (len(family) == 1 and family in KOREAN_FAMILY_SYLLABLES)
            or family in KOREAN_COMPOUND_FAMILIES
        ) and all(len(w) <= _KOREAN_MAX_GIVEN for w in given):
            return False
    return True


# Latin letters to the consonant classes of the Korean loanword orthography. Clusters
# first; then b p f v w -> P (ㅂ ㅍ; w as ㅂ in German names, as 우/워 in English
# ones, romanised "w" either way), g k c q -> K, d t -> T, s z(before a consonant)
# sh th -> S, j ch ts tz z dj zh -> C (ㅈ ㅊ), l r -> L, m -> M, n ng -> N, h kh -> H.
_LOAN_CLUSTERS = (
    ("tsch", "C"), ("sch", "S"), ("tch", "C"), ("shch", "S"), ("chr", "Kr"), ("sh", "S"),
    ("ch", "C"), ("dzh", "C"), ("zh", "C"), ("dj", "C"), ("kh", "H"), ("gh", "K"),
    ("ph", "P"), ("th", "T"), ("dh", "T"), ("ck", "K"), ("tz", "C"), ("ts", "C"),
    ("x", "KS"), ("qu", "KP"), ("ng", "N"),
)  # fmt: skip
_LOAN_CLASS = {
    "b": "P", "p": "P", "f": "P", "v": "P", "w": "P", "P": "P",
    "g": "K", "k": "K", "c": "K", "q": "K", "K": "K",
    "d": "T", "t": "T", "T": "T", "s": "S", "S": "S", "z": "C", "j": "C", "C": "C",
    "l": "L", "r": "L", "m": "M", "n": "N", "N": "N", "h": "H", "H": "H",
}  # fmt: skip
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=200_000)
def loan_key(word: str) -> str:
    """A romanised word's sounds as the Korean loanword orthography keeps them:
    "wolfgang" and "bolpgang" (볼프강) -> "PVLPKVN", "abendroth" and "abentrot"
    (아벤트로트) -> "VPVNTLVT". Consonants become their class; a run of vowels
    (y included) is one "V", dropped at the end of the word (Korean adds one:
    제이크, "Jake"); a doubled class is one; an r before a consonant or at the end
    is dropped (Korean follows English, which does not sound it: 어니 is "Ernie")."""
    w = rewrite_clusters(word.lower(), _LOAN_CLUSTERS)
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        if ch == "r" and (i + 1 == n or w[i + 1] not in _VOWELS):
            continue
        cls = "V" if ch in _VOWELS else _LOAN_CLASS.get(ch)
        if cls is not None and (not out or out[-1] != cls):
            out.append(cls)
    if len(out) > 1 and out[-1] == "V":
        out.pop()
    return "".join(out)
