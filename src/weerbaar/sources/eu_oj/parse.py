"""EU designations transcribed from the Official Journal (OpenSanctions ``eu_journal_sanctions``).

One list version is a set of files (decision note 0010), best imported as
the folder they come in:

* ``consolidated/<celex>.csv``: every annex entry of one framework act, as
  of a consolidated version; header ``celex,recordId,programKey,annex,
  measure,startDate,reason,schema,name,...,website,notes`` (48 columns);
* ``amendments/<celex>.csv``: the rows one amending act added or replaced;
  the same columns after ``amendedCelex,amendmentCelex``;
* ``consolidation_pins.csv``: ``celex,consolidated_version,
  consolidation_date``, the date of each consolidated file.

An entry is its act, annex and printed number (``recordId``; its name where
the act prints none). Amendments apply in CELEX order: a row for an entry
already listed replaces all of that entry's rows, other rows add entries.
The list date is the newest consolidation date or amending-act date (the
most common listing date among its rows). Cells are UTF-8, multi-valued
ones ``;``-separated; values keep the OJ's wording and are cleaned in
``record.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from followthemoney import model
from followthemoney.exc import InvalidData

from weerbaar.core.dates import parse_dates
from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Entity, Format, Sniff
from weerbaar.sources.eu_oj.record import Row, fill, sanction
from weerbaar.sources.readers import read_table

#: The header as published (FORMAT.md of eu_journal_sanctions), after the CELEX columns.
ENTITY_COLUMNS = (
    "recordId",
    "programKey",
    "annex",
    "measure",
    "startDate",
    "reason",
    "schema",
    "name",
    "alias",
    "weakAlias",
    "previousName",
    "country",
    "nationality",
    "jurisdiction",
    "birthDate",
    "birthPlace",
    "position",
    "passportNumber",
    "gender",
    "appearance",
    "ethnicity",
    "fatherName",
    "motherName",
    "incorporationDate",
    "legalForm",
    "sector",
    "registrationNumber",
    "taxNumber",
    "idNumber",
    "innCode",
    "ogrnCode",
    "kppCode",
    "okpoCode",
    "leiCode",
    "swiftBic",
    "ticker",
    "imoNumber",
    "mmsi",
    "flag",
    "address",
    "phone",
    "email",
    "website",
    "notes",
)
CONSOLIDATED = ("celex", *ENTITY_COLUMNS)
AMENDMENT = ("amendedCelex", "amendmentCelex", *ENTITY_COLUMNS)
PINS = ("celex", "consolidated_version", "consolidation_date")
SCHEMATA = {"Person", "LegalEntity", "Company", "Organization", "Vessel", "Asset"}
CELEX = re.compile(r"^3\d{4}[A-Z]\d{4}$")
CONSOLIDATED_NAME = "eu_oj_consolidated"
AMENDMENT_NAME = "eu_oj_amendment"
PINS_NAME = "eu_oj_pins"

Entries = dict[tuple[str, str, str], list[Row]]


def _first_line(sniff: Sniff) -> str:
    return sniff.lines[0].strip() if sniff.kind == "text" and sniff.lines else ""


def detect_consolidated(sniff: Sniff) -> bool:
    return _first_line(sniff).startswith("celex,recordId,programKey,")


def detect_amendment(sniff: Sniff) -> bool:
    return _first_line(sniff).startswith("amendedCelex,amendmentCelex,recordId,")


def detect_pins(sniff: Sniff) -> bool:
    return _first_line(sniff) == ",".join(PINS)


# -- reading the set -----------------------------------------------------------
def _rows(ctx: Context, path: Path, header: tuple[str, ...], what: str) -> list[Row]:
    out: list[Row] = []
    for line, cells in read_table(ctx, path, header, what=what):
        celex = cells.pop("celex", "") or cells.pop("amendedCelex", "")
        act = cells.pop("amendmentCelex", celex)
        row = Row(cells, path, line, celex, act)
        _check_row(ctx, row)
        out.append(row)
    return out


def _check_row(ctx: Context, row: Row) -> None:
    where = f"line {row.line}"
    hint = "the row is damaged; fetch the file again from its publisher"
    for name, value in (("CELEX", row.celex), ("CELEX", row.act)):
        if not CELEX.match(value):
            ctx.fail(f"{value!r} is not a {name} number", where=where, hint=hint, path=row.path)
    if row.cells["schema"] not in SCHEMATA:
        ctx.fail(
            f"unknown schema {row.cells['schema']!r} "
            f"(expected one of {', '.join(sorted(SCHEMATA))})",
            where=where,
            hint=hint,
            path=row.path,
        )
    if not row.cells["name"]:
        ctx.fail("a row has no name", where=where, hint=hint, path=row.path)


def read_consolidated(ctx: Context) -> tuple[Entries, set[str]]:
    entries: Entries = {}
    acts: dict[str, Path] = {}
    for path in ctx.files(CONSOLIDATED_NAME):
        rows = _rows(ctx, path, CONSOLIDATED, "consolidated eu_journal_sanctions CSV")
        for row in rows:
            if acts.setdefault(row.celex, path) != path:
                ctx.fail(
                    f"act {row.celex} is also in {acts[row.celex].name}",
                    where=f"line {row.line}",
                    hint="give one consolidated file per act (one folder, one version)",
                    path=path,
                )
            entries.setdefault(row.key(), []).append(row)
        if not rows:  # a header-only file: that act's annexes are not transcribed yet
            acts.setdefault(path.stem, path)
    return entries, set(acts)


def apply_amendments(ctx: Context, entries: Entries, acts: set[str]) -> list[str]:
    """Apply every amending act in CELEX order; return each act's date."""
    dates: list[str] = []
    amendments = [
        _rows(ctx, path, AMENDMENT, "eu_journal_sanctions amendment CSV")
        for path in ctx.files(AMENDMENT_NAME)
    ]
    for rows in sorted((r for r in amendments if r), key=lambda r: (r[0].act, r[0].path.name)):
        new: Entries = {}
        for row in rows:
            if row.celex not in acts:
                ctx.warn(f"{row.act} amends {row.celex}, whose consolidated file was not given")
            new.setdefault(row.key(), []).append(row)
        entries.update(new)
        if date := _act_date(rows):
            dates.append(date)
    return dates


