"""One printed name cell of the Official Journal into a name, aliases and notes.

The OJ prints variants, notes and other scripts inside a name::

    Najm (a.k.a. Nejm) Hamad AL AHMAD
    Simon AL WAKIL (Simon WAKIL, Simon WAQIL) – سيمون الوكيل, سيمون
    Valentina Ivanovna MATVIYENKO (born TYUTINA)
    Shahid Bagheri Industrial Group (SBIG)
    Ali Barkani (Date of birth: 22.8.1973; place of birth: Morocco)

``parse_name(cell, schema)`` returns a ``PrintedName``: the main name and
its ``aliases`` (a word alternative substituted one at a time, never all
combinations; a whole-name alternative; a version in another script),
``weak`` aliases (nicknames, a one-word name of a person), ``previous``
names (``formerly known as``, a maiden name ``born X``) and ``notes``
(text that names nobody: dates of birth, ``previously listed as``). What is
kept in the name: a legal form in parentheses (``(JSC)``), a place or branch
(``(Hong Kong)``) and an organisation's dash (``Rostekh – Azimuth``).

The text is read in two steps. First the cell is cut at its top level
(outside parentheses) into segments: language labels (``Russian:``), a dash
before another script, ``a.k.a.``, a change of script, two full names
printed one after the other, ``(b)`` enumerations. Then each segment's
parenthesised groups are read for what they hold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

#: Parenthesised text (or a tail) that names nobody.
NOTE = re.compile(
    r"^\W*(?:date of birth|dob\b|place of birth|born\s+(?:on\b|in\b|\d)|b\.\s*\d|passport"
    r"|national identification|\w+ residency card|false identity|nationality"
    r"|(?:as\s+)?(?:previously|formerly)\s+listed|nom de guerre|combat name|call sign"
    r"|initials|birth name|when\b|third\b|the\s+\w+$|including\b|prominently known)",
    re.I,
)
#: Where a note starts after a name printed without parentheses.
NOTE_TAIL = re.compile(
    r"(?:[.,;]\s*|\s+)(?=(?:date of birth|dob\b|place of birth|nationality:"
    r"|born\s+(?:on\s+|in\s+)?\d))",
    re.I,
)
SUBSIDIARIES = re.compile(
    r"[\s,]*(?:(?:and|including)\s+)?(?:the following\s+)?subsidiaries:?\s*$", re.I
)
#: A label naming the script or language of what follows.
LABEL = re.compile(
    r"(?:^|(?<=\s)|(?<=[.,;]))(?:in\s+)?(?P<label>original script|russian spelling|russian"
    r"|ukrainian|belarussian|belarusian|english|arabic|chinese|korean|farsi|persian)\s*:\s*",
    re.I,
)
#: A label saying what kind of other name follows.
KIND_LABEL = re.compile(
    r"^(?P<label>married name|stage name|aliases|a\.?k\.?a\.?|also known as|alias|known as"
    r"|f\.?k\.?a\.?|formerly known as|formerly|former name|previously known as|ex|or|born)"
    r"\b[.:]*\s*",
    re.I,
)
KIND_OF_LABEL = {
    "stage name": "weak",
    "known as": "weak",
    "alias": "weak",
    "f.k.a.": "previous",
    "fka": "previous",
    "formerly known as": "previous",
    "formerly": "previous",
    "former name": "previous",
    "previously known as": "previous",
    "ex": "previous",
    "born": "previous",
}
#: ``a.k.a.`` printed between names, outside parentheses.
AKA = re.compile(
    r"\s*\b(?:a\.k\.a\.|aka:|f\.k\.a\.|also known as|known as|alias(?=\s))\s*"
    r"|(?<=\S)\s+aka\s+",
    re.I,
)
DASH = re.compile(r"\s+[–—-](?:\s+|$)|\s*[–—]\s*$")
ENUMERATOR = re.compile(r"^(?:[a-h]|i{1,3}|iv|vi{0,3})$")
#: A legal form printed in parentheses is part of the name.
LEGAL_FORMS = {
    "jsc", "pjsc", "ojsc", "cjsc", "ao", "pao", "oao", "zao", "ooo", "llc", "ltd", "plc",
    "d", "private", "public joint-stock company", "joint-stock company",
    "joint stock company", "public joint stock company", "limited liability company",
    "акционерное общество", "публичное акционерное общество", "ооо", "ао", "пао",
    "оао", "зао", "открытое акционерное общество", "закрытое акционерное общество",
}  # fmt: skip
BRANCH = re.compile(r"\bbranch\b|^(?:hong kong|hk|香港|shenzhen|harbin|private|hamburg)$", re.I)
SIMILAR = 0.5


@dataclass(frozen=True)
class PrintedName:
    """What one printed name cell holds."""

    name: str
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    previous: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class _Found:
    aliases: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    previous: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def put(self, kind: str, value: str) -> None:
        value = _unquote(_tidy(value))
        if value and re.search(r"\w", value):
            getattr(self, {"alias": "aliases"}.get(kind, kind)).append(value)


# -- reading the text -----------------------------------------------------------
def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = text.strip(" ,;:") if not text.endswith("...") else text
    if text.count('"') % 2 and text.startswith('"'):
        text = text[1:].strip()
    return text


def _mask(text: str) -> tuple[str, str]:
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


def _groups(text: str) -> list[tuple[int, int, str]]:
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


def script(text: str) -> str | None:
    """The script most letters of ``text`` are written in (``LATIN``, ``CYRILLIC``...)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            key = name.split(" ")[0] if name else "?"
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _items(text: str) -> list[str]:
    """``Fahid, Fahed`` / ``X or Y`` / ``X; Y``: the names in a list of alternatives."""
    parts = re.split(r"\s*[,;]\s*|\s+or\s+", text)
    out: list[str] = []
    for part in map(_unquote, parts):
        part, mask = _mask(part)
        inner = [g[2] for g in _groups(part)]
        head = "".join(c for c, m in zip(part, mask, strict=True) if m != "\0")
        out.extend(p for p in (_tidy(head), *map(_tidy, inner)) if p)
    return out


