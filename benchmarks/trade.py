"""Trade benchmark: load a full-size synthetic BACI year and compute every indicator.

Usage: python benchmarks/trade.py [--products 5000] [--countries 200] [--rows 11000000]
                                  [--dir PATH [--reuse]] [--keep] [--seed N]

1. Writes a synthetic BACI year in the real layout (``t,i,j,k,v,q``; numeric
   country codes with BACI's own codes for the EU27, the USA, China and
   Taiwan (490); ``k`` without its leading zero; values in thousand USD;
   some quantities ``NA``) with its ``country_codes`` and ``product_codes``
   files, to a temporary folder. Flows are sparse and skewed: exporter and
   importer sizes and product sizes follow Pareto laws, values are lognormal.
2. In a fresh process (so its peak memory is the load and the analyses
   only): reads and stores the year with ``weerbaar.analytics`` in a fresh
   trade store, then computes every registered analysis for the EU27 and
   for the Netherlands (dependencies with the three indicators for every
   product, supplier shares, trend, supplier view, CRMA raw materials, and
   diversification options for every dependent product).

Targets: under 60 s and under 4 GiB peak memory on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl
from rich.console import Console
from rich.table import Table

EU_BACI = {
    40: "AUT", 56: "BEL", 100: "BGR", 191: "HRV", 196: "CYP", 203: "CZE", 208: "DNK",
    233: "EST", 246: "FIN", 251: "FRA", 276: "DEU", 300: "GRC", 348: "HUN", 372: "IRL",
    380: "ITA", 428: "LVA", 440: "LTU", 442: "LUX", 470: "MLT", 528: "NLD", 616: "POL",
    620: "PRT", 642: "ROU", 703: "SVK", 705: "SVN", 724: "ESP", 752: "SWE",
}  # fmt: skip
OTHERS = {842: "USA", 156: "CHN", 490: "S19", 392: "JPN", 410: "KOR", 643: "RUS", 699: "IND",
          76: "BRA", 124: "CAN", 826: "GBR", 757: "CHE", 579: "NOR", 792: "TUR",
          36: "AUS"}  # fmt: skip


def generate(folder: Path, products: int, countries: int, rows: int, seed: int) -> Path:
    """Write the synthetic year (vectorised: a bitmap of drawn keys, no sort, one CSV write)."""
    rng = np.random.default_rng(seed)
    codes = {**EU_BACI, **OTHERS}
    extra = countries - len(codes)
    for n in range(extra):
        codes[900 + n] = f"X{n:02d}" if n < 100 else f"Y{n - 100:02d}"
    numeric = np.array(sorted(codes), dtype=np.int32)
    n_c = len(numeric)
    size = rng.pareto(1.2, n_c) + 0.05  # country economic size
    for big, factor in ((842, 20), (156, 20), (276, 12), (528, 6)):
        size[np.searchsorted(numeric, big)] *= factor
    prod_size = rng.pareto(1.0, products) + 0.1
    # HS-like six-digit codes, some under chapter 01-09 (leading zero dropped in the file)
    chapters = rng.integers(1, 98, products)
    product_codes = np.unique(chapters * 10000 + rng.integers(100, 9999, products))
    while len(product_codes) < products:
        product_codes = np.unique(
            np.concatenate([product_codes, rng.integers(10100, 979999, products)])
        )
    product_codes = product_codes[:products]
    # sparse (exporter, importer, product) keys drawn with size weights; a bitmap over the
    # key space keeps the unique ones in (i, j, k) order, as BACI sorts its files
    p_pair = np.sqrt(size) / np.sqrt(size).sum()
    seen = np.zeros(n_c * n_c * products, dtype=np.bool_)
    have = 0
    for _ in range(12):
        need = rows - have
        if need <= 0:
            break
        draws = int(need * 1.6) + 1000
        i = rng.choice(n_c, draws, p=p_pair)
        j = rng.choice(n_c, draws, p=p_pair)
        k = rng.integers(0, products, draws)
        keep = i != j
        seen[(i[keep].astype(np.int64) * n_c + j[keep]) * products + k[keep]] = True
        have = int(np.count_nonzero(seen))
    key = np.flatnonzero(seen)
    del seen
    if len(key) > rows:
        key = np.sort(key[rng.permutation(len(key))[:rows]])
    i, j, k = key // (n_c * products), (key // products) % n_c, key % products
    value = (
        rng.lognormal(2.0, 2.2, len(key)) * np.sqrt(size[i] * size[j]) * prod_size[k] / 10
    ).round(3) + 0.001
    qty = (value / rng.lognormal(0.5, 1.5, len(key))).round(3)
    qty[::23] = np.nan  # written as NA
    frame = pl.DataFrame(
        {
            "t": np.full(len(key), 2022, dtype=np.int32),
            "i": numeric[i],
            "j": numeric[j],
            "k": product_codes[k],
            "v": value,
            "q": qty,
        }
    ).with_columns(pl.col("q").fill_nan(None))
    path = folder / "BACI_HS22_Y2022_V202501.csv"
    frame.write_csv(path, null_value="NA", float_precision=3)
    pl.DataFrame(
        {
            "country_code": list(codes),
            "country_name": [f"Country {c}" for c in codes.values()],
            "country_iso2": ["" for _ in codes],
            "country_iso3": list(codes.values()),
        }
    ).write_csv(folder / "country_codes_V202501.csv")
    pl.DataFrame(
        {
            "code": [f"{c:06d}" for c in product_codes],
            "description": [f"product {c}" for c in product_codes],
        }
    ).write_csv(folder / "product_codes_HS22_V202501.csv")
    return path


def run(path: Path, store_dir: Path) -> dict[str, float | int]:
    """Load and analyse in this process; returns wall and CPU timings and peak memory."""
    from weerbaar.analytics.analyses import Query, load_all
    from weerbaar.analytics.analyses.dependencies import dependencies
    from weerbaar.analytics.analyses.diversification import diversification
    from weerbaar.analytics.analyses.raw_materials import builtin_mapping, raw_materials
    from weerbaar.analytics.analyses.shares import share_trend, supplier_shares
    from weerbaar.analytics.analyses.suppliers import supplier_view
    from weerbaar.analytics.readers import read_baci
    from weerbaar.analytics.store import TradeStore

    out: dict[str, float | int] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    batch = read_baci(path)
    out["read_s"], out["read_cpu"] = time.perf_counter() - t0, time.process_time() - c0
    store = TradeStore(store_dir)
    result = store.load([batch])
    del batch
    out["load_s"], out["load_cpu"] = time.perf_counter() - t0, time.process_time() - c0
    out["rows"] = result.rows
    load_all()
    q = Query(store)
    for importer in ("EU27", "NLD"):
        t1, c1 = time.perf_counter(), time.process_time()
        dep = dependencies(q, importer, [2022])
        supplier_shares(q, importer, [2022])
        share_trend(q, importer, [2022])
        supplier_view(q, importer, 2022, min_share=0.5)
        raw_materials(q, importer, [2022], mapping=builtin_mapping())
        flagged = dep.filter(pl.col("dependent"))["hs6"].to_list()
        diversification(q, importer, 2022, flagged or dep["hs6"].head(50).to_list())
        out[f"{importer}_s"] = time.perf_counter() - t1
        out[f"{importer}_cpu"] = time.process_time() - c1
        out[f"{importer}_products"] = dep.height
        out[f"{importer}_dependent"] = len(flagged)
    out["total_s"], out["total_cpu"] = time.perf_counter() - t0, time.process_time() - c0
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--rows", type=int, default=11_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="use the year already generated in --dir"
    )
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:  # the measured child
        print(json.dumps(run(args.run, args.run.parent / "store")))
        return
    console = Console()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="weerbaar-trade-"))
    folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder / "store", ignore_errors=True)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        path = folder / "BACI_HS22_Y2022_V202501.csv"
        if not (args.reuse and path.exists()):
            with console.status("generating the synthetic BACI year"):
                path = generate(folder, args.products, args.countries, args.rows, args.seed)
        gen_s, gen_cpu = time.perf_counter() - t0, time.process_time() - c0
        size = path.stat().st_size / 2**20
        with console.status("loading and computing every indicator (fresh process)"):
            child = subprocess.run(
                [sys.executable, __file__, "--run", str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
        if child.returncode:
            console.print(child.stderr)
            raise SystemExit(child.returncode)
        res = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()[0]
    table = Table(
        "step",
        "wall",
        "CPU",
        "figure",
        title=f"Trade benchmark (targets: < 60 s, < 4 GiB, 2 cores; load average {load:.1f})",
    )
    table.add_row(
        "generated", f"{gen_s:.1f} s", f"{gen_cpu:.1f} s", f"{res['rows']:,} rows, {size:,.0f} MiB"
    )
    table.add_row("read BACI CSV", f"{res['read_s']:.1f} s", f"{res['read_cpu']:.1f} s", "")
    table.add_row("read + store Parquet", f"{res['load_s']:.1f} s", f"{res['load_cpu']:.1f} s", "")
    for imp in ("EU27", "NLD"):
        table.add_row(
            f"all indicators {imp}",
            f"{res[f'{imp}_s']:.1f} s",
            f"{res[f'{imp}_cpu']:.1f} s",
            f"{res[f'{imp}_products']:,} products, {res[f'{imp}_dependent']:,} with three flags",
        )
    ok_t = res["total_s"] < 60
    ok_m = res["peak_mib"] < 4096
    table.add_row(
        "total load + indicators",
        f"{res['total_s']:.1f} s",
        f"{res['total_cpu']:.1f} s",
        "OK" if ok_t else "OVER",
    )
    table.add_row("peak memory", "", "", f"{res['peak_mib']:,.0f} MiB {'OK' if ok_m else 'OVER'}")
    console.print(table)
    print(json.dumps({"generate_s": gen_s, "generate_cpu": gen_cpu, **res}))


if __name__ == "__main__":
    main()
