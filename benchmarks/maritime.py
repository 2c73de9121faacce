"""Maritime watch throughput: a generated day of North Sea traffic through decoding and detection.

    .venv/bin/python benchmarks/maritime.py [--positions 10000000] [--workers 2] [--format nmea]

Writes the day as NMEA (type 1 reports with tag-block times, plus type 5 static
messages) or NOAA CSV into a temporary folder, then measures separately:
decoding (``read_ais``, ``--workers`` processes for NMEA) and detection
(``detect`` with the synthetic cable/pipeline zones, the default ports and a
watch list of 1,000 MMSIs). Peak memory is the largest resident set of this
process and of its decoding workers (``ru_maxrss``). Targets: >= 100,000
positions/s end to end on 2 cores, under 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import resource
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


def peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--format", choices=("nmea", "csv"), default="nmea")
    args = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory(prefix="weerbaar-bench-") as tmp:
        folder = Path(tmp)
        clock = time.perf_counter()
        positions, statics = synth.day_of_traffic(args.positions)
        path = folder / ("day.nmea" if args.format == "nmea" else "day.csv")
        if args.format == "nmea":
            synth.write_nmea(path, positions, statics)
        else:
            synth.write_noaa_csv(path, positions, statics)
        generated = time.perf_counter() - clock
        n_written = positions.height
        rng = np.random.default_rng(3)
        watched = rng.choice(statics["mmsi"].to_numpy(), min(1000, statics.height), replace=False)
        del positions, statics
        zones_path = folder / "zones.geojson"
        zones_path.write_text(json.dumps(synth.ZONES))
        size_mb = path.stat().st_size / 2**20

        clock = time.perf_counter()
        data = read_ais(path, workers=args.workers)
        decode_s = time.perf_counter() - clock

        register = Register(Vessel(f"w{m}", "watched", mmsi=[str(m)], lists=["bench"])
                            for m in watched)  # fmt: skip
        zones = load_zones([zones_path])
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        alerts = detect(data, register=register, zones=zones, timings=timings)
        detect_s = time.perf_counter() - clock
    n = data.positions.height
    own, children = peak_mib()
    table = Table(title=f"Maritime watch: a day of North Sea traffic ({args.format}, "
                  f"{args.workers} decoding workers)")  # fmt: skip
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("positions written", f"{n_written:,}"),
        ("file size", f"{size_mb:,.0f} MiB"),
        ("generating + writing", f"{generated:,.1f} s"),
        ("positions decoded", f"{n:,}"),
        ("decoding", f"{decode_s:,.1f} s  ({n / decode_s:,.0f} positions/s)"),
        ("detection", f"{detect_s:,.1f} s  ({n / detect_s:,.0f} positions/s)"),
        *((f"  {k}", f"{v:,.2f} s") for k, v in timings.items()),
        (
            "decoding + detection",
            f"{decode_s + detect_s:,.1f} s  ({n / (decode_s + detect_s):,.0f} positions/s)",
        ),
        ("alerts", f"{len(alerts):,}"),
        ("peak memory (main process)", f"{own:,.0f} MiB"),
        ("peak memory (largest worker)", f"{children:,.0f} MiB"),
    ]
    for k, v in rows:
        table.add_row(k, v)
    console.print(table)


if __name__ == "__main__":
    main()
