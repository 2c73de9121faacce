"""US OFAC lists: the SDN list and the Consolidated (non-SDN) list.

Both come in two layouts, read here into the same entities:

* the ``sdnList`` XML (``SDN.XML``, ``CONSOLIDATED.XML``; namespace
  ``.../exports/XML``, older files ``http://tempuri.org/sdnList.xsd``);
* the legacy CSV set: a main file (``sdn.csv`` / ``cons_prim.csv``, 12 columns,
  no header, ``-0-`` for null, CRLF, a trailing Ctrl-Z) with companion files for
  addresses (``add.csv``), aliases (``alt.csv``) and the overflow of long remarks
  (``sdn_comments.csv``), joined on ``ent_num``.

The source (SDN or Consolidated) is taken from the file name. Remarks are
read with the clause grammar in ``remarks.py``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from followthemoney import registry

from weerbaar.core.countries import country_code
from weerbaar.core.dates import parse_dates
from weerbaar.core.errors import EncodingError, ParseError
from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Entity, Format, Sniff
from weerbaar.sources.readers import iter_xml, text, texts
from weerbaar.sources.us_ofac_sdn import remarks as rm
from weerbaar.sources.us_ofac_sdn.remarks import Fact

SDN = "us_ofac_sdn"
CONS = "us_ofac_cons"
XML_NAMESPACES = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
    "http://tempuri.org/sdnList.xsd",
)
ENCODINGS = ("utf-8", "cp1252")
NULL = "-0-"
SCHEMATA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
MAIN_TYPES = {"individual", "vessel", "aircraft", "entity", NULL}
ALT_PROPS = {"aka": "alias", "fka": "previousName", "nka": "alias"}
XML_ALIAS = {"a.k.a.": "alias", "f.k.a.": "previousName", "n.k.a.": "alias"}
#: Identifier properties fall back to these when the schema lacks the property.
ID_FALLBACK = ("idNumber", "registrationNumber")
CSV_HINT = "the file may be truncated or not an OFAC CSV export; fetch it again"

EXTRA_SOURCES = [
    {
        "id": CONS,
        "title": "US OFAC Consolidated Sanctions List (non-SDN)",
        "publisher": "US Department of the Treasury",
        "authority": "Office of Foreign Assets Control",
        "country": "us",
        "prefix": "ofac-cons",
        "url": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
        "CONSOLIDATED.XML",
        "licence": "US Government work, public domain",
        "description": "OFAC's non-SDN lists (SSI, NS-MBS, CMIC, FSE, PLC, ...) in one "
        "publication, in the same XML schema and legacy CSV layout as the SDN list.",
        "resources": [
            {
                "url": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
                "exports/CONSOLIDATED.XML",
                "name": "CONSOLIDATED.XML",
            },
        ],
        # `lists sync` fetches the XML only; the legacy CSV set is for `lists import`
        "csv_resources": [
            *(
                {"url": f"https://www.treasury.gov/ofac/downloads/consolidated/{n}", "name": n}
                for n in ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv")
            ),
        ],
    }
]


# -- detection ---------------------------------------------------------------
def choose_source(sniff: Sniff) -> str:
    name = sniff.path.name.lower()
    return CONS if any(k in name for k in ("cons", "nonsdn", "non_sdn")) else SDN


def _first_row(sniff: Sniff, width: int) -> list[str] | None:
    """The first row, if it has ``width`` columns and an integer first cell (no header).

    Only the first row counts: a damaged row further down is reported by the
    parser with its line number, not hidden as an unknown format.
    """
    if sniff.kind != "text":
        return None
    lines = [line for line in sniff.text.replace("\x1a", "").splitlines() if line.strip()]
    if not lines:
        return None
    row = next(csv.reader(lines[:1]))
    return row if len(row) == width and row[0].strip().isdigit() else None


def detect_main(sniff: Sniff) -> bool:
    row = _first_row(sniff, 12)
    return row is not None and row[2].strip().lower() in MAIN_TYPES


def detect_add(sniff: Sniff) -> bool:
    row = _first_row(sniff, 6)
    return row is not None and row[1].strip().isdigit()


def detect_alt(sniff: Sniff) -> bool:
    row = _first_row(sniff, 5)
    return row is not None and row[1].strip().isdigit() and row[2].strip().lower() in ALT_PROPS


def detect_comments(sniff: Sniff) -> bool:
    return _first_row(sniff, 2) is not None


def detect_xml(sniff: Sniff) -> bool:
    return sniff.kind == "xml" and sniff.xml_root in (
        "sdnList",
        *(f"{{{ns}}}sdnList" for ns in XML_NAMESPACES),
    )


# -- one list entry, from either layout ------------------------------------------
@dataclass
class Record:
    uid: str
    name: str
    sdn_type: str
    programs: list[str]
    first: str | None = None
    last: str | None = None
    title: str | None = None
    remarks: str = ""
    clauses: list[str] = field(default_factory=list)  # XML idList, as remarks clauses
    vessel: dict[str, str | None] = field(default_factory=dict)
    names: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[tuple[str, str | None]] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)


def build(ctx: Context, rec: Record) -> Entity:
    """Make, fill and emit the target entity and its Sanction."""
    facts = [*rm.parse_remarks(rec.remarks), *(rm.parse_clause(c) for c in rec.clauses)]
    schema = SCHEMATA.get(rec.sdn_type, "LegalEntity")
    if schema == "LegalEntity" and any(f.kind == rm.IMO for f in facts):
        schema = "Company"  # a ship owner or manager with a company IMO number
    entity = ctx.make(schema, ctx.make_id(rec.uid))
    entity.add("name", rec.name)
    if schema == "Person":
        last, first = rec.last, rec.first
        if last is None and first is None and "," in rec.name:
            last, _, first = (p.strip() for p in rec.name.partition(","))
        entity.add("lastName", last)
        entity.add("firstName", first)
    add_text(entity, "position", rec.title, "Title")
    for prop, name in rec.names:
        entity.add(prop, name)
    add_vessel_info(ctx, entity, rec.vessel)
    for full, country in rec.addresses:
        add_address(ctx, entity, full, country)
    country_prop = "nationality" if schema == "Person" else "country"
    for value in rec.nationalities:
        ctx.add_country(entity, country_prop, value)
    for value in rec.citizenships:
        ctx.add_country(entity, "citizenship" if schema == "Person" else "country", value)
    for value in rec.birth_dates:
        add_fact(ctx, entity, None, rm.parse_clause(f"DOB {value}"))
    for value in rec.birth_places:
        add_fact(ctx, entity, None, rm.parse_clause(f"POB {value}"))

    sanction = ctx.make_sanction(entity)
    sanction.add("program", rec.programs)
    sanction.add("programId", rec.programs)
    sanction.add("authorityId", rec.uid)
    for fact in facts:
        add_fact(ctx, entity, sanction, fact)
    ctx.emit(entity, target=True)
    ctx.emit(sanction)
    return entity


# -- applying facts ------------------------------------------------------------
def put(
    entity: Entity, prop: str, value: str | None, original: str, fallback: tuple[str, ...] = ()
) -> bool:
    """Add ``value`` to the first of ``prop, *fallback`` the schema has and accepts.

    A value no property takes (a phone number FtM cannot read, a birth date on a
    company) goes to ``notes`` as written, so nothing is lost.
    """
    if not value:
        return False
    for name in (prop, *fallback):
        target = entity.schema.get(name)
        if target is None or target.stub:
            continue
        if entity.unsafe_add(target, value, original_value=original) is not None:
            return True
    entity.add("notes", original)
    return False


def add_text(entity: Entity, prop: str, value: str | None, label: str) -> None:
    if value:
        put(entity, prop, value, f"{label}: {value}")


def add_fact(ctx: Context, entity: Entity, sanction: Entity | None, fact: Fact) -> None:
    kind, prop, value = fact.kind, fact.prop, fact.value
    schema = entity.schema
    if kind in (rm.NAME, rm.TEXT, rm.GENDER):
        put(entity, prop, value, fact.text)
    elif kind == rm.DATE:
        if schema.get(prop) is None:
            entity.add("notes", fact.text)
        else:
            ctx.add_dates(entity, prop, date_wording(value))
    elif kind == rm.COUNTRY:
        if prop in ("nationality", "citizenship") and schema.get(prop) is None:
            prop = "country"
        if schema.get(prop) is None:
            entity.add("notes", fact.text)
        else:
            ctx.add_country(entity, prop, value)
    elif kind == rm.PLACE:
        if put(entity, prop, value, fact.text):
            entity.add("birthCountry", place_country(value), original_value=value)
    elif kind == rm.IMO:
        add_imo(ctx, entity, fact)
    elif kind in (rm.ID, rm.DOC):
        add_identifier(ctx, entity, fact)
    elif kind == rm.SANCTION and sanction is not None:
        ctx.add_dates(sanction, prop, value)
    elif kind == rm.WALLET and schema.is_a("LegalEntity"):
        wallet = ctx.make("CryptoWallet", ctx.make_id(entity.id, "wallet", value))
        wallet.add("publicKey", value)
        wallet.add("currency", fact.label)
        wallet.add("holder", entity.id)
        ctx.emit(wallet)
    else:
        entity.add("notes", fact.text)


@lru_cache(maxsize=8192)
def place_country(place: str) -> str | None:
    """The country a place of birth ends with: ``Pyongyang, Korea, North`` -> ``kp``.

    Exact names only: a fuzzy match would read a town (``Shati``) as a country.
    """
    parts = [p.strip() for p in place.split(",") if p.strip()]
    for n in (2, 1):  # OFAC writes "Korea, North" and "Congo, Democratic Republic of the"
        if len(parts) >= n:
            code = registry.country.clean_text(", ".join(parts[-n:]), fuzzy=False)
            if code is not None:
                return code
    return None


_FULL_DATE_RANGE = re.compile(
    r"^(?:\d{1,2}\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(\d{4})\s+to\s+"
    r"(?:\d{1,2}\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(\d{4})$"
)


def date_wording(value: str) -> str:
    """OFAC's ``01 Jan 1961 to 31 Dec 1963`` as the year range ``1961 to 1963``."""
    m = _FULL_DATE_RANGE.match(value.strip())
    return f"{m.group(1)} to {m.group(2)}" if m else value


