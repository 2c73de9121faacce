"""Country and product codes as trade files write them.

Countries end up as ISO 3166 alpha-3 (``NLD``). Files give them as alpha-3,
alpha-2 (Comext: ``NL``, ``GR``) or BACI's numeric codes, which are ISO
numeric except a few (251 France, 579 Norway, 699 India, 757 Switzerland,
842 USA, 490 "Other Asia, nes" = Taiwan); the numeric ones need BACI's
``country_codes_V*.csv`` (shipped in every BACI zip). BACI writes Taiwan as
``S19``; we write ``TWN``.

Products end up as six-digit HS codes. Read as numbers they lose their
leading zero (``10121`` is ``010121``); CN8 codes are cut to HS6; a
four-digit heading without subheadings is written as HS writes it (``2709``
is ``270900``).
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

import polars as pl

from weerbaar.core.errors import InputError, ParseError

#: BACI and statistical pseudo-codes written as the ISO code an analyst expects.
ISO3_ALIASES: dict[str, str] = {"S19": "TWN"}

#: Alpha-2 codes used by Eurostat that are not ISO 3166 (or mean something else there).
ISO2_EXTRA: dict[str, str] = {"EL": "GRC", "UK": "GBR", "XI": "GBR", "XK": "XKX"}


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    """ISO alpha-2 (upper case) -> alpha-3 for every territory rigour knows, plus Eurostat's."""
    from rigour.territories import get_territories

    table = {
        t.code.upper(): t.alpha3.upper() for t in get_territories() if t.alpha3 and len(t.code) == 2
    }
    table.update(ISO2_EXTRA)
    return table


@lru_cache(maxsize=1)
def iso3_names() -> dict[str, str]:
    """ISO alpha-3 -> English short name (rigour's territory list)."""
    from rigour.territories import get_territories

    names = {t.alpha3.upper(): t.name for t in get_territories() if t.alpha3}
    names.setdefault("TWN", "Taiwan")
    return names


def read_baci_countries(path: Path) -> pl.DataFrame:
    """BACI's country list (``country_code`` and ISO3; comma- or semicolon-separated).

    Returns ``code`` (int), ``iso3``, ``name``. V2023 files use ``;`` and
    ``iso_3digit_alpha``/``country_name_abbreviation``; V2025 files use ``,``
    and ``country_iso3``/``country_name``.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=sep)
    header = [h.strip() for h in reader.fieldnames or []]
    iso_col = next((h for h in ("country_iso3", "iso_3digit_alpha") if h in header), None)
    name_col = next(
        (
            h
            for h in ("country_name", "country_name_abbreviation", "country_name_full")
            if h in header
        ),
        None,
    )
    if "country_code" not in header or iso_col is None:
        raise ParseError(
            path,
            f"not a BACI country list: columns {header}",
            where="header",
            hint="give BACI's country_codes_V*.csv (columns country_code and "
            "country_iso3 or iso_3digit_alpha)",
        )
    codes: list[int] = []
    isos: list[str] = []
    names: list[str] = []
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        raw = row.get("country_code", "")
        try:
            code = int(raw)
        except ValueError:
            raise ParseError(
                path,
                f"country_code {raw!r} is not a number",
                where=f"line {n}",
                hint="fix or remove that line",
            ) from None
        iso = row.get(iso_col, "").upper() or f"N{code:03d}"
        codes.append(code)
        isos.append(ISO3_ALIASES.get(iso, iso))
        names.append(row.get(name_col or "", "") or iso)
    if 490 in codes:  # "Other Asia, nes" is Taiwan in BACI
        names[codes.index(490)] = "Taiwan"
    return pl.DataFrame(
        {"code": codes, "iso3": isos, "name": names},
        schema={"code": pl.Int32, "iso3": pl.String, "name": pl.String},
    )


def normalize_hs6(col: pl.Expr) -> pl.Expr:
    """An HS code column (string) as six digits, null where it cannot be one.

    ``10121`` -> ``010121``; ``2709`` -> ``270900``; ``101`` -> ``010100``;
    ``27090000`` (CN8) -> ``270900``; ``2709.00`` -> ``270900``.
    """
    s = col.str.strip_chars().str.replace_all(r"[.\s]", "")
    n = s.str.len_chars()
    digits = s.str.contains(r"^[0-9]+$")
    return (
        pl.when(~digits)
        .then(pl.lit(None, dtype=pl.String))
        .when(n == 6)
        .then(s)
        .when(n == 5)
        .then(s.str.zfill(6))
        .when(n == 4)
        .then(s + "00")
        .when(n == 3)
        .then(s.str.zfill(4) + "00")
        .when(n == 8)
        .then(s.str.slice(0, 6))
        .when(n == 7)
        .then(s.str.zfill(8).str.slice(0, 6))
        .otherwise(pl.lit(None, dtype=pl.String))
    )


def hs6(code: str | int) -> str:
    """One HS code as six digits (see ``normalize_hs6``); ValueError if it is not one."""
    value = pl.select(normalize_hs6(pl.lit(str(code)))).item()
    if value is None:
        raise ValueError(f"{code!r} is not an HS code (give 4, 6 or 8 digits, e.g. 270900)")
    return str(value)
