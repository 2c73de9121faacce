"""Indicators on a hand-computable example (the 010121 rows of the BACI fixture).

USD thousands: USA->NLD 60, CHN->NLD 30, DEU->NLD 10, USA->DEU 20,
NLD->DEU 40, DEU->USA 50.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from weerbaar.analytics.analyses import Query
from weerbaar.analytics.analyses.dependencies import dependencies, flat
from weerbaar.analytics.analyses.diversification import diversification
from weerbaar.analytics.analyses.raw_materials import builtin_mapping, raw_materials
from weerbaar.analytics.analyses.shares import share_trend, supplier_shares
from weerbaar.analytics.analyses.suppliers import supplier_view
from weerbaar.analytics.groups import FIXED, Groups, eu_members


def row(frame: pl.DataFrame, hs6: str = "010121") -> dict[str, Any]:
    (r,) = frame.filter(frame["hs6"] == hs6).to_dicts()
    return r


def test_country_importer(query: Query) -> None:
    r = row(dependencies(query, "NLD", [2019]))
    assert r["hhi"] == pytest.approx(0.6**2 + 0.3**2 + 0.1**2)  # 0.46
    assert r["import_share"] == pytest.approx(1.0)
    assert r["exports"] == pytest.approx(40_000)
    assert r["import_export_ratio"] == pytest.approx(100 / 40)
    assert (r["flag_hhi"], r["flag_import_share"], r["flag_export_ratio"]) == (True, True, True)
    assert [s["country"] for s in r["suppliers"]] == ["USA", "CHN", "DEU"]


def test_group_importer_leaves_out_internal_trade(query: Query) -> None:
    r = row(dependencies(query, "EU27", [2019]))
    assert r["extra_imports"] == pytest.approx(110_000)
    assert r["total_imports"] == pytest.approx(160_000)
    assert r["hhi"] == pytest.approx((80 / 110) ** 2 + (30 / 110) ** 2)
    assert r["import_share"] == pytest.approx(110 / 160)
    assert r["import_export_ratio"] == pytest.approx(110 / 100)
    assert r["dependent"] is True
    assert [s["country"] for s in r["suppliers"]] == ["USA", "CHN"]


def test_member_state_extra_eu_view(query: Query) -> None:
    r = row(dependencies(query, "NLD", [2019], extra_of="EU27"))
    assert r["import_share"] == pytest.approx(0.9)
    assert r["hhi"] == pytest.approx((60 / 90) ** 2 + (30 / 90) ** 2)


def test_no_exports_is_flagged(query: Query) -> None:
    r = row(dependencies(query, "NLD", [2019]), "854231")
    assert r["import_export_ratio"] is None and r["flag_export_ratio"] is True
    assert r["suppliers"][0]["country"] == "TWN"


def test_flat_columns_for_csv(query: Query) -> None:
    frame = flat(dependencies(query, "NLD", [2019]))
    assert {"supplier1", "share1", "supplier3"} <= set(frame.columns)
    assert "suppliers" not in frame.columns


def test_shares_trend_supplier_view_and_options(query: Query) -> None:
    shares = supplier_shares(query, "NLD", [2019], products=["010121"])
    assert shares["share"].to_list() == pytest.approx([0.6, 0.3, 0.1])
    trend = share_trend(query, "NLD", [2019], products=["010121"])
    assert trend.height == 3
    view = supplier_view(query, "EU27", 2019, min_share=0.5)
    assert set(zip(view["hs6"], view["exporter"], strict=True)) >= {("010121", "USA")}
    assert supplier_view(query, "NLD", 2019, supplier="CHN", min_share=0.5).height == 0
    options = diversification(query, "NLD", 2019, ["270900"], exclude=["RUS"])
    assert "RUS" not in options["exporter"].to_list()
    assert set(options["exporter"]) == {"NOR", "USA"}


def test_raw_materials_benchmark(query: Query) -> None:
    import polars as pl

    mapping = pl.DataFrame(
        {"material": ["horses"], "category": ["test"], "stage": [""], "hs6": ["010121"]}
    )
    frame = raw_materials(query, "EU27", [2019], mapping=mapping)
    (r,) = frame.to_dicts()
    assert r["top_supplier"] == "USA" and r["top_share"] == pytest.approx(80 / 110)
    assert r["above_benchmark"] is True and r["indicative"] is True
    assert builtin_mapping().height > 10


def test_eu_membership_by_year() -> None:
    assert len(eu_members(1994)) == 12
    assert len(eu_members(1995)) == 15 and "AUT" in eu_members(1995)
    assert len(eu_members(2004)) == 25 and "POL" in eu_members(2004)
    assert len(eu_members(2007)) == 27 and "ROU" in eu_members(2007)
    assert "HRV" not in eu_members(2012) and "HRV" in eu_members(2013)
    assert len(eu_members(2013)) == 28 and "GBR" in eu_members(2019)
    assert "GBR" not in eu_members(2020) and len(eu_members(2020)) == 27
    groups = Groups()
    assert groups.members("EU27", 2010) == eu_members(2010)
    assert groups.members("EU27_2020", 1999) == FIXED["EU27_2020"]
    assert groups.members("nld", 2019) == {"NLD"}


def test_custom_groups_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from weerbaar.core.errors import ParseError

    path = tmp_path / "groups.csv"
    path.write_text("group,country,from_year,to_year\nnordics,SWE\nnordics,NOR,,2010\n")
    groups = Groups()
    groups.load(path)
    assert groups.members("NORDICS", 2005) == {"SWE", "NOR"}
    assert groups.members("NORDICS", 2015) == {"SWE"}
    path.write_text("nordics,Sweden\n")
    with pytest.raises(ParseError, match="line 1, column 2"):
        Groups().load(path)
