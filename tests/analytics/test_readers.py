"""Readers on generated fixtures in each real layout, and their errors on malformed input."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.analytics.conftest import BACI, TRADE
from weerbaar.analytics import readers
from weerbaar.analytics.codes import hs6, read_baci_countries
from weerbaar.analytics.store import TradeStore
from weerbaar.core.errors import ConfigError, InputError, NotFoundError, ParseError


def flows(frame: pl.DataFrame) -> dict[tuple[str, str, str, str], float]:
    return {
        (r["importer"], r["exporter"], r["hs6"], r["flow"]): r["value"]
        for r in frame.iter_rows(named=True)
    }


def test_hs6_normalisation() -> None:
    assert hs6("10121") == "010121"
    assert hs6(10121) == "010121"
    assert hs6("2709") == "270900"
    assert hs6("27090010") == "270900"
    assert hs6("2709.00") == "270900"
    with pytest.raises(ValueError):
        hs6("27")


def test_baci_reads_numeric_codes_units_and_padding() -> None:
    batch = readers.read_baci(BACI)
    f = flows(batch.frame)
    assert batch.hs == "HS17" and batch.currency == "USD"
    assert f[("NLD", "USA", "010121", "B")] == pytest.approx(60_000.0)  # thousand USD -> USD
    assert f[("NLD", "TWN", "854231", "B")] == pytest.approx(800_000.0)  # 490 / S19 = Taiwan
    assert f[("FRA", "NOR", "271111", "B")] == pytest.approx(900_000.0)  # 251 = France
    assert batch.frame.filter(pl.col("exporter") == "CHN", pl.col("hs6") == "010121")[
        "quantity"
    ].to_list() == [None]
    assert batch.countries["TWN"] == "Taiwan"
    assert batch.products["010121"].startswith("Horses")


def test_comext_sums_cn8_to_hs6_and_keeps_the_reporting_side() -> None:
    batch = readers.read_comext(TRADE / "comext_full_201952.csv")
    f = flows(batch.frame)
    assert batch.currency == "EUR"
    assert f[("NLD", "NOR", "270900", "M")] == pytest.approx(1_500_000)
    assert f[("NLD", "USA", "270900", "M")] == pytest.approx(1_500_000)
    assert f[("DEU", "NLD", "270900", "X")] == pytest.approx(300_000)
    assert f[("GRC", "QAT", "271111", "M")] == pytest.approx(700_000)
    assert batch.skipped == 1


def test_comtrade_drops_world_and_aggregates() -> None:
    batch = readers.read_comtrade(TRADE / "comtrade_2019.csv")
    f = flows(batch.frame)
    assert set(f) == {
        ("NLD", "NOR", "270900", "M"),
        ("NLD", "USA", "270900", "M"),
        ("DEU", "NLD", "270900", "X"),
        ("NLD", "TWN", "854231", "M"),
    }
    assert f[("NLD", "USA", "270900", "M")] == pytest.approx(1_900_000)
    assert batch.skipped == 2


def test_columns_mapping_reads_the_slice_layout() -> None:
    mapping = readers.parse_columns(
        "year=year,importer=importer_iso3,exporter=exporter_iso3,product=hs_code,"
        "value=value_usd,quantity=qty"
    )
    batch = readers.read_columns(TRADE / "slice_columns.csv", mapping)
    assert set(batch.frame["hs6"]) == {"270900", "271111"}
    assert batch.frame["year"].to_list().count(2023) == 4


def test_columns_numeric_countries_need_the_country_list(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("y,i,j,k,v\n2019,842,528,10121,5\n")
    mapping = readers.parse_columns("year=y,exporter=i,importer=j,product=k,value=v")
    with pytest.raises(ParseError, match="country_codes"):
        readers.read_columns(path, mapping)
    batch = readers.read_columns(
        path, mapping, countries=TRADE / "country_codes_V202301.csv", scale=1000
    )
    assert flows(batch.frame) == {("NLD", "USA", "010121", "B"): 5000.0}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("year=y,importer=i", "missing exporter, product, value"),
        ("year=y,importer=i,exporter=j,product=k,value=v,colour=c", "unknown key"),
        ("year", "not KEY=COLUMN"),
    ],
)
def test_bad_column_mapping(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        readers.parse_columns(spec)


def _broken_baci(tmp_path: Path, old: str, new: str) -> Path:
    for name in ("country_codes_V202301.csv", "product_codes_HS17_V202301.csv"):
        shutil.copy(TRADE / name, tmp_path / name)
    path = tmp_path / BACI.name
    path.write_text(BACI.read_text().replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      30.000", "       3O.0", r"line 3\): column v: '       3O.0' is not a value"),
        ("2019,156,528", "2019,999,528", "line 3.*country code '999' is not in"),
        ("2019,156,528,10121", "2019,156,528,10x21", "line 3.*column k: '10x21' is not an HS6"),
        ("2019,156,528", "20l9,156,528", "line 3.*column t"),
        ("t,i,j,k,v,q", "t,i,j,k,value,q", "missing column"),
    ],
)
def test_malformed_baci_names_file_line_column_and_fix(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = _broken_baci(tmp_path, old, new)
    with pytest.raises(InputError, match=message) as info:
        readers.read_baci(path)
    assert str(path) in str(info.value) and "Fix:" in str(info.value)


def test_baci_without_country_list(tmp_path: Path) -> None:
    path = tmp_path / BACI.name
    shutil.copy(BACI, path)
    with pytest.raises(InputError, match="--countries"):
        readers.read_baci(path)


def test_malformed_comext_flow(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text((TRADE / "comext_full_201952.csv").read_text().replace(",05,2,1,", ",05,7,1,"))
    with pytest.raises(ParseError, match=r"line 6.*FLOW: '7'"):
        readers.read_comext(path)


def test_detect_format() -> None:
    assert readers.detect_format(BACI) == "baci"
    assert readers.detect_format(TRADE / "comext_full_201952.csv") == "comext"
    assert readers.detect_format(TRADE / "comtrade_2019.csv") == "comtrade"
    with pytest.raises(InputError, match="--format"):
        readers.detect_format(TRADE / "slice_columns.csv")


def test_load_is_all_or_nothing(tmp_path: Path, store: TradeStore) -> None:
    good = readers.read_baci(BACI)
    comext = readers.read_comext(TRADE / "comext_full_201952.csv")
    with pytest.raises(InputError, match="different currencies"):
        store.load([good, comext])
    with pytest.raises(NotFoundError):
        store.manifest()
    store.load([good])
    first = store.files("main")
    store.load([readers.read_baci(BACI)])  # the same year again replaces it
    assert len(store.files("main")) == 1 and store.files("main") != first
    assert not first[0].exists()
    assert store.product_names()["010121"].startswith("Horses")


def _generated_baci(tmp_path: Path, rows: int = 3000, seed: int = 3) -> Path:
    """A small random BACI year in the published layout: padded values, ``NA`` quantities,
    product codes with their leading zero dropped."""
    import numpy as np

    for name in ("country_codes_V202301.csv", "product_codes_HS17_V202301.csv"):
        shutil.copy(TRADE / name, tmp_path / name)
    codes = pl.read_csv(TRADE / "country_codes_V202301.csv", separator=";")["country_code"]
    rng = np.random.default_rng(seed)
    products = np.array([10121, 10129, 270900, 271111, 854231, 20110, 760110, 811292])
    lines = ["t,i,j,k,v,q"]
    for n in range(rows):
        i, j = rng.choice(codes.to_numpy(), 2, replace=False)
        k = int(rng.choice(products))
        v = rng.lognormal(2, 2)
        q = "NA" if n % 7 == 0 else f"{v / rng.lognormal(0, 1):.3f}"
        lines.append(f"2019,{i},{j},{k},{v:12.3f},{q:>12}")
    path = tmp_path / BACI.name
    path.write_text("\n".join(lines) + "\n")
    return path


def test_baci_fast_and_careful_paths_store_the_same_data(tmp_path: Path) -> None:
    path = _generated_baci(tmp_path)
    table = read_baci_countries(tmp_path / "country_codes_V202301.csv")
    numeric = dict(zip(table["code"].to_list(), table["iso3"].to_list(), strict=True))
    fast = readers._baci_typed(path, numeric)
    assert fast is not None  # the generated file takes the typed path
    slow = readers._baci_text(path, numeric, tmp_path / "country_codes_V202301.csv")
    assert fast.schema == slow.schema and fast.height == slow.height == 3000
    assert fast.equals(slow, null_equal=True)  # same rows in the same (file) order
    stored = []
    for name, frame in (("fast", fast), ("slow", slow)):
        store = TradeStore(tmp_path / name)
        batch = readers.read_baci(path)
        batch.frame = frame
        store.load([batch])
        stored.append(pl.read_parquet(store.files("main")))
    assert stored[0].equals(stored[1], null_equal=True)
    assert stored[0]["hs6"].str.len_chars().min() == 6


def test_baci_fast_path_defers_bad_values_to_the_careful_path(tmp_path: Path) -> None:
    path = _generated_baci(tmp_path, rows=50)
    table = read_baci_countries(tmp_path / "country_codes_V202301.csv")
    numeric = dict(zip(table["code"].to_list(), table["iso3"].to_list(), strict=True))
    lines = path.read_text().splitlines()
    fields = lines[10].split(",")
    cases = ((5, "   1.2.3"), (4, "      "), (4, "NaN"), (3, "10x21"), (3, "2709"), (1, "999"))
    for col, bad in cases:
        broken = [*fields]
        broken[col] = bad
        path.write_text("\n".join([*lines[:10], ",".join(broken), *lines[11:]]) + "\n")
        assert readers._baci_typed(path, numeric) is None, bad
        if bad != "2709":  # a four-digit heading is valid (270900): read by the careful path
            with pytest.raises(ParseError, match="line 11"):
                readers.read_baci(path)
        else:
            assert "270900" in readers.read_baci(path).frame["hs6"].to_list()
