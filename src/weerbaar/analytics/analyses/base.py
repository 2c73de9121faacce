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


#: Separates the items of a list passed to DuckDB as one string parameter (a list
#: parameter is converted item by item in Python, which is slow for long lists).
_SEP = "\x1f"


def _joined(items: Iterable[object]) -> str:
    return _SEP.join(str(i) for i in items)


@dataclass
class Query:
    """An importer's view of one dataset.

    The suppliers of the last importer asked (all products) are kept, keyed by the
    dataset's files (a new load gives new file names) and the importer's members, so
    the analyses run one after the other for one importer scan the data once.
    """

    store: TradeStore
    dataset: str = DEFAULT_DATASET
    groups: Groups = field(default_factory=Groups)
    _cache: dict[tuple[Any, ...], pl.DataFrame] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def years(self) -> list[int]:
        return self.store.years(self.dataset)

    def _tables(
        self, con: duckdb.DuckDBPyConnection, name: str, rows: list[tuple[int, str]]
    ) -> None:
        if not rows:
            con.execute(f"CREATE TEMP TABLE {name} (year INTEGER, country VARCHAR)")
            return
        con.execute(
            f"CREATE TEMP TABLE {name} AS SELECT "
            "unnest(string_split(?, chr(31)))::INTEGER AS year, "
            "unnest(string_split(?, chr(31)))::VARCHAR AS country",
            [_joined(y for y, _ in rows), _joined(c for _, c in rows)],
        )

    def _products(self, con: duckdb.DuckDBPyConnection, products: Iterable[str] | None) -> str:
        """A filter on ``f.hs6`` (through a temp table ``wanted``), empty for all products."""
        if products is None:
            return ""
        codes = sorted({c for c in products if _SEP not in c})
        if codes:
            con.execute(
                "CREATE TEMP TABLE wanted AS SELECT unnest(string_split(?, chr(31))) AS hs6",
                [_joined(codes)],
            )
        else:
            con.execute("CREATE TEMP TABLE wanted (hs6 VARCHAR)")
        return " AND f.hs6 IN (SELECT hs6 FROM wanted)"

    def _suppliers(
        self, members: list[tuple[int, str]], years: list[int], products: list[str] | None
    ) -> pl.DataFrame:
        """``year, hs6, exporter, value, quantity``: imports of ``members`` by supplier."""
        files = tuple(self.store.files(self.dataset, years))
        key = (self.dataset, files, tuple(members))
        cached = self._cache.get(key)
        if cached is not None:
            if products is None:
                return cached
            return cached.filter(pl.col("hs6").is_in(sorted(set(products))))
        con = self.store.connect()
        try:
            self._tables(con, "members", members)
            where = self._products(con, products)
            sql = f"""
                SELECT f.year::INTEGER AS year, f.hs6, f.exporter,
                       sum(f.value) AS value, sum(f.quantity) AS quantity
                FROM {self.store.scan_sql(self.dataset, years)} f
                JOIN members m ON m.year = f.year AND m.country = f.importer
                WHERE f.flow IN ('B', 'M') AND f.exporter <> f.importer {where}
                GROUP BY ALL
            """
            frame = _typed(relation_to_polars(con.sql(sql)), SUPPLIER_SCHEMA)
        finally:
            con.close()
        if products is None:
            self._cache.clear()
            self._cache[key] = frame
        return frame

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
        flows = self._suppliers(members, years, None if products is None else list(products))
        inside = pl.DataFrame(
            sorted(internal), schema={"year": pl.Int32, "exporter": pl.String}, orient="row"
        ).with_columns(pl.lit(True).alias("internal"))
        return (
            flows.join(inside, on=["year", "exporter"], how="left")
            .with_columns(pl.col("internal").fill_null(False))
            .select(list(IMPORT_SCHEMA))
        )

    def exports(
        self, importer: str, years: Iterable[int], products: Iterable[str] | None = None
    ) -> pl.DataFrame:
        """``year, hs6, exports``: what the importer (all its members) exports to the world."""
        years = sorted(set(years))
        con = self.store.connect()
        try:
            self._tables(con, "members", self.groups.by_year(importer, years))
            where = self._products(con, products)
            sql = f"""
                SELECT f.year::INTEGER AS year, f.hs6, sum(f.value) AS exports
                FROM {self.store.scan_sql(self.dataset, years)} f
                JOIN members m ON m.year = f.year AND m.country = f.exporter
                WHERE f.flow IN ('B', 'X') AND f.exporter <> f.importer {where}
                GROUP BY ALL
            """
            return _typed(relation_to_polars(con.sql(sql)), EXPORT_SCHEMA)
        finally:
            con.close()

    def world_exports(self, years: Iterable[int], products: Iterable[str]) -> pl.DataFrame:
        """``year, hs6, exporter, value, quantity``: every exporter's sales to the world."""
        years = sorted(set(years))
        con = self.store.connect()
        try:
            where = self._products(con, products)
            sql = f"""
                SELECT f.year::INTEGER AS year, f.hs6, f.exporter,
                       sum(f.value) AS value, sum(f.quantity) AS quantity
                FROM {self.store.scan_sql(self.dataset, years)} f
                WHERE f.flow IN ('B', 'X') AND f.exporter <> f.importer {where}
                GROUP BY ALL
            """
            return _typed(relation_to_polars(con.sql(sql)), WORLD_SCHEMA)
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
SUPPLIER_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int32(),
    "hs6": pl.String(),
    "exporter": pl.String(),
    "value": pl.Float64(),
    "quantity": pl.Float64(),
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
