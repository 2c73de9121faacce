"""Turn the date wording of official lists into ISO date prefixes.

Lists write dates in many ways: ``1965-01-12``, ``12 Jan 1965``,
``00/00/1994`` (UK: zero means unknown), ``26.11.1972`` (EU OJ),
``circa 1960``, ``1960 to 1965``, ``18.1.1970 or 29.3.1965``. Each value
becomes one or more ISO prefixes (``1965-01-12``, ``1965-01``, ``1965``), the
form followthemoney's date type stores. A year range becomes every year in
it (up to ``MAX_RANGE_YEARS``), so a screening date in the range still
matches; a longer range keeps only its two ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

MAX_RANGE_YEARS = 15

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # Dutch and French month abbreviations seen in national lists
    "mrt": 3, "mei": 5, "okt": 10, "fév": 2, "avr": 4, "mai": 5, "juin": 6,
    "juil": 7, "aoû": 8, "déc": 12, "janv": 1, "févr": 2, "sept": 9,
}  # fmt: skip

_APPROX = re.compile(r"\b(circa|ca\.?|c\.|approx(?:imately|\.)?|about|around)\s*", re.I)
_SPLIT = re.compile(r"\s*(?:;|\bor\b|\balt\.?\b|\balternative(?:ly)?\b|\band\b(?!\s*\d{4}\s*$))\s*")
_RANGE = re.compile(r"^(?:between\s+|from\s+)?(\d{4})\s*(?:-|–|to|and|until|/)\s*(\d{4})$", re.I)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[./-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_TEXT_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-zéû]+)\.?,?\s+(\d{4})$")
_TEXT_MY = re.compile(r"^([A-Za-zéû]+)\.?,?\s+(\d{4})$")
_TEXT_MDY = re.compile(r"^([A-Za-zéû]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


@dataclass
class ParsedDates:
    """The ISO prefixes found in one piece of text, and what could not be read."""

    values: list[str] = field(default_factory=list)
    approximate: bool = False
    unparsed: list[str] = field(default_factory=list)


def _prefix(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if not month:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if not day:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS.get(key[:3])


def parse_one(text: str, *, month_first: bool = False) -> list[str]:
    """Parse one date or year range; returns its ISO prefixes (empty if unreadable)."""
    text = text.strip().strip(".,").strip()
    if m := _RANGE.match(text):
        return year_range(int(m.group(1)), int(m.group(2)))
    if m := _ISO.match(text):
        p = _prefix(int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0))
        return [p] if p else []
    if m := _DMY.match(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (b, a) if month_first else (a, b)
        p = _prefix(y, month, day)
        return [p] if p else []
    if m := _MY.match(text):
        p = _prefix(int(m.group(2)), int(m.group(1)))
        return [p] if p else []
    if m := _TEXT_DMY.match(text):
        mo = _month(m.group(2))
        p = _prefix(int(m.group(3)), mo, int(m.group(1))) if mo else None
        return [p] if p else []
    if m := _TEXT_MDY.match(text):
        mo = _month(m.group(1))
        p = _prefix(int(m.group(3)), mo, int(m.group(2))) if mo else None
        return [p] if p else []
    if m := _TEXT_MY.match(text):
        mo = _month(m.group(1))
        p = _prefix(int(m.group(2)), mo) if mo else None
        return [p] if p else []
    return []


def year_range(start: int, end: int) -> list[str]:
    """Every year from start to end; only the two ends when the span is long."""
    if end < start:
        start, end = end, start
    if end - start > MAX_RANGE_YEARS:
        return [p for p in (_prefix(start), _prefix(end)) if p]
    return [p for y in range(start, end + 1) if (p := _prefix(y))]


def parse_dates(text: str | None, *, month_first: bool = False) -> ParsedDates:
    """Parse free date wording that may hold several dates, ranges or 'circa'."""
    result = ParsedDates()
    if not text or not text.strip():
        return result
    if _APPROX.search(text):
        result.approximate = True
        text = _APPROX.sub("", text)
    for part in _SPLIT.split(text):
        part = part.strip()
        if not part:
            continue
        found = parse_one(part, month_first=month_first)
        if found:
            result.values.extend(v for v in found if v not in result.values)
        else:
            result.unparsed.append(part)
    return result
