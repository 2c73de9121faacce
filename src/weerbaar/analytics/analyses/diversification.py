"""Diversification options: who else exports the product, and how much.

Exporters of the product to the whole world, without the importer's own
members (and its ``extra_of`` group) and without a configurable set of
high-risk countries, with what they already sell to the importer. World
exports come from rows reported by exporters or both sides (BACI); a
Comext dataset only knows EU declarants' exports.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from weerbaar.analytics.analyses.base import HIGH_RISK_DEFAULT, Query, register


@register("diversification", "other exporters of a product, without high-risk countries")
def diversification(
    q: Query,
    importer: str,
    year: int,
    products: Iterable[str],
    *,
    exclude: Iterable[str] = HIGH_RISK_DEFAULT,
    extra_of: str | None = None,
    limit: int = 15,
) -> pl.DataFrame:
    """Per product: ``exporter, world_exports, world_quantity, world_share, to_importer``."""
    products = list(products)
    world = q.world_exports([year], products)
    inside = set(q.groups.members(importer, year))
    if extra_of:
        inside |= q.groups.members(extra_of, year)
    skip = sorted(inside | {c.upper() for c in exclude})
    current = (
        q.imports(importer, [year], extra_of=extra_of, products=products)
        .group_by("hs6", "exporter")
        .agg(pl.col("value").sum().alias("to_importer"))
    )
    return (
        world.with_columns(
            (pl.col("value") / pl.col("value").sum().over("hs6")).alias("world_share")
        )
        .filter(~pl.col("exporter").is_in(skip))
        .join(current, on=["hs6", "exporter"], how="left")
        .with_columns(pl.col("to_importer").fill_null(0.0))
        .rename({"value": "world_exports", "quantity": "world_quantity"})
        .sort(["hs6", "world_exports"], descending=[False, True])
        .group_by("hs6", maintain_order=True)
        .head(limit)
        .select(
            "year",
            "hs6",
            "exporter",
            "world_exports",
            "world_quantity",
            "world_share",
            "to_importer",
        )
    )
