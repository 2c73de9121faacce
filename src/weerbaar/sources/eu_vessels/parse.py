"""The Commission's list of EU designated vessels (Annex XLII to Regulation 833/2014).

Three columns, ``;``-separated, CRLF, Windows-1252 (the publisher's real
encoding; UTF-8 is tried first): ``Vessel name;IMO number ;Date of
application`` (note the space the header keeps after "IMO number"). Dates
are ``dd.mm.yyyy``. A name may carry its former names: ``Kavya (formerly
Hana)``, ``X (ex Y)``, ``Apar (formerly Feng Shou; Andromeda Star)``.
"""

from __future__ import annotations

import re

from weerbaar.core.dates import parse_dates
from weerbaar.core.errors import EncodingError
from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Format, Sniff
from weerbaar.sources.readers import read_csv

PROGRAM = "Regulation (EU) No 833/2014, Annex XLII"
HEADER = ("vessel name", "imo number", "date of application")
ENCODINGS = ("utf-8", "cp1252")
FORMER = re.compile(
    r"^(?P<name>.*?)\s*\(\s*(?:ex\.?|formerly|previously|f\.?k\.?a\.?)\s+(?P<former>[^)]*)\)?\s*$",
    re.I,
)
DIGITS = re.compile(r"\d+")


def _header(cells: list[str]) -> list[str]:
    return [" ".join(c.split()).strip('"').lower() for c in cells]


def detect(sniff: Sniff) -> bool:
    if sniff.kind != "text" or not sniff.lines:
        return False
    return tuple(_header(sniff.lines[0].split(";"))) == HEADER


def split_name(text: str) -> tuple[str, list[str]]:
    """``Kavya (formerly Hana)`` becomes ``("Kavya", ["Hana"])``."""
    text = " ".join(text.split())
    match = FORMER.match(text)
    if match is None or not match.group("name"):
        return text, []
    former = [" ".join(f.split()) for f in re.split(r"[;,]", match.group("former"))]
    return match.group("name"), [f for f in former if f]


def parse(ctx: Context) -> None:
    try:
        rows = read_csv(ctx, ctx.path, encodings=ENCODINGS[:1], delimiter=";")
    except EncodingError:
        # Not UTF-8: read it as Windows-1252, and if that fails too, say where
        # *that* fails (Context.read_text would report the UTF-8 failure).
        rows = read_csv(ctx, ctx.path, encodings=ENCODINGS[1:], delimiter=";")
    if not rows or tuple(_header(rows[0])) != HEADER:
        ctx.fail(
            "the header is not 'Vessel name;IMO number;Date of application'",
            where="line 1",
            hint="use the Commission's list of designated vessels, unchanged",
        )
    dates: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        where = f"row {number}"
        if len(row) != 3:
            ctx.fail(
                f"a row has {len(row)} cells instead of 3",
                where=where,
                hint="the file may be damaged or saved with another separator",
            )
        name_text, imo_text, date_text = (" ".join(c.split()) for c in row)
        if not name_text and not imo_text:
            continue
        name, former = split_name(name_text)
        imo = clean_imo(imo_text)
        raw_digits = "".join(DIGITS.findall(imo_text))
        if imo is not None:
            key = imo
        elif raw_digits:
            key = f"IMO{raw_digits}"
            ctx.warn(f"IMO number {imo_text!r} of {name!r} fails its check digit")
        else:
            key = name
            ctx.warn(f"vessel {name!r} has no IMO number")
        vessel = ctx.make("Vessel", ctx.make_id(key))
        if vessel.id in ctx.entities:
            ctx.warn(f"vessel {key} is listed more than once")
        vessel.add("name", name or None)
        vessel.add("previousName", former)
        vessel.add("imoNumber", imo)
        if imo is None and imo_text:
            vessel.add(
                "notes", f"IMO number as listed: {imo_text} (its check digit does not match)"
            )
        parsed = parse_dates(date_text)
        if date_text and not parsed.values:
            ctx.warn(f"unreadable date of application {date_text!r}")
        dates.extend(parsed.values)
        ctx.emit(vessel, target=True)
        sanction = ctx.make_sanction(vessel)
        sanction.add("program", PROGRAM)
        for value in parsed.values:
            sanction.add("startDate", value, original_value=date_text)
        ctx.emit(sanction)
    ctx.set_list_date(max(dates) if dates else ctx.list_date_from_name())


FORMATS = [
    Format(
        name="eu_vessels_csv",
        source="eu_vessels",
        title="EU list of designated vessels CSV (Annex XLII)",
        detect=detect,
        parse=parse,
    )
]
