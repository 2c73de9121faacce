"""Readers shared by parsers: streaming XML, CSV and spreadsheets, with clear errors.

Each reader turns a library's failure into a ``ParseError`` or
``EncodingError`` naming the file, the line (or sheet and row) and the fix.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from weerbaar.core.errors import ParseError
from weerbaar.sources.base import Context

XML_HINT = (
    "the file is not complete, well-formed XML (often a truncated download); "
    "fetch it again from the publisher"
)


def iter_xml(ctx: Context, path: Path, tags: tuple[str, ...]) -> Iterator[Any]:
    """Yield each element with one of ``tags`` once it is complete, then free it.

    The whole document is checked: an error after the last record (a cut-off
    closing tag) still fails the import.
    """
    try:
        for _, element in etree.iterparse(
            str(path),
            events=("end",),
            tag=tags,
            huge_tree=True,
            resolve_entities=False,
            no_network=True,
            remove_comments=True,
        ):
            yield element
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise ParseError(path, exc.msg, where=f"line {line}, column {col}", hint=XML_HINT) from exc


def xml_root_attrib(ctx: Context, path: Path) -> dict[str, str]:
    """The root element's attributes (read from the first start event)."""
    try:
        for _, element in etree.iterparse(
            str(path), events=("start",), resolve_entities=False, no_network=True
        ):
            return dict(element.attrib)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise ParseError(path, exc.msg, where=f"line {line}, column {col}", hint=XML_HINT) from exc
    return {}


def text(element: Any, path: str) -> str | None:
    """Stripped text of a child element, or None when missing or blank."""
    value = element.findtext(path)
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def texts(element: Any, path: str) -> list[str]:
    out = []
    for child in element.iterfind(path):
        value = " ".join((child.text or "").split())
        if value:
            out.append(value)
    return out


def read_csv(
    ctx: Context, path: Path, *, encodings: tuple[str, ...] = ("utf-8",), delimiter: str = ","
) -> list[list[str]]:
    """All rows of a CSV file, decoded strictly; a ragged quote is a ParseError."""
    content = ctx.read_text(path, encodings).replace("\x1a", "")
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    try:
        return [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise ParseError(
            path,
            f"malformed CSV: {exc}",
            where=f"line {reader.line_num}",
            hint="the file may be truncated or not a CSV export",
        ) from exc


def read_table(
    ctx: Context, path: Path, header: tuple[str, ...], *, what: str
) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with exactly ``header``, each with the line it starts on.

    A different header (naming the missing and unexpected columns), a row
    with the wrong number of cells (a cut-off file) or a ragged quote is a
    ParseError naming the line.
    """
    content = ctx.read_text(path)
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if line == 1:
                _check_header(ctx, path, tuple(c.strip() for c in cells), header, what)
            elif len(cells) != len(header):
                if not any(c.strip() for c in cells):
                    continue
                ctx.fail(
                    f"a row has {len(cells)} cells instead of {len(header)}",
                    where=f"line {line}",
                    hint="the file is cut short or a cell holds an unquoted comma; "
                    "fetch it again or quote the cell",
                    path=path,
                )
            else:
                rows.append((line, dict(zip(header, (c.strip() for c in cells), strict=True))))
    except csv.Error as exc:
        raise ParseError(
            path,
            f"malformed CSV: {exc}",
            where=f"line {start}",
            hint="a quote is not closed (often a cut-off file); fetch the file again "
            "or close the quote",
        ) from exc
    if start == 1:
        hint = f"use an unchanged {what}"
        ctx.fail("the file has no header", where="line 1", hint=hint, path=path)
    return rows


def _check_header(
    ctx: Context, path: Path, found: tuple[str, ...], header: tuple[str, ...], what: str
) -> None:
    if found and found[0].startswith("\ufeff"):
        found = (found[0][1:], *found[1:])
    if found == header:
        return
    missing = [c for c in header if c not in found]
    extra = [c for c in found if c not in header]
    detail = "; ".join(
        part
        for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"unexpected {', '.join(extra)}" if extra else "",
            "columns in another order" if not missing and not extra else "",
        )
        if part
    )
    ctx.fail(
        f"the header is not that of a {what} ({detail})",
        where="line 1",
        hint=f"use the {what} as published, with its header unchanged",
        path=path,
    )


def read_sheet(ctx: Context, path: Path, sheet: str | int = 0) -> list[list[Any]]:
    """All rows of one sheet of an XLSX or ODS workbook (python-calamine)."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        if isinstance(sheet, str) and sheet not in names:
            ctx.fail(
                f"has no sheet named {sheet!r} (sheets: {', '.join(names)})",
                hint="check that this is the publisher's workbook, unchanged",
            )
        return list(
            workbook.get_sheet_by_name(
                sheet if isinstance(sheet, str) else names[sheet]
            ).to_python()
        )
    except ParseError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, IndexError) as exc:
        ctx.fail(
            f"cannot read the workbook: {exc}",
            hint="the file is damaged or truncated; fetch it again",
        )
    except Exception as exc:  # calamine raises its own error types
        ctx.fail(
            f"cannot read the workbook: {exc}",
            hint="the file is damaged or truncated; fetch it again",
        )


def cell(value: Any) -> str | None:
    """A spreadsheet or CSV cell as stripped text; blank becomes None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    out = " ".join(str(value).split())
    return out or None
