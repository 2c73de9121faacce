"""Value helpers shared by the two UK sources (OFSI ConList and the FCDO UK Sanctions List).

Both lists pack several values into one cell as ``(1) first (2) second``,
write dates as ``dd/mm/yyyy`` with ``00`` or ``dd``/``mm`` for an unknown
part, and put free-text country names where a code would do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from rigour.langs import iso_639_alpha3

from weerbaar.core.countries import country_code
from weerbaar.core.dates import parse_dates, parse_one
from weerbaar.sources.base import Context, Entity

_NUMBERED = re.compile(r"\(\s*(\d{1,2})\s*\)")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_MASKED = re.compile(r"^(\d{1,2}|dd|00|xx)\s*[/.-]\s*(\d{1,2}|mm|00|xx)\s*[/.-]\s*(\d{4})$", re.I)
_MASKED_MY = re.compile(r"^(\d{1,2}|mm|00|xx)\s*[/.-]\s*(\d{4})$", re.I)
_NOW = re.compile(r"\b(?:now|currently)\s+(?:the\s+)?([^()]+)", re.I)
_COUNTRY_SPLIT = re.compile(r"[,;/]|\.\s|\band\b")
_NOTHING = {"", "-", "--", "n/a", "none", "unknown", "not known"}
_REPORT_DATE = re.compile(r"(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s,]+(\d{4})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def clean(value: Any) -> str | None:
    """A cell or element text as one line of stripped text; blank becomes None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date().isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    out = " ".join(str(value).split())
    return out or None


def _tidy(text: str) -> str | None:
    item = " ".join(text.split()).strip(" .;,")
    return item if item and item.lower() not in _NOTHING else None


def numbered(text: str | None) -> dict[int, str]:
    """``(1) A (2) B`` as ``{1: A, 2: B}``; a value without numbering as ``{0: value}``."""
    if not text:
        return {}
    marks = list(_NUMBERED.finditer(text))
    out: dict[int, str] = {}
    lead = _tidy(text[: marks[0].start()] if marks else text)
    if lead:
        out[0] = lead
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        item = _tidy(text[mark.end() : end])
        if item:
            out.setdefault(int(mark.group(1)), item)
    return out


def split_numbered(text: str | None) -> list[str]:
    """``(1) A (2) B`` as ``[A, B]``; a value without numbering as itself."""
    return list(dict.fromkeys(numbered(text).values()))


def split_any(text: str | None, pattern: str = r"[;|\n]") -> list[str]:
    """Numbered items, each further split on ``pattern``."""
    out: list[str] = []
    for item in split_numbered(text):
        for part in re.split(pattern, item):
            part = part.strip(" .;,")
            if part and part.lower() not in _NOTHING and part not in out:
                out.append(part)
    return out


@lru_cache(maxsize=8192)
def uk_dates(text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ISO prefixes for a UK date cell, and the parts that could not be read.

    ``00/00/1994`` and ``dd/mm/1994`` are a year, ``00/05/1994`` and
    ``dd/05/1994`` a month; other wording goes to the shared date parser.
    """
    values: list[str] = []
    unparsed: list[str] = []
    for item in split_numbered(text):
        found: list[str] = []
        if m := _MASKED.match(item):
            day, month, year = m.group(1), m.group(2), m.group(3)
            day_known = day.isdigit() and int(day) > 0
            month_known = month.isdigit() and int(month) > 0
            if month_known and day_known:
                found = parse_one(f"{day}/{month}/{year}")
            elif month_known:
                found = parse_one(f"{month}/{year}")
            else:
                found = parse_one(year)
        elif m := _MASKED_MY.match(item):
            month = m.group(1)
            month_known = month.isdigit() and int(month) > 0
            found = parse_one(f"{month}/{m.group(2)}" if month_known else m.group(2))
        else:
            parsed = parse_dates(item)
            found = parsed.values
            if parsed.unparsed:
                unparsed.extend(parsed.unparsed)
                continue
        if found:
            values.extend(v for v in found if v not in values)
        else:
            unparsed.append(item)
    return tuple(values), tuple(unparsed)


def uk_date(text: str | None) -> str | None:
    """The first date of a UK date cell (for designation and update dates)."""
    values, _ = uk_dates(text)
    return values[0] if values else None


def add_uk_dates(ctx: Context, entity: Entity, prop: str, text: str | None) -> None:
    values, unparsed = uk_dates(text)
    for value in values:
        entity.add(prop, value, cleaned=True, original_value=text)
    for bad in unparsed:
        ctx.warn(f"unreadable date {bad!r} in {prop}")


def report_date(text: str | None) -> str | None:
    """``Report Date: 13-Feb-2026`` (or any ``dd/mm/yyyy``) as ``2026-02-13``."""
    if not text:
        return None
    if m := _REPORT_DATE.search(text):
        key = m.group(2)[:3].lower()
        if key in _MONTHS:
            try:
                return date(int(m.group(3)), _MONTHS.index(key) + 1, int(m.group(1))).isoformat()
            except ValueError:
                return None
    found = re.search(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}", text)
    return uk_date(found.group(0)) if found else None


def _country_codes(item: str) -> list[str]:
    """Codes for one country cell item: ``Syria``, ``USSR (now Belarus)``, ``Estonia, Russia``.

    Exact readings first; fuzzy matching (these cells hold only countries)
    comes last, so it never overrides a plain name.
    """
    code = country_code(item) or country_code(_BRACKETED.sub("", item))
    if code:
        return [code]
    if (now := _NOW.search(item)) and (code := country_code(now.group(1).strip(" .)"))):
        return [code]
    parts = [p for p in _COUNTRY_SPLIT.split(item) if p.strip()]
    codes = [country_code(p) for p in parts] if len(parts) > 1 else []
    if codes and all(codes):
        return [c for c in codes if c]
    code = country_code(item, True)
    return [code] if code else []


def add_countries(ctx: Context, entity: Entity, prop: str, text: str | None) -> None:
    """Every country in a ``(1) Syria (2) Iraq`` cell, by name or demonym."""
    if not entity.schema.get(prop):
        return
    for item in split_numbered(text):
        codes = _country_codes(item)
        if not codes and item.lower() not in ("stateless", "00"):
            ctx.warn(f"unrecognised country {item!r}")
        for code in codes:
            entity.add(prop, code, cleaned=True, original_value=item)


def add_if(
    entity: Entity, prop: str, values: str | Iterable[str | None] | None, **kwargs: Any
) -> None:
    """Add values only where the entity's schema has the property."""
    if values is None or not entity.schema.get(prop):
        return
    entity.add(prop, values, **kwargs)


def language(text: str | None) -> str | None:
    """An ISO 639-3 code for a language name (``Russian``, ``Persian/Farsi``)."""
    if not text:
        return None
    for part in re.split(r"[/,;]", text):
        code = iso_639_alpha3(part.strip())
        if code:
            return code
    return None


def full_name(*parts: str | None) -> str | None:
    name = " ".join(p for p in parts if p)
    return name or None
