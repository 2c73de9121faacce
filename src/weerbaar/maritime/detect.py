"""Detections over AIS positions; every alert carries its evidence.

    alerts = detect(data, register=reg, zones=zones, thresholds=Thresholds())

Alert types:

    designated_vessel / watched_vessel   a vessel of the lists / a watch list seen
                                         (by MMSI, or by the IMO it broadcasts)
    loitering       slow inside a cable/pipeline buffer for ``loiter_minutes``
    ais_gap         silent for ``gap_minutes`` while the feed heard others, then back
    meeting         two vessels within ``meeting_m``, both slow, for ``meeting_minutes``,
                    away from ports
    impossible_jump one MMSI at two places too far apart for its time (spoofing or
                    two ships sharing an MMSI)
    identity_change one MMSI broadcasting another IMO, name or call sign; one IMO under
                    another MMSI (with its flag, from the MMSI's country digits)

Everything is vectorised over the positions sorted by (mmsi, time): per-vessel
differences with numpy, runs found by comparing neighbours, meetings by a
spatial grid (cells of ``meeting_m``) per time slot joined with polars, not
by comparing all pairs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import polars as pl

from weerbaar.maritime.ais import AisData
from weerbaar.maritime.config import DEFAULT_PORTS, Port, Thresholds
from weerbaar.maritime.register import Register, Vessel
from weerbaar.maritime.zones import Zones, project

EARTH_M = 6_371_008.8
KNOT = 1852.0 / 3600.0  # m/s
_BLOCK = 1 << 20
Arr = np.ndarray[Any, Any]


def iso(t: float | int) -> str:
    return datetime.fromtimestamp(int(t), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def haversine(lat1: Arr, lon1: Arr, lat2: Arr, lon2: Arr) -> Arr:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def mid_of(mmsi: int | str | None) -> str | None:
    """The Maritime Identification Digits (flag country code) of a ship MMSI."""
    text = str(mmsi or "")
    return text[:3] if len(text) == 9 and text[0] in "234567" else None


@dataclass
class Alert:
    type: str
    mmsi: int | None
    time: str
    lat: float | None
    lon: float | None
    evidence: dict[str, Any]
    imo: str | None = None
    name: str | None = None
    end_time: str | None = None
    #: register keys of the vessels involved that are on a list or watch list
    listed: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mmsi": self.mmsi,
            "imo": self.imo,
            "name": self.name,
            "time": self.time,
            "end_time": self.end_time,
            "lat": None if self.lat is None else round(self.lat, 6),
            "lon": None if self.lon is None else round(self.lon, 6),
            "listed": self.listed,
            "areas": self.areas,
            "evidence": self.evidence,
        }


def _fix(t: int, lat: float, lon: float, sog: float | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"time": iso(t), "lat": round(float(lat), 6), "lon": round(float(lon), 6)}
    if sog is not None and not np.isnan(sog):
        out["sog"] = round(float(sog), 1)
    return out


@dataclass
class Track:
    """Positions sorted by (mmsi, t), as numpy columns, with per-step differences."""

    mmsi: Arr
    t: Arr
    lat: Arr
    lon: Arr
    sog: Arr
    x: Arr
    y: Arr
    same: Arr  # row i continues row i-1's vessel
    dt: Arr  # seconds since the previous row of the same vessel (0 at a vessel's start)
    dist: Arr  # metres from that row

    @classmethod
    def of(cls, positions: pl.DataFrame, crs: str) -> Track:
        # a stable sort, then the first row of each (mmsi, t): as unique(keep="first"), without
        # a second copy of the positions
        df = positions.sort(["mmsi", "t"], maintain_order=True)
        mmsi = df["mmsi"].to_numpy()
        t = df["t"].to_numpy()
        lat = df["lat"].to_numpy()
        lon = df["lon"].to_numpy()
        sog = df["sog"].cast(pl.Float64).fill_null(np.nan).to_numpy()
        del df
        if len(mmsi) > 1:
            first = np.ones(len(mmsi), dtype=bool)
            first[1:] = (mmsi[1:] != mmsi[:-1]) | (t[1:] != t[:-1])
            if not first.all():
                mmsi, t, lat, lon, sog = (v[first] for v in (mmsi, t, lat, lon, sog))
        n = len(mmsi)
        same = np.zeros(n, dtype=bool)
        dt = np.zeros(n, dtype=np.int64)
        dist = np.zeros(n, dtype=np.float64)
        if n > 1:
            same[1:] = mmsi[1:] == mmsi[:-1]
            dt[1:] = np.where(same[1:], t[1:] - t[:-1], 0)
            # in blocks: haversine's temporaries stay small on days of millions of positions
            for i in range(1, n, _BLOCK):
                j = min(i + _BLOCK, n)
                step = haversine(lat[i - 1 : j - 1], lon[i - 1 : j - 1], lat[i:j], lon[i:j])
                dist[i:j] = np.where(same[i:j], step, 0.0)
        # a missing speed over ground is taken from the step before (or after)
        missing = np.flatnonzero(np.isnan(sog))
        if len(missing):

            def derived(rows: Arr) -> Arr:
                step = dt[rows]
                return np.where(step > 0, dist[rows] / np.maximum(step, 1) / KNOT, np.nan)

            after = np.minimum(missing + 1, n - 1)
            nxt = np.where((missing + 1 < n) & same[after], derived(after), np.nan)
            here = derived(missing)
            sog = sog.copy() if not sog.flags.writeable else sog
            sog[missing] = np.where(np.isnan(here), nxt, here)
        x, y = project(lon, lat, crs) if n else (np.zeros(0), np.zeros(0))
        return cls(mmsi, t, lat, lon, sog, x, y, same, dt, dist)

    def __len__(self) -> int:
        return len(self.mmsi)


def _runs(keep: Arr, breaks: Arr) -> list[tuple[int, int]]:
    """(first, last) index of each run of True in ``keep``; ``breaks[i]`` ends a run before i."""
    idx = np.flatnonzero(keep)
    if not len(idx):
        return []
    new = np.ones(len(idx), dtype=bool)
    new[1:] = (idx[1:] != idx[:-1] + 1) | breaks[idx[1:]]
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:] - 1, len(idx) - 1)
    return [(int(idx[s]), int(idx[e])) for s, e in zip(starts, ends, strict=True)]


def _sample(tr: Track, first: int, last: int, most: int = 20) -> list[dict[str, Any]]:
    rows = np.unique(np.linspace(first, last, min(most, last - first + 1)).astype(int))
    return [_fix(tr.t[i], tr.lat[i], tr.lon[i], tr.sog[i]) for i in rows]


def in_port(tr: Track, rows: Arr, ports: Iterable[Port], radius_m: float, crs: str) -> Arr:
    """For the given rows, True when within a port's radius."""
    ports = list(ports)
    out = np.zeros(len(rows), dtype=bool)
    if not ports or not len(rows):
        return out
    px, py = project([p.lon for p in ports], [p.lat for p in ports], crs)
    radii = np.array([p.radius_m or radius_m for p in ports])
    xs, ys = tr.x[rows], tr.y[rows]
    for cx, cy, r in zip(px, py, radii, strict=True):
        out |= (np.abs(xs - cx) < r) & (np.abs(ys - cy) < r) & (np.hypot(xs - cx, ys - cy) < r)
    return out


