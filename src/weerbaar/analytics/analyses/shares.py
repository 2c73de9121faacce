"""Supplier shares per year and their trend.

The share is a supplier's part of the importer's extra-group imports of a
product. The trend is the least-squares slope of the share over the years
asked (share points per year) and the change from the first to the last.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from weerbaar.analytics.analyses.base import Query, extra_shares, register


@register("shares", "supplier shares of extra-group imports per product and year")
def supplier_shares(
    q: Query,
    importer: str,
    years: Iterable[int],
    *,
    extra_of: str | None = None,
    products: Iterable[str] | None = None,
) -> pl.DataFrame:
    """``year, hs6, exporter, value, quantity, share`` sorted by year and share."""
    flows = q.imports(importer, years, extra_of=extra_of, products=products)
    return extra_shares(flows).sort(["hs6", "year", "share"], descending=[False, False, True])


@register("trend", "trend of each supplier's share over the years asked")
def share_trend(
    q: Query,
    importer: str,
    years: Iterable[int],
    *,
    extra_of: str | None = None,
    products: Iterable[str] | None = None,
) -> pl.DataFrame:
    """Per (hs6, exporter): first/last year share, change, slope per year (absent = 0)."""
    years = sorted(set(years))
    shares = supplier_shares(q, importer, years, extra_of=extra_of, products=products)
    if shares.height == 0:
        return pl.DataFrame(
            schema={
                "hs6": pl.String, "exporter": pl.String, "first": pl.Float64,
                "last": pl.Float64, "change": pl.Float64, "slope": pl.Float64,
            }
        )  # fmt: skip
    # Absent years count as a zero share, so the sums over a supplier's own rows are the
    # sums over every year the product was imported (no grid of products x suppliers x years):
    # slope = sum((x - mean x) * y) / sum((x - mean x)^2) over the product's years.
    x = pl.col("year").cast(pl.Float64)
    per_product = (
        shares.select("hs6", "year")
        .unique()
        .group_by("hs6")
        .agg(
            pl.col("year").min().alias("y0"),
            pl.col("year").max().alias("y1"),
            x.mean().alias("xm"),
            ((x - x.mean()) ** 2).sum().alias("sxx"),
        )
    )
    y = pl.col("share")
    return (
        shares.join(per_product, on="hs6")
        .group_by("hs6", "exporter")
        .agg(
            y.filter(pl.col("year") == pl.col("y0")).sum().alias("first"),
            y.filter(pl.col("year") == pl.col("y1")).sum().alias("last"),
            ((x - pl.col("xm")) * y).sum().alias("sxy"),
            pl.col("sxx").first(),
        )
        .select(
            "hs6",
            "exporter",
            "first",
            "last",
            (pl.col("last") - pl.col("first")).alias("change"),
            (pl.col("sxy") / pl.when(pl.col("sxx") > 0).then(pl.col("sxx"))).alias("slope"),
        )
        .sort(["hs6", "last"], descending=[False, True])
    )
