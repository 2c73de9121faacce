"""Reading one name of a cell: its words and what its parenthesised groups hold.

A segment's words are read left to right; each ``(...)`` group is read as it
comes: a note, a legal form or place that stays in the name, a labelled other
name (``a.k.a.``, ``born``, ``formerly``), or word alternatives. A one-word
alternative replaces the word it follows or resembles (``Najm (a.k.a. Nejm)``),
one at a time, never in all combinations; the name with each replacement is
an alias (or, for ``born X``, a previous name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from weerbaar.sources.eu_oj.names.found import Found
from weerbaar.sources.eu_oj.names.patterns import (
    BRANCH,
    KIND_LABEL,
    KIND_OF_LABEL,
    LABEL,
    LEGAL_FORMS,
    NOTE,
    SIMILAR,
)
from weerbaar.sources.eu_oj.names.text import (
    is_caps,
    masked,
    script,
    similar,
    split_items,
    tidy,
    top_groups,
)


@dataclass
class Name:
    """The words of a name being read, and the alternatives found for its words."""

    words: list[str] = field(default_factory=list)
    swaps: list[tuple[int, str]] = field(default_factory=list)
    born: list[tuple[int, str]] = field(default_factory=list)

    def text(self) -> str:
        """The name as read."""
        return tidy(" ".join(self.words))

    def variants(self, swaps: list[tuple[int, str]]) -> list[str]:
        """The name with each (word index, other word) swap, one at a time."""
        out = []
        for index, word in swaps:
            words = list(self.words)
            words[index] = word
            out.append(tidy(" ".join(words)))
        return out

    def family(self) -> int:
        """The index of the family name: the last word in capitals, else the last word."""
        caps = [i for i, w in enumerate(self.words) if is_caps(w)]
        return caps[-1] if caps else len(self.words) - 1


def read(text: str, schema: str, found: Found) -> Name:
    """One segment's words, reading its parenthesised groups as they come."""
    text, mask = masked(text)
    name = Name()
    last = 0
    for start, end, inner in top_groups(text):
        name.words += _words(text[last:start], schema, name)
        trailing = not mask[end:].replace("\0", "").strip(" ,.")  # only groups follow
        if _group(name, inner, trailing, schema, found):
            name.words.append(text[start:end])
        last = end
    name.words += _words(text[last:], schema, name)
    return name


def finish(name: Name, kind: str, found: Found) -> str:
    """The segment's name, and its word alternatives as aliases or previous names."""
    text = name.text()
    for alias in name.variants(name.swaps):
        found.put("weak" if kind == "weak" else "alias", alias)
    for previous in name.variants(name.born):
        found.put("previous", previous)
    return text


def alternatives(
    name: Name,
    items: list[str],
    after: int | None,
    kind: str,
    schema: str,
    found: Found,
    trailing: bool = False,
) -> None:
    """File each alternative: a word swap of ``name``, or a name of its own in ``found``."""
    for item in items:
        if kind == "weak":
            found.put("weak", item)
        elif kind == "previous" and len(item.split()) == 1 and schema == "Person" and name.words:
            name.born.append((name.family(), item))
        elif kind == "previous":
            found.put("previous", item)
        elif len(item.split()) > 1 or not name.words or (trailing and schema != "Person"):
            found.put("weak" if kind == "weak" else "alias", item)
        elif (index := _target(name, item, after, schema)) is not None:
            name.swaps.append((index, item))
        else:
            found.put("weak", item)


def _words(text: str, schema: str, name: Name) -> list[str]:
    """Words of a name; a person's ``Khaled/Khalid`` gives an alternative word."""
    out: list[str] = []
    for word in text.split() if schema != "Person" else re.sub(r"(?<=\w)/\s*", "/", text).split():
        if schema == "Person" and re.fullmatch(r"[^\W\d]+/[^\W\d]+(?:/[^\W\d]+)*", word):
            first, *rest = word.split("/")
            name.swaps += [(len(name.words) + len(out), r) for r in rest]
            word = first
        out.append(word)
    return out


def _group(name: Name, inner: str, last: bool, schema: str, found: Found) -> bool:
    """Read one ``(...)``; return whether it stays in the name as printed."""
    after = len(name.words) - 1 if name.words else None
    bare = tidy(inner)
    if NOTE.match(bare) or not re.search(r"\w", bare):
        found.note(inner)
        return False
    if bare.casefold().rstrip(".") in LEGAL_FORMS:
        return True
    if LABEL.match(bare):
        found.put("alias", LABEL.sub("", bare, count=1))
        return False
    if (m := KIND_LABEL.match(bare)) is not None:
        _labelled(name, m, bare, after, last, schema, found)
        return False
    if schema == "Person":
        alternatives(name, split_items(bare), after, "alias", schema, found)
        return False
    if schema != "Vessel" and (not last or BRANCH.search(bare) or _is_place(bare)):
        return True
    found.put("alias", inner)
    return False


def _labelled(
    name: Name,
    m: re.Match[str],
    bare: str,
    after: int | None,
    last: bool,
    schema: str,
    found: Found,
) -> None:
    """``(a.k.a. X)``, ``(born X)``, ``(former name)``...: other names after a kind label."""
    label = re.sub(r"\W", "", m.group("label").lower())
    kind = {"fka": "previous", "stage name": "weak"}.get(label) or KIND_OF_LABEL.get(
        m.group("label").lower().rstrip(".:"), "alias"
    )
    if label == "formername":
        found.previous.append("\0")  # the whole name is a former one: see parse_name
        return
    alternatives(name, split_items(bare[m.end() :]), after, kind, schema, found, last)


def _target(name: Name, item: str, after: int | None, schema: str) -> int | None:
    """Which word a one-word alternative replaces, if any."""
    if after is not None and (similar(item, name.words[after]) >= SIMILAR):
        return after
    scored = [(similar(item, w), i) for i, w in enumerate(name.words) if not w.startswith("(")]
    best = max(scored, default=(0.0, 0))
    if best[0] >= SIMILAR:
        return best[1]
    if after is not None and script(item) != script(name.words[after]):
        return after
    if schema == "Person" and is_caps(item) and any(is_caps(w) for w in name.words):
        return name.family()
    return None


def _is_place(text: str) -> bool:
    """Whether the text names a country or territory (``(Hong Kong)``)."""
    from weerbaar.core.countries import country_code

    return country_code(text) is not None
