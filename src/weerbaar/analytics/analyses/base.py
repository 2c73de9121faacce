"""What every analysis shares: the registry and the two queries over the store.

``Query.imports`` gives an importer's imports by year, product and supplier,
marking the suppliers inside the importer's group (its internal trade, left
out of the dependency indicators); ``Query.exports`` gives the importer's
exports to the world. Both are one DuckDB aggregation over the Parquet files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import polars as pl

from weerbaar.analytics.groups import Groups
from weerbaar.analytics.store import DEFAULT_DATASET, TradeStore, relation_to_polars

HHI_THRESHOLD = 0.4
IMPORT_SHARE_THRESHOLD = 0.5
EXPORT_RATIO_THRESHOLD = 1.0
CRMA_BENCHMARK = 0.65

#: Left out of diversification options unless told otherwise (``--exclude``).
HIGH_RISK_DEFAULT = ("RUS", "BLR", "IRN", "PRK", "SYR")


@dataclass(frozen=True)
class Analysis:
    name: str
    help: str
    run: Callable[..., pl.DataFrame]


ANALYSES: dict[str, Analysis] = {}


def register(
    name: str, help: str
) -> Callable[[Callable[..., pl.DataFrame]], Callable[..., pl.DataFrame]]:
    def wrap(fn: Callable[..., pl.DataFrame]) -> Callable[..., pl.DataFrame]:
        ANALYSES[name] = Analysis(name, help, fn)
        return fn

    return wrap


@dataclass
class Query:
    """An importer's view of one dataset."""

    store: TradeStore
    dataset: str = DEFAULT_DATASET
    groups: Groups = field(default_factory=Groups)

    def years(self) -> list[int]:
        return self.store.years(self.dataset)

    def _tables(
        self, con: duckdb.DuckDBPyConnection, name: str, rows: list[tuple[int, str]]
    ) -> None:
        con.execute(f"CREATE TEMP TABLE {name} (year INTEGER, country VARCHAR)")
        if rows:
            con.executemany(f"INSERT INTO {name} VALUES (?, ?)", rows)

    def _products(self, products: Iterable[str] | None) -> tuple[str, list[Any]]:
        if products is None:
            return "", []
        codes = sorted(set(products))
        return f" AND f.hs6 IN ({', '.join('?' for _ in codes)})", list(codes)

    def imports(
        self,
        importer: str,
        years: Iterable[int],
        *,
        extra_of: str | None = None,
        products: Iterable[str] | None = None,
    ) -> pl.DataFrame:
        """``year, hs6, exporter, value, quantity, internal`` for ``importer``'s imports.

        ``internal`` is true for suppliers inside the importer group (or inside
        ``extra_of``, e.g. the EU for a member state).
        """
        years = sorted(set(years))
        members = self.groups.by_year(importer, years)
        internal = set(members)
        if extra_of:
            internal |= set(self.groups.by_year(extra_of, years))
        con = self.store.connect()
        try:
            self._tables(con, "members", members)
            self._tables(con, "internal", sorted(internal))
            where, params = self._products(products)
            sql = f"""
                SELECT f.year::INTEGER AS year, f.hs6, f.exporter,
                       sum(f.value) AS value, sum(f.quantity) AS quantity,
                       (i.country IS NOT NULL) AS internal
                FROM {self.store.scan_sql(self.dataset, years)} f
                JOIN members m ON m.year = f.year AND m.country = f.importer
                LEFT JOIN internal i ON i.year = f.year AND i.country = f.exporter
                WHERE f.flow IN ('B', 'M') AND f.exporter <> f.importer {where}
                GROUP BY ALL
            """
            return _typed(relation_to_polars(con.execute(sql, params)), IMPORT_SCHEMA)
        finally:
            con.close()

    def exports(
        self, importer: str, years: Iterable[int], products: Iterable[str] | None = None
    ) -> pl.DataFrame:
        """``year, hs6, exports``: what the importer (all its members) exports to the world."""
        years = sorted(set(years))
        con = self.store.connect()
        try:
            self._tables(con, "members", self.groups.by_year(importer, years))
            where, params = self._products(products)
            sql = f"""
                SELECT f.year::INTEGER AS year, f.hs6, sum(f.value) AS exports
                FROM {self.store.scan_sql(self.dataset, years)} f
                JOIN members m ON m.year = f.year AND m.country = f.exporter
                WHERE f.flow IN ('B', 'X') AND f.exporter <> f.importer {where}
                GROUP BY ALL
            """
            return _typed(relation_to_polars(con.execute(sql, params)), EXPORT_SCHEMA)
        finally:
            con.close()

    def world_exports(self, years: Iterable[int], products: Iterable[str]) -> pl.DataFrame:
        """``year, hs6, exporter, value, quantity``: every exporter's sales to the world."""
        years = sorted(set(years))
        con = self.store.connect()
        try:
            where, params = self._products(products)
            sql = f"""
                SELECT f.year::INTEGER AS year, f.hs6, f.exporter,
                       sum(f.value) AS value, sum(f.quantity) AS quantity
                FROM {self.store.scan_sql(self.dataset, years)} f
                WHERE f.flow IN ('B', 'X') AND f.exporter <> f.importer {where}
                GROUP BY ALL
            """
            return _typed(relation_to_polars(con.execute(sql, params)), WORLD_SCHEMA)
        finally:
            con.close()


IMPORT_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int32(),
    "hs6": pl.String(),
    "exporter": pl.String(),
    "value": pl.Float64(),
    "quantity": pl.Float64(),
    "internal": pl.Boolean(),
}
EXPORT_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int32(),
    "hs6": pl.String(),
    "exports": pl.Float64(),
}
WORLD_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int32(),
    "hs6": pl.String(),
    "exporter": pl.String(),
    "value": pl.Float64(),
    "quantity": pl.Float64(),
}


def _typed(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    if frame.height == 0:
        return pl.DataFrame(schema=schema)
    return frame.select(pl.col(k).cast(t) for k, t in schema.items())


def extra_shares(flows: pl.DataFrame) -> pl.DataFrame:
    """``year, hs6, exporter, value, quantity, share``: each outside supplier's share of
    the importer's extra-group imports of the product."""
    extra = flows.filter(~pl.col("internal"))
    return extra.with_columns(
        (pl.col("value") / pl.col("value").sum().over("year", "hs6")).alias("share")
    ).drop("internal")
