"""Screening benchmark: index build and load, cold start, rows/s, false alerts, recall, memory.

Usage: python benchmarks/screening.py [--shared PATH] [--home PATH] [--negatives N]
                                      [--positives N] [--queries N] [--exhaustive N]

With ``--home`` pointing at a store that already holds the shared lists, the
import is skipped (its index cache is rebuilt). Otherwise every list of
``benchmarks/import.py`` is imported into a temporary store first.

- positives: list names (aliases included) perturbed (typos, word order,
  dropped words); the target is the entity the name came from. The first
  ``--queries`` (300) give the recall figures; recall@10 is also printed over
  the queries that keep an identifying word (a perturbed "Marine Co Ltd" of
  "Vasora Marine Co Ltd" names no one), with the count left out.
- negatives: ``matching/yente_screening_negatives_{global,us}_dev.csv``
  (synthetic people designed not to be listed, MANIFEST §8); every match
  among them is a false alert.
- ``--exhaustive N``: for N positives, also score every entity (the same
  score as ``compare()``) and compare with the screener's top 10: how often
  the true entity is in the exhaustive top 10 and in the screener's, and how
  often the exhaustive best score (ties included) is in the screener's top 10
  (slow: several seconds per query); and for N negatives (half from each
  file) the share that, scored against every entity, finds a stranger at the
  threshold (rows as screened, and full names alone): the matcher's false
  alerts without the index.

Targets: >= 300 rows/s on 2 workers, first answer within 2 s, recall@10 >= 99 %,
< 1 GiB resident.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from weerbaar.core.settings import Settings, shared_data_dir
from weerbaar.matching import DEFAULT_THRESHOLD, Record
from weerbaar.matching.compare import QueryScorer, is_person
from weerbaar.matching.names import prepare
from weerbaar.screening import Screener, screen
from weerbaar.screening.index import index_dir, load_index
from weerbaar.screening.inputs import read_input

ROOT = Path(__file__).resolve().parent.parent
NEGATIVES = ("yente_screening_negatives_global_dev.csv", "yente_screening_negatives_us_dev.csv")
HEADER = ["kind", "target", "full_name", "first_name", "middle_name", "last_name", "gender",
          "date_of_birth", "nationality", "type"]  # fmt: skip


def import_lists(shared: Path, home: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "benchmarks/import.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from weerbaar.lists import Lists

    with Lists(Settings(home=home)) as lists:
        for group in module.LISTS:
            lists.import_paths([shared / p for p in group])


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("dsrt")
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "s":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "r":
        return word[:i] + rng.choice("aeiouklmnrst") + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def perturb(name: str, rng: random.Random) -> str:
    words = name.replace(",", " ").split()
    roll = rng.random()
    if roll < 0.4:
        words = [typo(w, rng) if rng.random() < 0.5 else w for w in words]
    elif roll < 0.7:
        rng.shuffle(words)
    elif roll < 0.85 and len(words) > 2:
        words = words[:-1] if rng.random() < 0.5 else words[1:]
    return " ".join(words)


def positives(screener: Screener, count: int, seed: int = 7) -> list[tuple[str, Record]]:
    """(target entity id, query) pairs: a perturbed name of a random list entity
    (not a weak alias: one alone is never a hit, by design)."""
    rng = random.Random(seed)
    index = screener.index
    out = []
    for number in rng.sample(range(len(index)), min(count, len(index))):
        entry = index.entry(number)
        weak = entry.record.weak_names
        names = [n for n in entry.record.names if n not in weak] or [
            " ".join(entry.record.first_names + entry.record.last_names)
        ]
        query = Record(schema=entry.schema, names=[perturb(rng.choice(names), rng)])
        out.append((entry.id, query))
    return out


def negatives(shared: Path, count: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in NEGATIVES:
        with (shared / "matching" / name).open(encoding="utf-8", newline="") as fh:
            rows.extend(r for _, r in zip(range(count // 2), csv.DictReader(fh), strict=False))
    return rows


def write_queries(path: Path, neg: list[dict[str, str]], pos: list[tuple[str, Record]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for r in neg:
            out.writerow(["negative", "", *(r[c] for c in HEADER[2:9]), "person"])
        for target, q in pos:
            out.writerow(["positive", target, q.names[0], "", "", "", "", "", "", q.schema])


def identifying(query: Record) -> bool:
    """Does the query keep a word that identifies (not only generic words and
    legal forms, as a perturbed "Marine Co Ltd" of "Vasora Marine Co Ltd")?"""
    return bool(prepare(query.names[0], is_person(query.schema)).core)


def recall(screener: Screener, pos: list[tuple[str, Record]]) -> dict[str, float]:
    at1 = at1_tied = at10 = blocked = 0
    at10_identifying = n_identifying = 0
    start = time.perf_counter()
    for target, query in pos:
        found = screener.index.candidates(query, screener.candidates)
        blocked += target in {screener.index.entry(c.number).id for c in found}
        hits = screener.match_record(query, limit=10, threshold=0.0)
        ids = [h.entity_id for h in hits]
        at1 += bool(ids) and ids[0] == target
        # the same person or firm on several lists scores the same: any entity
        # tied with the best is shown first as much as the other
        at1_tied += target in {h.entity_id for h in hits if h.score == hits[0].score}
        at10 += target in ids
        if identifying(query):
            n_identifying += 1
            at10_identifying += target in ids
    n = max(len(pos), 1)
    return {
        "queries": len(pos),
        "index recall (target among candidates)": blocked / n,
        "recall@1": at1 / n,
        "recall@1, ties with the best score counted": at1_tied / n,
        "recall@10": at10 / n,
        "queries left with generic words only (no name can be found)": len(pos) - n_identifying,
        "recall@10, queries with an identifying word": at10_identifying / max(n_identifying, 1),
        "ms per query (1 core)": (time.perf_counter() - start) / n * 1000,
    }


def exhaustive(screener: Screener, pos: list[tuple[str, Record]]) -> dict[str, float]:
    """The screener's top 10 against scoring every entity: the true entity in the
    exhaustive top 10, in the screener's top 10, and the exhaustive best score
    (or a tie with it) in the screener's top 10."""
    index = screener.index
    records = [index.entry(n).record for n in range(len(index))]
    ids = [index.entry(n).id for n in range(len(index))]
    true_exh = true_top = best_top = both = 0
    for target, query in track(pos, description="exhaustive scoring", transient=True):
        scorer = QueryScorer(query)
        ranked = sorted(((scorer.score(r), n) for n, r in enumerate(records)), reverse=True)
        hits = screener.match_record(query, 10, threshold=0.0)
        top = [h.entity_id for h in hits]
        in_exh = target in {ids[n] for _, n in ranked[:10]}
        true_exh += in_exh
        true_top += target in top
        both += in_exh and target in top
        best = ranked[0][0]
        best_top += any(abs(h.score - best) < 1e-9 for h in hits)
    n = max(len(pos), 1)
    return {
        "true entity in exhaustive top 10": true_exh / n,
        "true entity in screener top 10": true_top / n,
        # the index target: the index loses no true entity that scoring
        # every entity would have put in the top 10
        "index recall@10 against exhaustive scoring": both / max(true_exh, 1),
        "exhaustive best score (or a tie) in screener top 10": best_top / n,
    }


