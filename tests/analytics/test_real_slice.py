"""The real BACI slice (crude oil and LNG, 1995-2024): NLD and EU27 supplier shares and HHI
per year, recomputed here in plain Python and compared with the library."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest

from weerbaar.analytics.analyses import Query, load_all
from weerbaar.analytics.analyses.dependencies import dependencies
from weerbaar.analytics.analyses.shares import supplier_shares
from weerbaar.analytics.groups import eu_members
from weerbaar.analytics.readers import parse_columns, read_columns
from weerbaar.analytics.store import TradeStore

SLICE = "baci_slices/baci_hs92_v202601_crude2709_lng271111_1995-2024.parquet"
MAPPING = (
    "year=year,importer=importer_iso3,exporter=exporter_iso3,product=hs_code,"
    "value=value_usd,quantity=qty"
)
# EU as it was each year, written out here on purpose (not from the library)
EU12 = {"BEL", "DNK", "DEU", "GRC", "ESP", "FRA", "IRL", "ITA", "LUX", "NLD", "PRT", "GBR"}
EU2004 = {"CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"}


def eu(year: int) -> set[str]:
    members = set(EU12)
    if year >= 1995:
        members |= {"AUT", "FIN", "SWE"}
    if year >= 2004:
        members |= EU2004
    if year >= 2007:
        members |= {"BGR", "ROU"}
    if year >= 2013:
        members.add("HRV")
    if year >= 2020:
        members.discard("GBR")
    return members


def expected(
    rows: list[dict[str, object]], importer: str
) -> dict[tuple[int, str], dict[str, float]]:
    """(year, hs6) -> supplier -> share of extra-group imports, by hand."""
    sums: dict[tuple[int, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in rows:
        year = int(r["year"])  # type: ignore[call-overload]
        group = eu(year) if importer == "EU27" else {importer}
        if r["importer_iso3"] not in group or r["exporter_iso3"] in group:
            continue
        code = str(r["hs_code"])
        code = code + "00" if len(code) == 4 else code
        exporter = "TWN" if r["exporter_iso3"] == "S19" else str(r["exporter_iso3"])
        sums[(year, code)][exporter] += float(r["value_usd"])  # type: ignore[arg-type]
    out = {}
    for key, by in sums.items():
        total = sum(by.values())
        out[key] = {c: v / total for c, v in by.items()}
    return out


@pytest.fixture(scope="module")
def loaded(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[Query, list[dict[str, object]]]:
    data: Path = request.getfixturevalue("trade_data")
    path = data / SLICE
    store = TradeStore(tmp_path_factory.mktemp("slice") / "trade")
    load_all()
    store.load([read_columns(path, parse_columns(MAPPING))], hs="HS92")
    return Query(store), pl.read_parquet(path).to_dicts()


@pytest.fixture(scope="module")
def trade_data(shared: Path) -> Path:
    path = shared / "trade"
    if not (path / SLICE).is_file():
        pytest.skip(f"shared trade slice not found at {path / SLICE}")
    return path


def test_membership_matches_the_hand_written_list() -> None:
    for year in range(1995, 2025):
        assert eu_members(year) == eu(year), year


@pytest.mark.parametrize("importer", ["NLD", "EU27"])
def test_supplier_shares_and_hhi_per_year(
    loaded: tuple[Query, list[dict[str, object]]], importer: str
) -> None:
    q, rows = loaded
    want = expected(rows, importer)
    years = list(range(1995, 2025))
    shares = supplier_shares(q, importer, years)
    got: dict[tuple[int, str], dict[str, float]] = defaultdict(dict)
    for r in shares.iter_rows(named=True):
        got[(r["year"], r["hs6"])][r["exporter"]] = r["share"]
    assert set(got) == set(want)
    for key, by in want.items():
        assert got[key] == pytest.approx(by, rel=1e-9, abs=1e-12), key
    ind = dependencies(q, importer, years)
    assert {(r["year"], r["hs6"]) for r in ind.iter_rows(named=True)} == set(want)
    for r in ind.iter_rows(named=True):
        hhi = sum(s * s for s in want[(r["year"], r["hs6"])].values())
        assert r["hhi"] == pytest.approx(hhi, rel=1e-9), (r["year"], r["hs6"])
    assert {hs for _, hs in want} == {"270900", "271111"}


def test_nld_2023_known_figures(loaded: tuple[Query, list[dict[str, object]]]) -> None:
    q, _ = loaded
    frame = dependencies(q, "NLD", [2023])
    total = frame["total_imports"].sum()
    assert total == pytest.approx(63.2e9, rel=0.01)  # MANIFEST: USD 63.2 bn
    crude = frame.filter(pl.col("hs6") == "270900").to_dicts()[0]
    top = crude["suppliers"][0]
    assert top["country"] == "USA" and top["value"] == pytest.approx(13.7e9, rel=0.01)
