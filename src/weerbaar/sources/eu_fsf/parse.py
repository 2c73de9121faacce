"""EU Financial Sanctions Files 1.1, XML and CSV exports.

XML: namespace ``http://eu.europa.ec/fpi/fsd/export``, root ``export`` (its
``generationDate`` is the list date), one ``sanctionEntity`` per listing.

CSV: UTF-8, ``;``-separated, a header of 118 columns (``fileGenerationDate``,
``Entity_*``, ``NameAlias_*``, ``Address_*``, ``BirthDate_*``,
``Identification_*``, ``Citizenship_*``), then one row per name, address,
birth date, document or citizenship, the ``Entity_*`` columns repeated on
each. Rows are grouped by ``Entity_LogicalId``. ``fileGenerationDate`` is
written ``dd/mm/yyyy``.
"""

from __future__ import annotations

from typing import Any

from weerbaar.core.dates import parse_dates
from weerbaar.sources.base import Context, Format, Sniff
from weerbaar.sources.eu_fsf.record import Part, Record, emit_record
from weerbaar.sources.readers import iter_xml, read_csv, xml_root_attrib

NS = "http://eu.europa.ec/fpi/fsd/export"

#: XML child element to the Record list it fills.
XML_PARTS = {
    "nameAlias": "names",
    "address": "addresses",
    "birthdate": "birthdates",
    "identification": "identifications",
    "citizenship": "citizenships",
}
#: CSV column prefix to the Record list it fills.
CSV_PARTS = {
    "NameAlias_": "names",
    "Address_": "addresses",
    "BirthDate_": "birthdates",
    "Identification_": "identifications",
    "Citizenship_": "citizenships",
}
#: CSV column suffixes whose XML attribute is not the suffix with a lower-case first letter.
CSV_RENAMES = {
    "birthdates": {"BirthDate": "birthdate", "Day": "dayOfMonth", "Month": "monthOfYear"},
    "identifications": {
        "TypeCode": "identificationTypeCode",
        "TypeDescription": "identificationTypeDescription",
    },
    "regulations": {"Type": "regulationType"},
}
ENTITY_COLUMNS = {
    "Entity_EU_ReferenceNumber": "euReferenceNumber",
    "Entity_UnitedNationId": "unitedNationId",
    "Entity_DesignationDate": "designationDate",
    "Entity_DesignationDetails": "designationDetails",
}
SUBJECT_COLUMNS = ("Entity_SubjectType", "Entity_SubjectType_ClassificationCode")
REQUIRED = ("Entity_LogicalId", "NameAlias_WholeName")
#: Keys that do not make a part worth keeping on their own.
BOOKKEEPING = {"logicalId", "regulationLanguage"}


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


# -- XML -------------------------------------------------------------------
def detect_xml(sniff: Sniff) -> bool:
    return sniff.kind == "xml" and sniff.xml_root == q("export")


def parse_xml(ctx: Context) -> None:
    generated = xml_root_attrib(ctx, ctx.path).get("generationDate")
    ctx.set_list_date(generated or ctx.list_date_from_name())
    seen: set[str] = set()
    for node in iter_xml(ctx, ctx.path, (q("sanctionEntity"),)):
        record = xml_record(ctx, node)
        if record.logical_id in seen:
            ctx.warn(
                f"sanctionEntity logicalId {record.logical_id} appears more than once (merged)"
            )
        seen.add(record.logical_id)
        emit_record(ctx, record)


def _attrs(element: Any) -> Part:
    return {k: " ".join(v.split()) for k, v in element.attrib.items() if v and v.strip()}


def _remarks(element: Any) -> list[str]:
    return [t for r in element.iterfind(q("remark")) if (t := " ".join((r.text or "").split()))]


def xml_record(ctx: Context, node: Any) -> Record:
    where = f"line {node.sourceline}"
    logical_id = (node.get("logicalId") or "").strip()
    if not logical_id:
        ctx.fail("a sanctionEntity has no logicalId", where=where)
    record = Record(logical_id=logical_id, where=where, attrs=_attrs(node))
    record.remarks = _remarks(node)
    for subject in node.iterfind(q("subjectType")):
        record.subject_codes.extend(
            v for v in (subject.get("code"), subject.get("classificationCode")) if v
        )
    for reg in node.iterfind(q("regulation")):
        part = _attrs(reg)
        url = " ".join((reg.findtext(q("publicationUrl")) or "").split())
        if url:
            part["publicationUrl"] = url
        record.regulations.append(part)
    for tag, attr in XML_PARTS.items():
        parts: list[Part] = getattr(record, attr)
        for element in node.iterfind(q(tag)):
            part = _attrs(element)
            if remarks := _remarks(element):
                part["remark"] = " ".join(remarks)
            contacts = [
                f"{c.get('key', '')} {c.get('value', '')}".strip()
                for c in element.iterfind(q("contactInfo"))
            ]
            if any(contacts):
                part["contactInfo"] = " ".join(contacts)
            parts.append(part)
    return record


