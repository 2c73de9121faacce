"""Foreign names spelled in Korean letters ("볼프강 아벤트로트" is Wolfgang Abendroth)
and in katakana ("ウラジーミル・プーチン" is Vladimir Putin).

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

Katakana writes every syllable but ン with a vowel, so a foreign name gains
vowels (スミス "sumisu", Smith), l and r are one letter, v is often b, and ti
is チ "chi". A word in kana is compared with a Latin word as katakana would
spell that word (:func:`kana_spelling`: "merkel" -> "merukeru"), and, weaker,
on its consonant classes alone (:func:`kana_key`).
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


# --------------------------------------------------------------------------- Japanese

# Latin letters to the consonant classes katakana keeps: clusters first; then
# b p v w f h -> P (ブ, プ, ヴ, ワ; フ is "fu" and ハ "ha", German ch and kh are
# written with either), g k c q -> K, d t -> T, s z j sh ch th ts -> S (ス, ズ, シ,
# ジ, チ, ツ: a foreign sibilant is written with any of them), l r -> L (one sound
# in Japanese), m -> M, n ng -> N.
_KANA_CLUSTERS = (
    ("tsch", "S"), ("shch", "S"), ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"),
    ("dzh", "S"), ("zh", "S"), ("dj", "S"), ("kh", "P"), ("gh", "K"), ("ph", "P"),
    ("th", "S"), ("dh", "T"), ("ck", "K"), ("tz", "S"), ("ts", "S"), ("x", "KS"),
    ("qu", "KP"), ("ng", "N"),
)  # fmt: skip
_KANA_CLASS = {
    "b": "P", "p": "P", "v": "P", "w": "P", "f": "P", "h": "P", "P": "P",
    "g": "K", "k": "K", "c": "K", "q": "K", "K": "K", "d": "T", "t": "T", "T": "T",
    "s": "S", "z": "S", "j": "S", "S": "S", "l": "L", "r": "L", "m": "M", "n": "N", "N": "N",
}  # fmt: skip
#: An r after a vowel and before no vowel: not sounded in English ("Baker" is ベーカー, "bekar")
#: and written ー in katakana, which :func:`weerbaar.matching.translit.latinize`
#: reads as r after a, e and o.
_KANA_SILENT_R = re.compile("(?<=[aeiouy])r(?![aeiouy])")


@lru_cache(maxsize=200_000)
def kana_key(word: str) -> str:
    """A romanised word's sounds as katakana writes them: "strauss" and
    "shutorausu" (シュトラウス) -> "SVTVLVSV", "wil" and "wiru" (ウィル) -> "PVLV".
    Consonants become their class and a run of vowels one "V"; a doubled class is
    one (ッ doubles a consonant); an r after a vowel and before none is dropped;
    and every consonant but n that no vowel follows gets one, as in katakana,
    where only ン ends a syllable: so an added vowel (the u of ス in スミス,
    "Smith") costs nothing."""
    w = _KANA_SILENT_R.sub("", rewrite_clusters(word.lower(), _KANA_CLUSTERS))
    classes: list[str] = []
    for ch in w:
        cls = "V" if ch in _VOWELS else _KANA_CLASS.get(ch)
        if cls is not None and (not classes or classes[-1] != cls):
            classes.append(cls)
    out: list[str] = []
    last = len(classes) - 1
    for i, cls in enumerate(classes):
        out.append(cls)
        if cls not in ("V", "N") and (i == last or classes[i + 1] != "V"):
            out.append("V")
    return "".join(out)


# Latin letters as katakana spells them (ch, sh and ts as one letter each: C, S,
# Z), before vowels are added: c is k or s (soft), v is b, l is r, th is s.
_KANA_SPELLING = (
    ("tsch", "C"), ("shch", "S"), ("sch", "S"), ("tch", "C"), ("ch", "C"), ("sh", "S"),
    ("ck", "k"), ("ph", "f"), ("th", "s"), ("kh", "h"), ("gh", "g"), ("dzh", "j"),
    ("zh", "j"), ("dj", "j"), ("tz", "Z"), ("ts", "Z"), ("x", "ks"), ("qu", "kw"),
    ("c", "k"), ("v", "b"), ("l", "r"),
)  # fmt: skip
#: Syllables katakana writes with one letter: ti is チ (chi), tu ツ (tsu), si シ
#: (shi), di and zi ジ (ji), hu フ (fu).
_KANA_SYLLABLES = (
    ("ti", "Ci"), ("di", "ji"), ("zi", "ji"), ("tu", "Zu"), ("hu", "fu"), ("si", "Si"),
)  # fmt: skip
_KANA_VOWELS = frozenset("aeiou")
_CONSONANT_Y = re.compile("y(?![aeiou])")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def kana_spelling(word: str) -> str:
    """A romanised word spelled as katakana would spell it, so that a Latin name
    and its katakana spelling compare letter by letter, vowels included: "merkel"
    and "merukeru" (メルケル) -> "merukeru", "merkur" -> "merukuru", "putin" and
    "puchin" (プーチン) -> "puCin". Letters are mapped as katakana has them
    (l is r, v is b), a doubled letter is one (ッ), and a consonant that no vowel
    follows gets the vowel katakana adds: o after t and d (ト, ド), u after the
    others (ス, ク, ル), none after n (ン); m before b or p is n."""
    w = rewrite_clusters(word.lower(), _KANA_SPELLING)
    w = _DOUBLED.sub(r"\1", _CONSONANT_Y.sub("i", w))
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        out.append(ch)
        if ch in _KANA_VOWELS or ch == "y":
            continue
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "n" or (ch == "m" and nxt in ("b", "p")):
            out[-1] = "n"
        elif nxt not in _KANA_VOWELS and nxt != "y":
            out.append("o" if ch in ("t", "d") else "u")
    spelled = "".join(out)
    for src, dst in _KANA_SYLLABLES:
        if src in spelled:
            spelled = spelled.replace(src, dst)
    return spelled