def add_imo(ctx: Context, entity: Entity, fact: Fact) -> None:
    if entity.schema.name == "Vessel":
        imo = clean_imo(fact.value)
        if imo is None:
            ctx.warn("vessel IMO number with a wrong check digit (kept as written)")
            imo = clean_imo(fact.value, ship=False)
    else:
        imo = clean_imo(fact.value, ship=False)
    put(entity, "imoNumber", imo, fact.text, ID_FALLBACK)


def add_identifier(ctx: Context, entity: Entity, fact: Fact) -> None:
    value, prop = fact.value, fact.prop
    put(entity, prop, value, fact.text, ID_FALLBACK)
    country = country_code(fact.country) if fact.country else None
    if country == "ru":
        digits = re.sub(r"\D", "", value)
        if prop == "taxNumber" and len(digits) in (10, 12) and digits == value:
            put(entity, "innCode", value, fact.text)
        elif prop == "registrationNumber" and fact.label.lower().startswith("government gazette"):
            put(entity, "okpoCode", value, fact.text)
        elif prop == "registrationNumber" and len(digits) in (13, 15) and digits == value:
            put(entity, "ogrnCode", value, fact.text)
    if not entity.schema.is_a("LegalEntity"):
        return
    if fact.kind != rm.DOC and not (fact.issued or fact.expires):
        return
    # An identity document (or a dated registration) also becomes an
    # Identification, which keeps its issuing country and dates.
    schema = "Passport" if prop == "passportNumber" else "Identification"
    ident = ctx.make(schema, ctx.make_id(entity.id, "id", fact.label, value))
    ident.add("holder", entity.id)
    ident.add("number", value)
    ident.add("type", fact.label)
    ctx.add_country(ident, "country", fact.country)
    for prop, word, when in (
        ("startDate", "issued", fact.issued),
        ("endDate", "expires", fact.expires),
    ):
        if when and parse_dates(when).values:
            ctx.add_dates(ident, prop, when)
        elif when:  # "issued by the Alien's Office of the city of Mainz"
            ident.add("description", f"{word} {when}")
    ctx.emit(ident)


