"""Korean names written in Chinese characters (hanja): "金正恩" is 김정은, Kim Jong Un.

Chinese characters are read in Chinese by default (:mod:`weerbaar.matching.translit`:
"jin zheng en"). A Korean's name in characters, in a Chinese-language record or
an older Korean one, is read in Korean: each character has one Sino-Korean
syllable. :func:`korean_reading` reads a person's name so, from the Unicode
Character Database's Korean readings (``hanja.txt``, made by
``scripts/make_hanja_table.py``; a general linguistic resource, not names), and
:func:`read_in_korean` prepares that reading, which
:func:`weerbaar.matching.compare.name_pairs` compares with a Korean name in Latin or
Korean letters, beside the Chinese reading.
"""

from __future__ import annotations

import dataclasses
from functools import cache, lru_cache
from pathlib import Path

from weerbaar.matching.loanwords import hangul_loanword
from weerbaar.matching.names import Name, prepare

TABLE = Path(__file__).with_name("hanja.txt")
#: Most characters of a Korean person's name (a family name of two and a given
#: name of three are the rare upper end).
MAX_SYLLABLES = 5


@cache
def _readings() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            table[line[0]] = line[1:]
    return table


def korean_reading(text: str) -> str | None:
    """The name in Hangul, a character a syllable ("金正恩" -> "김정은", "崔 龙海" ->
    "최 룡해"), or None: no Chinese characters, other letters among them, more than
    :data:`MAX_SYLLABLES`, or a character with no Korean reading. Spaces and
    punctuation separate words."""
    table = _readings()
    out: list[str] = []
    count = 0
    for char in text.strip():
        if char.isspace():
            out.append(" ")
            continue
        hangul = table.get(char)
        if hangul is None:
            if char.isalnum():
                return None
            out.append(" ")
            continue
        out.append(hangul)
        count += 1
    if not 2 <= count <= MAX_SYLLABLES:
        return None
    return " ".join("".join(out).split())


def read_in_korean(name: Name) -> Name | None:
    """A person's name in Chinese characters prepared as read in Korean; its
    ``original`` shows both ("金正恩 (김정은)"). None for other names, and for a
    reading that is no Korean name's shape (a family name of the census's list
    first or last: :func:`weerbaar.matching.loanwords.hangul_loanword`)."""
    if not name.person or name.script != "Han" or name.transcribed:
        return None
    return _read(name.original)


@lru_cache(maxsize=20_000)
def _read(text: str) -> Name | None:
    hangul = korean_reading(text)
    if hangul is None or hangul_loanword(hangul):
        # no Korean family name at either end ("曾美雲" read 증미운, "阿部 充"):
        # a Chinese or Japanese name, not a Korean one
        return None
    return dataclasses.replace(prepare(hangul, True), original=f"{text} ({hangul})")
