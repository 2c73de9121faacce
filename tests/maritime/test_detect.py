"""Planted events in generated North Sea tracks are all found; clean tracks raise nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from weerbaar.cli.main import app
from weerbaar.maritime import synth
from weerbaar.maritime.ais import AisData, read_ais
from weerbaar.maritime.config import Thresholds
from weerbaar.maritime.detect import Alert, detect
from weerbaar.maritime.register import Register, read_watchlist
from weerbaar.maritime.zones import load_zones


def _found(alerts: list[Alert], planted: dict[str, object]) -> bool:
    for a in alerts:
        if a.type != planted["type"] or a.mmsi != planted["mmsi"]:
            continue
        if "other_mmsi" in planted and a.evidence.get("other_mmsi") != planted["other_mmsi"]:
            continue
        return True
    return False


@pytest.mark.parametrize("fmt", ["day.nmea", "day.dma.csv", "day.noaa.csv"])
def test_every_planted_event_is_found_and_clean_tracks_are_quiet(
    scenario: synth.Scenario, scenario_files: Path, fmt: str
) -> None:
    data = read_ais(scenario_files / fmt, workers=1)
    zones = load_zones([scenario_files / "zones.geojson"])
    register = Register(read_watchlist(scenario_files / "watch.csv"))
    alerts = detect(data, register=register, zones=zones)
    for planted in scenario.planted:
        assert _found(alerts, planted), planted
    planted_ids = {p["mmsi"] for p in scenario.planted} | {
        p.get("other_mmsi") for p in scenario.planted
    }
    noisy = [a.to_dict() for a in alerts if a.mmsi not in planted_ids]
    assert noisy == []
    assert all(a.mmsi in scenario.clean or a.mmsi in planted_ids for a in alerts)


def test_evidence_of_each_kind(scenario: synth.Scenario, scenario_files: Path) -> None:
    data = AisData(scenario.positions, scenario.statics)
    zones = load_zones([scenario_files / "zones.geojson"])
    alerts = {a.type: a for a in detect(data, zones=zones)}
    loiter = alerts["loitering"].evidence
    assert loiter["zone"] == "Synthetic cable NS-1" and loiter["minutes"] >= 170
    assert loiter["closest_m"] < 1000
    gap = alerts["ais_gap"].evidence
    assert gap["silent_minutes"] == pytest.approx(180, abs=3)
    assert 20 < gap["distance_km"] < 120 and 5 < gap["implied_knots"] < 15
    meet = alerts["meeting"].evidence
    assert meet["min_distance_m"] < 500 and meet["minutes"] >= 100
    jump = alerts["impossible_jump"].evidence
    assert jump["examples"][0]["distance_km"] > 100
    ident = [a for a in detect(data) if a.type == "identity_change"]
    assert {a.evidence["field"] for a in ident} == {"imo", "name"}


def test_thresholds_change_what_is_found(scenario: synth.Scenario) -> None:
    data = AisData(scenario.positions, scenario.statics)
    strict = Thresholds(gap_minutes=240, meeting_minutes=150, max_knots=5000)
    kinds = {a.type for a in detect(data, thresholds=strict)}
    assert "ais_gap" not in kinds and "meeting" not in kinds and "impossible_jump" not in kinds


def test_meeting_in_port_is_ignored(scenario: synth.Scenario) -> None:
    # the two anchored ships of the scenario lie 220 m apart inside Rotterdam's radius
    data = AisData(scenario.positions, scenario.statics)
    without_ports = [a.mmsi for a in detect(data, ports=[]) if a.type == "meeting"]
    assert 244_900_001 in without_ports
    assert [a for a in detect(data) if a.mmsi in (244_900_001, 244_900_002)] == []


def test_scan_cli_json_lines(scenario_files: Path, home: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["maritime", "scan", str(scenario_files / "day.noaa.csv"), "--zones",
         str(scenario_files / "zones.geojson"), "--watchlist", str(scenario_files / "watch.csv"),
         "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["type"] for r in rows} >= {"loitering", "ais_gap", "meeting", "watched_vessel"}
    for r in rows:
        assert {"type", "mmsi", "imo", "time", "lat", "lon", "evidence"} <= set(r)
    assert (home / "maritime" / "alerts.jsonl").exists()
    assert list((home / "maritime" / "positions").glob("*.parquet"))
    table = CliRunner().invoke(app, ["maritime", "scan", str(scenario_files / "day.noaa.csv"),
                                     "--set", "gap_minutes=30", "--no-store"])  # fmt: skip
    assert table.exit_code == 0 and "ais_gap" in table.stdout
    bad = CliRunner().invoke(app, ["maritime", "scan", str(scenario_files / "day.noaa.csv"),
                                   "--set", "nonsense=1"])  # fmt: skip
    assert bad.exit_code == 1 and "unknown threshold" in bad.output


def test_vessels_cli(home: Path) -> None:
    result = CliRunner().invoke(app, ["maritime", "vessels", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_zones_are_located_in_blocks_with_the_same_result(
    scenario: synth.Scenario, scenario_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weerbaar.maritime import zones as zones_module

    data = AisData(scenario.positions, scenario.statics)
    zones = load_zones([scenario_files / "zones.geojson"])
    whole = [a.to_dict() for a in detect(data, zones=zones)]
    monkeypatch.setattr(zones_module, "LOCATE_BLOCK", 7)  # many blocks, ragged last one
    assert [a.to_dict() for a in detect(data, zones=zones)] == whole
    assert any(a["type"] == "loitering" for a in whole)