def add_vessel_info(ctx: Context, entity: Entity, info: dict[str, str | None]) -> None:
    add_text(entity, "callSign", info.get("callSign"), "Call sign")
    add_text(entity, "type", info.get("vesselType"), "Vessel type")
    add_text(entity, "tonnage", info.get("tonnage"), "Tonnage")
    add_text(entity, "grossRegisteredTonnage", info.get("grossRegisteredTonnage"), "GRT")
    if flag := info.get("vesselFlag"):
        if entity.schema.get("flag") is None:
            entity.add("notes", f"Vessel flag: {flag}")
        else:
            ctx.add_country(entity, "flag", flag)
    if owner := info.get("vesselOwner"):  # Vessel.owner is an entity link, not a name
        entity.add("notes", f"Vessel owner: {owner}")


def add_address(ctx: Context, entity: Entity, full: str, country: str | None) -> None:
    entity.add("address", full)
    if not country:
        return
    region = re.match(r"^region:\s*(.*)$", country, re.I)
    if region:  # "Region: Gaza", "Region: Crimea": keep the country when there is one
        entity.add("country", country_code(region.group(1)), original_value=country)
    elif country.strip().lower() not in ("undetermined", "none identified"):
        ctx.add_country(entity, "country", country)


# -- legacy CSV set ------------------------------------------------------------
def read_rows(ctx: Context, path: Path, width: int, what: str) -> list[tuple[int, list[str]]]:
    """Every row with its line number; the column count and ``ent_num`` are checked."""
    data = path.read_bytes()
    if (zero := data.find(b"\x00")) >= 0:
        line = data.count(b"\n", 0, zero) + 1
        raise EncodingError(
            path,
            f"byte 0x00 at offset {zero}: this is not a plain-text OFAC CSV "
            "(it looks like UTF-16 or binary data)",
            where=f"line {line}",
            hint="fetch the file again from OFAC (it is plain ASCII) or save it as UTF-8",
        )
    content = ctx.read_text(path, ENCODINGS).replace("\x1a", "")
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if not any(c.strip() for c in row):
                continue
            where = f"line {reader.line_num}"
            if len(row) != width:
                raise ParseError(
                    path,
                    f"a row has {len(row)} columns; an OFAC {what} has {width}",
                    where=where,
                    hint=CSV_HINT,
                )
            if not row[0].strip().isdigit():
                raise ParseError(
                    path, f"ent_num {row[0].strip()!r} is not a number", where=where, hint=CSV_HINT
                )
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ParseError(
            path, f"malformed CSV: {exc}", where=f"line {reader.line_num}", hint=CSV_HINT
        ) from exc
    return rows


