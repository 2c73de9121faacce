"""UN Security Council consolidated list (XML, no namespace, root CONSOLIDATED_LIST)."""

from __future__ import annotations

import re
from typing import Any

from weerbaar.core.identifiers import clean_imo
from weerbaar.sources.base import Context, Entity, Format, Sniff
from weerbaar.sources.readers import iter_xml, text, texts, xml_root_attrib

ALIAS_PROPS = {"good": "alias", "a.k.a.": "alias", "low": "weakAlias", "f.k.a.": "previousName"}
PASSPORT = re.compile(r"pass(port|eport|aporte)", re.I)
IDENTITY = re.compile(r"ident|id card|national", re.I)
IMO_TEXT = re.compile(r"IMO\)?\s*(?:number|no\.?)?\s*:?\s*(\d{7})", re.I)


def detect(sniff: Sniff) -> bool:
    return sniff.kind == "xml" and sniff.xml_root == "CONSOLIDATED_LIST"


def parse(ctx: Context) -> None:
    generated = xml_root_attrib(ctx, ctx.path).get("dateGenerated")
    ctx.set_list_date(generated or ctx.list_date_from_name())
    for node in iter_xml(ctx, ctx.path, ("INDIVIDUAL", "ENTITY")):
        parse_record(ctx, node)


def parse_record(ctx: Context, node: Any) -> None:
    person = node.tag == "INDIVIDUAL"
    dataid = text(node, "DATAID")
    if dataid is None:
        ctx.fail(f"an {node.tag} record has no DATAID", where=f"line {node.sourceline}")
    comments = text(node, "COMMENTS1")
    imos = [i for m in IMO_TEXT.findall(comments or "") if (i := clean_imo(m, ship=False))]
    schema = "Person" if person else ("Company" if imos else "LegalEntity")
    entity = ctx.make(schema, ctx.make_id(dataid))
    parts = [text(node, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    entity.add("name", " ".join(p for p in parts if p))
    if person:
        entity.add("firstName", parts[0])
        entity.add("secondName", parts[1])
        entity.add("middleName", parts[2])
        entity.add("title", texts(node, "TITLE/VALUE"))
        entity.add("position", texts(node, "DESIGNATION/VALUE"))
        gender = (text(node, "GENDER") or "").lower()
        entity.add("gender", gender if gender in ("male", "female") else None)
        for nat in texts(node, "NATIONALITY/VALUE"):
            ctx.add_country(entity, "nationality", nat)
    entity.add("alias", text(node, "NAME_ORIGINAL_SCRIPT"))
    if imos:
        entity.add("imoNumber", imos)
    entity.add("notes", comments)
    for alias in node.iterfind("INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"):
        add_alias(entity, alias)
    for addr in node.iterfind("INDIVIDUAL_ADDRESS" if person else "ENTITY_ADDRESS"):
        add_address(ctx, entity, addr)
    if person:
        for dob in node.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
            add_birth_date(ctx, entity, dob)
        for pob in node.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
            add_birth_place(ctx, entity, pob)
        for doc in node.iterfind("INDIVIDUAL_DOCUMENT"):
            add_document(ctx, entity, doc)
    ctx.emit(entity, target=True)
    add_sanction(ctx, entity, node)


def add_alias(entity: Entity, alias: Any) -> None:
    name = text(alias, "ALIAS_NAME")
    if name is None:
        return
    quality = (text(alias, "QUALITY") or "").lower()
    entity.add(ALIAS_PROPS.get(quality, "alias"), name)


def add_address(ctx: Context, entity: Entity, addr: Any) -> None:
    fields = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
    parts = [text(addr, f) for f in fields]
    full = ", ".join(p for p in parts if p)
    note = text(addr, "NOTE")
    if full:
        entity.add("address", f"{full} ({note})" if note else full)
    ctx.add_country(entity, "country", text(addr, "COUNTRY"))


def add_birth_date(ctx: Context, entity: Entity, dob: Any) -> None:
    if (value := text(dob, "DATE")) is not None or (value := text(dob, "YEAR")) is not None:
        ctx.add_dates(entity, "birthDate", value)
    elif (start := text(dob, "FROM_YEAR")) and (end := text(dob, "TO_YEAR")):
        ctx.add_dates(entity, "birthDate", f"{start} to {end}")
    elif (note := text(dob, "NOTE")) is not None:
        ctx.add_dates(entity, "birthDate", note)


def add_birth_place(ctx: Context, entity: Entity, pob: Any) -> None:
    parts = [text(pob, f) for f in ("CITY", "STATE_PROVINCE", "COUNTRY")]
    place = ", ".join(p for p in parts if p)
    entity.add("birthPlace", place or None)
    ctx.add_country(entity, "birthCountry", text(pob, "COUNTRY"))


def add_document(ctx: Context, entity: Entity, doc: Any) -> None:
    number = text(doc, "NUMBER")
    if number is None:
        return
    kind = " ".join(t for t in (text(doc, "TYPE_OF_DOCUMENT"), text(doc, "TYPE_OF_DOCUMENT2")) if t)
    is_passport = bool(PASSPORT.search(kind))
    entity.add("passportNumber" if is_passport else "idNumber", number)
    ident = ctx.make(
        "Passport" if is_passport else "Identification", ctx.make_id(entity.id, "doc", number)
    )
    ident.add("holder", entity.id)
    ident.add("number", number)
    ident.add("type", kind or None)
    ident.add("startDate", text(doc, "DATE_OF_ISSUE"))
    ident.add("description", text(doc, "NOTE"))
    country = text(doc, "ISSUING_COUNTRY") or text(doc, "COUNTRY_OF_ISSUE")
    ctx.add_country(ident, "country", country)
    ctx.emit(ident)


def add_sanction(ctx: Context, entity: Entity, node: Any) -> None:
    ref = text(node, "REFERENCE_NUMBER")
    sanction = ctx.make_sanction(entity)
    sanction.add("program", text(node, "UN_LIST_TYPE"))
    sanction.add("programId", text(node, "UN_LIST_TYPE"))
    sanction.add("authorityId", ref)
    sanction.add("unscId", ref)
    sanction.add("listingDate", text(node, "LISTED_ON"))
    sanction.add("modifiedAt", texts(node, "LAST_DAY_UPDATED/VALUE"))
    sanction.add("provisions", texts(node, "LIST_TYPE/VALUE"))
    ctx.emit(sanction)


FORMATS = [
    Format(
        name="un_sc_xml",
        source="un_sc",
        title="UN Security Council consolidated list XML",
        detect=detect,
        parse=parse,
    )
]
