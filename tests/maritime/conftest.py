"""Maritime fixtures: the committed small files, a generated scenario, the shared data."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from weerbaar.core.settings import shared_data_dir
from weerbaar.maritime import synth

FIXTURES = ROOT / "tests" / "fixtures" / "maritime"


@pytest.fixture(scope="session")
def maritime_shared() -> Path:
    """``../shared/data/maritime``; skipped with a reason when absent (fails under CI)."""
    path = shared_data_dir() / "maritime"
    if not (path / "ais").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared maritime data at {path}")
        pytest.skip(f"shared maritime data not found at {path} (set WEERBAAR_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def scenario() -> synth.Scenario:
    return synth.scenario(seed=1)


@pytest.fixture(scope="session")
def scenario_files(scenario: synth.Scenario, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("maritime")
    (folder / "zones.geojson").write_text(json.dumps(scenario.zones))
    with (folder / "watch.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(scenario.watchlist[0]))
        writer.writeheader()
        writer.writerows(scenario.watchlist)
    synth.write_nmea(folder / "day.nmea", scenario.positions, scenario.statics)
    synth.write_dma_csv(folder / "day.dma.csv", scenario.positions, scenario.statics)
    synth.write_noaa_csv(folder / "day.noaa.csv", scenario.positions, scenario.statics)
    return folder
