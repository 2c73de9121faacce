"""One FSF ``sanctionEntity``, read from either export, turned into entities.

The XML and CSV exports carry the same data in two shapes: the XML nests
``nameAlias``, ``address``, ``birthdate``, ``identification`` and
``citizenship`` elements under each ``sanctionEntity``; the CSV repeats the
entity's columns on one row per such element. Both readers fill a
``Record`` whose parts are dicts keyed by the XML attribute names, so one
function (``emit_record``) maps both to followthemoney entities and the two
exports give the same result.

The CSV has no ``strong`` column: a name is weak there only when its remark
says so ("low quality"), which the XML export also states for most weak
names. The XML's ``strong="false"`` is honoured as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rigour.langs import iso_639_alpha3

from weerbaar.core.countries import country_code
from weerbaar.core.dates import year_range
from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Entity

Part = dict[str, str]

#: ``identificationTypeCode`` values that are personal documents (Identification entities).
DOCUMENT_TYPES = {
    "id", "other", "tradelic", "ssn", "birthcert", "nationcert", "travelcardid",
    "electionid", "residentperm", "drivinglicence", "nrn",
}  # fmt: skip
#: ``identificationTypeCode`` values that are company numbers, and their property.
NUMBER_PROPS = {
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
}
DOC_FLAGS = (
    ("knownFalse", "known to be false"),
    ("knownExpired", "known to be expired"),
    ("diplomatic", "diplomatic document"),
    ("reportedLost", "reported lost"),
    ("revokedByIssuer", "revoked by the issuer"),
)
CONTACT_PROPS = {"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}
UNKNOWN_COUNTRY = {"", "00"}
BLANK = {"", "-", "n/a", "unknown"}

IMO_TEXT = re.compile(r"\bIMO\)?\s*(?:number|no\.?)?\s*:?\s*(\d{7})\b", re.I)
LETTERED = re.compile(r"\s*\([a-z]\)\s*")
CONTACT = re.compile(r"\b(PHONE|FAX|EMAIL|WEB)\b\s*:?\s*")
WEAK_REMARK = re.compile(r"\b(low|lo|weak)\s+quality\b", re.I)
QUALITY_REMARK = re.compile(r"\b(good|high|strong)\s+quality\b", re.I)
INN = re.compile(r"\bINN\b")
OGRN = re.compile(r"\bOGRN\b")


@dataclass
class Record:
    """The parts of one ``sanctionEntity``, keyed as in the XML export."""

    logical_id: str
    where: str
    attrs: Part = field(default_factory=dict)
    subject_codes: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    regulations: list[Part] = field(default_factory=list)
    names: list[Part] = field(default_factory=list)
    addresses: list[Part] = field(default_factory=list)
    birthdates: list[Part] = field(default_factory=list)
    identifications: list[Part] = field(default_factory=list)
    citizenships: list[Part] = field(default_factory=list)

    @property
    def subject(self) -> str:
        """``person``, ``enterprise`` or ``other``.

        The XML states ``code="person"`` and ``classificationCode="P"``; the
        CSV puts ``P`` under Entity_SubjectType and ``person`` under
        Entity_SubjectType_ClassificationCode. Either spelling is read.
        """
        codes = {c.strip().lower() for c in self.subject_codes}
        if codes & {"person", "p"}:
            return "person"
        if codes & {"enterprise", "e"}:
            return "enterprise"
        return "other"


def clean(value: str | None) -> str | None:
    if value is None:
        return None
    out = " ".join(value.split())
    return out if out.lower() not in BLANK else None


def flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "1", "yes", "y")


def add(entity: Entity, prop: str, value: str | list[str] | None, **kwargs: str | None) -> bool:
    """Add a value when the entity's schema has the property; report whether it did."""
    if value is None or value == [] or entity.schema.get(prop) is None:
        return False
    entity.add(prop, value, **kwargs)  # type: ignore[arg-type]
    return True


def language(ctx: Context, code: str | None) -> str | None:
    """ISO 639-3 for ``nameLanguage`` (``EN`` becomes ``eng``); None if unreadable."""
    code = clean(code)
    if code is None:
        return None
    lang: str | None = iso_639_alpha3(code)
    if lang is None:
        ctx.warn(f"unknown name language {code!r}")
    return lang


def split_lettered(text: str | None) -> list[str]:
    """``(a) Mullah (b) Maulavi`` becomes ``[Mullah, Maulavi]``."""
    text = clean(text)
    if text is None:
        return []
    return [p.strip(" ,;") for p in LETTERED.split(text) if p.strip(" ,;")]