def _unquote(text: str) -> str:
    """``‘Samir’`` or ``“X”`` as a whole: the quotes are no part of the name."""
    text = text.strip()
    if len(text) > 2 and text[0] in "‘'\"“«" and text[-1] in "’'\"”»":
        return text[1:-1].strip()
    return text.lstrip("‘“«") if text.count(text[:1]) == 1 and text[:1] in "‘“«" else text


# -- segments: whole names printed one after the other ----------------------------
def _cut(text: str, mask: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(mask)]


def _split_at(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    out, last = [], 0
    for start, end in cuts:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return out


def _segments(text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    """Cut at the top level into (kind, text); the first is the main name."""
    pieces = [("name", text)]
    for splitter in (_by_label, _by_dash, _by_aka, _by_slash, _by_script, _by_names):
        pieces = [p for kind, t in pieces for p in splitter(kind, t, schema, found)]
    return pieces


def _by_label(kind: str, text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    text, mask = _mask(text)
    cuts = _cut(text, mask, LABEL)
    parts = _split_at(text, cuts)
    out = [(kind, parts[0])] if parts[0].strip() else []
    return out + [("alias", p) for p in parts[1:] if p.strip()]


def _by_dash(kind: str, text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    """``NAME – سيمون الوكيل`` and ``NAME - born X``: not an organisation's own dash."""
    text, mask = _mask(text)
    for start, end in _cut(text, mask, DASH):
        tail = text[end:].strip()
        if not tail:
            return [(kind, text[:start])]
        if (m := re.match(r"born\b\W*", tail, re.I)) is not None:
            return [(kind, text[:start]), ("born", tail[m.end() :])]
        if script(tail) != script(mask[:start]):
            return [(kind, text[:start]), *(("alias", t) for t in _items(tail))]
    return [(kind, text)]


def _by_aka(kind: str, text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    text, mask = _mask(text)
    cuts = _cut(text, mask, AKA)
    if not cuts or not text[: cuts[0][0]].strip():
        return [(kind, text)]
    out = [(kind, text[: cuts[0][0]])]
    for (start, end), part in zip(cuts, _split_at(text, cuts)[1:], strict=True):
        label = text[start:end].strip().lower()
        sub = "previous" if label.startswith("f") else "variants"
        sub = "weak" if label in ("known as", "alias") and kind == "name" else sub
        out.append((sub, part))
    return out


def _by_slash(kind: str, text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    """``(BelAZ) / OJSC ‘BELAZ’``: names on either side of `` / `` (a person's: full names)."""
    text, mask = _mask(text)
    parts = _split_at(text, _cut(text, mask, re.compile(r"\s+/\s+")))
    if schema == "Person" and any(len(p.split()) < 2 for p in parts):
        return [(kind, text)]
    return [(kind, parts[0]), *(("alias", p) for p in parts[1:])]


def _by_script(kind: str, text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    """``Andrey TROSHEV (...) Андрей ТРОШЕВ``: a trailing name in another script."""
    text, mask = _mask(text)
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


def _by_names(kind: str, text: str, schema: str, found: _Found) -> list[tuple[str, str]]:
    """``Yuriy GOTSANYUK Yuriy GOTSANIUK``: two full names of a person, one after the other."""
    if schema != "Person" or kind not in ("name", "alias"):
        return [(kind, text)]
    text, mask = _mask(text)
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\s\0]+", mask)]
    for i in range(2, len(words) - 1):
        before, after = words[i - 1][1], words[i][1]
        rest = [w for _, w in words[i:]]
        if (
            _is_caps(before)
            and after[:1].isupper()
            and not _is_caps(after)
            and any(_is_caps(w) for w in rest)
            and len(rest) >= 2
        ):
            head = text[: words[i][0]]
            return [(kind, head), *_by_names("alias", text[words[i][0] :], schema, found)]
    return [(kind, text)]


# -- one name and its parentheses --------------------------------------------------
@dataclass
class _Name:
    """The words of a name being read, and the alternatives found for its words."""

    words: list[str] = field(default_factory=list)
    swaps: list[tuple[int, str]] = field(default_factory=list)
    born: list[tuple[int, str]] = field(default_factory=list)

    def text(self) -> str:
        return _tidy(" ".join(self.words))

    def variants(self, swaps: list[tuple[int, str]]) -> list[str]:
        out = []
        for index, word in swaps:
            words = list(self.words)
            words[index] = word
            out.append(_tidy(" ".join(words)))
        return out

    def family(self) -> int:
        caps = [i for i, w in enumerate(self.words) if _is_caps(w)]
        return caps[-1] if caps else len(self.words) - 1


def _target(name: _Name, item: str, after: int | None, schema: str) -> int | None:
    """Which word a one-word alternative replaces, if any."""
    if after is not None and (_similar(item, name.words[after]) >= SIMILAR):
        return after
    scored = [(_similar(item, w), i) for i, w in enumerate(name.words) if not w.startswith("(")]
    best = max(scored, default=(0.0, 0))
    if best[0] >= SIMILAR:
        return best[1]
    if after is not None and script(item) != script(name.words[after]):
        return after
    if schema == "Person" and _is_caps(item) and any(_is_caps(w) for w in name.words):
        return name.family()
    return None


def _alternatives(
    name: _Name,
    items: list[str],
    after: int | None,
    kind: str,
    schema: str,
    found: _Found,
    trailing: bool = False,
) -> None:
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


def _group(name: _Name, inner: str, last: bool, schema: str, found: _Found) -> bool:
    """Read one ``(...)``; return whether it stays in the name as printed."""
    after = len(name.words) - 1 if name.words else None
    bare = _tidy(inner)
    if NOTE.match(bare) or not re.search(r"\w", bare):
        _note_with_script(inner, found)
        return False
    if bare.casefold().rstrip(".") in LEGAL_FORMS:
        return True
    if LABEL.match(bare):
        found.put("alias", LABEL.sub("", bare, count=1))
        return False
    if (m := KIND_LABEL.match(bare)) is not None:
        label = re.sub(r"\W", "", m.group("label").lower())
        kind = {"fka": "previous", "stage name": "weak"}.get(label) or KIND_OF_LABEL.get(
            m.group("label").lower().rstrip(".:"), "alias"
        )
        if label == "formername":
            found.previous.append("\0")
            return False
        _alternatives(name, _items(bare[m.end() :]), after, kind, schema, found, last)
        return False
    if schema == "Person":
        _alternatives(name, _items(bare), after, "alias", schema, found)
        return False
    if schema != "Vessel" and (not last or BRANCH.search(bare) or _is_place(bare)):
        return True
    found.put("alias", inner)
    return False


def _is_place(text: str) -> bool:
    from weerbaar.core.countries import country_code

    return country_code(text) is not None


def _note_with_script(inner: str, found: _Found) -> None:
    """A note; a name in another script inside it (``in Arabic: ...``) is an alias."""
    m = LABEL.search(inner)
    if m is not None:
        found.put("alias", inner[m.end() :])
        inner = inner[: m.start()]
    found.put("notes", inner)


def _read(text: str, schema: str, found: _Found) -> _Name:
    """One segment's words, reading its parenthesised groups as they come."""
    text, mask = _mask(text)
    name = _Name()
    last = 0
    for start, end, inner in _groups(text):
        name.words += _words(text[last:start], schema, name)
        trailing = not mask[end:].replace("\0", "").strip(" ,.")  # only groups follow
        if _group(name, inner, trailing, schema, found):
            name.words.append(text[start:end])
        last = end
    name.words += _words(text[last:], schema, name)
    return name


def _words(text: str, schema: str, name: _Name) -> list[str]:
    """Words of a name; a person's ``Khaled/Khalid`` gives an alternative word."""
    out: list[str] = []
    for word in text.split() if schema != "Person" else re.sub(r"(?<=\w)/\s*", "/", text).split():
        if schema == "Person" and re.fullmatch(r"[^\W\d]+/[^\W\d]+(?:/[^\W\d]+)*", word):
            first, *rest = word.split("/")
            name.swaps += [(len(name.words) + len(out), r) for r in rest]
            word = first
        out.append(word)
    return out


def _finish(name: _Name, kind: str, schema: str, found: _Found) -> str:
    """The segment's name, and its word alternatives as aliases or previous names."""
    text = name.text()
    for alias in name.variants(name.swaps):
        found.put("weak" if kind == "weak" else "alias", alias)
    for previous in name.variants(name.born):
        found.put("previous", previous)
    return text


def _cut_notes(text: str, found: _Found) -> str:
    text, mask = _mask(text)
    if (m := NOTE_TAIL.search(mask)) is not None and m.start() > 0:
        _note_with_script(text[m.end() :], found)
        text = text[: m.start()]
    if (m := SUBSIDIARIES.search(text)) is not None and m.start() > 0:
        found.put("notes", text[m.start() :])
        text = text[: m.start()]
    return text


def _split_enumerations(text: str) -> list[str]:
    """``Groupe A, (b) Groupe B, (c) GB``: the names of an enumeration."""
    text, _ = _mask(text)
    cuts = [(s, e) for s, e, inner in _groups(text) if ENUMERATOR.match(inner.strip())]
    return [p for p in (_tidy(p) for p in _split_at(text, cuts)) if p]


def parse_name(cell: str, schema: str = "Person") -> PrintedName:
    """Read one printed name cell (a ``name``, ``alias``... value after splitting on ``;``).

    ``schema`` is the entity's: a person's one-word alternative replaces the
    word it follows (or the one it resembles), an organisation's trailing
    ``(ABBREVIATION)`` is an alias, a vessel's ``(OTHER NAME)`` too.
    """
    found = _Found()
    if LABEL.fullmatch(cell.strip()):  # ``Korean:`` and nothing after it
        return PrintedName("", notes=(cell.strip(),))
    label = KIND_LABEL.match(_tidy(cell))
    text = _tidy(cell)
    lead = "name"
    if label is not None and label.group("label").lower() != "or" and label.end() < len(text):
        lead = KIND_OF_LABEL.get(label.group("label").lower().rstrip(".:"), "name")
        lead = "previous" if label.group("label").lower().startswith("f") else lead
        text = text[label.end() :] if lead != "name" or label.group("label").lower() in (
            "aka", "a.k.a.", "aliases", "married name"
        ) else text  # fmt: skip
    groups = _groups(text)
    if len(groups) == 1 and groups[0][:2] == (0, len(text)):  # ``(金铁三)``
        text = _tidy(groups[0][2])
    text = _cut_notes(text, found)
    names: list[str] = []
    for part_no, part in enumerate(_split_enumerations(text)):
        for seg_no, (kind, segment) in enumerate(_segments(part, schema, found)):
            is_main = part_no == 0 and seg_no == 0
            names.append(_segment(kind, segment, schema, found, names[0] if names else None))
            if is_main and lead != "name":
                found.put(lead, names[0])
                names[0] = ""
            elif not is_main and kind not in ("variants", "born"):
                found.put({"name": "alias"}.get(kind, kind), names[-1])
    main = names[0] if names else ""
    if "\0" in found.previous:  # ``Geoscan-UFA (former name)``
        found.previous = [p for p in found.previous if p != "\0"] + [main]
        main = ""
    return _result(main, schema, found)


def _segment(kind: str, text: str, schema: str, found: _Found, main: str | None) -> str:
    if kind in ("variants", "born") and main is not None:
        base = _read(main, schema, _Found())
        items = _items(text)
        _alternatives(base, items, None, "previous" if kind == "born" else "alias", schema, found)
        _finish(base, "alias", schema, found)
        return ""
    name = _read(text, schema, found)
    return _finish(name, kind, schema, found)


def _result(main: str, schema: str, found: _Found) -> PrintedName:
    def unique(values: list[str], *skip: str) -> tuple[str, ...]:
        return tuple(v for v in dict.fromkeys(values) if v and v not in skip)

    aliases = unique(found.aliases, main)
    weak = list(found.weak)
    if schema == "Person":  # a one-word "alias" of a person is a given name or nickname
        weak += [a for a in aliases if len(a.split()) == 1]
        aliases = tuple(a for a in aliases if len(a.split()) > 1)
    return PrintedName(
        name=main,
        aliases=aliases,
        weak=unique(weak, main, *aliases),
        previous=unique(found.previous, main),
        notes=unique(found.notes),
    )
