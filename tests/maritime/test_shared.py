"""The shared Baltic snapshots: every designated vessel present is reported.

The designated lists are joined to the snapshots here, independently of the
library: by MMSI (GUR's current and legacy MMSIs; the UK/OpenSanctions shadow
fleet's MMSI lists) and by IMO (the snapshots carry no IMO, so an IMO-only list,
OFAC's vessel file, the OFAC/UK/EU table or the EU's Annex XLII, reaches a
vessel through the IMO that GUR gives for its MMSI).
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from weerbaar.cli.main import app
from weerbaar.core.settings import shared_data_dir

Alerts = list[dict[str, Any]]
LISTED = ("watched_vessel", "designated_vessel")


def _imo_ok(digits: str) -> bool:
    """The IMO check digit: the first six digits weighted 7..2, sum mod 10."""
    if not re.fullmatch(r"\d{7}", digits):
        return False
    return sum(int(c) * w for c, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10 == int(
        digits[6]
    )


def _mmsi(text: str) -> int | None:
    # some GUR legacy MMSIs carry a stray non-digit prefix (a scraping artefact)
    digits = re.sub(r"\D", "", text)
    return int(digits) if len(digits) == 9 else None


def _gur(path: Path) -> dict[int, set[str | None]]:
    """GUR: MMSI -> the (checked) IMO numbers of the vessels that use it."""
    out: dict[int, set[str | None]] = defaultdict(set)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            imo = row["imo"].strip().zfill(7)
            for col in ("mmsi_current", "mmsi_legacy"):
                if (m := _mmsi(row[col] or "")) is not None:
                    out[m].add(imo if _imo_ok(imo) else None)
    return out


def _snapshots(folder: Path) -> tuple[list[Path], dict[int, set[tuple[float, float]]]]:
    """The snapshot files and every MMSI with a valid position -> its positions."""
    snaps = sorted((folder / "ais").glob("baltic_ais_snapshot_*.json"))
    present: dict[int, set[tuple[float, float]]] = defaultdict(set)
    for snap in snaps:
        for v in json.loads(snap.read_text())["vessels"]:
            lat, lon = v.get("lat"), v.get("lon")
            if lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
                present[int(v["mmsi"])].add((round(lat, 4), round(lon, 4)))
    return snaps, present


def _scan(args: list[str]) -> Alerts:
    result = CliRunner().invoke(app, ["maritime", "scan", *args, "--json", "--no-store"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _imo(alert: dict[str, Any]) -> str | None:
    return alert["imo"].removeprefix("IMO") if alert["imo"] else None


def test_scan_reports_every_designated_vessel_present(maritime_shared: Path, home: Path) -> None:
    lists = maritime_shared / "designated_vessels"
    gur = lists / "gur_war_and_sanctions_shadow_fleet_vessels.csv"
    ofac = lists / "ofac_sdn_vessels_2026-03-22.json"
    table = lists / "sanctions_by_imo_ofac_uk_eu.csv"
    by_mmsi = _gur(gur)
    ofac_imos = {str(v["imo"]).zfill(7) for v in json.loads(ofac.read_text())["vessels"]}
    with table.open(encoding="utf-8-sig", newline="") as fh:
        table_imos = {
            row["imo"].zfill(7): {k for k in ("ofac", "uk", "eu") if row[k] == "True"}
            for row in csv.DictReader(fh)
        }
    snaps, present = _snapshots(maritime_shared)
    # every (MMSI, IMO) pair of a designated vessel seen in the snapshots
    expected = {(m, imo) for m in by_mmsi.keys() & present.keys() for imo in by_mmsi[m]}
    assert len(expected) > 300
    # IMO-only lists that reach present vessels through GUR's IMO for the MMSI
    assert sum(1 for _, imo in expected if imo in ofac_imos) > 50
    assert sum(1 for _, imo in expected if imo in table_imos) > 50

    alerts = _scan(
        [*map(str, snaps), "--watchlist", str(gur), "--watchlist", str(ofac), "--watchlist",
         str(table), "--zones", str(maritime_shared / "cables" / "cable-geo.json"), "--zones",
         str(maritime_shared / "zones" / "territorial_waters_baltic.geojson")]
    )  # fmt: skip
    listed = [a for a in alerts if a["type"] in LISTED]
    reported = {(a["mmsi"], _imo(a)) for a in listed}
    assert expected - reported == set(), sorted(expected - reported, key=str)[:10]
    assert reported - expected == set(), sorted(reported - expected, key=str)[:10]
    for a in listed:
        assert (round(a["lat"], 4), round(a["lon"], 4)) in present[a["mmsi"]], a
        on = set(a["evidence"]["vessel"]["lists"])
        imo = _imo(a)
        assert (ofac.stem in on) == (imo in ofac_imos), (a["mmsi"], imo, on)
        assert (table.stem in on) == (imo in table_imos), (a["mmsi"], imo, on)
        if imo in table_imos:
            details = a["evidence"]["vessel"]["details"]
            assert {k for k in ("ofac", "uk", "eu") if details[k] == "True"} == table_imos[imo]


def test_loaded_list_and_mmsi_lists_reach_present_vessels(
    maritime_shared: Path, home: Path
) -> None:
    """EU Annex XLII loaded as a list (IMO only: ``designated_vessel`` through GUR's IMO)
    and the UK/OpenSanctions shadow fleet as a watch list (JSON, MMSIs as lists)."""
    vessels = shared_data_dir() / "sanctions" / "vessels"
    eu = vessels / "eu_designated_vessels_annexXLII_2025-10-24.csv"
    uk = vessels / "shadowfleet_uk_opensanctions_2026-08-22.json"
    if not (eu.exists() and uk.exists()):
        pytest.skip(f"shared vessel lists not found in {vessels}")
    gur = maritime_shared / "designated_vessels" / "gur_war_and_sanctions_shadow_fleet_vessels.csv"
    with eu.open(encoding="cp1252", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    eu_imos = {r[1].strip().zfill(7) for r in rows[1:] if r and r[1].strip().isdigit()}
    assert len(eu_imos) > 500
    uk_mmsi: dict[int, set[str]] = defaultdict(set)
    for v in json.loads(uk.read_text()):
        for text in v.get("mmsi") or []:
            if (m := _mmsi(text)) is not None:
                uk_mmsi[m].add(str(v["imo"]).zfill(7))
    by_mmsi = _gur(gur)
    snaps, present = _snapshots(maritime_shared)
    # vessels merge by IMO, so either watch list can bridge an MMSI to an EU-listed IMO
    on_eu = {m for m in present if (by_mmsi.get(m, set()) | uk_mmsi.get(m, set())) & eu_imos}
    on_uk = uk_mmsi.keys() & present.keys()
    assert len(on_eu) > 50 and len(on_uk - by_mmsi.keys()) > 20

    imported = CliRunner().invoke(app, ["lists", "import", str(eu)])
    assert imported.exit_code == 0, imported.output
    alerts = _scan([*map(str, snaps), "--watchlist", str(gur), "--watchlist", str(uk)])
    kinds: dict[int, set[str]] = defaultdict(set)
    for a in alerts:
        if a["type"] in LISTED:
            kinds[a["mmsi"]].add(a["type"])
            assert ("eu_vessels" in a["evidence"]["vessel"]["lists"]) == (_imo(a) in eu_imos), a
    assert {m for m, k in kinds.items() if "designated_vessel" in k} == on_eu
    assert kinds.keys() == (by_mmsi.keys() | uk_mmsi.keys()) & present.keys()


def test_shared_gap_table_and_mid_csv_read(maritime_shared: Path) -> None:
    """The Danish gap table (DMA dates) reads as AIS positions; gaps are 45+ minutes."""
    from weerbaar.maritime.ais import read_ais

    data = read_ais(maritime_shared / "ais" / "danish_straits_ais_gap_events_2026Q1.csv")
    assert data.positions.height == 46
    first = data.positions["t"].min()
    assert isinstance(first, int) and first >= 1767225600  # 2026
