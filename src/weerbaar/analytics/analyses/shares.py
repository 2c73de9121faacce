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
    present = shares.select("hs6", "year").unique()
    grid = (
        present.join(shares.select("hs6", "exporter").unique(), on="hs6")
        .join(
            shares.select("hs6", "year", "exporter", "share"),
            on=["hs6", "year", "exporter"],
            how="left",
        )
        .with_columns(pl.col("share").fill_null(0.0))
    )
    x = pl.col("year").cast(pl.Float64)
    y = pl.col("share")
    return (
        grid.sort("year")
        .group_by("hs6", "exporter")
        .agg(
            y.first().alias("first"),
            y.last().alias("last"),
            (y.last() - y.first()).alias("change"),
            (
                ((x - x.mean()) * (y - y.mean())).sum()
                / pl.when(((x - x.mean()) ** 2).sum() > 0).then(((x - x.mean()) ** 2).sum())
            ).alias("slope"),
        )
        .sort(["hs6", "last"], descending=[False, True])
    )
