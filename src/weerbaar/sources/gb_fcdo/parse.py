"""FCDO UK Sanctions List: the ``Designations`` XML and the CSV export.

The XML has one ``Designation`` per listed person, entity or ship, keyed by
``UniqueID`` (``RUS0001``). The CSV carries the same fields under a
``Report Date:`` line, one row per name (and per further value), so rows are
grouped by ``Unique ID``. Both are read into a ``Record`` first and turned
into entities by one function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Format, Sniff
from weerbaar.sources.gb_hmt.common import (
    add_countries,
    add_if,
    add_uk_dates,
    clean,
    full_name,
    language,
    report_date,
    split_any,
    uk_date,
)
from weerbaar.sources.readers import iter_xml, read_csv

SCHEMATA = {"individual": "Person", "entity": "LegalEntity", "ship": "Vessel"}
_INN = re.compile(r"\bINN\b\D{0,20}?(\d{12}|\d{10})\b")
_OGRN = re.compile(r"\bOGRN\b\D{0,20}?(\d{15}|\d{13})\b")
CSV_HINT = (
    "check that this is the FCDO 'UK Sanctions List' CSV export, unchanged "
    "(a 'Report Date:' line, then the column names)"
)


@dataclass
class Name:
    name1: str | None = None
    name2: str | None = None
    name3: str | None = None
    name4: str | None = None
    name5: str | None = None
    name6: str | None = None
    kind: str | None = None
    strength: str | None = None
    whole: str | None = None

    @property
    def given(self) -> list[str | None]:
        return [self.name1, self.name2, self.name3, self.name4, self.name5]

    @property
    def full(self) -> str | None:
        return self.whole or full_name(*self.given, self.name6)


@dataclass
class Record:
    """One designation, whichever file it came from."""

    uid: str
    where: str
    names: list[Name] = field(default_factory=list)
    #: single-valued or repeated text fields, in order met, without duplicates
    values: dict[str, list[str]] = field(default_factory=dict)
    #: (value, companion) pairs: passports, national ids, birth places, addresses
    pairs: dict[str, list[tuple[str | None, str | None]]] = field(default_factory=dict)

    def add(self, key: str, *values: Any) -> None:
        bucket = self.values.setdefault(key, [])
        for value in values:
            if (text := clean(value)) is not None and text not in bucket:
                bucket.append(text)

    def pair(self, key: str, first: Any, second: Any) -> None:
        item = (clean(first), clean(second))
        if item != (None, None):
            bucket = self.pairs.setdefault(key, [])
            if item not in bucket:
                bucket.append(item)

    def get(self, key: str) -> list[str]:
        return self.values.get(key, [])

    def first(self, key: str) -> str | None:
        return next(iter(self.values.get(key, [])), None)


# -- detection -------------------------------------------------------------
def detect_xml(sniff: Sniff) -> bool:
    return sniff.kind == "xml" and sniff.xml_root == "Designations"


def _is_header(line: str) -> bool:
    return all(k in line for k in ("Unique ID", "Name 6")) and (
        "Designation Type" in line or "Regime Name" in line
    )


def detect_csv(sniff: Sniff) -> bool:
    return sniff.kind == "text" and any(_is_header(line) for line in sniff.lines[:4])


# -- XML -------------------------------------------------------------------
def _t(node: Any, path: str) -> str | None:
    return clean(node.findtext(path))


def _ts(node: Any, path: str) -> list[str]:
    return [v for el in node.iterfind(path) if (v := clean(el.text)) is not None]


def _with_parent(node: Any, tag: str) -> list[tuple[str, Any]]:
    """Each ``tag`` value below ``node`` with the element holding it (for its companions)."""
    return [(v, el.getparent()) for el in node.iter(tag) if (v := clean(el.text)) is not None]


def parse_xml(ctx: Context) -> None:
    for node in iter_xml(ctx, ctx.path, ("Designation", "DateGenerated")):
        if node.tag == "DateGenerated":
            ctx.set_list_date(report_date(clean(node.text)))
            continue
        uid = _t(node, "UniqueID")
        if uid is None:
            ctx.fail("a Designation has no UniqueID", where=f"line {node.sourceline}")
        build(ctx, xml_record(node, uid))
    if ctx.list_date is None:
        ctx.set_list_date(ctx.list_date_from_name())


def xml_record(node: Any, uid: str) -> Record:
    rec = Record(uid=uid, where=f"line {node.sourceline}")
    for key, tag in (
        ("kind", "IndividualEntityShip"),
        ("last_updated", "LastUpdated"),
        ("designated", "DateDesignated"),
        ("ofsi_group_id", "OFSIGroupID"),
        ("un_ref", "UNReferenceNumber"),
        ("regime", "RegimeName"),
        ("source", "DesignationSource"),
        ("sanctions", "SanctionsImposed"),
        ("other", "OtherInformation"),
        ("reason", "UKStatementofReasons"),
    ):
        rec.add(key, *_ts(node, tag))
    for name in node.iterfind("Names/Name"):
        rec.names.append(
            Name(
                **{f"name{i}": _t(name, f"Name{i}") for i in range(1, 7)},
                kind=_t(name, "NameType"),
                strength=_t(name, "AliasStrength"),
                whole=_t(name, "Name"),
            )
        )
    for value, holder in _with_parent(node, "NameNonLatinScript"):
        rec.pair("non_latin", value, _t(holder, "NonLatinScriptLanguage"))
    for addr in node.iterfind("Addresses/Address"):
        lines = [_t(addr, f"AddressLine{i}") for i in range(1, 7)]
        country = _t(addr, "AddressCountry")
        parts = [*lines, _t(addr, "AddressPostalCode"), country]
        rec.pair("address", ", ".join(p for p in parts if p) or None, country)
    rec.add("phone", *_ts(node, ".//PhoneNumber"))
    rec.add("email", *_ts(node, ".//EmailAddress"))
    rec.add("website", *_ts(node, ".//Website"))
    rec.add("title", *_ts(node, ".//Title"))
    for person in node.iterfind("IndividualDetails/Individual"):
        rec.add("dob", *_ts(person, ".//DOB"))
        rec.add("nationality", *_ts(person, ".//Nationality"))
        rec.add("position", *_ts(person, ".//Position"))
        rec.add("gender", *_ts(person, ".//Gender"))
        for number, holder in _with_parent(person, "PassportNumber"):
            rec.pair("passport", number, _t(holder, "PassportAdditionalInformation"))
        for number, holder in _with_parent(person, "NationalIdentifierNumber"):
            rec.pair("national_id", number, _t(holder, "NationalIdentifierAdditionalInformation"))
        for loc in person.iter("Location"):
            rec.pair("birth", _t(loc, "TownOfBirth"), _t(loc, "CountryOfBirth"))
    for ent in node.iterfind("EntityDetails/Entity"):
        rec.add("entity_type", *_ts(ent, ".//TypeOfEntity"))
        rec.add("registration", *_ts(ent, ".//BusinessRegistrationNumber"))
        rec.add("parent", *_ts(ent, ".//ParentCompany"))
        rec.add("subsidiary", *_ts(ent, ".//Subsidiary"))
    for ship in node.iterfind("ShipDetails/Ship"):
        for key, tag in (
            ("imo", "IMONumber"),
            ("owner", "CurrentOwnerOperator"),
            ("previous_owner", "PreviousOwnerOperator"),
            ("flag", "CurrentBelievedFlagOfShip"),
            ("previous_flag", "PreviousFlag"),
            ("ship_type", "TypeOfShip"),
            ("tonnage", "TonnageOfShip"),
            ("length", "LengthOfShip"),
            ("year_built", "YearBuilt"),
            ("hin", "HullIdentificationNumber"),
        ):
            rec.add(key, *_ts(ship, f".//{tag}"))
    return rec


# -- CSV -------------------------------------------------------------------
#: Header (lower case, letters and digits only) to Record field.
CSV_VALUES = {
    "designationtype": "kind", "individualentityship": "kind", "lastupdated": "last_updated",
    "datedesignated": "designated", "ofsigroupid": "ofsi_group_id", "unreferencenumber": "un_ref",
    "regimename": "regime", "designationsource": "source", "sanctionsimposed": "sanctions",
    "otherinformation": "other", "ukstatementofreasons": "reason", "phonenumber": "phone",
    "website": "website", "emailaddress": "email", "title": "title", "dob": "dob",
    "nationalityies": "nationality", "nationality": "nationality", "position": "position",
    "gender": "gender", "typeofentity": "entity_type", "subsidiaries": "subsidiary",
    "parentcompany": "parent", "businessregistrationnumbers": "registration",
    "imonumber": "imo", "currentowneroperators": "owner",
    "previousowneroperators": "previous_owner", "currentbelievedflagofship": "flag",
    "previousflags": "previous_flag", "typeofship": "ship_type", "tonnageofship": "tonnage",
    "lengthofship": "length", "yearbuilt": "year_built", "hullidentificationnumberhin": "hin",
}  # fmt: skip
CSV_OTHER = {
    **{f"name{i}": f"name{i}" for i in range(1, 7)},
    "uniqueid": "uid", "nametype": "name_type", "aliasstrength": "alias_strength",
    "namenonlatinscript": "non_latin", "nonlatinscriptlanguage": "non_latin_lang",
    **{f"addressline{i}": f"address{i}" for i in range(1, 7)},
    "addresspostalcode": "postcode", "addresscountry": "address_country",
    "nationalidentifiernumber": "national_id",
    "nationalidentifieradditionalinformation": "national_id_info",
    "passportnumber": "passport", "passportadditionalinformation": "passport_info",
    "townofbirth": "town_of_birth", "countryofbirth": "country_of_birth",
}  # fmt: skip


def _norm(value: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value or "").lower())


def parse_csv(ctx: Context) -> None:
    rows = read_csv(ctx, ctx.path)
    header_at = next((i for i, row in enumerate(rows[:6]) if _is_header(",".join(row))), None)
    if header_at is None:
        ctx.fail("no header row with 'Unique ID' and 'Name 6' in the first lines", hint=CSV_HINT)
    for row in rows[:header_at]:
        ctx.set_list_date(report_date(" ".join(row)))
    if ctx.list_date is None:
        ctx.set_list_date(ctx.list_date_from_name())
    cols: dict[str, int] = {}
    for idx, head in enumerate(rows[header_at]):
        key = _norm(head)
        name = CSV_VALUES.get(key) or CSV_OTHER.get(key)
        if name is not None:
            cols.setdefault(name, idx)
    for required in ("uid", "name6", "kind"):
        if required not in cols:
            ctx.fail(
                f"the header lacks the column for {required!r}",
                where=f"CSV record {header_at + 1}",
                hint=CSV_HINT,
            )
    records: dict[str, Record] = {}
    value_cols = [(name, idx) for name, idx in cols.items() if name in CSV_VALUES.values()]
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):

        def cell(name: str, row: list[str] = row) -> str | None:
            idx = cols.get(name)
            return clean(row[idx]) if idx is not None and idx < len(row) else None

        uid = cell("uid")
        if uid is None:
            ctx.fail("a row has no Unique ID", where=f"CSV record {number}", hint=CSV_HINT)
        rec = records.get(uid)
        if rec is None:
            rec = records[uid] = Record(uid=uid, where=f"CSV record {number}")
        for name, _ in value_cols:
            rec.add(name, cell(name))
        add_csv_row(rec, cell)
    for rec in records.values():
        build(ctx, rec)


def add_csv_row(rec: Record, cell: Any) -> None:
    name = Name(
        **{f"name{i}": cell(f"name{i}") for i in range(1, 7)},
        kind=cell("name_type"),
        strength=cell("alias_strength"),
    )
    if name.full and name not in rec.names:
        rec.names.append(name)
    rec.pair("non_latin", cell("non_latin"), cell("non_latin_lang"))
    lines = [cell(f"address{i}") for i in range(1, 7)]
    parts = [*lines, cell("postcode"), cell("address_country")]
    rec.pair("address", ", ".join(p for p in parts if p) or None, cell("address_country"))
    rec.pair("passport", cell("passport"), cell("passport_info"))
    rec.pair("national_id", cell("national_id"), cell("national_id_info"))
    rec.pair("birth", cell("town_of_birth"), cell("country_of_birth"))


# -- entities --------------------------------------------------------------
def build(ctx: Context, rec: Record) -> None:
    kind = (rec.first("kind") or "").lower()
    schema = SCHEMATA.get(kind)
    if schema is None:
        ctx.fail(
            f"designation {rec.uid} has an unknown type {kind!r}",
            where=rec.where,
            hint="expected Individual, Entity or Ship",
        )
    entity = ctx.make(schema, ctx.make_id(rec.uid))
    person = schema == "Person"
    add_names(entity, rec.names, person)
    if not entity.has("name"):
        ctx.fail(f"designation {rec.uid} has no name", where=rec.where)
    for value, lang in rec.pairs.get("non_latin", []):
        entity.add("alias", value, lang=language(lang))
    for full, country in rec.pairs.get("address", []):
        entity.add("address", full)
        add_countries(ctx, entity, "country", country)
    add_if(entity, "phone", rec.get("phone"))
    for emails in rec.get("email"):
        add_if(entity, "email", split_any(emails, r"[;|,\s]+"))
    for sites in rec.get("website"):
        add_if(entity, "website", split_any(sites, r"[;|,\s]+"))
    entity.add("notes", rec.get("other"))
    if person:
        entity.add("title", rec.get("title"))
        for dob in rec.get("dob"):
            add_uk_dates(ctx, entity, "birthDate", dob)
        for nationality in rec.get("nationality"):
            add_countries(ctx, entity, "nationality", nationality)
        entity.add("position", rec.get("position"))
        for gender in rec.get("gender"):
            if gender.lower() in ("male", "female"):
                entity.add("gender", gender.lower())
        for town, country in rec.pairs.get("birth", []):
            entity.add("birthPlace", ", ".join(p for p in (town, country) if p) or None)
            add_countries(ctx, entity, "birthCountry", country)
        add_documents(ctx, entity, "Passport", rec.pairs.get("passport", []))
        add_documents(ctx, entity, "Identification", rec.pairs.get("national_id", []))
    add_entity_details(ctx, entity, rec)
    add_ship_details(ctx, entity, rec)
    ctx.emit(entity, target=True)

    sanction = ctx.make_sanction(entity)
    sanction.add("program", rec.get("regime"))
    sanction.add("authorityId", rec.uid)
    sanction.add("unscId", rec.get("un_ref"))
    for key, prop in (
        ("designated", "listingDate"),
        ("designated", "startDate"),
        ("last_updated", "modifiedAt"),
    ):
        for value in rec.get(key):
            sanction.add(prop, uk_date(value), cleaned=True)
    for imposed in rec.get("sanctions"):
        sanction.add("provisions", [p.strip() for p in imposed.split("|") if p.strip()])
    sanction.add("reason", rec.get("reason"))
    for source in rec.get("source"):
        sanction.add("description", f"Designation source: {source}")
    for gid in rec.get("ofsi_group_id"):
        sanction.add("description", f"OFSI Group ID: {gid}")
    ctx.emit(sanction)


def add_names(entity: Any, names: list[Name], person: bool) -> None:
    has_primary = any((n.kind or "").lower() == "primary name" for n in names)
    for i, name in enumerate(names):
        kind = (name.kind or "").lower()
        strength = (name.strength or "").lower()
        if kind == "primary name" or (not has_primary and i == 0):
            prop = "name"
        elif "fka" in kind or "formerly" in kind or "previous" in kind:
            prop = "previousName"
        elif "low" in strength or "weak" in strength:
            prop = "weakAlias"
        else:
            prop = "alias"
        entity.add(prop, name.full)
        if prop == "name" and person:
            entity.add("firstName", name.name1)
            entity.add("middleName", name.given[1:])
            entity.add("lastName", name.name6)


def add_documents(
    ctx: Context, entity: Any, schema: str, items: list[tuple[str | None, str | None]]
) -> None:
    prop = "passportNumber" if schema == "Passport" else "idNumber"
    for number, info in items:
        if number is None:
            continue
        entity.add(prop, number)
        doc = ctx.make(schema, ctx.make_id(entity.id, prop, number))
        doc.add("holder", entity.id)
        doc.add("number", number)
        doc.add("description", info)
        ctx.emit(doc)


def add_entity_details(ctx: Context, entity: Any, rec: Record) -> None:
    add_if(entity, "legalForm", rec.get("entity_type"))
    for reg in rec.get("registration"):
        add_if(entity, "registrationNumber", reg)
        add_if(entity, "innCode", _INN.findall(reg))
        add_if(entity, "ogrnCode", _OGRN.findall(reg))
    for parent in rec.get("parent"):
        entity.add("notes", f"Parent company: {parent}")
    for sub in rec.get("subsidiary"):
        entity.add("notes", f"Subsidiary: {sub}")


def add_ship_details(ctx: Context, entity: Any, rec: Record) -> None:
    for value in rec.get("imo"):
        imo = clean_imo(value)
        if imo is None and (imo := clean_imo(value, ship=False)) is not None:
            ctx.warn("IMO number fails its check digit")
        if imo is None:
            ctx.warn(f"unreadable IMO number {value!r}")
        add_if(entity, "imoNumber", imo)
    if entity.schema.is_a("Vessel"):
        for name in rec.get("owner"):
            owner = ctx.make("LegalEntity", ctx.make_id("owner", name))
            owner.add("name", name)
            ctx.emit(owner)
            entity.add("owner", owner.id)
    for flag in rec.get("flag"):
        add_countries(ctx, entity, "flag", flag)
    for flag in rec.get("previous_flag"):
        add_countries(ctx, entity, "pastFlags", flag)
    add_if(entity, "type", rec.get("ship_type"))
    for tonnage in rec.get("tonnage"):
        digits = tonnage.replace(",", "").strip(" .")
        if digits.isdigit():
            add_if(entity, "tonnage", digits)
    for year in rec.get("year_built"):
        if m := re.search(r"\b(1[89]\d\d|20\d\d)\b", year):
            add_if(entity, "buildDate", m.group(1))
    for label, key in (
        ("Length of ship", "length"),
        ("Previous owner/operator", "previous_owner"),
        ("Hull identification number", "hin"),
    ):
        for value in rec.get(key):
            entity.add("notes", f"{label}: {value}")


FORMATS = [
    Format(
        name="gb_fcdo_xml",
        source="gb_fcdo",
        title="FCDO UK Sanctions List XML",
        detect=detect_xml,
        parse=parse_xml,
    ),
    Format(
        name="gb_fcdo_csv",
        source="gb_fcdo",
        title="FCDO UK Sanctions List CSV",
        detect=detect_csv,
        parse=parse_csv,
    ),
]
