"""Benchmark ``weerbaar.matching.translit`` against ``normality.ascii_text``.

For every pair (English name, foreign-script name) of the shared Wikidata transliteration
sets, the score is the Indel similarity (``rapidfuzz.fuzz.ratio`` / 100) of the two
transliterations with spaces removed; for Arabic and Hebrew also on consonant skeletons.
Per language it prints average precision and the best F1 over thresholds, ours beside the
``normality.ascii_text`` baseline, the watchman cross-script smoke pairs, and the mean
microseconds per uncached ``latinize`` call.

    .venv/bin/python benchmarks/translit.py [--data DIR] [--limit N]

The data is read from ``$WEERBAAR_SHARED_DATA/matching`` (default ``../shared/data``); it
is not copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import normality
import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.metrics import average_precision_score, precision_recall_curve

from weerbaar.core.settings import shared_data_dir
from weerbaar.matching.translit import latinize, skeleton

try:
    from rapidfuzz.fuzz import ratio as _rf_ratio

    def ratio(a: str, b: str) -> float:
        return float(_rf_ratio(a, b)) / 100.0

except ImportError:  # same Indel similarity, slower

    def ratio(a: str, b: str) -> float:
        if not a and not b:
            return 1.0
        prev = [0] * (len(b) + 1)
        for ca in a:
            cur = [0]
            for j, cb in enumerate(b):
                cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
            prev = cur
        return 2.0 * prev[-1] / (len(a) + len(b))


ROOT = Path(__file__).resolve().parent.parent
ABJADS = {"arabic", "hebrew"}


def data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return shared_data_dir() / "matching"


def read_pairs(path: Path, kind: str, limit: int | None) -> Iterable[tuple[str, str, str, int]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        counts: dict[str, int] = defaultdict(int)
        for row in csv.DictReader(fh):
            lang = f"{row['language']}/{kind}"
            if limit and counts[lang] >= limit:
                continue
            counts[lang] += 1
            yield lang, row["name1"], row["name2"], int(row["label"])


def baseline(text: str) -> str:
    return (normality.ascii_text(text) or "").lower()


def squash(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def best_f1(labels: list[int], scores: list[float]) -> float:
    precision, recall, _ = precision_recall_curve(labels, scores)
    p, r = np.asarray(precision), np.asarray(recall)
    f1 = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
    return float(f1.max())


def metrics(labels: list[int], scores: list[float]) -> tuple[float, float]:
    return float(average_precision_score(labels, scores)), best_f1(labels, scores)


def scorer(fn: Callable[[str], str], skel: bool) -> Callable[[str, str], float]:
    def score(a: str, b: str) -> float:
        la, lb = fn(a), fn(b)
        if skel:
            la, lb = skeleton(la), skeleton(lb)
        return ratio(squash(la), squash(lb))

    return score


def time_latinize(names: list[str]) -> float:
    uncached = latinize.__wrapped__  # type: ignore[attr-defined]
    start = time.perf_counter()
    for name in names:
        uncached(name)
    return (time.perf_counter() - start) / max(len(names), 1) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the matching data")
    parser.add_argument("--limit", type=int, help="pairs per language (default: all)")
    args = parser.parse_args()
    folder = data_dir(args.data)

    rows: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for fname, kind in (
        ("wikidata_translit_token_pairs_dev.csv.gz", "token"),
        ("wikidata_translit_fullname_pairs_dev.csv.gz", "fullname"),
    ):
        for lang, a, b, label in read_pairs(folder / fname, kind, args.limit):
            rows[lang].append((a, b, label))

    table = Table(title="Transliteration: AP / best F1 (score = Indel ratio of latinized forms)")
    for col in ("set", "n", "AP base", "AP ours", "F1 base", "F1 ours", "AP skel", "F1 skel"):
        table.add_column(col, justify="right" if col != "set" else "left")
    ours, base = scorer(latinize, False), scorer(baseline, False)
    ours_skel = scorer(latinize, True)
    for lang in sorted(rows):
        pairs = rows[lang]
        labels = [p[2] for p in pairs]
        ap_b, f1_b = metrics(labels, [base(a, b) for a, b, _ in pairs])
        ap_o, f1_o = metrics(labels, [ours(a, b) for a, b, _ in pairs])
        skel_cells = ["", ""]
        if lang.split("/")[0] in ABJADS:
            ap_s, f1_s = metrics(labels, [ours_skel(a, b) for a, b, _ in pairs])
            skel_cells = [f"{ap_s:.3f}", f"{f1_s:.3f}"]
        table.add_row(
            lang, str(len(pairs)), f"{ap_b:.3f}", f"{ap_o:.3f}", f"{f1_b:.3f}", f"{f1_o:.3f}",
            *skel_cells,
        )  # fmt: skip
    console = Console(width=140)
    console.print(table)

    watch = Table(title="watchman cross-script smoke pairs (positives): similarity")
    for col in ("query", "expected", "base", "ours", "ours latinized"):
        watch.add_column(col)
    with open(folder / "watchman_cross_script_pairs.csv", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    sums = [0.0, 0.0]
    # Columns (given in a comment line): Query, Expected Match, Min Score, Description.
    for rec in csv.reader(lines):
        query, expected = rec[0], rec[1]
        sb, so = base(query, expected), ours(query, expected)
        sums[0] += sb
        sums[1] += so
        watch.add_row(query, expected, f"{sb:.2f}", f"{so:.2f}", latinize(query))
    n = max(len(lines), 1)
    watch.add_row("mean", "", f"{sums[0] / n:.3f}", f"{sums[1] / n:.3f}", "")
    console.print(watch)

    # Uncached speed per kind of input.
    ascii_names = sorted({a for pairs in rows.values() for a, _, _ in pairs if a.isascii()})
    latin_dia = sorted({a for pairs in rows.values() for a, _, _ in pairs if not a.isascii()})
    foreign: dict[str, list[str]] = defaultdict(list)
    for lang, pairs in rows.items():
        foreign[lang.split("/")[0]].extend(sorted({b for _, b, _ in pairs}))
    speed = Table(title="latinize(): mean microseconds per uncached call")
    speed.add_column("input")
    speed.add_column("n", justify="right")
    speed.add_column("us/call ours", justify="right")
    speed.add_column("us/call normality", justify="right")

    def time_base(names: list[str]) -> float:
        start = time.perf_counter()
        for name in names:
            normality.ascii_text(name)
        return (time.perf_counter() - start) / max(len(names), 1) * 1e6

    groups = [("Latin ASCII", ascii_names), ("Latin diacritics", latin_dia)]
    groups += [(lang, names) for lang, names in sorted(foreign.items())]
    for label, names in groups:
        time_latinize(names[:200])  # warm up ICU singletons
        speed.add_row(
            label, str(len(names)), f"{time_latinize(names):.2f}", f"{time_base(names):.2f}"
        )
    console.print(speed)


if __name__ == "__main__":
    main()
