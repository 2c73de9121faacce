"""A live NMEA feed (``tcp://host:port`` or ``udp://host:port``), scanned in windows.

Lines are timed on arrival (unless they carry a tag-block time); every
``window`` seconds the positions of the last ``keep_hours`` are scanned and
alerts not reported before are handed to ``on_alert``. A listed vessel's sighting
(whose time is its latest position, so it moves with every window) is reported
when the vessel is first seen and again only when it comes back after a silence
longer than ``gap_minutes``. Bad checksums and undecodable sentences are counted,
never fatal.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlparse

import polars as pl

from weerbaar.core.errors import ConfigError, InputError
from weerbaar.maritime.ais import AisData, ReadStats, read_nmea_lines
from weerbaar.maritime.config import Thresholds
from weerbaar.maritime.detect import Alert, detect
from weerbaar.maritime.register import Register
from weerbaar.maritime.zones import Zones

#: alerts that say "this listed vessel is here" (reported per sighting, not per window)
SIGHTINGS = frozenset({"designated_vessel", "watched_vessel"})


def parse_feed(url: str) -> tuple[str, str, int]:
    parsed = urlparse(url)
    if parsed.scheme not in ("tcp", "udp") or not parsed.hostname or not parsed.port:
        raise ConfigError(
            f"cannot use the feed {url!r}", hint="write tcp://HOST:PORT or udp://HOST:PORT"
        )
    return parsed.scheme, parsed.hostname, parsed.port


def _lines(url: str, timeout: float) -> Iterator[bytes | None]:
    """Lines from the feed; None when nothing arrived for ``timeout`` seconds."""
    scheme, host, port = parse_feed(url)
    try:
        if scheme == "tcp":
            sock = socket.create_connection((host, port), timeout=10)
        else:
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.bind((host, port))
    except OSError as exc:
        raise InputError(url, f"cannot open the feed: {exc}") from None
    sock.settimeout(timeout)
    buffer = b""
    with sock:
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                yield None
                continue
            if not chunk and scheme == "tcp":
                if buffer.strip():
                    yield buffer
                return
            buffer += chunk if scheme == "tcp" else chunk + b"\n"
            *lines, buffer = buffer.split(b"\n")
            yield from lines


@dataclass
class WatchState:
    stats: ReadStats
    positions: int = 0
    alerts: int = 0


def watch(
    url: str,
    on_alert: Callable[[Alert], None],
    *,
    register: Register | None = None,
    zones: Zones | None = None,
    thresholds: Thresholds | None = None,
    window: float = 60.0,
    keep_hours: float = 24.0,
    max_seconds: float | None = None,
) -> WatchState:
    th = thresholds or Thresholds()
    state = WatchState(ReadStats(files=[url]))
    kept = AisData.empty()
    reported: set[tuple[str, int | None, str]] = set()
    # sighting (type, mmsi, listed keys) -> the time of the vessel's latest reported position
    sighted: dict[tuple[str, int | None, tuple[str, ...]], int] = {}
    pending: list[bytes] = []
    started = last_scan = time.monotonic()

    def flush() -> None:
        nonlocal kept
        first_new: dict[int, int] = {}  # mmsi -> its first position in this batch
        if pending:
            batch = read_nmea_lines(pending, default_time=int(time.time()))
            pending.clear()
            if batch.positions.height:
                firsts = batch.positions.group_by("mmsi").agg(pl.col("t").min())
                first_new = dict(zip(firsts["mmsi"].to_list(), firsts["t"].to_list(), strict=True))
            state.stats.add(batch.stats)
            state.positions += batch.positions.height
            kept = AisData.concat([kept, batch])
            newest = kept.positions["t"].max() if kept.positions.height else None
            horizon = int(newest if isinstance(newest, int) else time.time()) - int(
                keep_hours * 3600
            )
            kept.positions = kept.positions.filter(pl.col("t") >= horizon)
            kept.statics = kept.statics.filter(pl.col("t") >= horizon)
        for alert in detect(kept, register=register, zones=zones, thresholds=th):
            if alert.type in SIGHTINGS and alert.time:
                seen = (alert.type, alert.mmsi, tuple(alert.listed))
                latest = int(datetime.fromisoformat(alert.time).timestamp())
                before = sighted.get(seen)
                sighted[seen] = latest
                back = first_new.get(alert.mmsi or 0)
                if before is not None and (back is None or back - before <= th.gap_minutes * 60):
                    continue  # still the same sighting
            key = (alert.type, alert.mmsi, alert.time)
            if key not in reported:
                reported.add(key)
                state.alerts += 1
                on_alert(alert)

    for line in _lines(url, timeout=min(window, 5.0)):
        if line is not None and line.strip():
            pending.append(line)
        now = time.monotonic()
        if now - last_scan >= window:
            flush()
            last_scan = now
        if max_seconds is not None and now - started >= max_seconds:
            break
    flush()
    return state