# -- detections ---------------------------------------------------------------------------


def detect_watch(tr: Track, statics: pl.DataFrame, register: Register) -> list[Alert]:
    by_mmsi = register.by_mmsi()
    by_imo = register.by_imo()
    hits: dict[tuple[str, int], tuple[Vessel, str]] = {}
    seen = np.unique(tr.mmsi)
    for m in seen[np.isin(seen, np.fromiter(by_mmsi, dtype=np.int64, count=len(by_mmsi)))]:
        for v in by_mmsi[int(m)]:
            hits[(v.key, int(m))] = (v, "mmsi")
    if statics.height and by_imo:
        pairs = statics.filter(pl.col("imo").is_in(list(by_imo))).select("imo", "mmsi").unique()
        for imo, m in pairs.iter_rows():
            hits.setdefault((by_imo[imo].key, int(m)), (by_imo[imo], "imo"))
    if not hits:
        return []
    starts = np.searchsorted(tr.mmsi, seen)
    ends = np.append(starts[1:], len(tr)) - 1
    span = {int(m): (int(s), int(e)) for m, s, e in zip(seen, starts, ends, strict=True)}
    names = (
        statics.filter(pl.col("name").is_not_null())
        .group_by("mmsi")
        .agg(pl.col("name").unique().sort())
        .to_dict(as_series=False)
        if statics.height
        else {"mmsi": [], "name": []}
    )
    ais_names = dict(zip(names["mmsi"], names["name"], strict=True))
    out: list[Alert] = []
    for (_, m), (v, how) in sorted(hits.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        first, last = span.get(m, (-1, -1))
        evidence: dict[str, Any] = {
            "matched_by": how,
            "vessel": {k: val for k, val in v.to_dict().items() if k not in ("entity_ids",)},
            "ais_names": ais_names.get(m, []),
        }
        if first < 0:  # seen in static messages only
            out.append(Alert(f"{v.kind}_vessel", m, "", None, None, evidence, v.imo, v.name,
                             listed=[v.key]))  # fmt: skip
            continue
        evidence |= {
            "first_seen": _fix(tr.t[first], tr.lat[first], tr.lon[first], tr.sog[first]),
            "last_seen": _fix(tr.t[last], tr.lat[last], tr.lon[last], tr.sog[last]),
            "positions": last - first + 1,
            "track": _sample(tr, first, last, 50),
        }
        out.append(
            Alert(f"{v.kind}_vessel", m, iso(tr.t[last]), float(tr.lat[last]),
                  float(tr.lon[last]), evidence, v.imo, v.name, iso(tr.t[last]), [v.key])
        )  # fmt: skip
    return out


def detect_loitering(tr: Track, zones: Zones, th: Thresholds, ports: Iterable[Port]) -> list[Alert]:
    slow = np.flatnonzero(tr.sog < th.slow_knots)
    if not len(slow) or not len(zones):
        return []
    pi, zi = zones.locate(tr.x[slow], tr.y[slow], kind="infrastructure")
    if not len(pi):
        return []
    rows = slow[pi]
    keep = ~in_port(tr, rows, ports, th.port_radius_m, th.crs)
    rows, zi = rows[keep], zi[keep]
    order = np.lexsort((rows, zi))
    rows, zi = rows[order], zi[order]
    breaks = ~tr.same | (tr.dt > th.max_run_gap_s)
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (zi[1:] != zi[:-1]) | (rows[1:] != rows[:-1] + 1) | breaks[rows[1:]]
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], len(rows)) - 1
    out: list[Alert] = []
    for s, e in zip(starts, ends, strict=True):
        first, last, zone = int(rows[s]), int(rows[e]), int(zi[s])
        minutes = (tr.t[last] - tr.t[first]) / 60
        if minutes < th.loiter_minutes:
            continue
        z = zones.zones[int(zone)]
        run = np.arange(first, last + 1)
        near = min(
            zones.distance(tr.x[i], tr.y[i], int(zone)) for i in run[:: max(1, len(run) // 50)]
        )
        mid = (first + last) // 2
        out.append(Alert(
            "loitering", int(tr.mmsi[first]), iso(tr.t[first]), float(tr.lat[mid]),
            float(tr.lon[mid]),
            {
                "zone": z.name, "zone_source": z.source, "buffer_m": z.buffer_m,
                "minutes": round(float(minutes), 1), "positions": int(last - first + 1),
                "closest_m": round(near, 1),
                "mean_sog": round(float(np.nanmean(tr.sog[run])), 2),
                "start": _fix(tr.t[first], tr.lat[first], tr.lon[first], tr.sog[first]),
                "end": _fix(tr.t[last], tr.lat[last], tr.lon[last], tr.sog[last]),
                "track": _sample(tr, first, last),
            },
            end_time=iso(tr.t[last]),
        ))  # fmt: skip
    return out


def detect_gaps(tr: Track, th: Thresholds) -> list[Alert]:
    gap_s = th.gap_minutes * 60
    idx = np.flatnonzero(tr.same & (tr.dt > gap_s))
    if not len(idx):
        return []
    slot = 300
    occupied = np.unique(tr.t // slot)
    out: list[Alert] = []
    for i in idx:
        t0, t1 = int(tr.t[i - 1]), int(tr.t[i])
        s0, s1 = t0 // slot + 1, t1 // slot - 1
        total = s1 - s0 + 1
        heard = int(np.searchsorted(occupied, s1, "right") - np.searchsorted(occupied, s0))
        coverage = heard / total if total > 0 else 1.0
        if coverage < th.gap_feed_coverage:
            continue
        knots = tr.dist[i] / max(t1 - t0, 1) / KNOT
        out.append(Alert(
            "ais_gap", int(tr.mmsi[i]), iso(t0), float(tr.lat[i - 1]), float(tr.lon[i - 1]),
            {
                "silent_minutes": round((t1 - t0) / 60, 1),
                "distance_km": round(float(tr.dist[i]) / 1000, 3),
                "implied_knots": round(float(knots), 2),
                "feed_coverage": round(coverage, 3),
                "before": _fix(t0, tr.lat[i - 1], tr.lon[i - 1], tr.sog[i - 1]),
                "after": _fix(t1, tr.lat[i], tr.lon[i], tr.sog[i]),
            },
            end_time=iso(t1),
        ))  # fmt: skip
    return out


def detect_jumps(tr: Track, th: Thresholds) -> list[Alert]:
    speed = tr.dist / np.maximum(tr.dt, 1) / KNOT
    bad = np.flatnonzero(tr.same & (tr.dist > th.jump_m) & (speed > th.max_knots))
    out: list[Alert] = []
    if not len(bad):
        return out
    for m in np.unique(tr.mmsi[bad]):
        rows = bad[tr.mmsi[bad] == m]
        i = int(rows[0])
        examples = [
            {
                "from": _fix(tr.t[j - 1], tr.lat[j - 1], tr.lon[j - 1]),
                "to": _fix(tr.t[j], tr.lat[j], tr.lon[j]),
                "distance_km": round(float(tr.dist[j]) / 1000, 3),
                "seconds": int(tr.dt[j]),
                "implied_knots": round(float(speed[j]), 1),
            }
            for j in rows[:5]
        ]
        out.append(Alert(
            "impossible_jump", int(m), iso(tr.t[i]), float(tr.lat[i]), float(tr.lon[i]),
            {"jumps": len(rows), "max_knots": th.max_knots, "examples": examples,
             "explanation": "one MMSI reported at places too far apart for the time between "
                            "them: spoofed positions or two ships sharing an MMSI"},
            end_time=iso(tr.t[int(rows[-1])]),
        ))  # fmt: skip
    return out


def detect_identity(statics: pl.DataFrame, tr: Track) -> list[Alert]:
    if not statics.height:
        return []
    out: list[Alert] = []
    st = statics.with_columns(
        name=pl.col("name").str.to_uppercase().str.replace_all(r"\s+", " "),
        callsign=pl.col("callsign").str.to_uppercase(),
    ).sort(["mmsi", "t"])
    seen = np.unique(tr.mmsi)

    def where(m: int) -> tuple[float | None, float | None]:
        k = int(np.searchsorted(seen, m))
        if k < len(seen) and seen[k] == m:
            last = int(np.searchsorted(tr.mmsi, m, "right")) - 1
            return float(tr.lat[last]), float(tr.lon[last])
        return None, None

    for col in ("imo", "name", "callsign"):
        values = (
            st.filter(pl.col(col).is_not_null())
            .group_by(["mmsi", col])
            .agg(first=pl.col("t").min(), last=pl.col("t").max(), n=pl.len())
            .sort(["mmsi", "first"])
        )
        multi = values.filter(pl.len().over("mmsi") > 1)
        for (m,), group in multi.group_by(["mmsi"], maintain_order=True):
            rows = group.to_dicts()
            lat, lon = where(int(m))
            imos = [r[col] for r in rows] if col == "imo" else []
            out.append(Alert(
                "identity_change", int(m), iso(rows[1]["first"]), lat, lon,
                {"field": col, "values": [{"value": r[col], "first_seen": iso(r["first"]),
                                           "last_seen": iso(r["last"]), "reports": r["n"]}
                                          for r in rows]},
                imo=imos[-1] if imos else None,
            ))  # fmt: skip
    by_imo = (
        st.filter(pl.col("imo").is_not_null())
        .group_by(["imo", "mmsi"])
        .agg(first=pl.col("t").min(), last=pl.col("t").max())
        .sort(["imo", "first"])
    )
    for (imo,), group in by_imo.filter(pl.len().over("imo") > 1).group_by(
        ["imo"], maintain_order=True
    ):
        rows = group.to_dicts()
        mids = [mid_of(r["mmsi"]) for r in rows]
        lat, lon = where(int(rows[-1]["mmsi"]))
        out.append(Alert(
            "identity_change", int(rows[-1]["mmsi"]), iso(rows[1]["first"]), lat, lon,
            {"field": "mmsi", "flag_changed": len(set(mids)) > 1,
             "values": [{"value": r["mmsi"], "mid": mid_of(r["mmsi"]),
                         "first_seen": iso(r["first"]), "last_seen": iso(r["last"])}
                        for r in rows]},
            imo=str(imo),
        ))  # fmt: skip
    return out


def detect_meetings(tr: Track, th: Thresholds, ports: Iterable[Port]) -> list[Alert]:
    rows = np.flatnonzero(tr.sog < th.slow_knots)
    if len(rows) < 2:
        return []
    rows = rows[~in_port(tr, rows, ports, th.port_radius_m, th.crs)]
    w = th.meeting_window_s
    cell = th.meeting_m
    pts = pl.DataFrame({
        "row": rows, "mmsi": tr.mmsi[rows], "slot": tr.t[rows] // w,
        "x": tr.x[rows], "y": tr.y[rows],
    }).group_by(["mmsi", "slot"]).agg(pl.all().last()).with_columns(
        cx=(pl.col("x") // cell).cast(pl.Int64), cy=(pl.col("y") // cell).cast(pl.Int64)
    )  # fmt: skip
    shifted = pl.concat(
        pts.with_columns(cx=pl.col("cx") + dx, cy=pl.col("cy") + dy)
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
    )
    pairs = (
        pts.join(shifted, on=["slot", "cx", "cy"], suffix="_b")
        .filter(pl.col("mmsi") < pl.col("mmsi_b"))
        .with_columns(d=((pl.col("x") - pl.col("x_b")) ** 2
                         + (pl.col("y") - pl.col("y_b")) ** 2).sqrt())
        .filter(pl.col("d") <= cell)
        .select("mmsi", "mmsi_b", "slot", "row", "row_b", "d")
        .sort(["mmsi", "mmsi_b", "slot"])
    )  # fmt: skip
    if not pairs.height:
        return []
    a, b = pairs["mmsi"].to_numpy(), pairs["mmsi_b"].to_numpy()
    slot = pairs["slot"].to_numpy()
    ra, rb = pairs["row"].to_numpy(), pairs["row_b"].to_numpy()
    d = pairs["d"].to_numpy()
    breaks = np.ones(len(a), dtype=bool)
    breaks[1:] = (
        (a[1:] != a[:-1])
        | (b[1:] != b[:-1])
        | (slot[1:] - slot[:-1] > max(1, th.max_run_gap_s // w))
    )
    starts = np.flatnonzero(breaks)
    ends = np.append(starts[1:], len(a)) - 1
    out: list[Alert] = []
    for s, e in zip(starts, ends, strict=True):
        t0 = min(tr.t[ra[s]], tr.t[rb[s]])
        t1 = max(tr.t[ra[e]], tr.t[rb[e]])
        minutes = (t1 - t0) / 60
        if minutes < th.meeting_minutes:
            continue
        i, j = int(ra[s]), int(rb[s])
        out.append(Alert(
            "meeting", int(a[s]), iso(t0), float((tr.lat[i] + tr.lat[j]) / 2),
            float((tr.lon[i] + tr.lon[j]) / 2),
            {
                "other_mmsi": int(b[s]), "minutes": round(float(minutes), 1),
                "slots": int(e - s + 1), "min_distance_m": round(float(d[s : e + 1].min()), 1),
                "mean_distance_m": round(float(d[s : e + 1].mean()), 1),
                "start": {"a": _fix(tr.t[i], tr.lat[i], tr.lon[i], tr.sog[i]),
                          "b": _fix(tr.t[j], tr.lat[j], tr.lon[j], tr.sog[j])},
                "end": {"a": _fix(tr.t[ra[e]], tr.lat[ra[e]], tr.lon[ra[e]], tr.sog[ra[e]]),
                        "b": _fix(tr.t[rb[e]], tr.lat[rb[e]], tr.lon[rb[e]], tr.sog[rb[e]])},
            },
            end_time=iso(t1),
        ))  # fmt: skip
    return out


def detect(
    data: AisData,
    *,
    register: Register | None = None,
    zones: Zones | None = None,
    thresholds: Thresholds | None = None,
    ports: Iterable[Port] | None = None,
    timings: dict[str, float] | None = None,
) -> list[Alert]:
    """Every alert for ``data``, sorted by time; ``timings`` (if given) gets seconds per step."""
    import time

    th = thresholds or Thresholds()
    port_list = list(DEFAULT_PORTS if ports is None else ports)
    clock = time.perf_counter()
    times: dict[str, float] = {} if timings is None else timings

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = times.get(name, 0.0) + now - clock
        clock = now

    tr = Track.of(data.positions, th.crs)
    lap("prepare")
    alerts: list[Alert] = []
    if register is not None and len(register):
        alerts += detect_watch(tr, data.statics, register)
    lap("watch")
    if zones is not None:
        alerts += detect_loitering(tr, zones, th, port_list)
    lap("loitering")
    alerts += detect_gaps(tr, th)
    lap("gaps")
    alerts += detect_jumps(tr, th)
    lap("jumps")
    alerts += detect_meetings(tr, th, port_list)
    lap("meetings")
    alerts += detect_identity(data.statics, tr)
    lap("identity")
    _annotate(alerts, data.statics, register, zones)
    lap("annotate")
    alerts.sort(key=lambda a: (a.time, a.type, a.mmsi or 0))
    return alerts


def _annotate(
    alerts: list[Alert], statics: pl.DataFrame, register: Register | None, zones: Zones | None
) -> None:
    """IMO and name (from AIS static data), listed vessels and named areas for each alert."""
    if not alerts:
        return
    known: dict[int, tuple[str | None, str | None]] = {}
    if statics.height:
        last = statics.sort("t").group_by("mmsi").agg(
            pl.col("imo").drop_nulls().last(), pl.col("name").drop_nulls().last()
        )  # fmt: skip
        known = {int(m): (i, n) for m, i, n in last.iter_rows()}
    by_mmsi = register.by_mmsi() if register is not None else {}
    for a in alerts:
        imo, name = known.get(a.mmsi or 0, (None, None))
        a.imo = a.imo or imo
        a.name = a.name or name
        mmsis = [a.mmsi, a.evidence.get("other_mmsi")]
        for m in mmsis:
            for v in by_mmsi.get(int(m or 0), []):
                if v.key not in a.listed:
                    a.listed.append(v.key)
        if zones is not None and a.lat is not None and a.lon is not None:
            a.areas = zones.areas_at(a.lon, a.lat)