def _act_date(rows: list[Row]) -> str | None:
    """An amending act's date: the listing date most of its rows carry (ties: the latest)."""
    found = Counter(v for r in rows for v in parse_dates(r.cells["startDate"]).values[:1])
    if not found:
        return None
    return max(found, key=lambda d: (found[d], d))


def read_pins(ctx: Context, acts: set[str]) -> list[str]:
    path = ctx.part(PINS_NAME)
    if path is None:
        ctx.warn("no consolidation_pins.csv: the consolidated files' dates are unknown")
        return []
    pins: dict[str, str] = {}
    for line, cells in read_table(ctx, path, PINS, what="consolidation_pins.csv"):
        values = parse_dates(cells["consolidation_date"]).values
        if not values or len(values[0]) != 10:
            ctx.fail(
                f"{cells['consolidation_date']!r} is not a date",
                where=f"line {line}",
                hint="write consolidation dates as YYYY-MM-DD",
                path=path,
            )
        pins[cells["celex"]] = values[0]
    for act in sorted(acts - set(pins)):
        ctx.warn(f"consolidated file {act} has no consolidation date in {path.name}")
    return [pins[a] for a in acts if a in pins]


# -- entities -------------------------------------------------------------------
def entity_id(ctx: Context, row: Row) -> str:
    """A ship with a valid IMO number is one entity wherever it is listed; else the entry."""
    if row.cells["schema"] == "Vessel":
        for value in row.cells["imoNumber"].split(";"):
            if imo := clean_imo(value):
                return ctx.make_id(imo)
    return ctx.make_id(*row.key())


def emit_row(ctx: Context, row: Row) -> None:
    eid = entity_id(ctx, row)
    schema = row.cells["schema"]
    previous = ctx.entities.get(eid)
    if previous is not None and previous.schema.name != schema:
        try:
            schema = model.common_schema(previous.schema, schema).name
        except InvalidData:
            ctx.warn(f"entry {eid} is listed as both {previous.schema.name} and {schema}")
            eid = f"{eid}-{schema.lower()}"
    entity: Entity = ctx.make(schema, eid)
    fill(ctx, entity, row)
    ctx.emit(entity, target=True)
    ctx.emit(sanction(ctx, entity, row))


def parse(ctx: Context) -> None:
    entries, acts = read_consolidated(ctx)
    dates = apply_amendments(ctx, entries, acts)
    dates += read_pins(ctx, acts)
    for key in sorted(entries):
        for row in entries[key]:
            emit_row(ctx, row)
    ctx.set_list_date(max(dates) if dates else None)


FORMATS = [
    Format(
        name=CONSOLIDATED_NAME,
        source="eu_oj",
        title="EU Official Journal consolidated annex CSV (eu_journal_sanctions)",
        detect=detect_consolidated,
        parse=parse,
        many=True,
    ),
    Format(
        name=AMENDMENT_NAME,
        source="eu_oj",
        title="EU Official Journal amending-act CSV (eu_journal_sanctions)",
        detect=detect_amendment,
        parse=parse,
        role="part",
        part_of=CONSOLIDATED_NAME,
        many=True,
    ),
    Format(
        name=PINS_NAME,
        source="eu_oj",
        title="EU Official Journal consolidation dates (consolidation_pins.csv)",
        detect=detect_pins,
        parse=parse,
        role="part",
        part_of=CONSOLIDATED_NAME,
    ),
]
