"""One Official Journal row to a followthemoney entity and its Sanction.

Cells keep the wording the OJ printed; cleaning happens here: dates to ISO
(``weerbaar.core.dates``), country wording to ISO codes (``Iranian and US``
gives ``ir`` and ``us``), IMO and MMSI numbers checked, and identifiers
split from their printed type (``7725842590 (Tax ID/INN)`` is a
registration number and an INN).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from weerbaar.core.countries import country_code
from weerbaar.core.identifiers import clean_imo, clean_mmsi
from weerbaar.sources.base import Context, Entity
from weerbaar.sources.eu_oj.names import PrintedName, parse_name

EURLEX = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"
#: Name columns, read by ``names.parse_name``: where each part of a printed name goes.
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
#: Entity columns copied as they are (after splitting on ``;``).
TEXT_PROPS = (
    "birthPlace",
    "position",
    "appearance",
    "ethnicity",
    "fatherName",
    "motherName",
    "legalForm",
    "sector",
    "address",
    "phone",
    "email",
    "website",
    "notes",
)
COUNTRY_PROPS = ("country", "nationality", "jurisdiction", "flag")
DATE_PROPS = ("birthDate", "incorporationDate")
ID_PROPS = (
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
    "passportNumber",
)
#: A printed identifier type that names a more specific property.
TYPED = (
    (re.compile(r"\bINN\b", re.I), "innCode"),
    (re.compile(r"\bOGRN\b", re.I), "ogrnCode"),
    (re.compile(r"\bKPP\b", re.I), "kppCode"),
    (re.compile(r"\bOKPO\b", re.I), "okpoCode"),
)
#: Properties holding Russian register codes, written with spaces or labels.
CODE_PROPS = {"innCode", "ogrnCode", "kppCode", "okpoCode"}
LABELLED = re.compile(r"^(?P<label>INN|OGRN|KPP|OKPO)\b\W*(?P<number>\d[\d ]*\d)$", re.I)
#: ``NUMBER (type)`` as printed; the type may name a country or a register.
TYPE_SUFFIX = re.compile(r"^(?P<number>.*?\S)\s*\((?P<label>[^()]*)\)$")
UN_REF = re.compile(r"\b([A-Z]{2}[ie]\.\d{3})\b")
#: ``(a) 30.12.1960, (b) 13.12.1960``: the OJ enumerates alternative dates.
ENUMERATED = re.compile(r"(?:^|[\s,;])\(?[a-h]\)\s*")
SPLIT_COUNTRIES = re.compile(r"\s*(?:,|/|;|\band\b|\(|\))\s*")
#: Fallbacks when a schema lacks an identifier property.
ID_FALLBACK = ("idNumber", "registrationNumber")


@dataclass(frozen=True)
class Row:
    """A row of a consolidated or amendment file, where it came from, and its act."""

    cells: dict[str, str]
    path: Path
    line: int
    celex: str  # the framework act whose annex lists the entry
    act: str  # the act the row was transcribed from (framework or amending act)

    @property
    def where(self) -> str:
        return f"{self.path.name} line {self.line}"

    def key(self) -> tuple[str, str, str]:
        """The entry's identity: act, annex and printed number (else its name)."""
        c = self.cells
        return (self.celex, c["annex"], c["recordId"] or f"name:{c['name']}")


def split(cell: str) -> list[str]:
    """A ``;``-separated cell; a value holding ``;`` is CSV-quoted within the cell."""
    if not cell:
        return []
    if '"' not in cell:
        values = cell.split(";")
    else:
        try:
            values = next(csv.reader([cell], delimiter=";", skipinitialspace=True, strict=True))
        except csv.Error:
            values = cell.split(";")
    return [v.strip() for v in values if v.strip()]


def act_title(celex: str) -> str:
    """``32014R0833`` becomes ``Regulation (EU) No 833/2014``; decisions are CFSP."""
    m = re.fullmatch(r"3(\d{4})([RD])(\d{4})", celex)
    if m is None:
        return celex
    year, kind, number = int(m.group(1)), m.group(2), int(m.group(3))
    if kind == "D":
        return f"Council Decision {year}/{number}/CFSP"
    union = "EC" if year < 2010 else "EU"
    return (
        f"Regulation ({union}) No {number}/{year}"
        if year < 2015
        else f"Regulation ({union}) {year}/{number}"
    )


def add(ctx: Context, entity: Entity, prop: str, values: list[str], original: str) -> None:
    """Add values to ``prop``, or to a fallback the schema has; warn when none fits."""
    if not values:
        return
    for name in (prop, *ID_FALLBACK):
        if entity.schema.get(name) is not None:
            entity.add(name, values, original_value=original)
            return
        if prop not in ID_PROPS:
            break
    ctx.warn(f"{entity.schema.name} has no property {prop} (value dropped)")


def add_names(ctx: Context, entity: Entity, prop: str, cell: str) -> None:
    """The names in one name column; each value keeps the printed cell as its original.

    The OJ packs variants, other scripts and notes into a name (``names/``);
    a cell whose text is not all in the names is kept whole in ``notes``.
    """
    values = [cell.strip()] if prop == "name" else split(cell)
    for value in values:
        printed = parse_name(value, entity.schema.name)
        main = printed.name or (value if prop == "name" else "")
        own = "alias" if prop == "name" else prop
        add(ctx, entity, prop, [main] if main else [], value)
        for target, names in _placed(printed, own):
            add(ctx, entity, target, list(names), value)
        if printed.notes:
            add(ctx, entity, "notes", [f"{prop} as printed: {value}"], value)