def exhaustive_negatives(screener: Screener, neg: list[Record]) -> dict[str, float]:
    """The matcher without the index: each negative scored against every entity,
    once as the screening run reads its row (name, birth date, nationality,
    gender) and once on the full name alone. The share whose best stranger
    reaches the threshold is the false-alert rate of ``compare()`` alone; the
    screening run's figure above is the same with the index choosing candidates.
    On the name alone a shared common name ("Jesús García" against "VIBANCO
    GARCIA, Jesus Miguel") is a fair alert, so that share runs higher."""
    index = screener.index
    records = [index.entry(n).record for n in range(len(index))]

    def alerts(query: Record) -> bool:
        scorer = QueryScorer(query)
        return max(scorer.score(r) for r in records) >= DEFAULT_THRESHOLD

    row = name = 0
    for query in track(neg, description="exhaustive scoring of negatives", transient=True):
        row += alerts(query)
        name += alerts(Record(schema=query.schema, names=query.names[:1]))
    n = max(len(neg), 1)
    return {
        "negatives alerting, every entity scored, rows as screened": row / n,
        "negatives alerting, every entity scored, full name only": name / n,
    }


def cold_start(home: Path) -> float:
    env = dict(os.environ, WEERBAAR_HOME=str(home))
    exe = Path(sys.executable).parent / "weerbaar"
    start = time.perf_counter()
    subprocess.run([str(exe), "match", "Vladimir Putin", "--json"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - start


def rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = str(shared_data_dir())
    parser.add_argument("--shared", default=default)
    parser.add_argument("--home", default=None, help="A store with the shared lists to reuse.")
    parser.add_argument("--negatives", type=int, default=6000)
    parser.add_argument("--positives", type=int, default=600)
    parser.add_argument("--exhaustive", type=int, default=0)
    parser.add_argument(
        "--queries",
        type=int,
        default=300,
        help="Positives for the recall figures (at most --positives).",
    )
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "sanctions").is_dir():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(args.home) if args.home else Path(tmp) / "home"
        if not (home / "store.sqlite3").exists():
            t0 = time.perf_counter()
            import_lists(shared, home)
            console.print(f"imported the shared lists in {time.perf_counter() - t0:.1f} s")
        run(console, shared, home, Path(tmp), args)
    return 0


def run(console: Console, shared: Path, home: Path, tmp: Path, args: argparse.Namespace) -> None:
    settings = Settings(home=home)
    for old in index_dir(settings).glob("*.pickle"):
        old.unlink()
    t0 = time.perf_counter()
    load_index(settings, progress=True)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    screener = Screener(load_index(settings))
    load = time.perf_counter() - t0
    cold = cold_start(home)
    pos = positives(screener, args.positives)
    neg = negatives(shared, args.negatives)
    queries = tmp / "queries.csv"
    write_queries(queries, neg, pos)
    out = tmp / "results.csv"
    summary = screen(queries, out, settings=settings, workers=2, progress=True,
                     default_schema="Person", screener=screener)  # fmt: skip
    with out.open(encoding="utf-8", newline="") as fh:
        results = list(csv.DictReader(fh))
    alerted = {r["row"] for r in results if r["match"] == "yes" and r["input_kind"] == "negative"}
    found = {(r["input_target"], r["entity_id"]) for r in results if r["match"] == "yes"}
    hit_pos = sum((t, t) in found for t, _ in pos)
    table = Table("measure", "value", title="Screening benchmark (all shared lists)")
    table.add_row("entities indexed", str(len(screener.index)))
    table.add_row("names indexed", str(screener.index.n_names))
    table.add_row("index build (s)", f"{build:.1f}")
    table.add_row("index load from cache (s)", f"{load:.2f}")
    table.add_row("cold start to first answer, `weerbaar match` (s)", f"{cold:.2f}")
    table.add_row("screened rows (negatives + positives)", f"{len(neg)} + {len(pos)}")
    table.add_row("screening rows/s on 2 workers (incl. reading, writing)",
                  f"{summary.rows_per_second:.0f}")  # fmt: skip
    table.add_row("false alerts per 1,000 negatives (rows with a match)",
                  f"{1000 * len(alerted) / max(len(neg), 1):.1f}")  # fmt: skip
    table.add_row("positives matched to their entity in the file run",
                  f"{hit_pos / max(len(pos), 1):.3f}")  # fmt: skip
    for key, value in recall(screener, pos[: args.queries]).items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    if args.exhaustive:
        for key, value in exhaustive(screener, pos[: args.exhaustive]).items():
            table.add_row(f"{key} ({args.exhaustive} queries)", f"{value:.3f}")
        # negatives from both files, half each, read as the screening run read them
        rows = [r.record for r in read_input(queries, default_schema="Person").rows
                if r.passthrough["kind"] == "negative"]  # fmt: skip
        half = args.exhaustive // 2
        sample = rows[:half] + rows[len(rows) // 2 : len(rows) // 2 + half]
        for key, value in exhaustive_negatives(screener, sample).items():
            table.add_row(f"{key} ({len(sample)} rows)", f"{value:.3f}")
    table.add_row("peak RSS, main process (MiB)", f"{rss_mib(resource.RUSAGE_SELF):.0f}")
    table.add_row("peak RSS, largest worker (MiB)", f"{rss_mib(resource.RUSAGE_CHILDREN):.0f}")
    console.print(table)


if __name__ == "__main__":
    raise SystemExit(main())
