"""Readers for bulk trade files, each into one table of bilateral HS6 flows.

Every reader returns a ``Batch``: a polars frame in the common layout
(``FLOWS_SCHEMA``), the currency, the HS vintage when known, and country and
product names found beside the data. A reader validates everything before
returning; any malformed value stops it with a ``ParseError`` naming the
file, line and column and the fix, so a load is all or nothing.

``flow`` says who reported a row: ``B`` both sides (BACI's reconciled
flows), ``M`` the importer (Comext flow 1, Comtrade ``M``), ``X`` the
exporter (Comext flow 2, Comtrade ``X``). Imports are read from ``B``/``M``
rows, exports from ``B``/``X`` rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from weerbaar.analytics.codes import (
    ISO3_ALIASES,
    iso2_to_iso3,
    normalize_hs6,
    read_baci_countries,
)
from weerbaar.analytics.hs import read_product_list
from weerbaar.core.errors import InputError, ParseError

FLOWS_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int32(),
    "importer": pl.String(),
    "exporter": pl.String(),
    "hs6": pl.String(),
    "value": pl.Float64(),
    "quantity": pl.Float64(),
    "flow": pl.String(),
}
MISSING = ["", "NA", "NaN", "nan", "null"]
FORMATS = ("baci", "comext", "comtrade", "columns")
COLUMN_KEYS = ("year", "importer", "exporter", "product", "value", "quantity", "flow")
BACI_NAME = re.compile(r"BACI_(HS\d\d)_Y(\d{4})_(V\d{6}\w*)", re.IGNORECASE)


@dataclass
class Batch:
    """Flows read from one file, validated, in the common layout."""

    path: Path
    frame: pl.DataFrame
    currency: str
    hs: str | None = None
    countries: dict[str, str] = field(default_factory=dict)
    products: dict[str, str] = field(default_factory=dict)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


# -- helpers ------------------------------------------------------------------


def _read_table(path: Path, sep: str | None = None) -> pl.DataFrame:
    """Every column as text (parquet columns are cast to text), for validation."""
    if not path.is_file():
        raise InputError(path, "no such file", hint="check the path")
    try:
        if path.suffix.lower() == ".parquet":
            frame = pl.read_parquet(path)
            return frame.with_columns(pl.all().cast(pl.String))
        if sep is None:
            with path.open("rb") as fh:
                first = fh.readline().decode("utf-8", "replace")
            sep = max((",", ";", "\t", "|"), key=first.count)
        return pl.read_csv(
            path,
            separator=sep,
            infer_schema=False,
            encoding="utf8-lossy",
            truncate_ragged_lines=False,
        )
    except pl.exceptions.PolarsError as exc:
        raise ParseError(
            path,
            f"not a readable table: {str(exc).splitlines()[0]}",
            hint="give the file as downloaded (CSV with a header line, or Parquet)",
        ) from None


def _need(
    path: Path, frame: pl.DataFrame, wanted: Mapping[str, tuple[str, ...]], what: str
) -> dict[str, str]:
    """Column name per role, from the first alias present; an error names the missing ones."""
    cols = {c.strip().lstrip("\ufeff"): c for c in frame.columns}
    found: dict[str, str] = {}
    missing: list[str] = []
    for role, names in wanted.items():
        hit = next((cols[n] for n in names if n in cols), None)
        if hit is None:
            missing.append("/".join(names))
        else:
            found[role] = hit
    if missing:
        raise ParseError(
            path,
            f"not a {what} file: missing column(s) {', '.join(missing)}; found {list(cols)}",
            where="header",
            hint=f"give the {what} file as published, or use --format columns --columns ...",
        )
    return found


def _check(
    path: Path,
    frame: pl.DataFrame,
    raw: str,
    parsed: str,
    what: str,
    hint: str,
    label: str | None = None,
) -> None:
    """Stop at the first row where ``raw`` has a value that ``parsed`` could not read."""
    label = label or raw
    given = pl.col(raw).is_not_null() & ~pl.col(raw).str.strip_chars().is_in(MISSING)
    bad = frame.select((given & pl.col(parsed).is_null()).arg_true().first()).item()
    if bad is None:
        # a missing value where one is required
        if parsed in ("year", "importer", "exporter", "hs6", "value"):
            bad = frame.select(pl.col(parsed).is_null().arg_true().first()).item()
            if bad is not None:
                raise ParseError(
                    path,
                    f"column {label}: empty, {what} needed",
                    where=f"line {int(bad) + 2}",
                    hint=hint,
                )
        return
    value = frame[raw][int(bad)]
    raise ParseError(
        path,
        f"column {label}: {value!r} is not {what}",
        where=f"line {int(bad) + 2}",
        hint=hint,
    )


def _number(col: str) -> pl.Expr:
    s = pl.col(col).str.strip_chars()
    return (
        pl.when(s.is_in(MISSING) | s.is_null())
        .then(None)
        .otherwise(s.cast(pl.Float64, strict=False))
    )


def country_expr(col: str, numeric: dict[int, str] | None) -> pl.Expr:
    """ISO3 from a column of ISO3, ISO2 or BACI numeric codes (null if unknown)."""
    s = pl.col(col).str.strip_chars().str.to_uppercase()
    n = s.str.len_chars()
    num = s.str.contains(r"^[0-9]+$")
    by_number = (
        s.cast(pl.Int32, strict=False).replace_strict(numeric, default=None, return_dtype=pl.String)
        if numeric
        else pl.lit(None, dtype=pl.String)
    )
    return (
        pl.when(num)
        .then(by_number)
        .when(n == 2)
        .then(s.replace_strict(iso2_to_iso3(), default=None, return_dtype=pl.String))
        .when((n == 3) & s.str.contains(r"^[A-Z][A-Z0-9_][A-Z0-9_]$"))
        .then(s.replace(ISO3_ALIASES))
        .otherwise(pl.lit(None, dtype=pl.String))
    )


def _numeric_needed(
    path: Path, frame: pl.DataFrame, col: str, numeric: dict[int, str] | None
) -> None:
    if numeric:
        return
    hit = frame.select(
        pl.col(col).str.strip_chars().str.contains(r"^[0-9]+$").arg_true().first()
    ).item()
    if hit is not None:
        raise ParseError(
            path,
            f"column {col}: {frame[col][int(hit)]!r} is a numeric country code",
            where=f"line {int(hit) + 2}",
            hint="numeric codes need BACI's country_codes_V*.csv: put it beside the file "
            "or pass --countries FILE",
        )


def _finish(frame: pl.DataFrame) -> pl.DataFrame:
    """The common layout, summed over duplicate keys (CN8 -> HS6, months -> year)."""
    keys = ["year", "importer", "exporter", "hs6", "flow"]
    out = frame.group_by(keys).agg(
        pl.col("value").sum(),
        pl.when(pl.col("quantity").is_null().all())
        .then(None)
        .otherwise(pl.col("quantity").sum())
        .alias("quantity"),
    )
    return out.select(pl.col(k).cast(t) for k, t in FLOWS_SCHEMA.items())


def _beside(path: Path, pattern: str, version: str | None) -> Path | None:
    hits = sorted(path.parent.glob(pattern))
    if version:
        exact = [h for h in hits if version.lower() in h.name.lower()]
        hits = exact or hits
    return hits[-1] if hits else None


# -- BACI ---------------------------------------------------------------------


BACI_COLUMNS = ("t", "i", "j", "k", "v", "q")


def _baci_typed(path: Path, numeric: dict[int, str]) -> pl.DataFrame | None:
    """The flows of a well-formed BACI file, read with typed columns; None if anything is off.

    Codes and years are read as integers, values and quantities as text stripped of
    BACI's padding (as the careful path does); countries and products are mapped per
    distinct code. Any value that does not read, an unknown country, a product code
    that is not five or six digits or another header gives None: the careful path
    then reads the file as text and names the first bad line and column.
    """
    try:
        with path.open("rb") as fh:
            header = fh.readline().decode("utf-8").strip().split(",")
    except (OSError, UnicodeDecodeError):
        return None
    if [h.strip().strip('"') for h in header] != list(BACI_COLUMNS):
        return None
    ints = {c: pl.Int32() for c in "tijk"}
    schema: dict[str, pl.DataType] = {**ints, "v": pl.String(), "q": pl.String()}
    try:
        raw = pl.read_csv(path, schema=schema, has_header=True, truncate_ragged_lines=False)
    except (pl.exceptions.PolarsError, OSError):
        return None
    if raw.height == 0:
        return None
    codes = raw["k"].unique()
    low, high = codes.min(), codes.max()
    if (
        codes.null_count()
        or not isinstance(low, int)
        or not isinstance(high, int)
        or low < 10_000
        or high > 999_999
    ):
        return None  # BACI writes six digits, or five with the leading zero dropped
    hs6 = dict(zip(codes.to_list(), codes.cast(pl.String).str.zfill(6).to_list(), strict=True))
    # as ``_number`` reads them, cheaper: text that is no number (or NaN) falls back
    frame = raw.select(
        pl.col("t").alias("year"),
        pl.col("j").replace_strict(numeric, default=None, return_dtype=pl.String).alias("importer"),
        pl.col("i").replace_strict(numeric, default=None, return_dtype=pl.String).alias("exporter"),
        pl.col("k").replace_strict(hs6, return_dtype=pl.String).alias("hs6"),
        (pl.col("v").str.strip_chars().cast(pl.Float64, strict=False) * 1000.0).alias("value"),
        pl.col("q").str.strip_chars().alias("q"),
        pl.lit("B").alias("flow"),
    )
    del raw
    frame = frame.with_columns(pl.col("q").cast(pl.Float64, strict=False).alias("quantity"))
    ok = frame.select(
        pl.all_horizontal(
            pl.col(c).is_not_null().all() for c in ("year", "importer", "exporter", "value")
        )
        & ~pl.col("value").is_nan().any()
        & ~pl.col("quantity").is_nan().any()
    ).item()
    if not ok:
        return None
    text = frame.filter(pl.col("quantity").is_null())["q"]  # NA and empty quantities only
    if not (text.is_null() | text.is_in(MISSING)).all():
        return None
    return frame.select(pl.col(k).cast(t) for k, t in FLOWS_SCHEMA.items())


def _baci_text(path: Path, numeric: dict[int, str], countries: Path) -> pl.DataFrame:
    """The flows of a BACI file read as text, checked value by value (names the first error)."""
    raw = _read_table(path, ",")
    cols = _need(path, raw, {k: (k,) for k in "tijkvq"}, "BACI")
    frame = raw.select(
        pl.col(cols["t"]).alias("t"),
        pl.col(cols["i"]).alias("i"),
        pl.col(cols["j"]).alias("j"),
        pl.col(cols["k"]).alias("k"),
        pl.col(cols["v"]).alias("v"),
        pl.col(cols["q"]).alias("q"),
    )
    del raw
    frame = frame.with_columns(
        pl.col("t").str.strip_chars().cast(pl.Int32, strict=False).alias("year"),
        pl.col("i").str.strip_chars().cast(pl.Int32, strict=False).alias("i_n"),
        pl.col("j").str.strip_chars().cast(pl.Int32, strict=False).alias("j_n"),
        normalize_hs6(pl.col("k")).alias("hs6"),
        (_number("v") * 1000.0).alias("value"),
        _number("q").alias("quantity"),
    )
    fix = "correct that line in the BACI file (or re-extract it from the BACI zip)"
    _check(path, frame, "t", "year", "a year", fix)
    _check(path, frame, "i", "i_n", "a BACI country code", fix)
    _check(path, frame, "j", "j_n", "a BACI country code", fix)
    _check(path, frame, "k", "hs6", "an HS6 product code", fix)
    _check(path, frame, "v", "value", "a value (thousand USD)", fix)
    _check(path, frame, "q", "quantity", "a quantity (tonnes) or NA", fix)
    frame = frame.with_columns(
        pl.col("i_n")
        .replace_strict(numeric, default=None, return_dtype=pl.String)
        .alias("exporter"),
        pl.col("j_n")
        .replace_strict(numeric, default=None, return_dtype=pl.String)
        .alias("importer"),
        pl.lit("B").alias("flow"),
    )
    for raw_col, col in (("i", "exporter"), ("j", "importer")):
        bad = frame.select(pl.col(col).is_null().arg_true().first()).item()
        if bad is not None:
            raise ParseError(
                path,
                f"column {raw_col}: country code {frame[raw_col][int(bad)]!r} "
                f"is not in {countries.name}",
                where=f"line {int(bad) + 2}",
                hint="use the country_codes file of the same BACI release (--countries FILE)",
            )
    return frame.select(pl.col(k).cast(t) for k, t in FLOWS_SCHEMA.items())


def read_baci(path: Path, countries: Path | None = None, products: Path | None = None) -> Batch:
    """A CEPII BACI file (``t,i,j,k,v,q``; v in thousand USD, q in tonnes).

    ``i``/``j`` are BACI numeric codes, read with the country list beside the
    file (``country_codes_V*.csv``) or ``countries``.
    """
    match = BACI_NAME.search(path.name)
    hs = match.group(1).upper() if match else None
    version = match.group(3) if match else None
    countries = countries or _beside(path, "country_codes_*.csv", version)
    if countries is None:
        raise InputError(
            path,
            "no BACI country list found beside the file",
            hint="put country_codes_V*.csv (from the same BACI zip) beside it "
            "or pass --countries FILE",
        )
    table = read_baci_countries(countries)
    numeric = dict(zip(table["code"].to_list(), table["iso3"].to_list(), strict=True))
    frame = _baci_typed(path, numeric)
    if frame is None:  # something to report (or an unusual layout): the careful path
        frame = _baci_text(path, numeric, countries)
    batch = Batch(
        path=path,
        frame=frame,
        currency="USD",
        hs=hs,
        countries=dict(zip(table["iso3"].to_list(), table["name"].to_list(), strict=True)),
    )
    products = products or _beside(path, f"product_codes_{hs or 'HS'}*.csv", version)
    if products is not None:
        batch.products = read_product_list(products)
    return batch


# -- Eurostat Comext ------------------------------------------------------------

COMEXT_COLUMNS = {
    "declarant": ("DECLARANT_ISO", "REPORTER"),
    "partner": ("PARTNER_ISO", "PARTNER"),
    "product": ("PRODUCT_NC",),
    "flow": ("FLOW",),
    "period": ("PERIOD",),
    "value": ("VALUE_IN_EUROS", "VALUE_EUR"),
}


def read_comext(path: Path) -> Batch:
    """A Eurostat Comext bulk file (CN8 by declarant, partner, flow and period; EUR, kg).

    CN8 codes are summed to HS6; rows of other product levels (chapters,
    ``TOTAL``, confidential ``...XXXX`` codes) are skipped and counted. An
    annual file has periods ``YYYY52``; when a file has monthly periods only,
    the months are summed to the year.
    """
    raw = _read_table(path)
    cols = _need(path, raw, COMEXT_COLUMNS, "Comext")
    qty = next((c for c in ("QUANTITY_IN_KG", "QUANTITY_KG") if c in raw.columns), None)
    frame = raw.select(
        *(pl.col(c).alias("value_s" if role == "value" else role) for role, c in cols.items()),
        (pl.col(qty) if qty else pl.lit(None, dtype=pl.String)).alias("qty"),
    )
    total = frame.height
    frame = frame.filter(pl.col("product").str.strip_chars().str.contains(r"^[0-9]{8}$"))
    skipped = total - frame.height
    frame = frame.with_columns(
        pl.col("period").str.strip_chars().cast(pl.Int32, strict=False).alias("period_n"),
        pl.col("flow").str.strip_chars().alias("flow_s"),
        country_expr("declarant", None).alias("declarant_iso3"),
        # partners include Eurostat's non-country codes (QS secret, QU not specified...):
        # they are kept as given so totals stay right.
        pl.coalesce(country_expr("partner", None), pl.col("partner").str.strip_chars()).alias(
            "partner_iso3"
        ),
        normalize_hs6(pl.col("product")).alias("hs6"),
        _number("value_s").alias("value"),
        _number("qty").alias("quantity"),
    )
    fix = "correct that line, or re-download the bulk file from Eurostat"
    _check(
        path,
        frame,
        "period",
        "period_n",
        "a period (YYYYMM, YYYY52 for the year)",
        fix,
        label="PERIOD",
    )
    _check(
        path,
        frame,
        "declarant",
        "declarant_iso3",
        "an ISO country code",
        fix,
        label=cols["declarant"],
    )
    _check(path, frame, "value_s", "value", "a value in euro", fix, label=cols["value"])
    _check(path, frame, "qty", "quantity", "a quantity in kg", fix, label=qty)
    bad = frame.select((~pl.col("flow_s").is_in(["1", "2"])).arg_true().first()).item()
    if bad is not None:
        raise ParseError(
            path,
            f"column FLOW: {frame['flow'][int(bad)]!r} is not 1 (import) or 2 (export)",
            where=f"line {int(bad) + 2}",
            hint=fix,
        )
    months = frame["period_n"] % 100
    bad = frame.select(
        (~((months >= 1) & (months <= 12) | (months == 52))).arg_true().first()
    ).item()
    if bad is not None:
        raise ParseError(
            path,
            f"column PERIOD: {frame['period'][int(bad)]!r} is not YYYYMM or YYYY52",
            where=f"line {int(bad) + 2}",
            hint=fix,
        )
    frame = frame.with_columns((pl.col("period_n") // 100).alias("year"))
    annual_years = frame.filter(pl.col("period_n") % 100 == 52)["year"].unique()
    frame = frame.filter(
        (pl.col("period_n") % 100 == 52) | ~pl.col("year").is_in(annual_years.implode())
    )
    imports = pl.col("flow_s") == "1"
    frame = frame.with_columns(
        pl.when(imports)
        .then(pl.col("declarant_iso3"))
        .otherwise(pl.col("partner_iso3"))
        .alias("importer"),
        pl.when(imports)
        .then(pl.col("partner_iso3"))
        .otherwise(pl.col("declarant_iso3"))
        .alias("exporter"),
        pl.when(imports).then(pl.lit("M")).otherwise(pl.lit("X")).alias("flow"),
    )
    batch = Batch(path=path, frame=_finish(frame), currency="EUR", skipped=skipped)
    if skipped:
        batch.notes.append(
            f"{skipped} rows below or above CN8 (totals, chapters, confidential) skipped"
        )
    return batch


# -- UN Comtrade ------------------------------------------------------------------

COMTRADE_COLUMNS = {
    "reporter": ("reporterISO",),
    "partner": ("partnerISO",),
    "flow": ("flowCode",),
    "product": ("cmdCode",),
    "value": ("primaryValue",),
}


def read_comtrade(path: Path) -> Batch:
    """A UN Comtrade bulk or API CSV extract (USD; net weight in kg).

    Kept: flows M and X, six-digit commodity codes, partner not ``W00``
    (world), and where the columns exist the totals over second partner
    (``W00``), customs procedure (``C00``) and transport mode (``0``).
    """
    raw = _read_table(path)
    cols = _need(path, raw, COMTRADE_COLUMNS, "UN Comtrade")
    year_col = next((c for c in ("refYear", "period", "yr") if c in raw.columns), None)
    if year_col is None:
        raise ParseError(
            path,
            "not a UN Comtrade file: no refYear or period column",
            where="header",
            hint="export the extract with its refYear/period column",
        )
    keep = (pl.col(cols["partner"]).str.strip_chars() != "W00") & pl.col(
        cols["flow"]
    ).str.strip_chars().is_in(["M", "X"])
    for col, all_of in (("partner2ISO", "W00"), ("customsCode", "C00"), ("motCode", "0")):
        if col in raw.columns:
            keep &= pl.col(col).is_null() | pl.col(col).str.strip_chars().is_in(["", all_of])
    code = pl.col(cols["product"]).str.strip_chars()
    if "aggrLevel" in raw.columns:
        keep &= pl.col("aggrLevel").str.strip_chars() == "6"
    else:
        keep &= code.str.len_chars().is_in([5, 6])
    total = raw.height
    frame = raw.filter(keep)
    skipped = total - frame.height
    frame = frame.select(
        pl.col(year_col).alias("year_s"),
        pl.col(cols["reporter"]).alias("reporter"),
        pl.col(cols["partner"]).alias("partner"),
        pl.col(cols["flow"]).str.strip_chars().alias("flow_s"),
        pl.col(cols["product"]).alias("product"),
        pl.col(cols["value"]).alias("value_s"),
        (pl.col("netWgt") if "netWgt" in raw.columns else pl.lit(None, dtype=pl.String)).alias(
            "qty"
        ),
    ).with_columns(
        pl.col("year_s")
        .str.strip_chars()
        .str.slice(0, 4)
        .cast(pl.Int32, strict=False)
        .alias("year"),
        country_expr("reporter", None).alias("reporter_iso3"),
        pl.coalesce(country_expr("partner", None), pl.col("partner").str.strip_chars()).alias(
            "partner_iso3"
        ),
        normalize_hs6(pl.col("product")).alias("hs6"),
        _number("value_s").alias("value"),
        _number("qty").alias("quantity"),
    )
    fix = "correct that line, or download the extract again"
    _check(path, frame, "year_s", "year", "a year", fix)
    _check(path, frame, "reporter", "reporter_iso3", "an ISO3 country code", fix)
    _check(path, frame, "product", "hs6", "an HS6 code", fix)
    _check(path, frame, "value_s", "value", "a value in USD", fix)
    _check(path, frame, "qty", "quantity", "a net weight in kg", fix)
    imports = pl.col("flow_s") == "M"
    frame = frame.with_columns(
        pl.when(imports)
        .then(pl.col("reporter_iso3"))
        .otherwise(pl.col("partner_iso3"))
        .alias("importer"),
        pl.when(imports)
        .then(pl.col("partner_iso3"))
        .otherwise(pl.col("reporter_iso3"))
        .alias("exporter"),
        pl.col("flow_s").alias("flow"),
    )
    batch = Batch(path=path, frame=_finish(frame), currency="USD", skipped=skipped)
    if skipped:
        batch.notes.append(f"{skipped} rows skipped (world partner, aggregates, non-HS6 codes)")
    return batch


# -- column mapping -----------------------------------------------------------------


def parse_columns(spec: str) -> dict[str, str]:
    """``year=COL,importer=COL,...`` as a dict; an error names what is missing or unknown."""
    from weerbaar.core.errors import ConfigError

    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, col = part.partition("=")
        key = key.strip().lower()
        if not sep or not col.strip():
            raise ConfigError(
                f"--columns: {part.strip()!r} is not KEY=COLUMN",
                hint="write e.g. year=year,importer=importer_iso3,exporter=exporter_iso3,"
                "product=hs_code,value=value_usd",
            )
        if key not in COLUMN_KEYS:
            raise ConfigError(
                f"--columns: unknown key {key!r}", hint=f"use {', '.join(COLUMN_KEYS)}"
            )
        mapping[key] = col.strip()
    missing = [k for k in ("year", "importer", "exporter", "product", "value") if k not in mapping]
    if missing:
        raise ConfigError(
            f"--columns: missing {', '.join(missing)}",
            hint="name the year, importer, exporter, product and value columns",
        )
    return mapping


def read_columns(
    path: Path,
    mapping: dict[str, str],
    *,
    scale: float = 1.0,
    currency: str = "USD",
    countries: Path | None = None,
) -> Batch:
    """A derived extract (CSV or Parquet) read through a column mapping.

    Countries may be ISO3, ISO2 or BACI numeric codes (numeric codes need
    ``countries``); values are multiplied by ``scale`` (1000 for BACI's
    thousand USD); ``flow`` (optional column) holds B, M or X.
    """
    raw = _read_table(path)
    _need(path, raw, {k: (c,) for k, c in mapping.items()}, "mapped")
    numeric: dict[int, str] | None = None
    if countries is not None:
        table = read_baci_countries(countries)
        numeric = dict(zip(table["code"].to_list(), table["iso3"].to_list(), strict=True))
    for key in ("importer", "exporter"):
        _numeric_needed(path, raw, mapping[key], numeric)
    qty = mapping.get("quantity")
    flow = mapping.get("flow")
    frame = raw.select(
        pl.col(mapping["year"]).alias("year_s"),
        pl.col(mapping["importer"]).alias("importer_s"),
        pl.col(mapping["exporter"]).alias("exporter_s"),
        pl.col(mapping["product"]).alias("product_s"),
        pl.col(mapping["value"]).alias("value_s"),
        (pl.col(qty) if qty else pl.lit(None, dtype=pl.String)).alias("quantity_s"),
        (pl.col(flow) if flow else pl.lit("B")).alias("flow_s"),
    ).with_columns(
        pl.col("year_s")
        .str.strip_chars()
        .str.slice(0, 4)
        .cast(pl.Int32, strict=False)
        .alias("year"),
        country_expr("importer_s", numeric).alias("importer"),
        country_expr("exporter_s", numeric).alias("exporter"),
        normalize_hs6(pl.col("product_s")).alias("hs6"),
        (_number("value_s") * scale).alias("value"),
        _number("quantity_s").alias("quantity"),
        pl.col("flow_s").str.strip_chars().str.to_uppercase().alias("flow"),
    )
    fix = "correct that line, or check the --columns mapping"
    for key, parsed, what in (
        ("year", "year", "a year"),
        ("importer", "importer", "a country code (ISO3, ISO2 or BACI numeric)"),
        ("exporter", "exporter", "a country code (ISO3, ISO2 or BACI numeric)"),
        ("product", "hs6", "an HS code (4, 6 or 8 digits)"),
        ("value", "value", "a number"),
        ("quantity", "quantity", "a number"),
    ):
        _check(path, frame, f"{key}_s", parsed, what, fix, label=mapping.get(key, key))
    bad = frame.select((~pl.col("flow").is_in(["B", "M", "X"])).arg_true().first()).item()
    if bad is not None:
        raise ParseError(
            path,
            f"column {flow}: {frame['flow_s'][int(bad)]!r} is not B, M or X",
            where=f"line {int(bad) + 2}",
            hint="B: reported by both sides, M: by the importer, X: by the exporter",
        )
    return Batch(path=path, frame=_finish(frame), currency=currency.upper())


# -- detection ---------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """``baci``, ``comext`` or ``comtrade`` from the header; else an error asking for --format."""
    if BACI_NAME.search(path.name):
        return "baci"
    if path.suffix.lower() != ".parquet":
        try:
            with path.open("rb") as fh:
                first = fh.readline().decode("utf-8", "replace").strip().lstrip("\ufeff")
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
        names = {c.strip().strip('"') for c in re.split(r"[,;\t|]", first)}
        if set("tijkvq") <= names:
            return "baci"
        if "PRODUCT_NC" in names:
            return "comext"
        if {"reporterISO", "cmdCode"} <= names:
            return "comtrade"
    raise InputError(
        path,
        "cannot tell the format from the file",
        hint="pass --format baci|comext|comtrade, or --columns year=...,importer=...,"
        "exporter=...,product=...,value=...",
    )
