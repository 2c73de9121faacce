"""Read a customer file to screen (CSV, Excel workbook or Parquet) into Records.

    read_input(path, mapping)    -> InputFile: rows, the mapping used, skipped rows, warnings
    read_records(path, mapping)  -> (rows, mapping), the same with warnings logged

Columns are matched to ``FIELDS`` by their header, in English or Dutch, ignoring
case, spaces, underscores and punctuation (``SYNONYMS``). A mapping given by
the caller (``--column name=Client Name``) replaces the guess for the fields it
names; the other fields are still guessed from the columns it leaves free.

Row numbers are the ones a user sees in a spreadsheet: the header is row 1
(when it is the first line) and the first data row is row 2. Parquet files use
the same numbering, so a result's ``row`` means the same for every format.

Rows without any name are skipped and listed in ``InputFile.skipped``; a file
in which every row lacks a name is an error. Values that cannot be read (a
country, a date, a schema word) are dropped and noted in the row's
``warnings``; nothing is guessed silently.

CSV is decoded as UTF-8 (a BOM is fine), falling back to Windows-1252, which is
what Excel's "CSV (puntkomma gescheiden)" writes. The delimiter (``,``, ``;``
or tab) is taken from the header line. UTF-16 and binary files are refused
with a hint to save the file as "CSV UTF-8".
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from weerbaar.core.countries import country_code
from weerbaar.core.dates import parse_dates
from weerbaar.core.errors import ConfigError, EncodingError, InputError, ParseError
from weerbaar.core.identifiers import clean_imo, clean_mmsi
from weerbaar.matching.record import Record
from weerbaar.sources.base import Context, Format, Input, SourceSpec
from weerbaar.sources.readers import cell, read_sheet

log = logging.getLogger(__name__)

FIELDS = (
    "id",
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "birth_date",
    "country",
    "gender",
    "schema",
    "identifier",
    "imo",
    "mmsi",
)

#: Header wordings per field; compared after ``_key`` (lower case, letters and digits only).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "customer id", "client id", "record id", "relation id", "reference", "ref",
        "customer number", "client number", "klantnummer", "klant id", "klantnr",
        "relatienummer", "relatienr", "referentie", "kenmerk",
    ),
    "name": (
        "name", "full name", "fullname", "naam", "volledige naam", "customer name",
        "client name", "entity name", "party name", "legal name", "company name",
        "organisation name", "organization name", "vessel name", "ship name", "alias",
        "klantnaam", "relatienaam", "bedrijfsnaam", "organisatienaam", "statutaire naam",
        "handelsnaam", "scheepsnaam",
    ),
    "first_name": (
        "first name", "firstname", "given name", "given names", "forename", "forenames",
        "voornaam", "voornamen", "roepnaam",
    ),
    "middle_name": ("middle name", "middle names", "middlename", "tweede voornaam"),
    "last_name": (
        "last name", "lastname", "surname", "family name", "achternaam", "familienaam",
        "geslachtsnaam", "tussenvoegsel", "voorvoegsel",
    ),
    "birth_date": (
        "birth date", "birthdate", "dob", "date of birth", "born", "geboortedatum",
        "geb datum", "geboren",
    ),
    "country": (
        "country", "nationality", "nationalities", "citizenship", "jurisdiction",
        "country of incorporation", "country of registration", "country of residence",
        "residence country", "flag", "flag state", "nationaliteit", "land", "landcode",
        "woonland", "vestigingsland", "staatsburgerschap", "vlag", "vlaggenstaat",
    ),
    "gender": ("gender", "sex", "geslacht"),
    "schema": (
        "schema", "type", "entity type", "customer type", "client type", "party type",
        "soort", "klanttype", "klantsoort", "relatietype", "soort relatie",
    ),
    "identifier": (
        "identifier", "passport", "passport number", "passport no", "national id",
        "national id number", "id number", "id card", "document number", "registration number",
        "company number", "lei", "lei code", "kvk", "kvk nummer", "kvknummer", "paspoort",
        "paspoortnummer", "documentnummer", "identiteitsbewijs", "registratienummer",
        "inschrijvingsnummer", "rsin", "tax id", "vat number", "btw nummer",
    ),
    "imo": ("imo", "imo number", "imo no", "imo nummer", "imonummer"),
    "mmsi": ("mmsi", "mmsi number", "mmsi nummer"),
}  # fmt: skip

#: Words in a schema column (after ``_key``) to the schema they stand for.
SCHEMA_WORDS: dict[str, tuple[str, ...]] = {
    "Person": (
        "person", "persoon", "individual", "natural person", "natuurlijk persoon", "private",
        "particulier", "individu",
    ),
    "Company": ("company", "bedrijf", "onderneming", "firma", "business", "bv", "nv"),
    "Organization": (
        "organization", "organisation", "organisatie", "stichting", "vereniging", "ngo",
        "foundation", "association",
    ),
    "Vessel": ("vessel", "ship", "schip", "vaartuig"),
    "LegalEntity": ("legal entity", "legalentity", "entity", "rechtspersoon", "entiteit"),
}  # fmt: skip

GENDER_WORDS: dict[str, tuple[str, ...]] = {
    "male": ("m", "male", "man", "mannelijk", "heer", "dhr"),
    "female": ("f", "v", "female", "woman", "vrouw", "vrouwelijk", "mevrouw", "mevr"),
    "other": ("x", "other", "anders", "divers"),
}

#: Fields whose values are joined with a space into one part (``tussenvoegsel`` + ``achternaam``).
NAME_PARTS = ("first_name", "middle_name", "last_name")
NAME_FIELDS = ("name", *NAME_PARTS)

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
PARQUET_SUFFIXES = (".parquet", ".pq")
SUPPORTED = ", ".join((*CSV_SUFFIXES, *SHEET_SUFFIXES, *PARQUET_SUFFIXES))

CSV_HINT = "save the file as 'CSV UTF-8' (Excel: Save As > CSV UTF-8) and screen it again"
BOOK_HINT = "open the workbook in Excel, save it again (or export it as CSV) and screen it again"
MAP_HINT = "map a column with --column name=COLUMN (or first_name=/last_name=)"


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(word): name for name, words in table.items() for word in words}


_FIELD_BY_KEY = _index(SYNONYMS)
_SCHEMA_BY_KEY = _index(SCHEMA_WORDS) | {_key(s): s for s in SCHEMA_WORDS}
_GENDER_BY_KEY = _index(GENDER_WORDS)


@dataclass
class InputRow:
    """One data row: where it is in the file, the Record to screen, and every cell as read."""

    row: int
    record: Record
    passthrough: dict[str, str]
    warnings: list[str] = field(default_factory=list)


@dataclass
class InputFile:
    """What was read from one input file."""

    path: Path
    headers: list[str]
    mapping: dict[str, list[str]]
    rows: list[InputRow]
    #: Row numbers skipped because they hold no name.
    skipped: list[int] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """Every row warning as ``row N: ...``, then one line for the skipped rows."""
        out = [f"row {r.row}: {w}" for r in self.rows for w in r.warnings]
        if self.skipped:
            shown = ", ".join(str(n) for n in self.skipped[:20])
            more = ", ..." if len(self.skipped) > 20 else ""
            s = "s" if len(self.skipped) > 1 else ""
            out.append(f"skipped {len(self.skipped)} row{s} without a name (row{s} {shown}{more})")
        return out


# -- mapping -------------------------------------------------------------


def guess_mapping(headers: list[str]) -> dict[str, list[str]]:
    """Field -> columns, from header wording; columns no synonym matches are left out."""
    mapping: dict[str, list[str]] = {}
    for header in headers:
        name = _FIELD_BY_KEY.get(_key(header))
        if name is not None:
            mapping.setdefault(name, []).append(header)
    return mapping


def parse_mapping(specs: list[str]) -> dict[str, list[str]]:
    """``["name=Client Name", "country=Nat1", "country=Nat2"]`` -> field -> columns."""
    mapping: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, column = spec.partition("=")
        name, column = name.strip().lower().replace("-", "_"), column.strip()
        if not sep or not column:
            raise ConfigError(
                f"column mapping {spec!r} is not FIELD=COLUMN",
                hint="write it as --column name='Client Name'",
            )
        _check_field(name)
        mapping.setdefault(name, []).append(column)
    return mapping


def _check_field(name: str) -> None:
    if name not in FIELDS:
        raise ConfigError(
            f"unknown field {name!r} in a column mapping",
            hint=f"use one of: {', '.join(FIELDS)}",
        )


def _find_column(path: Path, headers: list[str], column: str) -> str:
    """The header a mapped column names: exactly, else ignoring case and spacing."""
    if column in headers:
        return column
    near = [h for h in headers if _key(h) == _key(column)]
    if len(near) == 1:
        return near[0]
    raise InputError(
        path,
        f"has no column {column!r}",
        where="header row",
        hint=f"the columns are: {_list(headers)}; fix the name given with --column",
    )


def _resolve(
    path: Path, headers: list[str], given: dict[str, list[str]] | None
) -> dict[str, list[str]]:
    guessed = guess_mapping(headers)
    if not given:
        return guessed
    resolved: dict[str, list[str]] = {}
    for name, columns in given.items():
        _check_field(name)
        resolved[name] = [_find_column(path, headers, c) for c in columns]
    taken = {c for columns in resolved.values() for c in columns}
    kept = {n: [c for c in cols if c not in taken] for n, cols in guessed.items()}
    return {n: cols for n, cols in kept.items() if cols and n not in resolved} | resolved


def _list(headers: Iterable[str]) -> str:
    return ", ".join(repr(h) for h in headers) or "(none)"


# -- reading tables --------------------------------------------------------

Table = list[tuple[int, list[str]]]  # (row number, cells as text)


def _context(path: Path) -> Context:
    """A bare Context so the shared readers can decode and report on a user's file."""
    spec = SourceSpec(
        id="screening_input",
        title="Screening input",
        publisher="",
        authority="",
        country="",
        prefix="input",
    )
    fmt = Format(
        name="screening_input",
        source=spec.id,
        title=spec.title,
        detect=lambda sniff: True,
        parse=lambda ctx: None,
    )
    return Context(spec, Input(path, fmt))