def _placed(printed: PrintedName, own: str) -> list[tuple[str, tuple[str, ...]]]:
    """Where a name's other parts go; a weak or previous name column keeps its own."""
    if own in ("weakAlias", "previousName"):
        return [(own, printed.aliases + printed.weak), ("previousName", printed.previous)]
    return [
        (own, printed.aliases),
        ("weakAlias", printed.weak),
        ("previousName", printed.previous),
    ]


def add_countries(ctx: Context, entity: Entity, prop: str, cell: str) -> None:
    for value in split(cell):
        code = country_code(value)
        codes = [code] if code else [c for p in SPLIT_COUNTRIES.split(value) if (c := _code(p))]
        if not codes:
            ctx.warn(f"unrecognised country {value!r}")
        target = prop if entity.schema.get(prop) is not None else "country"
        for found in dict.fromkeys(codes):
            entity.add(target, found, original_value=value)


def _code(piece: str) -> str | None:
    piece = piece.strip(" .")
    return country_code(piece) if len(piece) > 1 else None


def add_identifiers(ctx: Context, entity: Entity, prop: str, cell: str) -> None:
    """Each number under its column's property, and under its printed type's.

    In a register-code column (``innCode``...) a labelled number goes only
    under its label's property: ``7702345678, KPP 770201001``.
    """
    for value in split(cell):
        for number, label in _numbers(prop, value):
            typed = _typed(label)
            if typed in (None, prop) or prop not in CODE_PROPS:
                add(ctx, entity, prop, [number], value)
            if typed not in (None, prop):
                add(ctx, entity, typed, [number], value)


def _typed(label: str | None) -> str | None:
    for pattern, typed in TYPED:
        if label and pattern.search(label):
            return typed
    return None


def _numbers(prop: str, value: str) -> list[tuple[str, str | None]]:
    """The numbers in one printed value, each with its printed type (if any)."""
    label: str | None = None
    m = TYPE_SUFFIX.match(value)
    if m is not None:
        value, label = m.group("number"), m.group("label")
    if prop not in CODE_PROPS:
        return [(value.rstrip(" ,."), label)]
    out: list[tuple[str, str | None]] = []
    for piece in re.split(r"\s*[,/]\s*", value):
        lm = LABELLED.match(piece.strip(" -:"))
        if lm is not None:
            out.append((lm.group("number").replace(" ", ""), lm.group("label").upper()))
        elif re.fullmatch(r"[\d ]+", piece.strip(" -:")):
            out.append((piece.strip(" -:").replace(" ", ""), label))
        elif piece.strip(" -:"):
            out.append((piece.strip(" -:"), label))
    return out


def add_vessel_numbers(ctx: Context, entity: Entity, row: Row) -> None:
    for value in split(row.cells["imoNumber"]):
        imo = clean_imo(value, ship=entity.schema.is_a("Vessel"))
        if imo is None:
            ctx.warn(f"IMO number {value!r} fails its check digit ({row.where})")
            add(ctx, entity, "notes", [f"IMO number as listed: {value}"], value)
            continue
        add(ctx, entity, "imoNumber", [imo], value)
    for value in split(row.cells["mmsi"]):
        mmsi = clean_mmsi(value)
        if mmsi is None:
            ctx.warn(f"unreadable MMSI {value!r}")
        add(ctx, entity, "mmsi", [mmsi] if mmsi else [], value)


def fill(ctx: Context, entity: Entity, row: Row) -> None:
    """Every entity column of the row, cleaned, onto the entity."""
    cells = row.cells
    for prop in NAME_PROPS:
        add_names(ctx, entity, prop, cells[prop])
    for prop in TEXT_PROPS:
        add(ctx, entity, prop, split(cells[prop]), cells[prop])
    for prop in COUNTRY_PROPS:
        add_countries(ctx, entity, prop, cells[prop])
    for prop in DATE_PROPS:
        for value in split(cells[prop]):
            if entity.schema.get(prop) is None:
                ctx.warn(f"{entity.schema.name} has no property {prop} (value dropped)")
            else:
                ctx.add_dates(entity, prop, ENUMERATED.sub("; ", value), original=value)
    for value in split(cells["gender"]):
        entity.add("gender", value.strip(" .").lower(), original_value=value)
    for prop in ID_PROPS:
        add_identifiers(ctx, entity, prop, cells[prop])
    add_vessel_numbers(ctx, entity, row)


def sanction(ctx: Context, entity: Entity, row: Row) -> Entity:
    """The designation the row records: act and annex, programme, measure, date, reason."""
    cells = row.cells
    celex, annex, record = row.key()
    key = "-".join((celex, annex, cells["measure"], cells["programKey"], record))
    out = ctx.make_sanction(entity, ctx.make_id(key).removeprefix(f"{ctx.spec.prefix}-"))
    out.add("program", f"{act_title(celex)}, Annex {annex}" if annex else act_title(celex))
    out.add("programId", cells["programKey"])
    out.add("provisions", cells["measure"])
    out.add("reason", cells["reason"] or None)
    out.add("authorityId", cells["recordId"] or None)
    out.add("sourceUrl", EURLEX.format(celex=row.act))
    if row.act != celex:
        out.add("sourceUrl", EURLEX.format(celex=celex))
    ctx.add_dates(out, "startDate", cells["startDate"])
    refs = UN_REF.findall(" ".join((cells["notes"], cells["reason"], cells["idNumber"])))
    out.add("unscId", refs)
    return out
