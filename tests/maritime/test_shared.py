"""The shared Baltic snapshots: every designated vessel present is reported.

Designated = the shared GUR shadow-fleet list (MMSI current and legacy) and the
OFAC vessel file (IMO only; the snapshots carry no IMO, so it adds no MMSI),
joined to the snapshots by MMSI here, independently of the library.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from weerbaar.cli.main import app


def test_scan_reports_every_designated_vessel_present(maritime_shared: Path, home: Path) -> None:
    snaps = sorted((maritime_shared / "ais").glob("baltic_ais_snapshot_*.json"))
    gur = maritime_shared / "designated_vessels" / "gur_war_and_sanctions_shadow_fleet_vessels.csv"
    ofac = maritime_shared / "designated_vessels" / "ofac_sdn_vessels_2026-03-22.json"
    designated: set[int] = set()
    with gur.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            for col in ("mmsi_current", "mmsi_legacy"):
                # some legacy MMSIs carry a stray non-digit prefix (a scraping artefact)
                value = re.sub(r"\D", "", row.get(col) or "")
                if len(value) == 9:
                    designated.add(int(value))
    for v in json.loads(ofac.read_text())["vessels"]:
        mmsi = str((v.get("vessel_info") or {}).get("mmsi") or v.get("mmsi") or "")
        if mmsi.isdigit() and len(mmsi) == 9:
            designated.add(int(mmsi))
    present: set[int] = set()
    for snap in snaps:
        for v in json.loads(snap.read_text())["vessels"]:
            lat, lon = v.get("lat"), v.get("lon")
            if lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
                present.add(int(v["mmsi"]))
    expected = designated & present
    assert len(expected) > 100

    result = CliRunner().invoke(
        app,
        ["maritime", "scan", *map(str, snaps), "--watchlist", str(gur), "--watchlist", str(ofac),
         "--zones", str(maritime_shared / "cables" / "cable-geo.json"), "--zones",
         str(maritime_shared / "zones" / "territorial_waters_baltic.geojson"), "--json",
         "--no-store"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    reported = {a["mmsi"] for a in alerts if a["type"] in ("watched_vessel", "designated_vessel")}
    assert expected <= reported, sorted(expected - reported)[:10]
    by_imo = {a["mmsi"] for a in alerts if a["evidence"].get("matched_by") == "imo"}
    assert reported <= designated | by_imo


def test_shared_gap_table_and_mid_csv_read(maritime_shared: Path) -> None:
    """The Danish gap table (DMA dates) reads as AIS positions; gaps are 45+ minutes."""
    from weerbaar.maritime.ais import read_ais

    data = read_ais(maritime_shared / "ais" / "danish_straits_ais_gap_events_2026Q1.csv")
    assert data.positions.height == 46
    first = data.positions["t"].min()
    assert isinstance(first, int) and first >= 1767225600  # 2026