def _sniff_csv(path: Path) -> None:
    """Refuse workbooks, Parquet, UTF-16 and binary files named .csv, with the fix."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(b"PK\x03\x04"):
        raise InputError(path, "is a ZIP file (an Excel workbook?), not CSV", hint=_rename(".xlsx"))
    if head.startswith(b"PAR1"):
        raise InputError(path, "is a Parquet file, not CSV", hint=_rename(".parquet"))
    if b"\x00" in head:
        utf16 = head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:40:2].count(0) > 10
        what = "UTF-16 text (Excel 'Unicode text')" if utf16 else "binary data"
        raise EncodingError(path, f"holds {what}, not CSV text", where="line 1", hint=CSV_HINT)


def _rename(suffix: str) -> str:
    return f"rename the file to end in {suffix} and screen it again"


def _delimiter(text: str) -> str:
    """The delimiter giving the header line the most columns (``,`` on a tie)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: len(next(csv.reader([line], delimiter=d), [])) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def _read_csv(path: Path) -> Table:
    _sniff_csv(path)
    text = _context(path).read_text(path, ("utf-8", "cp1252")).replace("\x1a", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        return [(n, [cell(c) or "" for c in row]) for n, row in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise ParseError(
            path,
            f"malformed CSV: {exc}",
            where=f"line {reader.line_num}",
            hint='check the quotes on that line (a name with a " must be quoted); ' + CSV_HINT,
        ) from exc


def _read_sheet(path: Path) -> Table:
    try:
        rows = read_sheet(_context(path), path, 0)
    except ParseError as exc:
        message = exc.message.removeprefix(f"{exc.path}: ")
        raise ParseError(path, message, where="sheet 1", hint=BOOK_HINT) from exc
    return [(n, [cell(v) or "" for v in row]) for n, row in enumerate(rows, start=1)]


def _read_parquet(path: Path) -> Table:
    import polars as pl

    try:
        frame = pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise ParseError(
            path,
            f"cannot read the Parquet file: {exc}",
            hint="the file is damaged or truncated; write it again and screen it again",
        ) from exc
    table: Table = [(1, [str(c) for c in frame.columns])]
    return table + [(n, [_text(v) for v in row]) for n, row in enumerate(frame.rows(), start=2)]


def _text(value: Any) -> str:
    return cell(value) or ""


READERS: dict[str, Callable[[Path], Table]] = {
    **dict.fromkeys(CSV_SUFFIXES, _read_csv),
    **dict.fromkeys(SHEET_SUFFIXES, _read_sheet),
    **dict.fromkeys(PARQUET_SUFFIXES, _read_parquet),
}


def _read_table(path: Path) -> Table:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            path,
            f"has an unsupported file type {path.suffix or '(no extension)'!r}",
            hint=f"screen a file ending in one of {SUPPORTED} (export it from Excel as CSV UTF-8)",
        )
    if not path.is_file():
        raise InputError(path, "does not exist or is not a file", hint="check the path")
    if path.stat().st_size == 0:
        raise InputError(path, "is empty", hint="export the customer list with a header row")
    return reader(path)


# -- header ----------------------------------------------------------------


def _split_header(path: Path, table: Table) -> tuple[int, list[str], Table]:
    """The header's row number, its unique column names, and the rows after it."""
    start = next((i for i, (_, cells) in enumerate(table) if any(cells)), None)
    if start is None:
        raise InputError(path, "is empty", hint="export the customer list with a header row")
    number, cells = table[start]
    data = table[start + 1 :]
    width = max(_width(c) for _, c in table[start:])
    headers: list[str] = []
    for i in range(width):
        name = (cells[i] if i < len(cells) else "") or f"column {i + 1}"
        unique, copy = name, 1
        while unique in headers:
            copy += 1
            unique = f"{name} ({copy})"
        headers.append(unique)
    return number, headers, data


def _width(cells: list[str]) -> int:
    return max((i + 1 for i, c in enumerate(cells) if c), default=0)


_DATA_LIKE = re.compile(r"[\d\s./:+-]*\d[\d\s./:+-]*")


def _check_header(
    path: Path, number: int, headers: list[str], mapping: dict[str, list[str]]
) -> None:
    if any(mapping.get(f) for f in NAME_FIELDS):
        return
    where = f"row {number}, the header"
    if not mapping and any(_DATA_LIKE.fullmatch(h) for h in headers):
        raise InputError(
            path,
            f"has no header row: the first row holds data ({_list(headers)})",
            where=where,
            hint="add a first row with column names such as name,birth_date,country",
        )
    raise InputError(
        path,
        f"has no column holding a name (columns: {_list(headers)})",
        where=where,
        hint=MAP_HINT,
    )


# -- rows ------------------------------------------------------------------

Values = dict[str, list[tuple[str, str]]]  # field -> (column, value), blanks left out


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _countries(values: list[tuple[str, str]], warnings: list[str]) -> list[str]:
    out: list[str] = []
    for column, text in values:
        code = country_code(text, fuzzy=True)
        parts = [text] if code else [p.strip() for p in re.split(r"[;,/|]", text) if p.strip()]
        for part in parts:
            code = country_code(part, fuzzy=True)
            if code:
                out.append(code)
            elif _key(part) not in ("", "unknown", "onbekend", "na", "none", "stateless"):
                warnings.append(f"unrecognised country {part!r} in column {column!r}")
    return _unique(out)


def _dates(values: list[tuple[str, str]], warnings: list[str]) -> list[str]:
    out: list[str] = []
    for column, text in values:
        parsed = parse_dates(text)
        out.extend(parsed.values)
        warnings.extend(f"unreadable date {b!r} in column {column!r}" for b in parsed.unparsed)
    return _unique(out)


def _identifiers(values: Values) -> list[str]:
    out = [v for _, text in values.get("identifier", []) for v in text.split(";")]
    out += [clean_imo(v, ship=False) or v for _, v in values.get("imo", [])]
    out += [clean_mmsi(v) or v for _, v in values.get("mmsi", [])]
    return _unique(v.strip() for v in out)


def _word(
    table: dict[str, str], values: list[tuple[str, str]], what: str, warnings: list[str]
) -> str | None:
    for column, text in values:
        found = table.get(_key(text))
        if found:
            return found
        warnings.append(f"unrecognised {what} {text!r} in column {column!r}")
    return None


def _record(values: Values, default_schema: str, warnings: list[str]) -> Record | None:
    parts = {p: " ".join(v for _, v in values.get(p, [])) for p in NAME_PARTS}
    combined = " ".join(v for v in parts.values() if v)
    names = _unique([*(v for _, v in values.get("name", [])), combined])
    if not names:
        return None
    births = _dates(values.get("birth_date", []), warnings)
    gender = _word(_GENDER_BY_KEY, values.get("gender", []), "gender", warnings)
    schema = _word(_SCHEMA_BY_KEY, values.get("schema", []), "type", warnings)
    if schema is None:
        schema = "Person" if combined or births or gender else default_schema
    return Record(
        schema=schema,
        names=names,
        first_names=_unique([parts["first_name"]]),
        middle_names=_unique([parts["middle_name"]]),
        last_names=_unique([parts["last_name"]]),
        birth_dates=births,
        countries=_countries(values.get("country", []), warnings),
        gender=gender,
        identifiers=_identifiers(values),
        id=next((v for _, v in values.get("id", [])), None),
    )


def _row(
    number: int, cells: list[str], headers: list[str], mapping: dict[str, list[str]], schema: str
) -> InputRow | None:
    passthrough = dict(zip(headers, [*cells, *[""] * (len(headers) - len(cells))], strict=False))
    values = {
        f: [(c, passthrough[c]) for c in cols if passthrough[c]] for f, cols in mapping.items()
    }
    warnings: list[str] = []
    record = _record(values, schema, warnings)
    return InputRow(number, record, passthrough, warnings) if record else None


def _default_schema(value: str) -> str:
    schema = _SCHEMA_BY_KEY.get(_key(value))
    if schema is None:
        raise ConfigError(
            f"unknown default schema {value!r}", hint=f"use one of: {', '.join(SCHEMA_WORDS)}"
        )
    return schema


# -- entry points ------------------------------------------------------------


def read_input(
    path: Path, mapping: dict[str, list[str]] | None = None, default_schema: str = "LegalEntity"
) -> InputFile:
    """Read every row of a CSV, workbook or Parquet file into Records to screen."""
    schema = _default_schema(default_schema)
    number, headers, data = _split_header(path, _read_table(path))
    used = _resolve(path, headers, mapping)
    _check_header(path, number, headers, used)
    if not any(any(cells) for _, cells in data):
        raise InputError(
            path, "has a header but no data rows", where=f"row {number}", hint="add rows to screen"
        )
    result = InputFile(path, headers, used, [])
    for n, cells in data:
        if not any(cells):
            continue
        row = _row(n, cells, headers, used, schema)
        if row is None:
            result.skipped.append(n)
        else:
            result.rows.append(row)
    if not result.rows:
        columns = [c for f in NAME_FIELDS for c in used.get(f, [])]
        raise InputError(
            path,
            "no row has a name to screen",
            where=f"column {', '.join(repr(c) for c in columns)}",
            hint=f"the name column is empty in every row; {MAP_HINT}",
        )
    return result


def read_records(
    path: Path, mapping: dict[str, list[str]] | None = None, default_schema: str = "LegalEntity"
) -> tuple[list[InputRow], dict[str, list[str]]]:
    """Rows to screen and the column mapping used; warnings and skipped rows are logged."""
    result = read_input(path, mapping, default_schema)
    for warning in result.warnings:
        log.warning("%s: %s", path, warning)
    return result.rows, result.mapping
