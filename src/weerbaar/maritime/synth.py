"""Synthetic North Sea traffic with planted events, and writers in the real AIS formats.

    sc = scenario(seed=1)            clean tracks + planted loitering, gap, meeting,
                                     spoofing, identity change and a watched vessel
    sc.planted                       what a detector must find (type, mmsi, start, end)
    write_nmea(path, positions, statics)    !AIVDM with tag-block times (vectorised)
    write_dma_csv / write_noaa_csv / write_digitraffic_json / write_geojson

Clean tracks sail great-circle-ish legs between North Sea waypoints at 8-18
knots with small course and speed noise, reporting every ``interval`` seconds;
a few lie at anchor inside ports. Nothing in the clean traffic is slow at sea,
silent, close to another ship or inconsistent, so no alert is expected there.
The synthetic cable and pipeline (``ZONES``) cross the shipping lanes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import polars as pl

from weerbaar.maritime.ais import POSITION_SCHEMA, STATIC_SCHEMA

START = 1_767_225_600  # 2026-01-01T00:00:00Z
#: a synthetic cable and pipeline across the central North Sea (WGS84 lon/lat)
CABLE = [(1.8, 52.9), (3.2, 53.6), (4.6, 54.5), (6.1, 55.4), (7.6, 56.3)]
PIPELINE = [(2.2, 57.6), (3.6, 56.4), (5.2, 55.2), (6.6, 54.2)]
ZONES: dict[str, Any] = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"name": "Synthetic cable NS-1"},
         "geometry": {"type": "LineString", "coordinates": [list(p) for p in CABLE]}},
        {"type": "Feature", "properties": {"name": "Synthetic pipeline NP-2", "buffer_m": 1500},
         "geometry": {"type": "MultiLineString", "coordinates": [[list(p) for p in PIPELINE]]}},
        {"type": "Feature", "properties": {"name": "Synthetic EEZ box"},
         "geometry": {"type": "Polygon", "coordinates": [[[2.5, 53.5], [7.0, 53.5], [7.0, 56.0],
                                                          [2.5, 56.0], [2.5, 53.5]]]}},
    ],
}  # fmt: skip
#: open-sea waypoints (well away from ports and the planted events' areas)
WAYPOINTS = np.array([
    (2.0, 51.9), (2.6, 52.6), (3.0, 54.8), (4.0, 53.3), (4.8, 53.9), (5.5, 54.9), (6.4, 54.3),
    (7.2, 54.6), (1.2, 55.5), (2.2, 56.3), (3.8, 57.2), (5.6, 57.8), (7.4, 57.6), (8.2, 55.8),
    (1.0, 54.0), (0.8, 57.0), (6.8, 56.8), (3.2, 55.6),
])  # fmt: skip
M_PER_DEG = 111_320.0
KN = 1852.0 / 3600.0


@dataclass
class Scenario:
    positions: pl.DataFrame
    statics: pl.DataFrame
    planted: list[dict[str, Any]]
    watchlist: list[dict[str, str]]
    zones: dict[str, Any] = field(default_factory=lambda: ZONES)
    clean: list[int] = field(default_factory=list)


def _leg(
    rng: np.random.Generator, mmsi: int, t0: int, hours: float, interval: int, knots: float,
    start: tuple[float, float] | None = None,
) -> dict[str, np.ndarray[Any, Any]]:  # fmt: skip
    """A vessel sailing between random waypoints at about ``knots``."""
    n = max(2, int(hours * 3600 / interval))
    t = t0 + np.arange(n, dtype=np.int64) * interval + rng.integers(0, 3, n)
    t = np.maximum.accumulate(t)
    lon0, lat0 = start if start is not None else WAYPOINTS[rng.integers(len(WAYPOINTS))]
    lons, lats = np.empty(n), np.empty(n)
    sog, cog = np.empty(n), np.empty(n)
    lon, lat = float(lon0), float(lat0)
    target = WAYPOINTS[rng.integers(len(WAYPOINTS))]
    speed = knots
    steps = 0
    for i in range(n):
        dx = (target[0] - lon) * np.cos(np.radians(lat))
        dy = target[1] - lat
        if np.hypot(dx, dy) < 0.05 or steps > 4000:
            target = WAYPOINTS[rng.integers(len(WAYPOINTS))]
            steps = 0
            dx = (target[0] - lon) * np.cos(np.radians(lat))
            dy = target[1] - lat
        course = (np.degrees(np.arctan2(dx, dy)) + rng.normal(0, 1.5)) % 360
        speed = float(np.clip(speed + rng.normal(0, 0.1), knots - 1.5, knots + 1.5))
        lons[i], lats[i], sog[i], cog[i] = lon, lat, speed, course
        dist = speed * KN * (t[i + 1] - t[i] if i + 1 < n else interval)
        lat += dist * np.cos(np.radians(course)) / M_PER_DEG
        lon += dist * np.sin(np.radians(course)) / (M_PER_DEG * np.cos(np.radians(lat)))
        steps += 1
    return {"mmsi": np.full(n, mmsi), "t": t, "lat": lats, "lon": lons, "sog": sog, "cog": cog}


def _straight(
    mmsi: int, t0: int, t1: int, a: tuple[float, float], b: tuple[float, float], interval: int
) -> dict[str, np.ndarray[Any, Any]]:
    """Constant speed from ``a`` (lon, lat) at ``t0`` to ``b`` at ``t1``."""
    t = np.arange(t0, t1 + 1, interval, dtype=np.int64)
    f = (t - t0) / max(t1 - t0, 1)
    lon = a[0] + (b[0] - a[0]) * f
    lat = a[1] + (b[1] - a[1]) * f
    dx = (b[0] - a[0]) * M_PER_DEG * np.cos(np.radians((a[1] + b[1]) / 2))
    dy = (b[1] - a[1]) * M_PER_DEG
    knots = np.hypot(dx, dy) / max(t1 - t0, 1) / KN
    course = np.degrees(np.arctan2(dx, dy)) % 360
    n = len(t)
    return {"mmsi": np.full(n, mmsi), "t": t, "lat": lat, "lon": lon,
            "sog": np.full(n, knots), "cog": np.full(n, course)}  # fmt: skip


def _visit(
    rng: np.random.Generator, mmsi: int, t0: int, t1: int, lon: float, lat: float,
    radius_m: float, interval: int, hours: float, knots: float = 0.8,
) -> list[dict[str, np.ndarray[Any, Any]]]:  # fmt: skip
    """Sail in at 11 knots, drift between ``t0`` and ``t1`` near (lon, lat), sail out."""
    away = 11 * KN * (t0 - START) / M_PER_DEG  # degrees of latitude covered on the way in
    a = (lon - away * 0.8 / np.cos(np.radians(lat)), lat - away * 0.6)
    out = _straight(mmsi, START, t0 - interval, a, (lon, lat), interval)
    drift = _drift(rng, mmsi, t0, (t1 - t0) / 60, interval, lon, lat, radius_m, knots)
    end = START + int(hours * 3600)
    back = 11 * KN * (end - t1) / M_PER_DEG
    b = (lon + back * 0.8 / np.cos(np.radians(lat)), lat + back * 0.6)
    leave = _straight(mmsi, int(drift["t"][-1]) + interval, end, (lon, lat), b, interval)
    return [out, drift, leave]


def _drift(
    rng: np.random.Generator, mmsi: int, t0: int, minutes: float, interval: int,
    lon: float, lat: float, radius_m: float, knots: float = 0.8,
) -> dict[str, np.ndarray[Any, Any]]:  # fmt: skip
    """A slow vessel wandering within ``radius_m`` of (lon, lat)."""
    n = max(2, int(minutes * 60 / interval) + 1)
    t = t0 + np.arange(n, dtype=np.int64) * interval
    angle = np.cumsum(rng.normal(0, 0.3, n))
    r = radius_m * (0.3 + 0.6 * np.abs(np.sin(np.arange(n) / 17)))
    lats = lat + r * np.cos(angle) / M_PER_DEG
    lons = lon + r * np.sin(angle) / (M_PER_DEG * np.cos(np.radians(lat)))
    sog = np.clip(rng.normal(knots, 0.3, n), 0.0, 2.5)
    cog = np.degrees(angle) % 360
    return {"mmsi": np.full(n, mmsi), "t": t, "lat": lats, "lon": lons, "sog": sog, "cog": cog}


def _cat(parts: list[dict[str, np.ndarray[Any, Any]]]) -> dict[str, np.ndarray[Any, Any]]:
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def _frame(parts: list[dict[str, np.ndarray[Any, Any]]]) -> pl.DataFrame:
    data = _cat(parts)
    data["heading"] = np.round(data["cog"]) % 360
    return pl.DataFrame(data).select(pl.col(k).cast(v) for k, v in POSITION_SCHEMA.items())


def _on_line(line: list[tuple[float, float]], frac: float) -> tuple[float, float]:
    seg = min(int(frac * (len(line) - 1)), len(line) - 2)
    f = frac * (len(line) - 1) - seg
    (x0, y0), (x1, y1) = line[seg], line[seg + 1]
    return x0 + (x1 - x0) * f, y0 + (y1 - y0) * f


def scenario(
    seed: int = 1, *, clean: int = 40, hours: float = 12.0, interval: int = 60
) -> Scenario:
    """Clean traffic plus one planted event of each kind (see ``Scenario.planted``)."""
    rng = np.random.default_rng(seed)
    parts: list[dict[str, np.ndarray[Any, Any]]] = []
    statics: list[tuple[int, int, str | None, str, str, int]] = []
    planted: list[dict[str, Any]] = []
    clean_ids: list[int] = []
    for k in range(clean):
        mmsi = int(244_000_000 + 1000 * k + 10)
        parts.append(_leg(rng, mmsi, START, hours, interval, float(rng.uniform(8, 18))))
        statics.append((mmsi, START, _imo(7, k), f"CLEAN {k}", f"PC{k:04d}", 70))
        clean_ids.append(mmsi)
    # two ships at anchor close together inside Rotterdam's port radius: no meeting alert
    for k, dlat in enumerate((0.0, 0.002)):
        mmsi = 244_900_001 + k
        parts.append(_drift(rng, mmsi, START, hours * 60, interval, 4.08, 51.95 + dlat, 80, 0.2))
        statics.append((mmsi, START, None, f"ANCHORED {k}", f"PA{k}", 80))
        clean_ids.append(mmsi)
    t_ev = START + 2 * 3600
    # loitering over the cable for 3 hours (between two fast legs)
    lo_lon, lo_lat = _on_line(CABLE, 0.42)
    m = 273_100_001
    parts += _visit(rng, m, t_ev, t_ev + 3 * 3600, lo_lon, lo_lat, 400, interval, hours)
    statics.append((m, START, _imo(9, 7), "LOITER ONE", "UALO1", 80))
    planted.append({"type": "loitering", "mmsi": m, "start": t_ev, "end": t_ev + 3 * 3600})
    # AIS gap: a tanker goes silent for 3 hours, reappears 30 nm on
    m = 273_100_002
    gap_start = START + 3 * 3600
    whole = _straight(m, START, START + int(hours * 3600), (3.0, 54.6), (6.2, 56.9), interval)
    silent = (whole["t"] > gap_start) & (whole["t"] < gap_start + 3 * 3600)
    parts.append({k: v[~silent] for k, v in whole.items()})
    statics.append((m, START, _imo(9, 14), "DARK TWO", "UADK2", 80))
    planted.append({"type": "ais_gap", "mmsi": m, "start": gap_start,
                    "end": gap_start + 3 * 3600})  # fmt: skip
    # ship-to-ship meeting: two vessels 150 m apart, drifting for 2 hours, far from ports
    m1, m2 = 273_100_003, 636_100_004
    mlon, mlat = 4.2, 56.6
    for mm, dl in ((m1, 0.0), (m2, 0.0013)):
        parts += _visit(rng, mm, t_ev, t_ev + 2 * 3600, mlon, mlat + dl, 40, interval, hours, 0.4)
    statics.append((m1, START, _imo(9, 21), "STS ALPHA", "UAST3", 80))
    statics.append((m2, START, _imo(9, 28), "STS BRAVO", "D5ST4", 80))
    planted.append({"type": "meeting", "mmsi": m1, "other_mmsi": m2, "start": t_ev,
                    "end": t_ev + 2 * 3600})  # fmt: skip
    # spoofing: positions jump 150 km west for 20 minutes, then back
    m = 273_100_005
    s = _leg(rng, m, START, hours, interval, 13, start=(6.0, 57.0))
    spoof = (s["t"] >= t_ev) & (s["t"] < t_ev + 1200)
    s["lon"] = np.where(spoof, s["lon"] - 2.4, s["lon"])
    parts.append(s)
    statics.append((m, START, _imo(9, 35), "SPOOF FIVE", "UASP5", 80))
    planted.append({"type": "impossible_jump", "mmsi": m, "start": t_ev, "end": t_ev + 1200})
    # identity change: an MMSI that starts broadcasting another IMO and name
    m = 273_100_006
    parts.append(_leg(rng, m, START, hours, interval, 10, start=(1.5, 56.5)))
    statics.append((m, START, _imo(9, 42), "OLD NAME", "UAID6", 80))
    statics.append((m, t_ev, _imo(9, 49), "NEW NAME", "UAID6", 80))
    planted.append({"type": "identity_change", "mmsi": m, "start": t_ev, "end": t_ev})
    # a watched vessel sailing normally (on the scenario's watch list)
    m = 620_100_007
    parts.append(_leg(rng, m, START, hours, interval, 14))
    statics.append((m, START, _imo(9, 56), "WATCHED SEVEN", "D6WS7", 80))
    planted.append({"type": "watched_vessel", "mmsi": m, "start": START, "end": START})
    watch = [{"imo": _imo(9, 56), "mmsi": str(m), "name": "WATCHED SEVEN",
              "reason": "synthetic watch list"}]  # fmt: skip
    positions = _frame(parts).sort(["t", "mmsi"])
    static_df = pl.DataFrame(statics, schema=list(STATIC_SCHEMA), orient="row").cast(
        STATIC_SCHEMA  # type: ignore[arg-type]
    )
    return Scenario(positions, static_df, planted, watch, ZONES, clean_ids)


def _imo(prefix: int, k: int) -> str:
    """A valid IMO number (the check digit computed): ``prefix`` then ``k`` in 5 digits."""
    base = f"{prefix}{k:05d}"
    total = sum(int(d) * w for d, w in zip(base, range(7, 1, -1), strict=True))
    return f"{base}{total % 10}"


def day_of_traffic(
    n_positions: int, *, seed: int = 7, interval: int = 30
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """About ``n_positions`` positions of one day (vectorised: straight legs with noise)."""
    rng = np.random.default_rng(seed)
    per = 86_400 // interval
    vessels = max(1, n_positions // per)
    mmsi = 200_000_000 + rng.choice(700_000_000, vessels, replace=False).astype(np.int64)
    mmsi = np.sort(mmsi)
    lon0 = rng.uniform(-1.0, 8.5, vessels)
    lat0 = rng.uniform(51.5, 58.5, vessels)
    knots = rng.uniform(0.0, 18.0, vessels)
    knots[rng.random(vessels) < 0.15] = 0.3  # some at anchor
    course = rng.uniform(0, 360, vessels)
    steps = np.arange(per, dtype=np.int64)
    t = START + steps[None, :] * interval + rng.integers(0, interval, (vessels, 1))
    turn = np.cumsum(rng.normal(0, 0.4, (vessels, per)), axis=1)
    cog = (course[:, None] + turn) % 360
    d = knots[:, None] * KN * interval
    rad = np.radians(cog)
    dlat = np.cumsum(d * np.cos(rad), axis=1) / M_PER_DEG
    lat = lat0[:, None] + dlat
    dlon = np.cumsum(d * np.sin(rad), axis=1) / (M_PER_DEG * np.cos(np.radians(lat)))
    lon = lon0[:, None] + dlon
    sog = np.clip(knots[:, None] + rng.normal(0, 0.2, (vessels, per)), 0, 30)
    positions = pl.DataFrame({
        "mmsi": np.repeat(mmsi, per), "t": t.ravel(), "lat": lat.ravel(), "lon": lon.ravel(),
        "sog": sog.ravel(), "cog": cog.ravel(), "heading": np.round(cog.ravel()) % 360,
    }).select(pl.col(k).cast(v) for k, v in POSITION_SCHEMA.items()).sort("t")  # fmt: skip
    statics = pl.DataFrame({
        "mmsi": mmsi, "t": np.full(vessels, START), "imo": [None] * vessels,
        "name": [f"SHIP {i}" for i in range(vessels)],
        "callsign": [f"C{i}" for i in range(vessels)],
        "ship_type": np.full(vessels, 70),
    }).cast(STATIC_SCHEMA)  # type: ignore[arg-type]  # fmt: skip
    return positions, statics


# -- writers --------------------------------------------------------------------------------

_SIX = np.array([32, 16, 8, 4, 2, 1], dtype=np.uint8)


def _bits(values: np.ndarray[Any, Any], width: int) -> np.ndarray[Any, Any]:
    v = values.astype(np.int64) & ((1 << width) - 1)
    shifts = np.arange(width - 1, -1, -1, dtype=np.int64)
    return ((v[:, None] >> shifts) & 1).astype(np.uint8)


def _checksum_hex(body: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    x = np.bitwise_xor.reduce(body, axis=1)
    hexd = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)
    return np.column_stack([hexd[x >> 4], hexd[x & 15]])


def encode_positions(positions: pl.DataFrame) -> np.ndarray[Any, Any]:
    """Type 1 position reports as NMEA lines with a ``c:`` tag block (a uint8 matrix,
    one row per line, newline included): vectorised, millions of lines per second."""
    n = positions.height
    mmsi = positions["mmsi"].to_numpy()
    sog = positions["sog"].fill_null(102.3).to_numpy()
    cog = positions["cog"].fill_null(360.0).to_numpy()
    head = positions["heading"].fill_null(511).to_numpy()
    t = positions["t"].to_numpy()
    fields = [
        (np.full(n, 1), 6), (np.zeros(n), 2), (mmsi, 30), (np.zeros(n), 4),
        (np.full(n, -128), 8), (np.round(sog * 10), 10), (np.ones(n), 1),
        (np.round(positions["lon"].to_numpy() * 600_000), 28),
        (np.round(positions["lat"].to_numpy() * 600_000), 27),
        (np.round(cog * 10), 12), (head, 9), (t % 60, 6), (np.zeros(n), 2),
        (np.zeros(n), 3), (np.zeros(n), 1), (np.zeros(n), 19),
    ]  # fmt: skip
    bits = np.concatenate([_bits(np.asarray(v), w) for v, w in fields], axis=1)
    six = bits.reshape(n, 28, 6) @ _SIX
    payload = np.where(six < 40, six + 48, six + 56).astype(np.uint8)
    head_b = np.frombuffer(b"AIVDM,1,1,,A,", dtype=np.uint8)
    tail_b = np.frombuffer(b",0", dtype=np.uint8)
    body = np.concatenate([np.tile(head_b, (n, 1)), payload, np.tile(tail_b, (n, 1))], axis=1)
    digits = np.array([list(f"{v:010d}".encode()) for v in range(0)], dtype=np.uint8)
    digits = ((t[:, None] // (10 ** np.arange(9, -1, -1))) % 10 + 48).astype(np.uint8)
    tag = np.concatenate([np.tile(np.frombuffer(b"c:", dtype=np.uint8), (n, 1)), digits], axis=1)

    def col(text: bytes) -> np.ndarray[Any, Any]:
        return np.tile(np.frombuffer(text, dtype=np.uint8), (n, 1))

    return np.concatenate(
        [col(b"\\"), tag, col(b"*"), _checksum_hex(tag), col(b"\\!"), body, col(b"*"),
         _checksum_hex(body), col(b"\n")],
        axis=1,
    )  # fmt: skip


def write_nmea(
    path: Path, positions: pl.DataFrame, statics: pl.DataFrame, *, chunk: int = 500_000
) -> None:
    """Position reports (type 1) and static reports (type 5, two sentences) with tag-block
    times, in time order."""
    from pyais.encode import encode_dict

    static_lines: list[tuple[int, bytes]] = []
    for n, row in enumerate(statics.iter_rows(named=True)):
        msg = {"type": 5, "mmsi": row["mmsi"], "imo": int(row["imo"] or 0),
               "callsign": row["callsign"] or "", "shipname": row["name"] or "",
               "ship_type": row["ship_type"] or 0}  # fmt: skip
        t = int(row["t"])
        tag = f"c:{t}".encode()
        cs = 0
        for ch in tag:
            cs ^= ch
        block = b"\\" + tag + f"*{cs:02X}".encode() + b"\\"
        sentences = encode_dict(msg, talker_id="AI", radio_channel="A", seq_id=n % 10)
        static_lines.append((t, b"".join(block + s.encode() + b"\n" for s in sentences)))
    static_lines.sort()
    with path.open("wb") as fh:
        k = 0
        for start in range(0, positions.height, chunk):
            part = positions.slice(start, chunk)
            last_t = int(part["t"][-1])
            while k < len(static_lines) and static_lines[k][0] <= last_t:
                fh.write(static_lines[k][1])
                k += 1
            fh.write(encode_positions(part).tobytes())
        for _, text in static_lines[k:]:
            fh.write(text)


def _join_statics(positions: pl.DataFrame, statics: pl.DataFrame) -> pl.DataFrame:
    st = statics.sort("t").select("mmsi", "t", "imo", "name", "callsign", "ship_type")
    return positions.sort("t").join_asof(
        st, on="t", by="mmsi", strategy="backward", check_sortedness=False
    )


def write_dma_csv(path: Path, positions: pl.DataFrame, statics: pl.DataFrame) -> None:
    """The Danish Maritime Authority layout (``# Timestamp`` dd/mm/yyyy HH:MM:SS)."""
    df = _join_statics(positions, statics)
    out = df.select(
        pl.from_epoch("t", "s").dt.strftime("%d/%m/%Y %H:%M:%S").alias("# Timestamp"),
        pl.lit("Class A").alias("Type of mobile"),
        pl.col("mmsi").alias("MMSI"),
        pl.col("lat").round(6).alias("Latitude"),
        pl.col("lon").round(6).alias("Longitude"),
        pl.lit("Under way using engine").alias("Navigational status"),
        pl.lit(None, pl.Utf8).alias("ROT"),
        pl.col("sog").round(1).alias("SOG"),
        pl.col("cog").round(1).alias("COG"),
        pl.col("heading").cast(pl.Int32).alias("Heading"),
        pl.col("imo").fill_null("Unknown").alias("IMO"),
        pl.col("callsign").fill_null("Unknown").alias("Callsign"),
        pl.col("name").fill_null("").alias("Name"),
        pl.lit("Cargo").alias("Ship type"),
        *(pl.lit(None, pl.Utf8).alias(c) for c in ("Cargo type", "Width", "Length")),
        pl.lit("GPS").alias("Type of position fixing device"),
        *(pl.lit(None, pl.Utf8).alias(c) for c in ("Draught", "Destination", "ETA")),
        pl.lit("AIS").alias("Data source type"),
        *(pl.lit(None, pl.Utf8).alias(c) for c in ("A", "B", "C", "D")),
    )
    out.write_csv(path)


def write_noaa_csv(path: Path, positions: pl.DataFrame, statics: pl.DataFrame) -> None:
    """The NOAA MarineCadastre layout (``MMSI,BaseDateTime,LAT,LON,...``, heading 511)."""
    df = _join_statics(positions, statics)
    df.select(
        pl.col("mmsi").alias("MMSI"),
        pl.from_epoch("t", "s").dt.strftime("%Y-%m-%dT%H:%M:%S").alias("BaseDateTime"),
        pl.col("lat").round(5).alias("LAT"),
        pl.col("lon").round(5).alias("LON"),
        pl.col("sog").round(1).alias("SOG"),
        pl.col("cog").round(1).alias("COG"),
        pl.col("heading").fill_null(511).cast(pl.Int32).alias("Heading"),
        pl.col("name").alias("VesselName"),
        (pl.lit("IMO") + pl.col("imo")).alias("IMO"),
        pl.col("callsign").alias("CallSign"),
        pl.col("ship_type").alias("VesselType"),
        pl.lit(0).alias("Status"),
        *(pl.lit(None, pl.Utf8).alias(c) for c in ("Length", "Width", "Draft", "Cargo")),
        pl.lit("A").alias("TransceiverClass"),
    ).write_csv(path)


def write_digitraffic_json(
    path: Path, positions: pl.DataFrame, statics: pl.DataFrame, t: int
) -> None:
    """One snapshot ``{timestamp, vessel_count, vessels: [...]}`` (the shared layout):
    every vessel's last position at or before ``t``."""
    from weerbaar.maritime.detect import iso

    df = _join_statics(positions.filter(pl.col("t") <= t), statics)
    last = df.group_by("mmsi").agg(pl.all().sort_by("t").last()).sort("mmsi")
    vessels = [
        {"mmsi": r["mmsi"], "name": r["name"] or "", "lon": r["lon"], "lat": r["lat"],
         "sog": round(r["sog"], 1), "cog": round(r["cog"], 1),
         "heading": 511 if r["heading"] is None else int(r["heading"]),
         "ship_type": r["ship_type"] or 0, "destination": "UNKNOWN"}
        for r in last.iter_rows(named=True)
    ]  # fmt: skip
    doc = {"timestamp": iso(t).replace("Z", "+00:00"), "vessel_count": len(vessels),
           "vessels": vessels}  # fmt: skip
    path.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2))


def write_geojson(path: Path, positions: pl.DataFrame) -> None:
    """Digitraffic's ``/api/ais/v1/locations`` GeoJSON layout (``timestampExternal`` in ms)."""
    features = [
        {"mmsi": r["mmsi"], "type": "Feature",
         "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
         "properties": {"mmsi": r["mmsi"], "sog": round(r["sog"], 1), "cog": round(r["cog"], 1),
                        "navStat": 0, "rot": 0, "posAcc": True, "raim": False,
                        "heading": 511 if r["heading"] is None else int(r["heading"]),
                        "timestamp": r["t"] % 60, "timestampExternal": r["t"] * 1000}}
        for r in positions.iter_rows(named=True)
    ]  # fmt: skip
    doc = {"type": "FeatureCollection", "dataUpdatedTime": "2026-01-01T12:00:00Z",
           "features": features}  # fmt: skip
    path.write_bytes(orjson.dumps(doc))
