"""The Netherlands' national terrorism sanctions list (Nationale sanctielijst terrorisme), ODS.

One sheet: a title row or two, then a header row (English ``Surname, First
name(s), Alias, Date of birth, Place of birth, Date of ministerial decision,
Link official notification`` or the Dutch equivalents), then one row per
person or organisation. Dates are DD-MM-JJJJ text or date cells; the last
column is a hyperlink to the Staatscourant notice.
"""

from __future__ import annotations

import re
import unicodedata

from weerbaar.core.countries import country_code
from weerbaar.core.dates import parse_dates
from weerbaar.sources.base import Context, Entity, Format, Sniff
from weerbaar.sources.gb_hmt.common import uk_dates
from weerbaar.sources.nl_terrorism.ods import Cell, read_ods

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
PROGRAM = "Sanctieregeling terrorisme 2007-II"

#: (field, header prefixes) in the order they are tried; a ``=`` prefix must match whole.
FIELDS: list[tuple[str, tuple[str, ...]]] = [
    ("first", ("first name", "voornaam", "voornamen", "given name", "forename")),
    (
        "surname",
        (
            "surname",
            "achternaam",
            "last name",
            "family name",
            "geslachtsnaam",
            "=naam",
            "=name",
            "naam organisatie",
            "name of organisation",
        ),
    ),
    ("alias", ("alias", "bijnaam", "also known as")),
    ("dob", ("date of birth", "geboortedatum", "=dob")),
    ("pob", ("place of birth", "geboorteplaats")),
    (
        "decision",
        (
            "date of ministerial decision",
            "datum ministeriele regeling",
            "datum ministerieel besluit",
            "datum besluit",
            "datum regeling",
            "date of decision",
            "ministerial decision",
        ),
    ),
    (
        "link",
        (
            "link official notification",
            "link officiele bekendmaking",
            "official notification",
            "officiele bekendmaking",
            "bekendmaking",
            "=link",
        ),
    ),
]
_UPDATED = re.compile(
    r"bijgewerkt|updated|laatst gewijzigd|last (?:modified|changed)|stand per"
    r"|version of|versie van|gewijzigd op",
    re.I,
)
_NL_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_TEXT_DATE = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", re.I)
_FOUNDED = re.compile(r"(?:founded|established|opgericht)\D{0,12}(\d{4})", re.I)
_NOT_APPLICABLE = re.compile(r"^\s*(?:n/?a|n\.v\.t\.?|nvt)\s*:?\s*", re.I)
_BLANK = {"", "-", "n/a", "na", "nvt", "n.v.t", "onbekend", "unknown", "none", "not known"}
HEADER_HINT = (
    "check that this is the government's terrorismelijst ODS, unchanged "
    "(a header row with Surname/Achternaam, First name(s)/Voornamen, ...)"
)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\([^)]*\)", " ", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def header_field(text: str | None) -> str | None:
    head = _norm(text)
    if not head:
        return None
    for name, prefixes in FIELDS:
        for prefix in prefixes:
            if prefix.startswith("="):
                if head == prefix[1:]:
                    return name
            elif head.startswith(prefix):
                return name
    return None


def detect(sniff: Sniff) -> bool:
    if sniff.kind != "zip" or sniff.zip_read("mimetype").strip() != MIMETYPE:
        return False
    content = sniff.zip_read("content.xml", 1 << 21).decode("utf-8", "replace").lower()
    english = (
        "surname" in content
        and "first name" in content
        and ("ministerial" in content or "official notification" in content)
    )
    dutch = (
        "voorna" in content
        and ("achternaam" in content or "geboortedatum" in content)
        and ("minister" in content or "bekendmaking" in content or "besluit" in content)
    )
    return english or dutch


def nl_date(text: str | None) -> list[str]:
    """ISO prefixes for Dutch list dates: ``14-07-1990``, ``00-00-1990``, ``3 maart 2020``."""
    if not text:
        return []
    if m := _TEXT_DATE.search(text):
        month = _NL_MONTHS.get(m.group(2).lower())
        if month:
            text = f"{m.group(1)}-{month}-{m.group(3)}"
    values, _ = uk_dates(text.strip())
    return list(values) or parse_dates(text).values


def cell_dates(cell: Cell | None) -> list[str]:
    if cell is None:
        return []
    if cell.date:
        return [cell.date]
    return nl_date(cell.text)