def country_of(ctx: Context, part: Part) -> str | None:
    """The part's country as an ISO code (lower case), or None when unknown."""
    code = (part.get("countryIso2Code") or "").strip()
    if code in UNKNOWN_COUNTRY:
        return None
    found = country_code(code) or country_code(part.get("countryDescription"))
    if found is None:
        ctx.warn(f"unrecognised country code {code!r}")
    return found


def emit_record(ctx: Context, record: Record) -> Entity:
    """Emit the target, its documents and its Sanction; return the target."""
    subject = record.subject
    imos = find_imos(record) if subject == "enterprise" else []
    schema = {"person": "Person", "enterprise": "Organization"}.get(subject, "LegalEntity")
    entity = ctx.make(schema, ctx.make_id(record.logical_id))
    if subject == "other":
        ctx.warn(f"unknown subject type {', '.join(record.subject_codes) or '(none)'}")
    for remark in record.remarks:
        entity.add("notes", remark)
    add_names(ctx, entity, record)
    for part in record.citizenships:
        code = country_of(ctx, part)
        if not add(entity, "nationality", code):
            entity.add("country", code)
    for part in record.birthdates:
        add_birth(ctx, entity, part)
    for part in record.addresses:
        add_address(ctx, entity, part)
    for part in record.identifications:
        add_identification(ctx, entity, part)
    add(entity, "imoNumber", imos)
    ctx.emit(entity, target=True)
    add_sanction(ctx, entity, record)
    return entity


def find_imos(record: Record) -> list[str]:
    """Company IMO numbers stated in the entity's remarks or identification details."""
    texts = list(record.remarks)
    for part in record.identifications:
        texts.extend(v for k, v in part.items() if k != "number")
    out: list[str] = []
    for text in texts:
        for match in IMO_TEXT.findall(text):
            imo = clean_imo(match, ship=False)
            if imo and imo not in out:
                out.append(imo)
    return out


def add_names(ctx: Context, entity: Entity, record: Record) -> None:
    person = entity.schema.is_a("Person")
    named = False
    weak: list[tuple[str, str | None]] = []
    for part in record.names:
        lang = language(ctx, part.get("nameLanguage"))
        first, middle, last = (clean(part.get(k)) for k in ("firstName", "middleName", "lastName"))
        whole = clean(part.get("wholeName")) or clean(
            " ".join(p for p in (first, middle, last) if p)
        )
        remark = clean(part.get("remark"))
        is_weak = part.get("strong", "true").strip().lower() == "false"
        if remark is not None and WEAK_REMARK.search(remark):
            is_weak, remark = True, None
        elif remark is not None and QUALITY_REMARK.search(remark):
            remark = None
        entity.add("notes", remark)
        if whole is not None:
            if is_weak:
                weak.append((whole, lang))
            else:
                entity.add("alias" if named else "name", whole, lang=lang)
                named = True
        if person and not is_weak:
            entity.add("firstName", first, lang=lang)
            entity.add("middleName", middle, lang=lang)
            entity.add("lastName", last, lang=lang)
        add(entity, "title", split_lettered(part.get("title")), lang=lang)
        functions = split_lettered(part.get("function"))
        entity.add("position" if person else "notes", functions, lang=lang)
        gender = {"m": "male", "f": "female", "male": "male", "female": "female"}.get(
            (part.get("gender") or "").strip().lower()
        )
        add(entity, "gender", gender)
    for whole, lang in weak:
        if named:
            entity.add("weakAlias", whole, lang=lang)
        else:
            entity.add("name", whole, lang=lang)
            named = True
    if not named:
        ctx.warn("an entry has no name")


def add_birth(ctx: Context, entity: Entity, part: Part) -> None:
    circa = flag(part.get("circa"))
    values: list[str] = []
    if iso := clean(part.get("birthdate")):
        values.append(iso[:10])
    elif (year := clean(part.get("year"))) and year.strip("0"):
        pieces = [year.zfill(4)]
        month = clean(part.get("monthOfYear"))
        if month and month != "0":
            pieces.append(month.zfill(2))
            day = clean(part.get("dayOfMonth"))
            if day and day != "0":
                pieces.append(day.zfill(2))
        values.append("-".join(pieces))
    start, end = clean(part.get("yearRangeFrom")), clean(part.get("yearRangeTo"))
    if start and end and start.isdigit() and end.isdigit():
        values.extend(year_range(int(start), int(end)))
    elif start or end:
        values.append(start or end or "")
    for value in values:
        original = f"circa {value}" if circa else None
        if not add(entity, "birthDate", value, original_value=original):
            entity.add("notes", f"Date of birth: {original or value}")
    place = ", ".join(
        p
        for p in (
            clean(part.get(k)) for k in ("place", "city", "zipCode", "region", "countryDescription")
        )
        if p and p.upper() != "UNKNOWN"
    )
    code = country_of(ctx, part)
    if entity.schema.get("birthPlace") is not None:
        entity.add("birthPlace", place or None)
        entity.add("birthCountry", code)
    elif place:
        entity.add("notes", f"Place of birth: {place}")


