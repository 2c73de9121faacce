"""Supplier view: every product where one outside country holds more than a share."""

from __future__ import annotations

import polars as pl

from weerbaar.analytics.analyses.base import Query, extra_shares, register


@register("supplier-view", "products where one country holds more than a given share")
def supplier_view(
    q: Query,
    importer: str,
    year: int,
    *,
    supplier: str | None = None,
    min_share: float = 0.5,
    extra_of: str | None = None,
) -> pl.DataFrame:
    """``hs6, exporter, value, share, extra_imports`` for shares above ``min_share``."""
    shares = extra_shares(q.imports(importer, [year], extra_of=extra_of))
    shares = shares.with_columns(pl.col("value").sum().over("hs6").alias("extra_imports"))
    out = shares.filter(pl.col("share") > min_share)
    if supplier:
        out = out.filter(pl.col("exporter") == supplier.upper())
    return out.select("year", "hs6", "exporter", "value", "share", "extra_imports").sort(
        "value", descending=True
    )
