"""The Commission's three dependency indicators per HS6 product and year.

SWD(2021) 352 / SWD(2022) 41, for an importer (a country, or a group whose
internal trade is left out):

1. concentration: the Herfindahl-Hirschman index over the shares of the
   outside suppliers in the importer's extra-group imports; flag > 0.4;
2. import dependence: extra-group imports / total imports; flag > 0.5;
3. substitutability: extra-group imports / the importer's exports to the
   world; flag > 1 (also flagged when there are imports and no exports).

A product is *dependent* when all three flags are raised. For a single
country with no ``extra_of`` group every import is extra, so indicator 2 is
1 by construction; give ``extra_of="EU27"`` for a member state's extra-EU view.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from weerbaar.analytics.analyses.base import (
    EXPORT_RATIO_THRESHOLD,
    HHI_THRESHOLD,
    IMPORT_SHARE_THRESHOLD,
    Query,
    extra_shares,
    register,
)


@register("dependencies", "HHI, extra-group import share, import/export ratio and flags")
def dependencies(
    q: Query,
    importer: str,
    years: Iterable[int],
    *,
    extra_of: str | None = None,
    products: Iterable[str] | None = None,
    top: int = 3,
) -> pl.DataFrame:
    """One row per (year, hs6) the importer imports, sorted by extra-group imports."""
    years = list(years)
    products = None if products is None else list(products)
    flows = q.imports(importer, years, extra_of=extra_of, products=products)
    exports = q.exports(importer, years, products=products)
    keys = ["year", "hs6"]
    total = flows.group_by(keys).agg(pl.col("value").sum().alias("total_imports"))
    shares = extra_shares(flows)
    per_product = (
        shares.sort("value", descending=True)
        .group_by(keys, maintain_order=True)
        .agg(
            pl.col("value").sum().alias("extra_imports"),
            (pl.col("share") ** 2).sum().alias("hhi"),
            pl.len().alias("suppliers_n"),
            pl.struct(pl.col("exporter").alias("country"), "share", "value")
            .head(top)
            .alias("suppliers"),
        )
    )
    out = (
        total.join(per_product, on=keys, how="left")
        .join(exports, on=keys, how="left")
        .with_columns(
            pl.col("extra_imports").fill_null(0.0),
            pl.col("exports").fill_null(0.0),
            pl.col("suppliers_n").fill_null(0),
        )
        .with_columns(
            (pl.col("extra_imports") / pl.col("total_imports")).alias("import_share"),
            pl.when(pl.col("exports") > 0)
            .then(pl.col("extra_imports") / pl.col("exports"))
            .otherwise(None)
            .alias("import_export_ratio"),
        )
        .with_columns(
            (pl.col("hhi").fill_null(0.0) > HHI_THRESHOLD).alias("flag_hhi"),
            (pl.col("import_share") > IMPORT_SHARE_THRESHOLD).alias("flag_import_share"),
            pl.when(pl.col("exports") > 0)
            .then(pl.col("import_export_ratio") > EXPORT_RATIO_THRESHOLD)
            .otherwise(pl.col("extra_imports") > 0)
            .alias("flag_export_ratio"),
        )
        .with_columns(
            (
                pl.col("flag_hhi").cast(pl.Int8)
                + pl.col("flag_import_share").cast(pl.Int8)
                + pl.col("flag_export_ratio").cast(pl.Int8)
            ).alias("flags"),
        )
        .with_columns((pl.col("flags") == 3).alias("dependent"))
    )
    return out.select(
        "year",
        "hs6",
        "hhi",
        "suppliers",
        "suppliers_n",
        "extra_imports",
        "total_imports",
        "exports",
        "import_share",
        "import_export_ratio",
        "flag_hhi",
        "flag_import_share",
        "flag_export_ratio",
        "flags",
        "dependent",
    ).sort(["year", "dependent", "flags", "extra_imports"], descending=[False, True, True, True])


def flat(frame: pl.DataFrame, top: int = 3) -> pl.DataFrame:
    """``frame`` with ``suppliers`` as columns supplier1, share1, ... (for CSV)."""
    if "suppliers" not in frame.columns:
        return frame
    cols: list[pl.Expr] = []
    for n in range(top):
        item = pl.col("suppliers").list.get(n, null_on_oob=True)
        cols += [
            item.struct.field("country").alias(f"supplier{n + 1}"),
            item.struct.field("share").alias(f"share{n + 1}"),
        ]
    return frame.with_columns(cols).drop("suppliers")