def add_address(ctx: Context, entity: Entity, part: Part) -> None:
    keys = ("street", "poBox", "zipCode", "city", "place", "region", "countryDescription")
    pieces = [p for p in (clean(part.get(k)) for k in keys) if p and p.upper() != "UNKNOWN"]
    entity.add("address", ", ".join(pieces) or None)
    entity.add("country", country_of(ctx, part))
    entity.add("notes", clean(part.get("remark")))
    contact = clean(part.get("contactInfo"))
    if contact:
        found = CONTACT.split(contact)
        if len(found) < 3:
            entity.add("notes", contact)
        for key, value in zip(found[1::2], found[2::2], strict=True):
            for item in re.split(r"[,;]\s*|\s+and\s+", value):
                if item.strip():
                    entity.add(CONTACT_PROPS[key], item.strip(), quiet=True)


def add_identification(ctx: Context, entity: Entity, part: Part) -> None:
    number = clean(part.get("number"))
    latin = clean(part.get("latinNumber"))
    numbers = [n for n in (number, latin) if n]
    if not numbers:
        return
    code = (clean(part.get("identificationTypeCode")) or "").lower()
    description = clean(part.get("identificationTypeDescription"))
    if code in NUMBER_PROPS:
        prop = NUMBER_PROPS[code]
        if prop == "imoNumber":
            imos = [i for n in numbers if (i := clean_imo(n, ship=False))]
            if not add(entity, prop, imos):
                entity.add("notes", f"IMO number: {', '.join(numbers)}")
            return
        add(entity, prop, numbers)
        label = description or ""
        if prop == "taxNumber" and INN.search(label):
            add(entity, "innCode", numbers)
        if prop == "registrationNumber" and OGRN.search(label):
            add(entity, "ogrnCode", numbers)
        entity.add("country", country_of(ctx, part))
        return
    passport = code == "passport"
    if not passport and code not in DOCUMENT_TYPES:
        ctx.warn(f"unknown identification type {code or '(none)'!r}")
    if not add(entity, "passportNumber" if passport else "idNumber", numbers):
        entity.add("idNumber", numbers)
    doc = ctx.make(
        "Passport" if passport else "Identification", ctx.make_id(entity.id, "doc", numbers[0])
    )
    doc.add("holder", entity.id)
    doc.add("number", numbers)
    doc.add("type", description or code or None)
    doc.add("country", country_of(ctx, part))
    doc.add("authority", clean(part.get("issuedBy")))
    for key in ("issuedDate", "issueDate", "validFrom"):
        ctx.add_dates(doc, "startDate", clean(part.get(key)))
    ctx.add_dates(doc, "endDate", clean(part.get("validTo")))
    details = [label for key, label in DOC_FLAGS if flag(part.get(key))]
    if name := clean(part.get("nameOnDocument")):
        details.append(f"name on document: {name}")
    doc.add("description", "; ".join(details) or None)
    doc.add("summary", clean(part.get("remark")))
    ctx.emit(doc)


def add_sanction(ctx: Context, entity: Entity, record: Record) -> None:
    sanction = ctx.make_sanction(entity)
    attrs = record.attrs
    sanction.add("authorityId", clean(attrs.get("euReferenceNumber")))
    sanction.add("unscId", clean(attrs.get("unitedNationId")))
    ctx.add_dates(sanction, "listingDate", clean(attrs.get("designationDate")))
    sanction.add("reason", clean(attrs.get("designationDetails")))
    for reg in record.regulations:
        sanction.add("program", clean(reg.get("programme")))
        sanction.add("programId", clean(reg.get("programme")))
        sanction.add("provisions", clean(reg.get("numberTitle")))
        sanction.add("sourceUrl", clean(reg.get("publicationUrl")))
        ctx.add_dates(sanction, "startDate", clean(reg.get("entryIntoForceDate")))
    ctx.emit(sanction)
