"""Cutting a printed name cell at its top level into the names printed one after the other.

Outside parentheses, a cell is cut into ``(kind, text)`` segments by a
chain of splitters, in this order: language labels (``Russian:``), a dash
before another script or ``born``, ``a.k.a.``, `` / ``, a change of script,
and two full names of a person printed one after the other. Before that,
a trailing note (``date of birth ...``, ``and the following subsidiaries``)
is cut off and ``(b)`` enumerations are split into their names. The first
segment is the main name; ``variants`` and ``born`` segments hold
alternatives to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from weerbaar.sources.eu_oj.names.found import Found
from weerbaar.sources.eu_oj.names.patterns import (
    AKA,
    DASH,
    ENUMERATOR,
    LABEL,
    NOTE_TAIL,
    SLASH,
    SUBSIDIARIES,
)
from weerbaar.sources.eu_oj.names.text import (
    find_cuts,
    is_caps,
    masked,
    script,
    split_at,
    split_items,
    tidy,
    top_groups,
)

#: One segment: its kind (``name``, ``alias``, ``weak``, ``previous``, ``variants``,
#: ``born``) and its text.
Segment = tuple[str, str]
#: A splitter: (kind, text, schema) into segments.
Splitter = Callable[[str, str, str], list[Segment]]


def cut_notes(text: str, found: Found) -> str:
    """The text before a trailing note; the note goes to ``found``."""
    text, mask = masked(text)
    if (m := NOTE_TAIL.search(mask)) is not None and m.start() > 0:
        found.note(text[m.end() :])
        text = text[: m.start()]
    if (m := SUBSIDIARIES.search(text)) is not None and m.start() > 0:
        found.put("notes", text[m.start() :])
        text = text[: m.start()]
    return text


def split_enumerations(text: str) -> list[str]:
    """``Groupe A, (b) Groupe B, (c) GB``: the names of an enumeration."""
    text, _ = masked(text)
    cuts = [(s, e) for s, e, inner in top_groups(text) if ENUMERATOR.match(inner.strip())]
    return [p for p in (tidy(p) for p in split_at(text, cuts)) if p]


def segments(text: str, schema: str) -> list[Segment]:
    """Cut at the top level into (kind, text); the first is the main name."""
    pieces = [("name", text)]
    for splitter in SPLITTERS:
        pieces = [p for kind, t in pieces for p in splitter(kind, t, schema)]
    return pieces


def _by_label(kind: str, text: str, schema: str) -> list[Segment]:
    """``NAME Russian: ИМЯ``: what follows a language label is an alias."""
    text, mask = masked(text)
    parts = split_at(text, find_cuts(mask, LABEL))
    out = [(kind, parts[0])] if parts[0].strip() else []
    return out + [("alias", p) for p in parts[1:] if p.strip()]


def _by_dash(kind: str, text: str, schema: str) -> list[Segment]:
    """``NAME – سيمون الوكيل`` and ``NAME - born X``: not an organisation's own dash."""
    text, mask = masked(text)
    for start, end in find_cuts(mask, DASH):
        tail = text[end:].strip()
        if not tail:
            return [(kind, text[:start])]
        if (m := re.match(r"born\b\W*", tail, re.I)) is not None:
            return [(kind, text[:start]), ("born", tail[m.end() :])]
        if script(tail) != script(mask[:start]):
            return [(kind, text[:start]), *(("alias", t) for t in split_items(tail))]
    return [(kind, text)]


def _by_aka(kind: str, text: str, schema: str) -> list[Segment]:
    """``NAME a.k.a. OTHER``: word variants of the name, or a previous or weak name."""
    text, mask = masked(text)
    cuts = find_cuts(mask, AKA)
    if not cuts or not text[: cuts[0][0]].strip():
        return [(kind, text)]
    out = [(kind, text[: cuts[0][0]])]
    for (start, end), part in zip(cuts, split_at(text, cuts)[1:], strict=True):
        label = text[start:end].strip().lower()
        sub = "previous" if label.startswith("f") else "variants"
        sub = "weak" if label in ("known as", "alias") and kind == "name" else sub
        out.append((sub, part))
    return out


def _by_slash(kind: str, text: str, schema: str) -> list[Segment]:
    """``(BelAZ) / OJSC ‘BELAZ’``: names on either side of `` / `` (a person's: full names)."""
    text, mask = masked(text)
    parts = split_at(text, find_cuts(mask, SLASH))
    if schema == "Person" and any(len(p.split()) < 2 for p in parts):
        return [(kind, text)]
    return [(kind, parts[0]), *(("alias", p) for p in parts[1:])]


def _by_script(kind: str, text: str, schema: str) -> list[Segment]:
    """``Andrey TROSHEV (...) Андрей ТРОШЕВ``: a trailing name in another script."""
    text, mask = masked(text)
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\s\0]+", mask)]
    scripts = [script(w) for _, w in words]
    first = next((s for s in scripts if s), None)
    for i in range(1 if kind == "variants" else 2, len(words)):
        rest = [s for s in scripts[i:] if s]
        if scripts[i] and scripts[i] != first and rest and first not in rest:
            if schema != "Person" and len(rest) < 2:
                break
            return [(kind, text[: words[i][0]]), ("alias", text[words[i][0] :])]
    return [(kind, text)]


def _by_names(kind: str, text: str, schema: str) -> list[Segment]:
    """``Yuriy GOTSANYUK Yuriy GOTSANIUK``: two full names of a person, one after the other."""
    if schema != "Person" or kind not in ("name", "alias"):
        return [(kind, text)]
    text, mask = masked(text)
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\s\0]+", mask)]
    for i in range(2, len(words) - 1):
        before, after = words[i - 1][1], words[i][1]
        rest = [w for _, w in words[i:]]
        if (
            is_caps(before)
            and after[:1].isupper()
            and not is_caps(after)
            and any(is_caps(w) for w in rest)
            and len(rest) >= 2
        ):
            head = text[: words[i][0]]
            return [(kind, head), *_by_names("alias", text[words[i][0] :], schema)]
    return [(kind, text)]


SPLITTERS: tuple[Splitter, ...] = (_by_label, _by_dash, _by_aka, _by_slash, _by_script, _by_names)
