"""OFSI Consolidated List of Financial Sanctions Targets ("ConList"), XLSX and CSV.

Both files have the same 36 columns under a first row ``Last Updated`` +
``dd/mm/yyyy`` (the list date). There is one row per name variant; the rows
of one target share a ``Group ID``. Identifiers, gender, ship details and the
UK Sanctions List reference are packed into ``Other Information`` as
``(Key):value`` segments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
    numbered,
    split_any,
    split_numbered,
    uk_date,
)
from weerbaar.sources.readers import read_csv, read_sheet

SCHEMATA = {"individual": "Person", "entity": "LegalEntity", "ship": "Vessel"}

#: Header (lower case, letters and digits only) to field name.
COLUMNS = {
    **{f"name{i}": f"name{i}" for i in range(1, 7)},
    "title": "title",
    "namenonlatinscript": "non_latin",
    "nonlatinscripttype": "script",
    "nonlatinscriptlanguage": "script_lang",
    "dob": "dob",
    "townofbirth": "town_of_birth",
    "countryofbirth": "country_of_birth",
    "nationality": "nationality",
    "passportnumber": "passport",
    "passportdetails": "passport_details",
    "nationalidentificationnumber": "national_id",
    "nationalidentificationdetails": "national_id_details",
    "position": "position",
    **{f"address{i}": f"address{i}" for i in range(1, 7)},
    "postzipcode": "postcode",
    "country": "country",
    "otherinformation": "other",
    "grouptype": "group_type",
    "aliastype": "alias_type",
    "aliasquality": "alias_quality",
    "regime": "regime",
    "listedon": "listed_on",
    "uksanctionslistdatedesignated": "designated",
    "lastupdated": "last_updated",
    "groupid": "group_id",
    "unreferencenumber": "un_ref",
}
REQUIRED = {
    "name6": "Name 6",
    "group_type": "Group Type",
    "alias_type": "Alias Type",
    "group_id": "Group ID",
}
HEADER_HINT = (
    "check that this is OFSI's ConList export, unchanged (row 1 'Last Updated', "
    "row 2 the column names)"
)

OTHER_KEYS = (
    "UK Sanctions List Ref", "UN Ref", "UK Statement of Reasons", "Gender", "Phone number",
    "Email address", "Website", "Type of entity", "Parent company", "Business Reg No",
    "Subsidiaries", "IMO number", "Current owners", "Flag of ship", "Previous flags",
    "Type of ship", "Tonnage of ship", "Length of ship", "Year built", "Fax", "Tel",
)  # fmt: skip
_OTHER = re.compile(r"\((" + "|".join(re.escape(k) for k in OTHER_KEYS) + r")\)\s*:", re.I)
_CANONICAL = {k.lower(): k for k in OTHER_KEYS}
_UK_REF = re.compile(r"\s*(?:(?:and|&|,)\s*)?([A-Z]{2,4}\d{3,5})\b\.?\s*(.*)", re.S)
_UN_REF = re.compile(r"\s*([A-Za-z]{2,3}[ie]\.\s?\d{1,4})\b\.?\s*(.*)", re.S)
_INN = re.compile(r"\bINN\b\D{0,20}?(\d{12}|\d{10})\b")
_OGRN = re.compile(r"\bOGRN\b\D{0,20}?(\d{15}|\d{13})\b")
_NOTE_KEYS = ("Parent company", "Subsidiaries", "Fax", "Tel", "Length of ship")


# -- detection -------------------------------------------------------------
def _header_words(head: str | bytes) -> bool:
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return all(k in head for k in (b"Name 6", b"Group Type", b"Alias Type", b"Group ID"))


def detect_xlsx(sniff: Sniff) -> bool:
    names = sniff.zip_names
    if "xl/workbook.xml" not in names:
        return False
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    head = sniff.zip_read("xl/sharedStrings.xml")
    if sheets:
        head += sniff.zip_read(sheets[0])
    return _header_words(head)


def detect_csv(sniff: Sniff) -> bool:
    if sniff.kind != "text" or not sniff.lines:
        return False
    return sniff.lines[0].lstrip('"').startswith("Last Updated") and any(
        _header_words(line) for line in sniff.lines[:4]
    )


# -- parsing ---------------------------------------------------------------
def parse_xlsx(ctx: Context) -> None:
    parse_rows(ctx, read_sheet(ctx, ctx.path, 0), "row")


def parse_csv(ctx: Context) -> None:
    parse_rows(ctx, read_csv(ctx, ctx.path), "CSV record")


def _norm(value: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value or "").lower())


def parse_rows(ctx: Context, rows: list[list[Any]], unit: str) -> None:
    header_at = next(
        (i for i, row in enumerate(rows[:6]) if {"name6", "groupid"} <= {_norm(c) for c in row}),
        None,
    )
    if header_at is None:
        ctx.fail("no header row with 'Name 6' and 'Group ID' in the first rows", hint=HEADER_HINT)
    for row in rows[:header_at]:
        if row and _norm(row[0]) == "lastupdated" and len(row) > 1:
            ctx.set_list_date(uk_date(clean(row[1])))
    cols: dict[str, int] = {}
    for idx, head in enumerate(rows[header_at]):
        name = COLUMNS.get(_norm(head))
        if name is not None:
            cols.setdefault(name, idx)
    missing = [label for f, label in REQUIRED.items() if f not in cols]
    if missing:
        ctx.fail(
            f"the header lacks the column(s) {', '.join(missing)}",
            where=f"{unit} {header_at + 1}",
            hint=HEADER_HINT,
        )
    if ctx.list_date is None:
        ctx.set_list_date(ctx.list_date_from_name())

    groups: dict[str, list[tuple[int, dict[str, str | None]]]] = {}
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        rec = {name: clean(row[idx]) if idx < len(row) else None for name, idx in cols.items()}
        if not any(rec.values()):
            continue
        gid = rec["group_id"]
        if gid is None:
            ctx.fail("a row has no Group ID", where=f"{unit} {number}", hint=HEADER_HINT)
        groups.setdefault(gid, []).append((number, rec))
    for gid, recs in groups.items():
        Target(ctx, gid, recs, unit).build()


@dataclass
class Regime:
    listed_on: set[str] = field(default_factory=set)
    designated: set[str] = field(default_factory=set)
    last_updated: set[str] = field(default_factory=set)


class Target:
    """One Group ID: its rows become one entity and a Sanction per regime."""

    def __init__(
        self, ctx: Context, gid: str, recs: list[tuple[int, dict[str, str | None]]], unit: str
    ) -> None:
        self.ctx = ctx
        self.gid = gid
        self.recs = recs
        self.where = f"{unit} {recs[0][0]}"
        self.seen: set[tuple[str, str]] = set()
        self.auth_ids: list[str] = []
        self.un_refs: list[str] = []
        self.reasons: list[str] = []
        self.regimes: dict[str | None, Regime] = {}
        kind = (recs[0][1].get("group_type") or "").lower()
        schema = SCHEMATA.get(kind)
        if schema is None:
            ctx.fail(
                f"group {gid} has an unknown Group Type {kind!r}",
                where=self.where,
                hint="expected Individual, Entity or Ship",
            )
        self.entity = ctx.make(schema, ctx.make_id(gid))
        self.person = schema == "Person"

    def fresh(self, key: str, value: str | None) -> bool:
        """True the first time a (column, value) pair is met in this group."""
        if value is None or (key, value) in self.seen:
            return False
        self.seen.add((key, value))
        return True

    def build(self) -> None:
        has_primary = any(
            (r.get("alias_type") or "").lower() == "primary name" for _, r in self.recs
        )
        for i, (_, rec) in enumerate(self.recs):
            self.add_name(rec, promote=not has_primary and i == 0)
            self.add_row(rec)
        entity = self.entity
        if not entity.has("name"):
            self.ctx.fail(f"group {self.gid} has no name", where=self.where)
        self.ctx.emit(entity, target=True)
        for regime, dates in self.regimes.items():
            sanction = self.ctx.make_sanction(entity, regime)
            sanction.add("program", regime)
            sanction.add("authorityId", self.auth_ids)
            sanction.add("unscId", self.un_refs)
            sanction.add("reason", self.reasons)
            sanction.add("listingDate", sorted(dates.listed_on), cleaned=True)
            sanction.add("startDate", sorted(dates.designated), cleaned=True)
            sanction.add("modifiedAt", sorted(dates.last_updated), cleaned=True)
            self.ctx.emit(sanction)

    def add_name(self, rec: dict[str, str | None], promote: bool) -> None:
        given = [rec.get(f"name{i}") for i in range(1, 6)]
        last = rec.get("name6")
        name = full_name(*given, last)
        if name is None:
            return
        kind = (rec.get("alias_type") or "").lower()
        quality = (rec.get("alias_quality") or "").lower()
        if kind == "primary name" or promote:
            prop = "name"
        elif kind in ("fka", "f.k.a.", "formerly known as"):
            prop = "previousName"
        elif "low" in quality or "weak" in quality:
            prop = "weakAlias"
        else:
            prop = "alias"
        self.entity.add(prop, name)
        if prop == "name" and self.person:
            self.entity.add("firstName", given[0])
            self.entity.add("middleName", given[1:])
            self.entity.add("lastName", last)

    def add_row(self, rec: dict[str, str | None]) -> None:
        ctx, entity = self.ctx, self.entity
        regime = self.regimes.setdefault(rec.get("regime"), Regime())
        for key, dates in (
            ("listed_on", regime.listed_on),
            ("designated", regime.designated),
            ("last_updated", regime.last_updated),
        ):
            if (value := uk_date(rec.get(key))) is not None:
                dates.add(value)
        if self.fresh("non_latin", rec.get("non_latin")):
            lang = language(rec.get("script_lang"))
            entity.add("alias", rec.get("non_latin"), lang=lang)
        if self.fresh("title", rec.get("title")):
            add_if(entity, "title", split_numbered(rec.get("title")))
        self.add_address(rec)
        if self.fresh("other", rec.get("other")):
            self.add_other(rec.get("other") or "")
        if self.fresh("un_ref", rec.get("un_ref")):
            self.un_refs.append(rec.get("un_ref") or "")
        if not self.person:
            return
        if self.fresh("dob", rec.get("dob")):
            add_uk_dates(ctx, entity, "birthDate", rec.get("dob"))
        if self.fresh("town_of_birth", rec.get("town_of_birth")):
            entity.add("birthPlace", split_numbered(rec.get("town_of_birth")))
        if self.fresh("country_of_birth", rec.get("country_of_birth")):
            add_countries(ctx, entity, "birthCountry", rec.get("country_of_birth"))
        if self.fresh("nationality", rec.get("nationality")):
            add_countries(ctx, entity, "nationality", rec.get("nationality"))
        if self.fresh("position", rec.get("position")):
            entity.add("position", split_numbered(rec.get("position")))
        if self.fresh("passport", rec.get("passport")):
            self.add_documents("Passport", rec.get("passport"), rec.get("passport_details"))
        if self.fresh("national_id", rec.get("national_id")):
            self.add_documents(
                "Identification", rec.get("national_id"), rec.get("national_id_details")
            )

    def add_address(self, rec: dict[str, str | None]) -> None:
        lines = [rec.get(f"address{i}") for i in range(1, 7)]
        parts = [*lines, rec.get("postcode"), rec.get("country")]
        full = ", ".join(p for p in parts if p)
        if self.fresh("address", full):
            self.entity.add("address", full)
        if self.fresh("country", rec.get("country")):
            add_countries(self.ctx, self.entity, "country", rec.get("country"))

    def add_documents(self, schema: str, numbers: str | None, details: str | None) -> None:
        """Numbers as ``passportNumber``/``idNumber``, with a document entity for each."""
        detail_map = numbered(details)
        prop = "passportNumber" if schema == "Passport" else "idNumber"
        for index, number in numbered(numbers).items():
            self.entity.add(prop, number)
            doc = self.ctx.make(schema, self.ctx.make_id(self.entity.id, prop, number))
            doc.add("holder", self.entity.id)
            doc.add("number", number)
            doc.add("description", detail_map.get(index))
            self.ctx.emit(doc)

    def add_other(self, text: str) -> None:
        """Take ``(Key):value`` segments out of Other Information; the rest is notes."""
        entity = self.entity
        parts = _OTHER.split(text)
        notes = [parts[0]]
        for raw_key, value in zip(parts[1::2], parts[2::2], strict=True):
            key = _CANONICAL[raw_key.lower()]
            value = value.strip()
            handler = OTHER_HANDLERS.get(key)
            if handler is not None:
                rest = handler(self, value)
                if rest:
                    notes.append(rest)
            elif key in _NOTE_KEYS:
                notes.append(f"{key}: {value}")
            else:
                notes.append(f"({key}):{value}")
        note = " ".join(" ".join(notes).split()).lstrip(" .")
        if note:
            entity.add("notes", note)

    # -- Other Information segments (each returns text left for the notes) --
    def _uk_ref(self, value: str) -> str | None:
        """``RUS0001.`` (or ``INU0082 and SYR0310.``), then free text."""
        rest = value
        while (m := _UK_REF.match(rest)) is not None:
            if m.group(1) not in self.auth_ids:
                self.auth_ids.append(m.group(1))
            rest = m.group(2)
        return rest

    def _un_ref(self, value: str) -> str | None:
        m = _UN_REF.match(value)
        if m is None:
            return value
        ref = m.group(1).replace(" ", "")
        if ref not in self.un_refs:
            self.un_refs.append(ref)
        return m.group(2)

    def _reasons(self, value: str) -> str | None:
        value = " ".join(value.split())
        if value and value not in self.reasons:
            self.reasons.append(value)
        return None

    def _gender(self, value: str) -> str | None:
        gender = value.strip(" .").lower()
        if gender in ("male", "female") and self.entity.schema.get("gender"):
            self.entity.add("gender", gender)
            return None
        return f"Gender: {value}"

    def _legal_form(self, value: str) -> str | None:
        if self.entity.schema.get("legalForm"):
            self.entity.add("legalForm", value.strip(" ."))
            return None
        return f"Type of entity: {value}"

    def _registration(self, value: str) -> str | None:
        if not self.entity.schema.get("registrationNumber"):
            return f"Business Reg No: {value}"
        self.entity.add("registrationNumber", split_any(value))
        add_if(self.entity, "innCode", _INN.findall(value))
        add_if(self.entity, "ogrnCode", _OGRN.findall(value))
        return None

    def _imo(self, value: str) -> str | None:
        imo = clean_imo(value)
        if imo is None and (imo := clean_imo(value, ship=False)) is not None:
            self.ctx.warn("IMO number fails its check digit")
        if imo is None:
            return f"IMO number: {value}"
        add_if(self.entity, "imoNumber", imo)
        return None

    def _owner(self, value: str) -> str | None:
        if not self.entity.schema.get("owner"):
            return f"Current owners: {value}"
        for name in split_any(value):
            owner = self.ctx.make("LegalEntity", self.ctx.make_id("owner", name))
            owner.add("name", name)
            self.ctx.emit(owner)
            self.entity.add("owner", owner.id)
        return None

    def _flag(self, value: str) -> str | None:
        add_countries(self.ctx, self.entity, "flag", value)
        return None

    def _past_flags(self, value: str) -> str | None:
        for flag in split_any(value, r"[;|\n,]|\.\s"):
            add_countries(self.ctx, self.entity, "pastFlags", flag)
        return None

    def _ship_type(self, value: str) -> str | None:
        add_if(self.entity, "type", value.strip(" ."))
        return None

    def _tonnage(self, value: str) -> str | None:
        digits = value.replace(",", "").strip(" .")
        if digits.isdigit():
            add_if(self.entity, "tonnage", digits)
            return None
        return f"Tonnage of ship: {value}"

    def _year_built(self, value: str) -> str | None:
        m = re.search(r"\b(1[89]\d\d|20\d\d)\b", value)
        if m:
            add_if(self.entity, "buildDate", m.group(1))
            return None
        return f"Year built: {value}"


def _contact_handler(prop: str, pattern: str) -> Callable[[Target, str], str | None]:
    def handle(target: Target, value: str) -> str | None:
        if not target.entity.schema.get(prop):
            return f"{prop}: {value}"
        target.entity.add(prop, split_any(value, pattern))
        return None

    return handle


OTHER_HANDLERS: dict[str, Callable[[Target, str], str | None]] = {
    "UK Sanctions List Ref": Target._uk_ref,
    "UN Ref": Target._un_ref,
    "UK Statement of Reasons": Target._reasons,
    "Gender": Target._gender,
    "Phone number": _contact_handler("phone", r"[;|\n]|\.\s"),
    "Email address": _contact_handler("email", r"[;|\n,\s]+"),
    "Website": _contact_handler("website", r"[;|\n,\s]+"),
    "Type of entity": Target._legal_form,
    "Business Reg No": Target._registration,
    "IMO number": Target._imo,
    "Current owners": Target._owner,
    "Flag of ship": Target._flag,
    "Previous flags": Target._past_flags,
    "Type of ship": Target._ship_type,
    "Tonnage of ship": Target._tonnage,
    "Year built": Target._year_built,
}


FORMATS = [
    Format(
        name="gb_hmt_xlsx",
        source="gb_hmt",
        title="OFSI Consolidated List (ConList) XLSX",
        detect=detect_xlsx,
        parse=parse_xlsx,
    ),
    Format(
        name="gb_hmt_csv",
        source="gb_hmt",
        title="OFSI Consolidated List (ConList) CSV",
        detect=detect_csv,
        parse=parse_csv,
    ),
]