# -- CSV -------------------------------------------------------------------
def _csv_header(sniff: Sniff) -> list[str]:
    if sniff.kind == "text":
        first = sniff.lines[0] if sniff.lines else ""
    elif sniff.kind == "binary" and sniff.head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # A UTF-16 save of the export: recognise it so the parser can say so.
        head = sniff.head[: len(sniff.head) // 2 * 2]
        first = head.decode("utf-16", errors="ignore").lstrip("\ufeff").split("\n")[0]
    else:
        return []
    return [c.strip().strip('"') for c in first.split(";")]


def detect_csv(sniff: Sniff) -> bool:
    header = _csv_header(sniff)
    return all(col in header for col in REQUIRED)


def _lcfirst(name: str) -> str:
    return name[:1].lower() + name[1:]


def _column_map(header: list[str]) -> dict[str, list[tuple[int, str]]]:
    """Per Record list, the (column index, part key) pairs read from the CSV."""
    out: dict[str, list[tuple[int, str]]] = {attr: [] for attr in CSV_PARTS.values()}
    out["regulations"] = []
    for i, name in enumerate(header):
        if name.startswith("Entity_Regulation_"):
            suffix = name.removeprefix("Entity_Regulation_")
            out["regulations"].append(
                (i, CSV_RENAMES["regulations"].get(suffix) or _lcfirst(suffix))
            )
            continue
        for prefix, attr in CSV_PARTS.items():
            if name.startswith(prefix) and "_Regulation_" not in name:
                suffix = name.removeprefix(prefix)
                key = CSV_RENAMES.get(attr, {}).get(suffix) or _lcfirst(suffix)
                out[attr].append((i, key))
    return out


def parse_csv(ctx: Context) -> None:
    rows = read_csv(ctx, ctx.path, encodings=("utf-8",), delimiter=";")
    if not rows:
        ctx.fail("the file has no header row")
    header = [h.strip().strip('"').lstrip("\ufeff") for h in rows[0]]
    index = {name: i for i, name in enumerate(header) if name}
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        ctx.fail(
            f"the header lacks {', '.join(missing)}; this is not the FSF 1.1 CSV layout",
            where="line 1",
            hint="use the csvFullSanctionsList_1_1 export, unchanged",
        )
    columns = _column_map(header)
    records: dict[str, Record] = {}
    seen: set[tuple[str, str, object]] = set()
    generated: str | None = None
    width = len(header)
    for number, row in enumerate(rows[1:], start=2):
        where = f"row {number}"
        if len(row) > width and any(c.strip() for c in row[width:]):
            ctx.fail(
                f"a row has {len(row)} cells but the header has {width}",
                where=where,
                hint="the file may be damaged or not the FSF export",
            )
        cells = [" ".join(c.split()) for c in row] + [""] * (width - len(row))

        def get(col: str, cells: list[str] = cells) -> str:
            i = index.get(col)
            return cells[i] if i is not None else ""

        logical_id = get("Entity_LogicalId")
        if not logical_id:
            ctx.fail("a row has no Entity_LogicalId", where=where)
        generated = generated or get("fileGenerationDate") or None
        record = records.get(logical_id)
        if record is None:
            record = records[logical_id] = Record(logical_id=logical_id, where=where)
        for col, attr in ENTITY_COLUMNS.items():
            if (value := get(col)) and attr not in record.attrs:
                record.attrs[attr] = value
        for col in SUBJECT_COLUMNS:
            if (value := get(col)) and value not in record.subject_codes:
                record.subject_codes.append(value)
        if (remark := get("Entity_Remark")) and remark not in record.remarks:
            record.remarks.append(remark)
        for attr, pairs in columns.items():
            part = {key: cells[i] for i, key in pairs if cells[i]}
            if not set(part) - BOOKKEEPING:
                continue
            ident = part.get("logicalId") or tuple(sorted(part.items()))
            if (logical_id, attr, ident) in seen:
                continue
            seen.add((logical_id, attr, ident))
            getattr(record, attr).append(part)
    dates = parse_dates(generated).values if generated else []
    ctx.set_list_date(dates[0] if dates else ctx.list_date_from_name())
    for record in records.values():
        emit_record(ctx, record)


FORMATS = [
    Format(
        name="eu_fsf_xml",
        source="eu_fsf",
        title="EU Financial Sanctions Files XML (FSF 1.1)",
        detect=detect_xml,
        parse=parse_xml,
    ),
    Format(
        name="eu_fsf_csv",
        source="eu_fsf",
        title="EU Financial Sanctions Files CSV (FSF 1.1)",
        detect=detect_csv,
        parse=parse_csv,
    ),
]