def cell(value: str) -> str | None:
    """A CSV cell with OFAC's ``-0-`` null marker read as None."""
    out = " ".join(value.split())
    return None if not out or out == NULL else out


def programs(value: str | None) -> list[str]:
    return [p.strip(" []") for p in (value or "").split("] [") if p.strip(" []")]


def csv_record(row: list[str]) -> Record:
    c = [cell(v) for v in row]
    raw_remarks = row[11]
    return Record(
        uid=row[0].strip(),
        name=c[1] or "",
        sdn_type=(c[2] or "entity").lower(),
        programs=programs(c[3]),
        title=c[4],
        vessel={
            "callSign": c[5],
            "vesselType": c[6],
            "tonnage": c[7],
            "grossRegisteredTonnage": c[8],
            "vesselFlag": c[9],
            "vesselOwner": c[10],
        },
        remarks="" if raw_remarks.strip() == NULL else raw_remarks,
    )


def parse_csv(ctx: Context) -> None:
    ctx.set_list_date(ctx.list_date_from_name())
    main = ctx.path.name
    records: dict[str, Record] = {}
    for line, row in read_rows(ctx, ctx.path, 12, "main file (sdn.csv)"):
        rec = csv_record(row)
        if not rec.name:
            ctx.fail(f"entry {rec.uid} has no name", where=f"line {line}", hint=CSV_HINT)
        if rec.uid in records:
            ctx.warn(f"{main}: ent_num listed twice (the first row is kept)")
            continue
        records[rec.uid] = rec

    if (path := ctx.part("us_ofac_csv_comments")) is not None:
        for _, row in read_rows(ctx, path, 2, "remarks overflow file (sdn_comments.csv)"):
            target = records.get(row[0].strip())
            if target is None:
                ctx.warn(f"{path.name}: row for an ent_num not in {main} (skipped)")
            elif row[1].strip() != NULL:  # the overflow starts mid-word: append as is
                target.remarks += row[1]

    entities = {uid: build(ctx, rec) for uid, rec in records.items()}

    if (path := ctx.part("us_ofac_csv_alt")) is not None:
        for _, row in read_rows(ctx, path, 5, "alias file (alt.csv)"):
            entity = entities.get(row[0].strip())
            name = cell(row[3])
            if entity is None:
                ctx.warn(f"{path.name}: row for an ent_num not in {main} (skipped)")
            elif name is not None:
                alt_type = (cell(row[2]) or "aka").lower()
                entity.add(ALT_PROPS.get(alt_type, "alias"), name)
                if (note := cell(row[4])) is not None:
                    entity.add("notes", f"{alt_type} {name}: {note}")

    if (path := ctx.part("us_ofac_csv_add")) is not None:
        for _, row in read_rows(ctx, path, 6, "address file (add.csv)"):
            entity = entities.get(row[0].strip())
            if entity is None:
                ctx.warn(f"{path.name}: row for an ent_num not in {main} (skipped)")
                continue
            parts = [cell(v) for v in row[2:5]]
            full = ", ".join(p for p in parts if p)
            if (note := cell(row[5])) is not None:
                full = f"{full} ({note})" if full else note
            if full:
                add_address(ctx, entity, full, parts[2])


