"""Maritime watch throughput: a generated day of North Sea traffic through decoding and detection.

    .venv/bin/python benchmarks/maritime.py [--positions 10000000] [--workers 2]
                                            [--format nmea|noaa|dma] [--keep DIR]
    .venv/bin/python benchmarks/maritime.py --input day.nmea [--watch watch.txt]

Writes the day as NMEA (type 1 reports with tag-block times, plus type 5 static
messages), NOAA or DMA CSV into a temporary folder (or ``--keep DIR``), then
measures in a fresh process, separately: decoding (``read_ais``, ``--workers``
processes for NMEA; the CSV formats are read by polars) and detection
(``detect`` with the synthetic cable/pipeline zones, the default ports and a
watch list of 1,000 MMSIs). Wall time and CPU time (user + system, this
process and its decoding workers) are shown for each, so that figures taken on
a loaded machine can be judged. Peak memory is the largest resident set of the
measuring process and of its decoding workers (``ru_maxrss``; generating the
file is not included). Targets: >= 100,000 positions/s end to end on 2 cores,
under 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from weerbaar.maritime import synth
from weerbaar.maritime.ais import read_ais
from weerbaar.maritime.detect import detect
from weerbaar.maritime.register import Register, Vessel
from weerbaar.maritime.zones import load_zones

WRITERS = {"nmea": synth.write_nmea, "noaa": synth.write_noaa_csv, "dma": synth.write_dma_csv}
SUFFIX = {"nmea": ".nmea", "noaa": ".noaa.csv", "dma": ".dma.csv"}


def peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds() -> float:
    """User + system time of this process and of its waited-for children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        use = resource.getrusage(who)
        total += use.ru_utime + use.ru_stime
    return total


def generate(args: argparse.Namespace, folder: Path) -> tuple[Path, Path, float, int]:
    clock = time.perf_counter()
    positions, statics = synth.day_of_traffic(args.positions)
    path = folder / f"day{SUFFIX[args.format]}"
    WRITERS[args.format](path, positions, statics)
    rng = np.random.default_rng(3)
    watched = rng.choice(statics["mmsi"].to_numpy(), min(1000, statics.height), replace=False)
    watch = folder / "watch.txt"
    watch.write_text("\n".join(str(m) for m in watched))
    return path, watch, time.perf_counter() - clock, positions.height


def measure(
    path: Path, watch: Path | None, workers: int, title: str, extra: list[tuple[str, str]]
) -> None:
    zones_path = path.parent / "zones.geojson"
    zones_path.write_text(json.dumps(synth.ZONES))
    size_mb = path.stat().st_size / 2**20

    clock, cpu = time.perf_counter(), cpu_seconds()
    data = read_ais(path, workers=workers)
    decode_s, decode_cpu = time.perf_counter() - clock, cpu_seconds() - cpu

    watched = watch.read_text().split() if watch else []
    register = Register(Vessel(f"w{m}", "watched", mmsi=[m], lists=["bench"]) for m in watched)
    zones = load_zones([zones_path])
    timings: dict[str, float] = {}
    clock, cpu = time.perf_counter(), cpu_seconds()
    alerts = detect(data, register=register, zones=zones, timings=timings)
    detect_s, detect_cpu = time.perf_counter() - clock, cpu_seconds() - cpu
    n = data.positions.height
    own, children = peak_mib()
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    total_s = decode_s + detect_s
    rows = [
        *extra,
        ("file size", f"{size_mb:,.0f} MiB"),
        ("positions decoded", f"{n:,}"),
        ("decoding", f"{decode_s:,.1f} s  ({n / decode_s:,.0f} positions/s)"),
        ("  decoding CPU", f"{decode_cpu:,.1f} s  ({n / max(decode_cpu, 1e-9):,.0f} per CPU-s)"),
        ("detection", f"{detect_s:,.1f} s  ({n / detect_s:,.0f} positions/s)"),
        ("  detection CPU", f"{detect_cpu:,.1f} s"),
        *((f"    {k}", f"{v:,.2f} s") for k, v in timings.items()),
        ("decoding + detection", f"{total_s:,.1f} s  ({n / total_s:,.0f} positions/s)"),
        ("  CPU", f"{decode_cpu + detect_cpu:,.1f} s"),
        ("alerts", f"{len(alerts):,}"),
        ("peak memory (measuring process)", f"{own:,.0f} MiB"),
        ("peak memory (largest worker)", f"{children:,.0f} MiB"),
    ]  # fmt: skip
    for k, v in rows:
        table.add_row(k, v)
    Console().print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--format", choices=("nmea", "noaa", "dma", "csv"), default="nmea")
    parser.add_argument("--keep", type=Path, help="write the generated files here (kept)")
    parser.add_argument("--input", type=Path, help="measure this file (no generating)")
    parser.add_argument("--watch", type=Path, help="MMSIs to watch, one a line (with --input)")
    parser.add_argument("--title", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--written", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.format = "noaa" if args.format == "csv" else args.format
    if args.input:
        extra = [
            (k, v) for k, _, v in (r.partition("=") for r in (args.written or "").split(";") if r)
        ]
        title = args.title or f"Maritime watch: {args.input.name} ({args.workers} workers)"
        measure(args.input, args.watch, args.workers, title, extra)
        return
    with tempfile.TemporaryDirectory(prefix="weerbaar-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path, watch, generated, n_written = generate(args, folder)
        # measured in a fresh process: its peak memory is decoding + detection only
        subprocess.run(
            [sys.executable, __file__, "--input", str(path), "--watch", str(watch),
             "--workers", str(args.workers),
             "--title", f"Maritime watch: a day of North Sea traffic ({args.format}, "
                        f"{args.workers} decoding workers)",
             "--written", f"positions written={n_written:,};generating + writing="
                          f"{generated:,.1f} s"],
            check=True,
        )  # fmt: skip


if __name__ == "__main__":
    main()
