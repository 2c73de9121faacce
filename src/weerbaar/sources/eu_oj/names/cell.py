"""One printed name cell into a ``PrintedName``: ``parse_name`` and its result.

``parse_name`` reads a leading kind label (``a.k.a. X``, ``born X``), unwraps
a cell printed wholly in parentheses, cuts off a trailing note, then reads
each segment of each enumerated name (``segments.py``, ``reading.py``). The
first segment is the main name; the others, and the word alternatives found
on the way, become aliases, weak aliases or previous names.
"""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.sources.eu_oj.names.found import Found
from weerbaar.sources.eu_oj.names.patterns import KIND_LABEL, KIND_OF_LABEL, LABEL
from weerbaar.sources.eu_oj.names.reading import alternatives, finish, read
from weerbaar.sources.eu_oj.names.segments import cut_notes, segments, split_enumerations
from weerbaar.sources.eu_oj.names.text import split_items, tidy, top_groups

#: Leading labels that are cut off even where the cell is still the main name.
_CUT_LABELS = ("aka", "a.k.a.", "aliases", "married name")


@dataclass(frozen=True)
class PrintedName:
    """What one printed name cell holds."""

    name: str
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    previous: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def parse_name(cell: str, schema: str = "Person") -> PrintedName:
    """Read one printed name cell (a ``name``, ``alias``... value after splitting on ``;``).

    ``schema`` is the entity's: a person's one-word alternative replaces the
    word it follows (or the one it resembles), an organisation's trailing
    ``(ABBREVIATION)`` is an alias, a vessel's ``(OTHER NAME)`` too.
    """
    found = Found()
    if LABEL.fullmatch(cell.strip()):  # ``Korean:`` and nothing after it
        return PrintedName("", notes=(cell.strip(),))
    lead, text = _lead(tidy(cell))
    text = cut_notes(_unwrap(text), found)
    main = _read_names(text, lead, schema, found)
    if "\0" in found.previous:  # ``Geoscan-UFA (former name)``
        found.previous = [p for p in found.previous if p != "\0"] + [main]
        main = ""
    return _printed(main, schema, found)


def _lead(text: str) -> tuple[str, str]:
    """What a leading kind label makes the cell's first name, and the text to read."""
    label = KIND_LABEL.match(text)
    if label is None or label.group("label").lower() == "or" or label.end() >= len(text):
        return "name", text
    word = label.group("label").lower()
    lead = KIND_OF_LABEL.get(word.rstrip(".:"), "name")
    lead = "previous" if word.startswith("f") else lead
    if lead != "name" or word in _CUT_LABELS:
        text = text[label.end() :]
    return lead, text


def _unwrap(text: str) -> str:
    """``(金铁三)``: a cell printed wholly in parentheses is read inside them."""
    groups = top_groups(text)
    if len(groups) == 1 and groups[0][:2] == (0, len(text)):
        return tidy(groups[0][2])
    return text


def _read_names(text: str, lead: str, schema: str, found: Found) -> str:
    """Read every segment of every enumerated name into ``found``; return the main name.

    The first segment is the main name (a name of the ``lead`` kind where the
    cell starts with a kind label); later segments are other names of their kind.
    """
    names: list[str] = []
    for part_no, part in enumerate(split_enumerations(text)):
        for seg_no, (kind, segment) in enumerate(segments(part, schema)):
            is_main = part_no == 0 and seg_no == 0
            names.append(_segment(kind, segment, schema, found, names[0] if names else None))
            if is_main and lead != "name":
                found.put(lead, names[0])
                names[0] = ""
            elif not is_main and kind not in ("variants", "born"):
                found.put({"name": "alias"}.get(kind, kind), names[-1])
    return names[0] if names else ""


def _segment(kind: str, text: str, schema: str, found: Found, main: str | None) -> str:
    """One segment's name; ``variants`` and ``born`` give alternatives of the main name."""
    if kind in ("variants", "born") and main is not None:
        base = read(main, schema, Found())
        items = split_items(text)
        alternatives(base, items, None, "previous" if kind == "born" else "alias", schema, found)
        finish(base, "alias", found)
        return ""
    name = read(text, schema, found)
    return finish(name, kind, found)


def _unique(values: list[str], *skip: str) -> tuple[str, ...]:
    return tuple(v for v in dict.fromkeys(values) if v and v not in skip)


def _printed(main: str, schema: str, found: Found) -> PrintedName:
    """The result, without repeats; a person's one-word alias is a weak alias."""
    aliases = _unique(found.aliases, main)
    weak = list(found.weak)
    if schema == "Person":  # a one-word "alias" of a person is a given name or nickname
        weak += [a for a in aliases if len(a.split()) == 1]
        aliases = tuple(a for a in aliases if len(a.split()) > 1)
    return PrintedName(
        name=main,
        aliases=aliases,
        weak=_unique(weak, main, *aliases),
        previous=_unique(found.previous, main),
        notes=_unique(found.notes),
    )
