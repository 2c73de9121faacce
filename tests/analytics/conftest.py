"""Trade fixtures: generated small files in the real layouts, and a loaded store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from weerbaar.analytics.analyses import Query, load_all
from weerbaar.analytics.readers import read_baci
from weerbaar.analytics.store import TradeStore

TRADE = ROOT / "tests" / "fixtures" / "trade"
BACI = TRADE / "BACI_HS17_Y2019_V202301.csv"


@pytest.fixture()
def store(tmp_path: Path) -> TradeStore:
    return TradeStore(tmp_path / "trade")


@pytest.fixture()
def query(store: TradeStore) -> Query:
    load_all()
    store.load([read_baci(BACI)])
    return Query(store)


@pytest.fixture()
def trade_data(shared: Path) -> Path:
    path = shared / "trade"
    if not (path / "baci_slices").is_dir():
        pytest.skip(f"shared trade data not found at {path}")
    return path
