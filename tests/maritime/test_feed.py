"""A live NMEA feed on loopback: planted events are found, sightings are not repeated."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest
from typer.testing import CliRunner

from weerbaar.cli.main import app
from weerbaar.maritime import feed, synth
from weerbaar.maritime.detect import Alert, iso
from weerbaar.maritime.feed import watch
from weerbaar.maritime.register import Register, read_watchlist
from weerbaar.maritime.zones import load_zones

_TAG_TIME = re.compile(rb"^\\c:(\d+)")


def serve(parts: list[bytes], pause: float = 0.6) -> int:
    """A one-connection TCP feed on 127.0.0.1 sending ``parts`` with pauses; its port."""
    server = socket.create_server(("127.0.0.1", 0))
    port: int = server.getsockname()[1]

    def run() -> None:
        with server:
            conn, _ = server.accept()
            with conn:
                for k, part in enumerate(parts):
                    if k:
                        time.sleep(pause)
                    conn.sendall(part)

    threading.Thread(target=run, daemon=True).start()
    return port


def split_at(nmea: bytes, times: list[int]) -> list[bytes]:
    """The lines cut into pieces at the given tag-block times."""
    parts: list[list[bytes]] = [[] for _ in range(len(times) + 1)]
    for line in nmea.splitlines(keepends=True):
        found = _TAG_TIME.match(line)
        t = int(found.group(1)) if found else 0
        parts[sum(t >= cut for cut in times)].append(line)
    return [b"".join(p) for p in parts]


def test_watch_finds_planted_events_once(scenario: synth.Scenario, scenario_files: Path) -> None:
    nmea = (scenario_files / "day.nmea").read_bytes()
    t0 = int(scenario.positions["t"].min())  # type: ignore[arg-type]
    port = serve(split_at(nmea, [t0 + 4 * 3600, t0 + 8 * 3600]))
    alerts: list[Alert] = []
    state = watch(
        f"tcp://127.0.0.1:{port}",
        alerts.append,
        register=Register(read_watchlist(scenario_files / "watch.csv")),
        zones=load_zones([scenario_files / "zones.geojson"]),
        window=0.2,
        max_seconds=60,
    )
    assert state.positions == scenario.positions.height
    for planted in scenario.planted:
        assert any(a.type == planted["type"] and a.mmsi == planted["mmsi"] for a in alerts), planted
    # the watched vessel sails all day: one sighting, though every window saw it
    assert Counter(a.type for a in alerts)["watched_vessel"] == 1


def test_watch_reports_a_listed_vessel_again_after_a_silence(
    scenario: synth.Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    (watched,) = [p["mmsi"] for p in scenario.planted if p["type"] == "watched_vessel"]
    own = scenario.positions.filter(pl.col("mmsi") == watched)
    t0 = int(own["t"].min())  # type: ignore[arg-type]
    silent = (pl.col("t") >= t0 + 3 * 3600) & (pl.col("t") < t0 + 6 * 3600)
    path = tmp_path / "one.nmea"
    synth.write_nmea(path, own.filter(~silent), scenario.statics.filter(pl.col("mmsi") == watched))
    parts = split_at(path.read_bytes(), [t0 + 2 * 3600, t0 + 3 * 3600, t0 + 7 * 3600])
    # the feed without a socket or a wall clock: a quiet spell (None) between the parts
    # moves the clock past the window, so each part is one scan
    clock = [0.0]

    def lines(url: str, timeout: float) -> Iterator[bytes | None]:
        for part in parts:
            yield from part.splitlines()
            clock[0] += 100
            yield None

    monkeypatch.setattr(feed, "_lines", lines)
    monkeypatch.setattr(feed, "time", SimpleNamespace(monotonic=lambda: clock[0], time=time.time))
    (tmp_path / "watch.csv").write_text(f"mmsi\n{watched}\n")
    result = CliRunner().invoke(
        app,
        ["maritime", "watch", "--feed", "tcp://127.0.0.1:9", "--watchlist",
         str(tmp_path / "watch.csv"), "--window", "60"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    sightings = [json.loads(x) for x in result.stdout.splitlines() if '"watched_vessel"' in x]
    # seen in the first part; not again at 2 h or just before the silence; back after it
    times = [s["time"] for s in sightings]
    assert len(times) == 2 and times[0] < iso(t0 + 2 * 3600) and times[1] >= iso(t0 + 6 * 3600)
