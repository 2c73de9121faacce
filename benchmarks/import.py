"""Time and peak memory of importing every shared sanctions list into a fresh store.

Usage: python benchmarks/import.py [--shared PATH]

Prints one row per list version (targets, statements, seconds), then the
totals, the cross-list links found, and the peak resident memory of this
process. Target: under 60 s and under 1 GiB on the 2-core CI machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from weerbaar.core.settings import Settings, shared_data_dir
from weerbaar.lists import Lists

ROOT = Path(__file__).resolve().parent.parent
S = "sanctions"
#: Each inner list is one import command (a main file with its companion files,
#: or a folder holding one list version).
LISTS: list[list[str]] = [
    [f"{S}/un/un_sc_consolidated_2026-02-27.xml"],
    [f"{S}/ofac/ofac_sdn_2024-05-03.csv"],
    [
        f"{S}/ofac/ofac_cons_prim_2025-12-19.csv",
        f"{S}/ofac/ofac_cons_add_2025-12-19.csv",
        f"{S}/ofac/ofac_cons_alt_2025-12-19.csv",
        f"{S}/ofac/ofac_cons_comments_2025-12-19.csv",
    ],
    [f"{S}/ofac/ofac_consolidated_nonsdn_2026-01-08.xml"],
    [f"{S}/uk/uk_ofsi_conlist_2025-04-14.xlsx"],
    [f"{S}/eu/eu_fsf_excerpt_7entities_2020-04-15.xml"],
    [f"{S}/vessels/eu_designated_vessels_annexXLII_2025-10-24.csv"],
    [f"{S}/opensanctions/os_yente_fixture_entities.ftm_2026-06-03.json"],
    [f"{S}/opensanctions/os_ua_war_sanctions_targets.simple_2026-03-13.csv"],
    # a folder: 45 consolidated files, 11 amending acts and the pins, one version
    [f"{S}/eu/eu_oj"],
]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = str(shared_data_dir())
    parser.add_argument("--shared", default=default)
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / S).is_dir():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2
    console = Console()
    table = Table(
        "source",
        "file",
        "list date",
        "targets",
        "statements",
        "seconds",
        title="Import of the shared sanctions lists",
    )
    with tempfile.TemporaryDirectory() as home:
        lists = Lists(Settings(home=Path(home)))
        start = time.perf_counter()
        for group in LISTS:
            t0 = time.perf_counter()
            results = lists.import_paths([shared / p for p in group])
            secs = time.perf_counter() - t0
            for r in results:
                v = r.version
                assert v is not None
                table.add_row(
                    r.source,
                    r.path.name,
                    v.list_date,
                    str(sum(v.counts.values())),
                    str(v.statements),
                    f"{secs:.2f}",
                )
        total = time.perf_counter() - start
        links = lists.links()
        store_mib = (Path(home) / "store.sqlite3").stat().st_size / 2**20
        lists.close()
    console.print(table)
    console.print(f"total import time: {total:.1f} s (target < 60 s)")
    console.print(f"peak memory (RSS): {peak_rss_mib():.0f} MiB (target < 1024 MiB)")
    console.print(f"store size: {store_mib:.0f} MiB")
    console.print(
        f"cross-list links: {links['groups']} groups joining "
        f"{links['linked_entities']} list entries"
    )
    console.print(f"  by lists: {links['by_sources']}")
    console.print(f"  by key: {links['by_key']}")
    console.print(
        "peer: not measured (yente and nomenklatura do not parse official list "
        "files; OpenSanctions' crawlers that do are not a package)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
