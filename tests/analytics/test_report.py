"""The report's share plot: which suppliers get a line, and the lines add up."""

from __future__ import annotations

import polars as pl
import pytest

from weerbaar.analytics.report import leading_suppliers, share_figure


def shares() -> pl.DataFrame:
    """Ten big suppliers at 10% each in 2000-2003; in 2004 a small newcomer, N, takes half."""
    rows = [(y, f"B{i}", 1e9, 0.1) for y in range(2000, 2004) for i in range(10)]
    rows += [(2004, f"B{i}", 1e5, 0.05) for i in range(10)] + [(2004, "N", 1e6, 0.5)]
    return pl.DataFrame(rows, schema=["year", "exporter", "value", "share"], orient="row")


def test_the_last_years_main_supplier_gets_a_line() -> None:
    # by summed value N would be last of the eleven; by the last year it comes first
    assert leading_suppliers(shares(), top=8) == ["N", "B0", "B1", "B2", "B3", "B4", "B5", "B6"]
    assert leading_suppliers(shares().filter(pl.col("year") < 2004), top=3) == ["B0", "B1", "B2"]


def test_lines_and_other_add_up_to_every_share() -> None:
    frame = shares()
    fig = share_figure(frame, {"N": "Newland"}, top=4)
    names = [trace.name for trace in fig.data]
    assert names == ["N Newland", "B0", "B1", "B2", "other"]
    years = list(fig.data[0].x)
    assert years == [2000, 2001, 2002, 2003, 2004]
    for k, year in enumerate(years):
        total = sum(trace.y[k] for trace in fig.data)
        assert total == pytest.approx(100 * frame.filter(pl.col("year") == year)["share"].sum())
    by = {(r["year"], r["exporter"]): r["share"] for r in frame.iter_rows(named=True)}
    assert list(fig.data[0].y) == [pytest.approx(100 * by.get((y, "N"), 0.0)) for y in years]
