"""One scan: read AIS files, build the register, load zones, detect, keep the results.

    result = scan(settings, [Path("day.nmea")], zones=[...], watchlists=[...])

Positions are kept as Parquet under ``WEERBAAR_HOME/maritime/positions/`` (one
file per scan; DuckDB or polars can query them all with a glob), the alerts of
every scan are appended to ``WEERBAAR_HOME/maritime/alerts.jsonl`` and the
last scan's map data (sampled tracks, zones, alerts) is ``last_scan.json``.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import polars as pl

from weerbaar.core.settings import Settings
from weerbaar.maritime.ais import AisData, read_ais
from weerbaar.maritime.config import DEFAULT_PORTS, Port, Thresholds, read_ports
from weerbaar.maritime.detect import Alert, detect
from weerbaar.maritime.register import Register, load_register, read_watchlist
from weerbaar.maritime.zones import Zones, load_zones

#: Tracks drawn on the map: at most this many vessels, this many points each.
MAP_VESSELS = 400
MAP_POINTS = 120


def maritime_dir(settings: Settings) -> Path:
    return settings.home / "maritime"


def register_for(
    settings: Settings, watchlists: Iterable[Path] = (), *, lists: bool = True
) -> Register:
    """The vessels of the loaded lists (if a store exists) plus the given watch lists."""
    register = Register()
    if lists and settings.store_path.exists():
        from weerbaar.store.store import Store

        store = Store(settings.store_path)
        try:
            register = load_register(store)
        finally:
            store.close()
    for path in watchlists:
        register.add(read_watchlist(path))
    return register


@dataclass
class ScanResult:
    alerts: list[Alert]
    data: AisData
    zones: Zones | None
    register_size: int
    timings: dict[str, float] = field(default_factory=dict)
    stored: Path | None = None

    def summary(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for a in self.alerts:
            counts[a.type] = counts.get(a.type, 0) + 1
        return {
            "positions": self.data.positions.height,
            "vessels": self.data.positions["mmsi"].n_unique(),
            "read": {k: v for k, v in self.data.stats.to_dict().items() if k != "files"},
            "files": self.data.stats.files,
            "register": self.register_size,
            "zones": len(self.zones) if self.zones else 0,
            "alerts": counts,
            "seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


def data_bbox(data: AisData, margin: float = 1.0) -> tuple[float, float, float, float] | None:
    p = data.positions
    if not p.height:
        return None
    return (
        float(p["lon"].min()) - margin,  # type: ignore[arg-type]
        float(p["lat"].min()) - margin,  # type: ignore[arg-type]
        float(p["lon"].max()) + margin,  # type: ignore[arg-type]
        float(p["lat"].max()) + margin,  # type: ignore[arg-type]
    )


def scan(
    settings: Settings,
    paths: Sequence[Path],
    *,
    zones: Sequence[Path] = (),
    watchlists: Sequence[Path] = (),
    thresholds: Thresholds | None = None,
    ports: Path | None = None,
    use_lists: bool = True,
    keep: bool = True,
    workers: int | None = None,
) -> ScanResult:
    th = thresholds or Thresholds()
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    data = AisData.concat(read_ais(p, workers=workers) for p in paths)
    timings["read"] = time.perf_counter() - clock
    register = register_for(settings, watchlists, lists=use_lists)
    zone_set = (
        load_zones(zones, buffer_m=th.buffer_m, crs=th.crs, bbox=data_bbox(data)) if zones else None
    )
    port_list: list[Port] = read_ports(ports) if ports else list(DEFAULT_PORTS)
    clock = time.perf_counter()
    alerts = detect(
        data, register=register, zones=zone_set, thresholds=th, ports=port_list, timings=timings
    )
    timings["detect"] = time.perf_counter() - clock
    result = ScanResult(alerts, data, zone_set, len(register), timings)
    if keep:
        result.stored = save_scan(settings, result)
    return result


def save_scan(settings: Settings, result: ScanResult) -> Path:
    """Positions to Parquet, alerts appended to alerts.jsonl, map data to last_scan.json."""
    folder = maritime_dir(settings)
    (folder / "positions").mkdir(parents=True, exist_ok=True)
    scan_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    target = folder / "positions" / f"{scan_id}.parquet"
    part = target.with_suffix(".part")
    result.data.positions.write_parquet(part)
    part.replace(target)
    with (folder / "alerts.jsonl").open("ab") as fh:
        for a in result.alerts:
            fh.write(orjson.dumps({"scan": scan_id, **a.to_dict()}) + b"\n")
    doc = {"scan": scan_id, "summary": result.summary(), **map_data(result)}
    tmp = folder / f".last_scan.{os.getpid()}.tmp"
    tmp.write_bytes(orjson.dumps(doc))
    tmp.replace(folder / "last_scan.json")
    return target


def map_data(result: ScanResult) -> dict[str, Any]:
    """Sampled tracks (alerted vessels first), zone outlines and alerts, for the map."""
    pos = result.data.positions
    alerted = {a.mmsi for a in result.alerts} | {
        a.evidence.get("other_mmsi") for a in result.alerts
    }
    tracks: list[dict[str, Any]] = []
    if pos.height:
        counts = (
            pos.group_by("mmsi")
            .len()
            .with_columns(hot=pl.col("mmsi").is_in([m for m in alerted if m is not None]))
        )
        chosen = counts.sort(["hot", "len"], descending=True).head(MAP_VESSELS)["mmsi"]
        sub = pos.filter(pl.col("mmsi").is_in(chosen.implode())).sort(["mmsi", "t"])
        sub = sub.with_columns(k=pl.int_range(pl.len()).over("mmsi"), n=pl.len().over("mmsi"))
        sub = sub.filter(
            (pl.col("k") % (pl.col("n") // MAP_POINTS + 1) == 0) | (pl.col("k") == pl.col("n") - 1)
        )
        for (m,), g in sub.group_by(["mmsi"], maintain_order=True):
            tracks.append(
                {
                    "mmsi": int(m),
                    "alerted": m in alerted,
                    "points": [
                        [round(lo, 5), round(la, 5)]
                        for lo, la in zip(g["lon"], g["lat"], strict=True)
                    ],
                }
            )
    return {
        "tracks": tracks,
        "zones": result.zones.to_geojson() if result.zones else None,
        "alerts": [a.to_dict() for a in result.alerts],
    }


def last_scan(settings: Settings) -> dict[str, Any] | None:
    path = maritime_dir(settings) / "last_scan.json"
    if not path.exists():
        return None
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    return data


def stored_alerts(
    settings: Settings, *, kind: str | None = None, mmsi: int | None = None, limit: int = 500
) -> list[dict[str, Any]]:
    """The newest stored alerts first (of one ``kind`` / ``mmsi`` when given)."""
    path = maritime_dir(settings) / "alerts.jsonl"
    if not path.exists():
        return []
    out: list[dict[str, Any]] = []
    for line in reversed(path.read_bytes().splitlines()):
        if not line.strip():
            continue
        row = orjson.loads(line)
        if (kind and row.get("type") != kind) or (mmsi and row.get("mmsi") != mmsi):
            continue
        out.append(row)
        if len(out) >= limit:
            break
    return out


def stored_positions(settings: Settings) -> pl.LazyFrame | None:
    """Every stored position (all scans) as one lazy frame."""
    folder = maritime_dir(settings) / "positions"
    if not any(folder.glob("*.parquet")):
        return None
    return pl.scan_parquet(folder / "*.parquet")
