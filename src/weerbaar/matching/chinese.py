"""Chinese names romanised in different systems: pinyin ("Xi Jinping", "Mao
Zedong") and Wade-Giles ("Hsi Chin-ping", "Mao Tse-tung", as Taiwan, Hong Kong
and older lists still write them).

A word that reads as one to three Chinese syllables gets a key in which the
spellings the systems give one sound are one letter: Wade-Giles "hs" is pinyin
"x"; "ch", "j", "q" and "zh" (Wade-Giles writes ch for all, its aspiration
mark is usually dropped) are one; so are "ts", "tz", "z" and "c"; "p" and "b",
"t" and "d", "k" and "g" (pinyin b, d, g are Wade-Giles p, t, k); and the
finals "ung"/"ong", "ieh"/"ie", "ien"/"ian", "uei"/"ui", "erh"/"er", "shih"/
"shi", and Taiwan's spellings "shyh", "jyh" (shih, chih), "szu" (ssu) and
"tzu" for pinyin "shi", "zhi", "si" and "zi". The key is only used when
every identifying word of both names reads as Chinese syllables and one of
them is a single syllable, as a family name
is (:func:`weerbaar.matching.names.prepare` sets ``Name.chinese``), so "Tina"
and "Dina" in a European name, or "Hassan Nouri", stay what they are.

A looser key (:func:`loose_chinese_key`) also merges the initials that
readers of English hear as one and misspell: pinyin "x" (said "sh"), "sh" and
"s" ("Xi", "Shi", "Si"), and the affricates "j q zh ch" with "z c" ("Zhou",
"Jou", "Chou"). Two such spellings are different surnames in Chinese (习 Xi,
史 Shi), so they count as a weaker match than one sound in two systems.
"""

from __future__ import annotations

import re
from functools import lru_cache

from weerbaar.matching.syllables import Syllables

_INITIAL = r"(?:hs|ch|sh|zh|ts|tz|ss|sz|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    r"(?:iang|iong|uang|ueng|iung|ang|eng|ing|ong|ung|ieh|ien|iao|uai|uan|uei|ian|erh"
    r"|ai|ei|ao|ou|an|en|in|un|ua|uo|ia|ie|iu|ui|ue|ih|yh|er|a|o|e|i|u|v)"
)
#: Pinyin and Wade-Giles syllables; key steps in order: finals first, then initials.
_PINYIN = Syllables(
    f"{_INITIAL}{_FINAL}",
    (
        # Taiwanese spellings: "shyh", "jyh" (世 shi, 智 zhi), "szu" (思 si), "tzu" (子 zi)
        (r"(?<=[hjc])yh", "i"),
        (r"(?:ss|sz)u(?![aeinou])", "si"),
        (r"tzu(?![aeinou])", "zi"),
        (r"ung", "ong"),
        (r"ieh", "ie"),
        (r"ien", "ian"),
        (r"uei", "ui"),
        (r"erh", "er"),
        (r"(?<=h)ih", "i"),
        (r"hs", "x"),
        (r"zh|ch", "C"),
        (r"ts|tz", "Z"),
        (r"j|q", "C"),
        (r"z|c", "Z"),
        (r"ss|sz", "s"),
        (r"b", "p"),
        (r"d", "t"),
        (r"(?<!n)g", "k"),
    ),
)


@lru_cache(maxsize=100_000)
def chinese_key(word: str) -> str | None:
    """The word's key if it reads as 1-3 Chinese syllables (lower-case ASCII), else
    None: "hsi" and "xi" -> "xi"; "chinping" and "jinping" -> "Cinping"."""
    return _PINYIN.key(word) if _PINYIN.reads(word) else None


def one_chinese_syllable(word: str) -> bool:
    """Does a lower-case word read as exactly one Chinese syllable ("xi", "wang")?
    A Chinese name nearly always has one: the family name."""
    return _PINYIN.one(word)


_LOOSE = str.maketrans({"x": "S", "s": "S", "C": "Z"})


@lru_cache(maxsize=100_000)
def loose_chinese_key(word: str) -> str | None:
    """:func:`chinese_key` with the sibilants (x, sh, s) and the affricates merged:
    "xi", "shi" and "si" -> "Si"."""
    key = chinese_key(word)
    if key is None:
        return None
    return key.replace("sh", "s").translate(_LOOSE)


# Foreign names transcribed in Chinese characters ("扎哈里科夫", Zakharikov)
_SOFT = re.compile(r"[cq](?=[eiy])")
_CODA = re.compile(r"(?<=[aeiouy])[rl]+(?![aeiouy])")
_SOUND_CLUSTERS = (
    ("tsch", "s"), ("shch", "s"), ("sch", "s"), ("tch", "s"), ("dzh", "s"), ("zh", "s"),
    ("dj", "s"), ("sh", "s"), ("ch", "s"), ("ts", "s"), ("tz", "s"), ("dz", "s"),
    ("kh", "h"), ("ph", "f"), ("th", "s"), ("ck", "k"), ("ng", "n"), ("gh", "k"),
)  # fmt: skip
_SOUND_CLASS = {
    "b": "p", "p": "p", "f": "f", "v": "f", "w": "f", "d": "t", "t": "t", "g": "k",
    "k": "k", "c": "k", "q": "k", "h": "h", "l": "r", "r": "r", "m": "m", "n": "n",
    "s": "s", "z": "s", "j": "s", "x": "s",
}  # fmt: skip


@lru_cache(maxsize=100_000)
def transcription_key(word: str) -> str:
    """The consonants a Chinese transcription of a foreign name keeps, for the
    transcription (in pinyin) and the foreign spelling alike: vowels and "y"
    dropped; r and l one sound (pinyin has no r before a vowel in foreign names);
    voiced and voiceless stops one (pinyin b, d, g are voiceless); every sibilant
    and affricate one ("x", "sh", "zh", "j", "q" in pinyin; "ch", "ts", "z", "j"
    in the spelling, English "th" too: Heather is 希瑟 "xi se"); f, v and w one
    (维 "wei" writes Vi-, 夫 "fu" -v); "ng" is n (班農 "ban nong", Bannon); an r or
    l after a vowel and before a consonant or the end is dropped, as the
    transcription drops or adds it (巴德 "ba de", Baader; 沃尔特 "wo er te",
    Wollter); doubled sounds are one. "zakharikov" and "zhahalikefu" are both
    "shrkf"."""
    w = _SOFT.sub("s", word.lower())
    for cluster, sound in _SOUND_CLUSTERS:
        if cluster in w:
            w = w.replace(cluster, sound)
    w = _CODA.sub("", w)
    out: list[str] = []
    for letter in w:
        heard = _SOUND_CLASS.get(letter)
        if heard is not None and (not out or out[-1] != heard):
            out.append(heard)
    return "".join(out)
