"""The CRMA single-supplier benchmark for the listed raw materials.

Regulation (EU) 2024/1252 (Critical Raw Materials Act), art. 5(1)(d): no
more than 65% of the Union's annual consumption of each strategic raw
material, at any stage of processing, from a single third country. Trade
shares stand in for consumption (indicative), and the materials are mapped
to HS6 codes by an **indicative** table, not an official correspondence:
several codes hold more than one material (280530 all rare earths, 811292
gallium, germanium, hafnium...). Third countries are those outside the EU in
that year (and outside the importer).

The mapping is read from ``--mapping FILE`` (``material,stage,hs6[,category]``;
the shared ``crm_hs6_indicative_mapping_HS2017.csv`` layout with
``hs6_hs2017`` works too), else WEERBAAR_HOME/trade/crm_hs6.csv, else the
shared data folder, else the small built-in table below.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import polars as pl

from weerbaar.analytics.analyses.base import CRMA_BENCHMARK, Query, extra_shares, register
from weerbaar.analytics.codes import normalize_hs6
from weerbaar.core.errors import InputError, ParseError
from weerbaar.core.settings import shared_data_dir

#: (material, category, stage, HS 2017 code): indicative, a few codes per strategic material.
BUILTIN: tuple[tuple[str, str, str, str], ...] = (
    ("bauxite/alumina/aluminium", "strategic", "ore", "260600"),
    ("bauxite/alumina/aluminium", "strategic", "refined (alumina)", "281820"),
    ("bauxite/alumina/aluminium", "strategic", "metal", "760110"),
    ("bismuth", "strategic", "metal", "810600"),
    ("boron", "strategic", "ore", "252800"),
    ("cobalt", "strategic", "ore", "260500"),
    ("cobalt", "strategic", "chemical", "282200"),
    ("cobalt", "strategic", "metal", "810520"),
    ("copper", "strategic", "ore", "260300"),
    ("copper", "strategic", "metal", "740311"),
    ("gallium", "strategic", "metal", "811292"),
    ("germanium", "strategic", "metal", "811292"),
    ("lithium", "strategic", "chemical", "283691"),
    ("lithium", "strategic", "chemical", "282520"),
    ("magnesium metal", "strategic", "metal", "810411"),
    ("manganese", "strategic", "ore", "260200"),
    ("graphite", "strategic", "natural", "250490"),
    ("nickel", "strategic", "metal", "750210"),
    ("platinum group metals", "strategic", "metal", "711011"),
    ("rare earth elements for magnets", "strategic", "metal", "280530"),
    ("rare earth elements for magnets", "strategic", "chemical", "284690"),
    ("silicon metal", "strategic", "metal", "280469"),
    ("titanium metal", "strategic", "metal", "810820"),
    ("tungsten", "strategic", "ore", "261100"),
)


def read_mapping(path: Path) -> pl.DataFrame:
    """``material, category, stage, hs6`` from a mapping CSV (an error names what is wrong)."""
    try:
        raw = pl.read_csv(path, infer_schema=False)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    except pl.exceptions.PolarsError as exc:
        raise ParseError(path, f"not a CSV table: {exc}", hint="save the mapping as CSV") from None
    code = next(
        (c for c in ("hs6", "hs6_hs2017", "hs6_hs2022", "hs_code") if c in raw.columns), None
    )
    if "material" not in raw.columns or code is None:
        raise ParseError(
            path,
            f"a raw-material mapping needs columns material and hs6; found {raw.columns}",
            where="header",
            hint="write material,stage,hs6[,category]",
        )
    out = raw.select(
        pl.col("material").str.strip_chars(),
        (pl.col("category") if "category" in raw.columns else pl.lit(None, pl.String)).alias(
            "category"
        ),
        (pl.col("stage") if "stage" in raw.columns else pl.lit("")).alias("stage"),
        normalize_hs6(pl.col(code)).alias("hs6"),
        pl.col(code).alias("raw"),
    ).with_row_index("line", offset=2)
    bad = out.filter(pl.col("hs6").is_null())
    if bad.height:
        row = bad.row(0, named=True)
        raise ParseError(
            path,
            f"column {code}: {row['raw']!r} is not an HS6 code",
            where=f"line {row['line']}",
            hint="give 6-digit HS codes",
        )
    annex = path.parent / "crma_2024_annex_lists.csv"
    if annex.exists() and out["category"].null_count() == out.height:
        cats = (
            pl.read_csv(annex, infer_schema=False)
            .select(
                pl.col("material_en").str.strip_chars().alias("material"),
                pl.col("category").alias("cat"),
            )
            .unique("material")
        )
        out = (
            out.join(cats, on="material", how="left")
            .with_columns(pl.col("cat").alias("category"))
            .drop("cat")
        )
    return out.select("material", "category", "stage", "hs6")


def builtin_mapping() -> pl.DataFrame:
    return pl.DataFrame(
        list(BUILTIN), schema=["material", "category", "stage", "hs6"], orient="row"
    )


def default_mapping(q: Query, path: Path | None = None) -> tuple[pl.DataFrame, str]:
    """The mapping to use and where it came from."""
    candidates = [
        path,
        q.store.root / "crm_hs6.csv",
        shared_data_dir() / "trade" / "crma" / "crm_hs6_indicative_mapping_HS2017.csv",
    ]
    for candidate in candidates:
        if candidate is not None and (candidate == path or candidate.exists()):
            return read_mapping(candidate), str(candidate)
    return builtin_mapping(), "built-in (indicative)"


@register("raw-materials", "CRMA benchmark: at most 65% from one third country (indicative)")
def raw_materials(
    q: Query,
    importer: str,
    years: Iterable[int],
    *,
    mapping: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Per material, HS6 and year: the top third-country supplier, its share, the benchmark."""
    years = sorted(set(years))
    mapping = mapping if mapping is not None else default_mapping(q)[0]
    codes = mapping["hs6"].unique().to_list()
    flows = q.imports(importer, years, extra_of="EU", products=codes)
    shares = extra_shares(flows)
    top = (
        shares.sort("share", descending=True)
        .group_by("year", "hs6", maintain_order=True)
        .agg(
            pl.col("value").sum().alias("third_country_imports"),
            pl.col("exporter").first().alias("top_supplier"),
            pl.col("share").first().alias("top_share"),
            (pl.col("share") ** 2).sum().alias("hhi"),
        )
    )
    return (
        mapping.join(top, on="hs6", how="inner")
        .with_columns(
            (pl.col("top_share") > CRMA_BENCHMARK).alias("above_benchmark"),
            pl.lit(True).alias("indicative"),
        )
        .select(
            "year",
            "material",
            "category",
            "stage",
            "hs6",
            "third_country_imports",
            "top_supplier",
            "top_share",
            "hhi",
            "above_benchmark",
            "indicative",
        )
        .sort(["year", "material", "stage", "hs6"])
    )
