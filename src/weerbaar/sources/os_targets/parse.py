"""OpenSanctions ``targets.simple.csv``: one row per target, multi-valued cells ``;``-joined.

Header ``id,schema,name,aliases,birth_date,countries,addresses,identifiers,
sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,
last_change``. ``countries`` are ISO codes; ``identifiers`` carry no type,
so it is read from the value: ``IMO9253325`` is an IMO number, a Russian
INN or OGRN is recognised by its check digits, anything else is a
registration number (a person's: an id number). ``sanctions`` holds the
sanction captions and ``program_ids`` OpenSanctions' programme keys; both
go on one Sanction per target. The list date is the newest ``last_seen`` or
``last_change``.
"""

from __future__ import annotations

import re

from rigour.ids import INN, OGRN

from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Entity, Format, Sniff
from weerbaar.sources.readers import read_table

HEADER = (
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "program_ids",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
)
WHAT = "OpenSanctions targets.simple.csv"
SCHEMATA = {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane"}
#: A cell's plain-text properties.
TEXT = {"aliases": "alias", "addresses": "address", "phones": "phone", "emails": "email"}
IMO = re.compile(r"^IMO\s*\d{7}$", re.I)


def detect(sniff: Sniff) -> bool:
    if sniff.kind != "text" or not sniff.lines:
        return False
    first = sniff.lines[0].replace('"', "").strip()
    return first.startswith("id,schema,name,aliases,birth_date,countries,")


def split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(";") if v.strip().strip('"')]


def typed_identifier(entity: Entity, value: str, countries: list[str]) -> tuple[str, str]:
    """The property an untyped identifier belongs in, and its cleaned value."""
    vessel = entity.schema.is_a("Vessel")
    imo = clean_imo(value, ship=vessel) if IMO.match(value) else None
    if imo and entity.schema.get("imoNumber") is not None:
        return "imoNumber", imo
    person = entity.schema.is_a("Person")
    if not vessel and (not countries or "ru" in countries) and value.isdigit():
        if len(value) in (10, 12) and INN.is_valid(value):
            return "innCode", value
        if len(value) in (13, 15) and OGRN.is_valid(value):
            return "ogrnCode", value
    if person:
        return "idNumber", value
    return "registrationNumber", value


def emit_row(ctx: Context, line: int, cells: dict[str, str]) -> list[str]:
    """Emit one target and its Sanction; return its dates."""
    where = f"line {line}"
    schema = cells["schema"]
    if schema not in SCHEMATA:
        ctx.fail(
            f"unknown schema {schema!r} for a target",
            where=where,
            hint=f"a {WHAT} lists {', '.join(sorted(SCHEMATA))}; check that this is one",
        )
    if not cells["id"] or not cells["name"]:
        ctx.fail("a row has no id or no name", where=where, hint="fetch the export again")
    entity = ctx.make(schema, f"{ctx.spec.prefix}-{cells['id']}")
    entity.add("name", cells["name"])
    for column, prop in TEXT.items():
        if values := split(cells[column]):
            if entity.schema.get(prop) is None:
                ctx.warn(f"{schema} has no property {prop} (value dropped)")
            else:
                entity.add(prop, values)
    for value in split(cells["birth_date"]):
        if entity.schema.get("birthDate") is not None:
            ctx.add_dates(entity, "birthDate", value)
    countries = split(cells["countries"])
    for code in countries:
        ctx.add_country(entity, "country", code)
    for value in split(cells["identifiers"]):
        prop, clean = typed_identifier(entity, value, countries)
        entity.add(prop, clean, original_value=value)
    ctx.emit(entity, target=True)
    emit_sanction(ctx, entity, cells)
    return [cells[k][:10] for k in ("last_seen", "last_change") if cells[k][:4].isdigit()]


def emit_sanction(ctx: Context, entity: Entity, cells: dict[str, str]) -> None:
    programs = split(cells["program_ids"])
    captions = [c.strip('"') for c in split(cells["sanctions"])]
    if not programs and not captions:
        return
    sanction = ctx.make_sanction(entity)
    sanction.set("authority", cells["dataset"] or ctx.spec.authority)
    sanction.add("programId", programs)
    sanction.add("program", captions)
    ctx.emit(sanction)


def parse(ctx: Context) -> None:
    dates: list[str] = []
    for line, cells in read_table(ctx, ctx.path, HEADER, what=WHAT):
        dates += emit_row(ctx, line, cells)
    ctx.set_list_date(max(dates) if dates else ctx.list_date_from_name())


FORMATS = [
    Format(
        name="os_targets_csv",
        source="os_targets",
        title="OpenSanctions targets.simple.csv",
        detect=detect,
        parse=parse,
        open_source=True,
    )
]
