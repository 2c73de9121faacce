"""Read the first sheet of an ODS workbook, keeping each cell's hyperlink and date value.

python-calamine (``readers.read_sheet``) gives cell values only; the Dutch
list's ``Link official notification`` column is a hyperlink whose target is
the Staatscourant URL and whose text is the reference, so the sheet is read
from ``content.xml`` here.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from weerbaar.core.errors import ParseError
from weerbaar.sources.readers import XML_HINT

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
XLINK = "http://www.w3.org/1999/xlink"
#: Repeated empty cells at the end of a row can number 16,000; real data never does.
MAX_REPEAT = 64


@dataclass(frozen=True)
class Cell:
    text: str | None = None
    link: str | None = None
    date: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text or self.link or self.date)


def _cell_text(cell: etree._Element) -> str | None:
    paragraphs = []
    for p in cell.iter(f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
        parts = [p.text or ""]
        for child in p.iter():
            if child is p:
                continue
            if child.tag == f"{{{TEXT}}}s":
                parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
            elif child.tag in (f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"):
                parts.append(" ")
            else:
                parts.append(child.text or "")
            parts.append(child.tail or "")
        paragraphs.append("".join(parts))
    text = " ".join(" ".join(paragraphs).split())
    return text or None


def _read_cell(cell: etree._Element) -> Cell:
    link = cell.find(f".//{{{TEXT}}}a")
    date = (
        cell.get(f"{{{OFFICE}}}date-value")
        if cell.get(f"{{{OFFICE}}}value-type") == "date"
        else None
    )
    return Cell(
        text=_cell_text(cell),
        link=link.get(f"{{{XLINK}}}href") if link is not None else None,
        date=date[:10] if date else None,
    )


def read_ods(path: Path) -> tuple[str, list[tuple[int, list[Cell]]]]:
    """The first sheet's name and its non-empty rows, each with its 1-based row number."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            return _read_table(path, fh)
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, zlib.error) as exc:
        raise ParseError(
            path,
            f"cannot read the ODS workbook: {exc}",
            hint="the file is damaged or truncated; fetch it again",
        ) from exc
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise ParseError(
            path, f"content.xml: {exc.msg}", where=f"line {line}, column {col}", hint=XML_HINT
        ) from exc


def _read_table(path: Path, fh: object) -> tuple[str, list[tuple[int, list[Cell]]]]:
    rows: list[tuple[int, list[Cell]]] = []
    name = ""
    number = 0
    for event, el in etree.iterparse(
        fh,
        events=("start", "end"),
        tag=(f"{{{TABLE}}}table", f"{{{TABLE}}}table-row"),
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
    ):
        if el.tag == f"{{{TABLE}}}table":
            if event == "start":
                if name:  # a second sheet: the list is on the first one
                    break
                name = el.get(f"{{{TABLE}}}name", "")
            continue
        if event != "end":
            continue
        repeat = int(el.get(f"{{{TABLE}}}number-rows-repeated", "1"))
        cells: list[Cell] = []
        for cell in el:
            if cell.tag not in (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"):
                continue
            value = _read_cell(cell)
            times = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            cells.extend([value] * min(times, MAX_REPEAT))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append((number + 1, cells))
        number += repeat
        el.clear(keep_tail=True)
    if not name:
        raise ParseError(
            path,
            "the workbook has no sheet",
            hint="check that this is the ODS file itself, unchanged",
        )
    return name, rows