def parse(ctx: Context) -> None:
    _, rows = read_ods(ctx.path)
    header_at = None
    cols: dict[str, int] = {}
    for i, (_, cells) in enumerate(rows[:15]):
        found: dict[str, int] = {}
        for idx, cell in enumerate(cells):
            name = header_field(cell.text)
            if name is not None:
                found.setdefault(name, idx)
        if "surname" in found and ("first" in found or "dob" in found) and len(found) >= 3:
            header_at, cols = i, found
            break
    if header_at is None:
        ctx.fail(
            "no header row with Surname/Achternaam and First name(s)/Voornamen", hint=HEADER_HINT
        )
    for _, cells in rows[:header_at]:
        list_date_from_title(ctx, cells)
    if ctx.list_date is None:
        ctx.set_list_date(ctx.list_date_from_name())
    for number, cells in rows[header_at + 1 :]:
        row = {name: cells[idx] for name, idx in cols.items() if idx < len(cells)}
        if sum(1 for c in row.values() if c) < 2:
            if any(cells):
                ctx.warn("skipped a row with a single value (a heading or note)")
            continue
        parse_row(ctx, row, number)


def list_date_from_title(ctx: Context, cells: list[Cell]) -> None:
    """A title row such as ``Bijgewerkt op 3 maart 2026`` gives the list date."""
    text = " ".join(c.text or "" for c in cells)
    marker = _UPDATED.search(text)
    if marker is None:
        return
    dates = [c.date for c in cells if c.date]
    if not dates:
        dates = [v for v in nl_date(text[marker.end() :]) if len(v) == 10]
    if dates:
        ctx.set_list_date(dates[0])


def _text(row: dict[str, Cell], name: str) -> str | None:
    cell = row.get(name)
    if cell is None or cell.text is None:
        return None
    return None if cell.text.strip(" .:").lower() in _BLANK else cell.text


def parse_row(ctx: Context, row: dict[str, Cell], number: int) -> None:
    surname = _text(row, "surname")
    first = _text(row, "first")
    dob_text = _text(row, "dob")
    dobs = cell_dates(row.get("dob"))
    if surname is None and first is None:
        ctx.fail("a row has no name", where=f"row {number}", hint=HEADER_HINT)
    person = first is not None or bool(dobs)
    key = dobs[0] if dobs else dob_text
    entity = ctx.make("Person" if person else "Organization", ctx.make_id(surname, first, key))
    if person:
        entity.add("name", " ".join(p for p in (first, surname) if p))
        entity.add("firstName", first)
        entity.add("lastName", surname)
        for value in dobs:
            entity.add("birthDate", value, original_value=dob_text)
        if dob_text and not dobs:
            ctx.warn(f"unreadable date {dob_text!r} in birthDate")
        add_birth_place(entity, _text(row, "pob"))
    else:
        entity.add("name", surname)
        add_organisation_details(ctx, entity, dob_text, _text(row, "pob"))
    for alias in split_aliases(_text(row, "alias")):
        entity.add("alias", alias)
    ctx.emit(entity, target=True)

    sanction = ctx.make_sanction(entity)
    sanction.add("program", PROGRAM)
    decision = row.get("decision")
    for value in cell_dates(decision):
        sanction.add("listingDate", value)
    if decision is not None and decision.text and not cell_dates(decision):
        ctx.warn(f"unreadable date {decision.text!r} in listingDate")
    link = row.get("link")
    if link is not None:
        url = link.link or (link.text if link.text and link.text.startswith("http") else None)
        sanction.add("sourceUrl", url)
        if link.text and link.text != url:
            sanction.add("provisions", link.text)
    ctx.emit(sanction)


def split_aliases(text: str | None) -> list[str]:
    if not text:
        return []
    parts = re.split(r"\s*(?:[;,/|\n]|\baka\b|\balias\b)\s*", text, flags=re.I)
    return [p.strip() for p in parts if p and p.strip(" .")]


def add_birth_place(entity: Entity, text: str | None) -> None:
    if not text:
        return
    entity.add("birthPlace", text)
    last = re.split(r"[,(]", text.rstrip(")"))[-1].strip()
    code = country_code(last) if last and last != text else None
    if code is not None:
        entity.add("birthCountry", code, cleaned=True, original_value=last)


def add_organisation_details(
    ctx: Context, entity: Entity, founded: str | None, place: str | None
) -> None:
    if founded:
        m = _FOUNDED.search(founded)
        if m:
            entity.add("incorporationDate", m.group(1))
        else:
            entity.add("notes", founded)
    if place:
        place = _NOT_APPLICABLE.sub("", place)
        if place:
            entity.add("notes", place)
            code = country_code(place) or country_code(re.split(r"[,(]", place)[-1])
            if code is not None:
                entity.add("country", code, cleaned=True, original_value=place)


FORMATS = [
    Format(
        name="nl_terrorism_ods",
        source="nl_terrorism",
        title="Dutch national terrorism sanctions list (ODS)",
        detect=detect,
        parse=parse,
    )
]
