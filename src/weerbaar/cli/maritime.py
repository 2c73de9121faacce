"""``weerbaar maritime ...``: thin shells over ``weerbaar.maritime``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from weerbaar.cli.common import console, err_console, print_json, user_errors
from weerbaar.core.settings import Settings

app = typer.Typer(
    help="Shadow-fleet and North Sea watch: vessel register, AIS scans, live feeds.",
    no_args_is_help=True,
)


def _thresholds(options: list[str]) -> Any:
    from weerbaar.core.errors import ConfigError
    from weerbaar.maritime.config import THRESHOLD_HELP, Thresholds

    changes: dict[str, Any] = {}
    base = Thresholds()
    for item in options:
        key, _, value = item.partition("=")
        key = key.strip().replace("-", "_")
        if key not in THRESHOLD_HELP or not value:
            raise ConfigError(
                f"unknown threshold {item!r}",
                hint=f"use NAME=VALUE with NAME one of {', '.join(THRESHOLD_HELP)}",
            )
        kind = type(getattr(base, key))
        try:
            changes[key] = kind(value)
        except ValueError:
            raise ConfigError(f"{key} must be a {kind.__name__}, not {value!r}") from None
    return base.replace(**changes)


def _emit(alert: dict[str, Any]) -> None:
    import orjson

    sys.stdout.buffer.write(orjson.dumps(alert) + b"\n")
    sys.stdout.buffer.flush()


@app.command()
def scan(
    ais: list[Path] = typer.Argument(..., help="AIS files: NMEA, DMA/NOAA CSV, Digitraffic JSON."),
    zones: list[Path] = typer.Option([], "--zones", help="GeoJSON cables/pipelines/areas."),
    watchlist: list[Path] = typer.Option(
        [], "--watchlist", help="Watch list CSV (imo and/or mmsi columns) or JSON."
    ),
    ports: Path | None = typer.Option(None, "--ports", help="Port list CSV (name,lat,lon)."),
    threshold: list[str] = typer.Option(
        [], "--set", help="Change a threshold, e.g. --set gap_minutes=30 (see README)."
    ),
    no_lists: bool = typer.Option(False, "--no-lists", help="Ignore the loaded sanctions lists."),
    no_store: bool = typer.Option(False, "--no-store", help="Do not keep positions and alerts."),
    as_json: bool = typer.Option(False, "--json", help="Alerts as JSON lines."),
) -> None:
    """Scan AIS files for listed vessels, loitering, gaps, meetings and identity anomalies."""
    from weerbaar.maritime.scan import scan as run_scan

    with user_errors():
        result = run_scan(
            Settings.from_env(),
            ais,
            zones=zones,
            watchlists=watchlist,
            thresholds=_thresholds(threshold),
            ports=ports,
            use_lists=not no_lists,
            keep=not no_store,
        )
    summary = result.summary()
    if as_json:
        for alert in result.alerts:
            _emit(alert.to_dict())
        read = summary["read"]
        err_console.print(
            f"{summary['positions']} positions of {summary['vessels']} vessels, "
            f"{len(result.alerts)} alerts; dropped {read['invalid']} invalid, "
            f"{read['bad_checksum']} bad checksums, {read['undecodable']} undecodable, "
            f"{read['untimed']} without time",
            highlight=False,
        )
        return
    counts = Table("alert", "count", title="Alerts")
    for kind, n in sorted(summary["alerts"].items()):
        counts.add_row(kind, str(n))
    console.print(counts)
    table = Table("time", "type", "mmsi", "imo", "name", "where", "evidence")
    for a in result.alerts[:200]:
        ev = a.evidence
        brief = ", ".join(
            f"{k}={ev[k]}"
            for k in (
                "minutes",
                "silent_minutes",
                "distance_km",
                "implied_knots",
                "zone",
                "other_mmsi",
                "jumps",
                "field",
                "matched_by",
            )
            if k in ev
        )
        where = "" if a.lat is None or a.lon is None else f"{a.lat:.4f}, {a.lon:.4f}"
        table.add_row(a.time, a.type, str(a.mmsi or ""), a.imo or "", escape(a.name or ""),
                      where, escape(brief))  # fmt: skip
    console.print(table)
    read = summary["read"]
    console.print(
        f"{summary['positions']} positions of {summary['vessels']} vessels; "
        f"register {summary['register']} vessels; dropped {read['invalid']} invalid, "
        f"{read['bad_checksum']} bad checksums, {read['undecodable']} undecodable"
    )


@app.command()
def vessels(
    watchlist: list[Path] = typer.Option([], "--watchlist", help="Add a watch list."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """The vessel register: every vessel on the loaded lists (and watch lists)."""
    from weerbaar.maritime.scan import register_for

    with user_errors():
        register = register_for(Settings.from_env(), watchlist)
    if as_json:
        print_json([v.to_dict() for v in register.vessels])
        return
    table = Table("name", "IMO", "MMSI", "call sign", "flags", "earlier names", "owners", "lists")
    for v in register.vessels:
        table.add_row(
            escape(v.name), v.imo or "", " ".join(v.mmsi), " ".join(v.call_signs),
            " ".join(v.flags + [f"({f})" for f in v.past_flags]),
            escape("; ".join(v.previous_names)), escape("; ".join(v.owners)),
            escape(", ".join(f"{k} {d}".strip() for k, d in v.list_dates.items())),
        )  # fmt: skip
    console.print(table)
    console.print(f"{len(register)} vessels")


@app.command()
def watch(
    feed: str = typer.Option(..., "--feed", help="tcp://HOST:PORT or udp://HOST:PORT"),
    zones: list[Path] = typer.Option([], "--zones", help="GeoJSON cables/pipelines/areas."),
    watchlist: list[Path] = typer.Option([], "--watchlist", help="Watch list CSV or JSON."),
    window: float = typer.Option(60.0, "--window", help="Seconds between scans."),
    seconds: float | None = typer.Option(None, "--seconds", help="Stop after this long."),
) -> None:
    """Watch a live NMEA feed; new alerts are printed as JSON lines."""
    from weerbaar.maritime.config import Thresholds
    from weerbaar.maritime.feed import parse_feed
    from weerbaar.maritime.feed import watch as run_watch
    from weerbaar.maritime.scan import register_for
    from weerbaar.maritime.zones import load_zones

    with user_errors():
        parse_feed(feed)
        th = Thresholds()
        register = register_for(Settings.from_env(), watchlist)
        zone_set = load_zones(zones, buffer_m=th.buffer_m, crs=th.crs) if zones else None
        state = run_watch(
            feed,
            lambda a: _emit(a.to_dict()),
            register=register,
            zones=zone_set,
            thresholds=th,
            window=window,
            max_seconds=seconds,
        )
    s = state.stats
    err_console.print(
        f"{state.positions} positions, {state.alerts} alerts; {s.bad_checksum} bad checksums, "
        f"{s.undecodable} undecodable, {s.invalid} invalid",
        highlight=False,
    )
