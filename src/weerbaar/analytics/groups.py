"""Importer groups: the EU as it was each year, fixed compositions, custom groups.

A group's internal trade is excluded from its imports (the Commission's
method counts extra-EU imports only). Membership is by calendar year: a
country counts from the year it joined (Croatia, 1 July 2013, counts for
2013) and not in the year it left (the United Kingdom left on 31 January
2020, so it is a member up to 2019).

``EU27`` and ``EU`` are the EU *as it was each year* (EU12 in 1994, EU15 from
1995, EU25 from 2004, EU27 from 2007, EU28 from 2013 to 2019, EU27 from
2020). ``EU27_2020`` is today's 27 for every year, for series that must not
jump at an enlargement; ``EU12``/``EU15``/``EU25``/``EU28`` are fixed too.
Custom groups come from a CSV file: ``group,country[,from_year,to_year]``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from weerbaar.core.errors import InputError, ParseError

FOUNDERS_EU12 = ("BEL", "DNK", "DEU", "GRC", "ESP", "FRA", "IRL", "ITA", "LUX", "NLD", "PRT", "GBR")

#: country -> (first year, last year) of EU membership, by calendar year.
EU_MEMBERSHIP: dict[str, tuple[int, int]] = {
    **{c: (1958, 9999) for c in ("BEL", "DEU", "FRA", "ITA", "LUX", "NLD")},
    **{c: (1973, 9999) for c in ("DNK", "IRL")},
    "GBR": (1973, 2019),
    "GRC": (1981, 9999),
    **{c: (1986, 9999) for c in ("ESP", "PRT")},
    **{c: (1995, 9999) for c in ("AUT", "FIN", "SWE")},
    **{
        c: (2004, 9999)
        for c in ("CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN")
    },
    **{c: (2007, 9999) for c in ("BGR", "ROU")},
    "HRV": (2013, 9999),
}


def eu_members(year: int) -> frozenset[str]:
    """The EU member states (ISO3) in ``year``."""
    return frozenset(c for c, (a, b) in EU_MEMBERSHIP.items() if a <= year <= b)


FIXED: dict[str, frozenset[str]] = {
    "EU12": frozenset(FOUNDERS_EU12),
    "EU15": eu_members(1995),
    "EU25": eu_members(2004),
    "EU28": eu_members(2013),
    "EU27_2020": eu_members(2020),
}


@dataclass
class Groups:
    """Named groups of countries; a group may change by year."""

    #: group -> list of (country, from year, to year)
    custom: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)

    def names(self) -> list[str]:
        return ["EU", "EU27", *FIXED, *sorted(self.custom)]

    def is_group(self, name: str) -> bool:
        key = name.upper()
        return key in ("EU", "EU27") or key in FIXED or key in self.custom

    def members(self, name: str, year: int) -> frozenset[str]:
        """ISO3 members of ``name`` in ``year``; a country code is its own one-member group."""
        key = name.strip().upper()
        if key in ("EU", "EU27"):
            return eu_members(year)
        if key in FIXED:
            return FIXED[key]
        if key in self.custom:
            return frozenset(c for c, a, b in self.custom[key] if a <= year <= b)
        return frozenset({key})

    def by_year(self, name: str, years: Iterable[int]) -> list[tuple[int, str]]:
        """(year, country) rows of ``name`` for ``years`` (for joins)."""
        return [(y, c) for y in years for c in sorted(self.members(name, y))]

    def load(self, path: Path) -> None:
        """Add the groups in a CSV file ``group,country[,from_year,to_year]``."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
        rows = list(csv.reader(text.splitlines()))
        if not rows:
            raise ParseError(path, "empty groups file", hint="write group,country lines")
        start = 1 if rows[0] and rows[0][0].strip().lower() == "group" else 0
        for n, row in enumerate(rows[start:], start=start + 1):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if len(row) < 2:
                raise ParseError(
                    path,
                    "a line needs at least group,country",
                    where=f"line {n}",
                    hint="write e.g. NORDICS,SWE or NORDICS,SWE,1995,",
                )
            group, country = row[0].strip().upper(), row[1].strip().upper()
            if len(country) != 3 or not country.isalpha():
                raise ParseError(
                    path,
                    f"country {country!r} is not an ISO3 code",
                    where=f"line {n}, column 2",
                    hint="use ISO 3166 alpha-3 codes such as NLD",
                )
            years: list[int] = []
            for i, (cell, default) in enumerate(zip([*row, "", ""][2:4], (0, 9999), strict=True)):
                cell = cell.strip()
                try:
                    years.append(int(cell) if cell else default)
                except ValueError:
                    raise ParseError(
                        path,
                        f"year {cell!r} is not a number",
                        where=f"line {n}, column {i + 3}",
                        hint="leave it empty or write a year such as 2004",
                    ) from None
            if group in ("EU", "EU27") or group in FIXED:
                raise ParseError(
                    path,
                    f"{group} is a built-in group",
                    where=f"line {n}",
                    hint="give the custom group another name",
                )
            self.custom.setdefault(group, []).append((country, years[0], years[1]))


def load_groups(*paths: Path | None) -> Groups:
    groups = Groups()
    for path in paths:
        if path is not None and path.exists():
            groups.load(path)
    return groups
