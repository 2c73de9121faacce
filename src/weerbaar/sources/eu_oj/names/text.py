"""Plain text helpers for printed names: tidying, quotes, parentheses, cuts and scripts.

Nothing here knows what a name is: these functions tidy spaces and quotes,
find the top-level ``(...)`` groups of a text (and mask them, so that a
pattern searched in the mask only matches outside parentheses), cut a text
where a pattern matched, split a list of alternatives, and tell which
script a word is written in.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher


def tidy(text: str) -> str:
    """Spaces collapsed, stray separators and an unpaired leading ``"`` dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.strip(" ,;:") if not text.endswith("...") else text
    if text.count('"') % 2 and text.startswith('"'):
        text = text[1:].strip()
    return text


def unquote(text: str) -> str:
    """``‘Samir’`` or ``“X”`` as a whole: the quotes are no part of the name."""
    text = text.strip()
    if len(text) > 2 and text[0] in "‘'\"“«" and text[-1] in "’'\"”»":
        return text[1:-1].strip()
    return text.lstrip("‘“«") if text.count(text[:1]) == 1 and text[:1] in "‘“«" else text


def masked(text: str) -> tuple[str, str]:
    """The text with stray ``)`` removed, and a copy with parenthesised text as ``\\0``.

    An unclosed ``(`` runs to the end.
    """
    out, mask, depth = [], [], 0
    for ch in text:
        if ch == ")" and depth == 0:
            continue
        out.append(ch)
        if ch == "(":
            depth += 1
        mask.append("\0" if depth else ch)
        if ch == ")":
            depth -= 1
    return "".join(out), "".join(mask)


def top_groups(text: str) -> list[tuple[int, int, str]]:
    """Top-level ``(...)`` groups: start, end, and the text inside."""
    found, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            start = i if depth == 0 else start
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                found.append((start, i + 1, text[start + 1 : i]))
    if depth:
        found.append((start, len(text), text[start + 1 :]))
    return found


def find_cuts(mask: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where ``pattern`` matches in a masked text: start and end of each match."""
    return [(m.start(), m.end()) for m in pattern.finditer(mask)]


def split_at(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    """The text between the cuts (the cut text itself dropped)."""
    out, last = [], 0
    for start, end in cuts:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return out


def split_items(text: str) -> list[str]:
    """``Fahid, Fahed`` / ``X or Y`` / ``X; Y``: the names in a list of alternatives."""
    parts = re.split(r"\s*[,;]\s*|\s+or\s+", text)
    out: list[str] = []
    for part in map(unquote, parts):
        part, mask = masked(part)
        inner = [g[2] for g in top_groups(part)]
        head = "".join(c for c, m in zip(part, mask, strict=True) if m != "\0")
        out.extend(p for p in (tidy(head), *map(tidy, inner)) if p)
    return out


def script(text: str) -> str | None:
    """The script most letters of ``text`` are written in (``LATIN``, ``CYRILLIC``...)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            key = name.split(" ")[0] if name else "?"
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def similar(a: str, b: str) -> float:
    """How alike two words are, ignoring case (0 to 1)."""
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def is_caps(word: str) -> bool:
    """A word of two or more letters, all capitals (a family name as the OJ prints it)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
