"""A romanisation read as syllables: which words are 1-3 syllables of it, and the
key in which its spelling variants are one (shared by :mod:`.chinese` and
:mod:`.korean`, whose syllable grammars and rewrite steps differ)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Syllables:
    """``syllable``: a regular expression of one syllable (initial and final);
    ``steps``: (pattern, replacement) pairs applied in order to make the key."""

    syllable: str
    steps: tuple[tuple[str, str], ...]
    _one: re.Pattern[str] = field(init=False, repr=False)
    _some: re.Pattern[str] = field(init=False, repr=False)
    _steps: tuple[tuple[re.Pattern[str], str], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_one", re.compile(self.syllable))
        object.__setattr__(self, "_some", re.compile(f"(?:{self.syllable}){{1,3}}"))
        steps = tuple((re.compile(p), r) for p, r in self.steps)
        object.__setattr__(self, "_steps", steps)

    def reads(self, word: str) -> bool:
        """Is a lower-case ASCII word 1-3 syllables?"""
        return word.isalpha() and word.isascii() and self._some.fullmatch(word) is not None

    def one(self, word: str) -> bool:
        """Is a lower-case word exactly one syllable?"""
        return self._one.fullmatch(word) is not None

    def key(self, word: str) -> str:
        """The word with every rewrite step applied (whether or not it reads)."""
        for pattern, repl in self._steps:
            word = pattern.sub(repl, word)
        return word