def parse_part(ctx: Context) -> None:
    ctx.fail(
        f"is a companion file of {ctx.input.format.part_of}, not a list on its own",
        hint="import it together with its main file (sdn.csv or cons_prim.csv)",
    )


# -- XML -----------------------------------------------------------------------
@lru_cache(maxsize=256)
def _q(ns: str, path: str) -> str:
    """``a/b`` as ``{ns}a/{ns}b``."""
    return "/".join(f"{{{ns}}}{p}" if ns else p for p in path.split("/"))


def _ns(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _publish_date(value: str | None) -> str | None:
    m = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", value or "")
    return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else None


def xml_record(ctx: Context, node: Any, ns: str) -> Record:
    def t(path: str, el: Any = node) -> str | None:
        return text(el, _q(ns, path))

    def ts(path: str, el: Any = node) -> list[str]:
        return texts(el, _q(ns, path))

    uid = t("uid")
    if uid is None:
        ctx.fail("an sdnEntry has no uid", where=f"line {node.sourceline}")
    sdn_type = (t("sdnType") or "entity").lower()
    first, last = t("firstName"), t("lastName")
    if sdn_type == "individual":
        name = ", ".join(p for p in (last, first) if p)
    else:
        name = " ".join(p for p in (first, last) if p)
    if not name:
        ctx.fail(f"sdnEntry {uid} has no name", where=f"line {node.sourceline}")
    rec = Record(
        uid=uid,
        name=name,
        sdn_type=sdn_type,
        programs=ts("programList/program"),
        first=first,
        last=last,
        title=t("title"),
        remarks=t("remarks") or "",
    )
    for el in node.iterfind(_q(ns, "idList/id")):
        id_type = t("idType", el)
        if id_type:
            rec.clauses.append(
                rm.id_clause(
                    id_type,
                    t("idNumber", el),
                    t("idCountry", el),
                    t("issueDate", el),
                    t("expirationDate", el),
                )
            )
    for el in node.iterfind(_q(ns, "akaList/aka")):
        a_first, a_last = t("firstName", el), t("lastName", el)
        sep = ", " if sdn_type == "individual" else " "
        alias = sep.join(p for p in ((a_last, a_first) if sep == ", " else (a_first, a_last)) if p)
        if alias:
            prop = XML_ALIAS.get((t("type", el) or "").lower(), "alias")
            if prop == "alias" and (t("category", el) or "").lower() == "weak":
                prop = "weakAlias"
            rec.names.append((prop, alias))
    for el in node.iterfind(_q(ns, "addressList/address")):
        # written as the CSV writes it: "street, street, City, State Postcode, Country"
        place = ", ".join(v for f in ("city", "stateOrProvince") if (v := t(f, el)))
        place = " ".join(v for v in (place, t("postalCode", el)) if v)
        lines = [t(f, el) for f in ("address1", "address2", "address3")]
        full = ", ".join(v for v in (*lines, place, t("country", el)) if v)
        if full:
            rec.addresses.append((full, t("country", el)))
    rec.nationalities = ts("nationalityList/nationality/country")
    rec.citizenships = ts("citizenshipList/citizenship/country")
    rec.birth_dates = ts("dateOfBirthList/dateOfBirthItem/dateOfBirth")
    rec.birth_places = ts("placeOfBirthList/placeOfBirthItem/placeOfBirth")
    vessel = node.find(_q(ns, "vesselInfo"))
    if vessel is not None:
        rec.vessel = {
            k: t(k, vessel)
            for k in (
                "callSign",
                "vesselType",
                "vesselFlag",
                "vesselOwner",
                "tonnage",
                "grossRegisteredTonnage",
            )
        }
    return rec


def parse_xml(ctx: Context) -> None:
    for node in iter_xml(ctx, ctx.path, ("{*}publshInformation", "{*}sdnEntry")):
        ns = _ns(node.tag)
        if node.tag.endswith("publshInformation"):
            ctx.set_list_date(_publish_date(text(node, _q(ns, "Publish_Date"))))
        else:
            build(ctx, xml_record(ctx, node, ns))
    if ctx.list_date is None:
        ctx.set_list_date(ctx.list_date_from_name())


FORMATS = [
    Format(
        name="us_ofac_csv",
        source=SDN,
        title="OFAC legacy CSV main file (sdn.csv / cons_prim.csv)",
        detect=detect_main,
        parse=parse_csv,
        choose_source=choose_source,
    ),
    Format(
        name="us_ofac_csv_add",
        source=SDN,
        title="OFAC legacy CSV address file (add.csv)",
        detect=detect_add,
        parse=parse_part,
        role="part",
        part_of="us_ofac_csv",
    ),
    Format(
        name="us_ofac_csv_alt",
        source=SDN,
        title="OFAC legacy CSV alias file (alt.csv)",
        detect=detect_alt,
        parse=parse_part,
        role="part",
        part_of="us_ofac_csv",
    ),
    Format(
        name="us_ofac_csv_comments",
        source=SDN,
        title="OFAC legacy CSV remarks overflow file (sdn_comments.csv)",
        detect=detect_comments,
        parse=parse_part,
        role="part",
        part_of="us_ofac_csv",
    ),
    Format(
        name="us_ofac_xml",
        source=SDN,
        title="OFAC sdnList XML (SDN.XML / CONSOLIDATED.XML)",
        detect=detect_xml,
        parse=parse_xml,
        choose_source=choose_source,
    ),
]
