"""Compare our matcher (weerbaar.matching) with OpenSanctions' nomenklatura logic-v2.

Usage: python benchmarks/matching.py [--limit N] [--limit-ours N] [--skip-peer]
                                     [--json PATH] [--data DIR] [--ours MODULE]

Datasets (the development sets in <shared data>/matching, see its MANIFEST.md):
alias pairs (spelling/transliteration variants only, and all pairs), OpenSanctions'
name bench (cases.csv), the logic-v2-frozen revision of it (with OpenSanctions'
recorded logic-v2 scores as a third column), moov-io/watchman's 22 cross-script
smoke pairs (all matches), Wikidata English names against their Hebrew and
Korean spellings (3,000 pairs per language from the half that
benchmarks/fit_matcher.py does not fit on), single words of Wikidata names
against their spellings in seven scripts (2,000 pairs per language, same half)
and the entity-level checks.

Per dataset and per stratum (Person/Organization x same/cross script) it prints
precision, recall and F1 at each engine's own default threshold (ours:
DEFAULT_THRESHOLD; logic-v2: 0.7, yente's default, which the frozen file's
predictions confirm), macro F1 over the four strata, average precision, the
share of scores equal to 1.0, the share of non-matches scoring >= 0.9, and
microseconds per pair (wall time / pairs, after a warm-up on one pair per schema
and script combination, since both engines load reference data lazily; logic-v2
needs ~13 s of it, reported as "warm-up s"; building the followthemoney entities
for logic-v2 is not timed). Our engine scores every pair; logic-v2 (slow) scores
all name-bench pairs and checks but, by default, a deterministic stratified
sample of 4,000 alias pairs (--limit N caps every dataset; the variant-pairs
figures use the part of that sample that is in the variants set). Engines are
compared on the pairs both scored; "weerbaar (all)" adds our figures on every
pair. Also: a reliability table of our scores on the alias pairs and the
entity-check accuracy of each engine.

--ours MODULE scores with another module exposing compare_names, compare and
DEFAULT_THRESHOLD (e.g. a stand-in or an older copy of the engine).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from weerbaar.matching.evaluation import (
    GROUPS,
    Pair,
    average_precision,
    load_alias_pairs,
    load_entity_checks,
    load_logicv2_frozen,
    load_name_bench,
    load_translit_pairs,
    load_watchman_pairs,
    macro_f1,
    prf,
    reliability_table,
    share_at_least,
    share_at_one,
    shared_matching_dir,
    text_script,
)
from weerbaar.matching.record import Record

#: yente's default score threshold for logic-v2 (nomenklatura itself has none).
PEER_THRESHOLD = 0.7
PEER_NAME = "logic-v2"
DEFAULT_ALIAS_SAMPLE = 4000
#: Wikidata full-name pairs per language, from the half the fit does not see.
TRANSLIT_PER_LANGUAGE = 3000
#: Wikidata single-word pairs per language, from the same half.
WORDS_PER_LANGUAGE = 2000
#: Pairs scored between two progress updates (the clock only runs around scoring).
CHUNK = 256
HIGH = 0.9
#: Strata with fewer pairs get a warning under the table (their F1 is noise).
SMALL_STRATUM = 30
#: At most this many distinct warm-up pairs per dataset and engine.
WARM_MAX = 64
MAX_FP_SHARE = 0.05

#: Piped output (logs, CI) gets a fixed width so the tables are not squeezed to 80 columns.
console = Console() if sys.stdout.isatty() else Console(width=132)


# --------------------------------------------------------------------- engines


@dataclass
class Engine:
    """A scorer: ``prepare`` runs untimed, ``run`` is timed."""

    name: str
    threshold: float
    prepare_pair: Callable[[int, Pair], Any]
    prepare_check: Callable[[int, Record, Record], Any]
    run_pair: Callable[[Any], float]
    run_check: Callable[[Any], tuple[float, bool]]


def our_engine(module_name: str) -> Engine:
    module = importlib.import_module(module_name)
    compare_names = module.compare_names
    compare = module.compare
    threshold = float(module.DEFAULT_THRESHOLD)

    def run_check(args: tuple[Record, Record]) -> tuple[float, bool]:
        result = compare(args[0], args[1])
        return float(result.score), bool(result.match)

    return Engine(
        name="weerbaar",
        threshold=threshold,
        prepare_pair=lambda i, p: (p.schema, p.name1, p.name2),
        prepare_check=lambda i, q, c: (q, c),
        run_pair=lambda a: float(compare_names(*a)),
        run_check=run_check,
    )


_RECORD_PROPS = (
    ("names", "name"),
    ("first_names", "firstName"),
    ("middle_names", "middleName"),
    ("last_names", "lastName"),
    ("father_names", "fatherName"),
    ("birth_dates", "birthDate"),
    ("countries", "country"),
    ("identifiers", "idNumber"),
)


def peer_engine() -> Engine:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algo = get_algorithm(PEER_NAME)
    if algo is None:
        raise RuntimeError(f"nomenklatura has no {PEER_NAME} algorithm")
    config = algo.default_config()
    # logic-v2 memoises name analysis per entity *id* (Entity.__hash__), so every
    # entity ever built here gets a fresh id, or a later dataset would reuse the
    # parsed names of an earlier one.
    counter = itertools.count()

    def entity(schema: str, entity_id: str, props: dict[str, list[str]]) -> Any:
        e = model.make_entity(schema if model.get(schema) is not None else "LegalEntity")
        e.id = f"{entity_id}-{next(counter)}"
        for prop, values in props.items():
            if values and e.schema.get(prop) is not None:
                e.add(prop, values)
        return e

    def record_entity(record: Record, entity_id: str) -> Any:
        props = {prop: list(getattr(record, attr)) for attr, prop in _RECORD_PROPS}
        if record.gender:
            props["gender"] = [record.gender]
        return entity(record.schema, entity_id, props)

    def run_pair(args: tuple[Any, Any]) -> float:
        return float(algo.compare(args[0], args[1], config).score)

    def run_check(args: tuple[Any, Any]) -> tuple[float, bool]:
        score = float(algo.compare(args[0], args[1], config).score)
        return score, score >= PEER_THRESHOLD

    return Engine(
        name=PEER_NAME,
        threshold=PEER_THRESHOLD,
        prepare_pair=lambda i, p: (
            entity(p.schema, f"q{i}", {"name": [p.name1]}),
            entity(p.schema, f"c{i}", {"name": [p.name2]}),
        ),
        prepare_check=lambda i, q, c: (record_entity(q, f"q{i}"), record_entity(c, f"c{i}")),
        run_pair=run_pair,
        run_check=run_check,
    )


def timed(
    items: Sequence[Any],
    prepare: Callable[[int, Any], Any],
    run: Callable[[Any], Any],
    progress: Progress,
    label: str,
    warm_key: Callable[[Any], Hashable],
) -> tuple[list[Any], float, float]:
    """``run(prepare(i, item))`` per item, microseconds per item and warm-up seconds.

    The warm-up scores the first item of each distinct ``warm_key`` (schema and
    scripts): both engines load some reference data lazily on first use of a
    code path (logic-v2 takes seconds for its name taggers), which is start-up
    cost, not per-pair cost.
    """
    task = progress.add_task(label, total=len(items))
    warm: dict[Hashable, Any] = {}
    for item in items:
        if len(warm) >= WARM_MAX:
            break
        warm.setdefault(warm_key(item), item)
    t0 = time.perf_counter()
    for k, item in enumerate(warm.values()):
        run(prepare(len(items) + k, item))
    warmup = time.perf_counter() - t0
    results: list[Any] = []
    seconds = 0.0
    for start in range(0, len(items), CHUNK):
        prepared = [prepare(start + k, item) for k, item in enumerate(items[start : start + CHUNK])]
        t0 = time.perf_counter()
        results.extend(run(a) for a in prepared)
        seconds += time.perf_counter() - t0
        progress.advance(task, len(prepared))
    return results, (seconds / len(items) * 1e6 if items else 0.0), warmup


def pair_key(pair: Pair) -> Hashable:
    return (pair.schema, text_script(pair.name1), text_script(pair.name2))


def check_key(check: tuple[Record, Record, bool]) -> Hashable:
    q, c, _ = check
    scripts = tuple(text_script(" ".join(r.names + r.first_names + r.last_names)) for r in (q, c))
    return (q.schema, scripts, bool(q.names), bool(c.names), bool(q.last_names or c.last_names))


# -------------------------------------------------------------------- sampling


def _hash(text: str) -> str:
    return hashlib.sha256(f"weerbaar-matching-bench-v1:{text}".encode()).hexdigest()


def stratified_sample(pairs: Sequence[Pair], size: int | None) -> list[int]:
    """Indices of a deterministic sample, proportional over (group, label, related)."""
    if size is None or size >= len(pairs):
        return list(range(len(pairs)))
    strata: dict[tuple[str, bool, bool | None], list[int]] = {}
    for i, p in enumerate(pairs):
        strata.setdefault((p.group, p.label, p.related), []).append(i)
    quotas = {k: size * len(v) / len(pairs) for k, v in strata.items()}
    counts = {k: int(q) for k, q in quotas.items()}
    rest = size - sum(counts.values())
    for k in sorted(quotas, key=lambda k: (counts[k] - quotas[k], str(k)))[:rest]:
        counts[k] += 1
    chosen: list[int] = []
    for k, idx in strata.items():
        chosen.extend(sorted(idx, key=lambda i: _hash(pairs[i].id))[: counts[k]])
    return sorted(chosen)


# --------------------------------------------------------------------- figures


@dataclass
class Scored:
    """One engine's scores on a dataset (None where it did not score)."""

    scores: list[float | None]
    us_per_pair: float | None
    threshold: float | None
    warmup_seconds: float | None = None


@dataclass
class Dataset:
    name: str
    pairs: list[Pair]
    engines: dict[str, Scored] = field(default_factory=dict)


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def figures(
    scores: Sequence[float], labels: Sequence[bool], groups: Sequence[str], threshold: float
) -> dict[str, Any]:
    per_group: dict[str, Any] = {}
    for g in GROUPS:
        idx = [i for i, x in enumerate(groups) if x == g]
        r = prf([scores[i] for i in idx], [labels[i] for i in idx], threshold)
        per_group[g] = {"n": len(idx), "pos": sum(labels[i] for i in idx), **r._asdict()}
    pooled = prf(scores, labels, threshold)
    return {
        "n": len(scores),
        "threshold": threshold,
        "pooled": pooled._asdict(),
        "groups": per_group,
        "macro_f1": macro_f1(scores, labels, groups, threshold),
        "average_precision": average_precision(scores, labels),
        "share_at_one": share_at_one(scores),
        "neg_share_ge_0_9": share_at_least(scores, labels, False, HIGH),
    }


def subset(ds: Dataset, name: str, idx: Sequence[int]) -> tuple[list[float], list[bool], list[str]]:
    raw = ds.engines[name].scores
    return (
        [float(raw[i] or 0.0) for i in idx],
        [ds.pairs[i].label for i in idx],
        [ds.pairs[i].group for i in idx],
    )


def report_dataset(ds: Dataset, ours: str | None, note: str = "") -> dict[str, Any]:
    names = list(ds.engines)
    common = [
        i for i in range(len(ds.pairs)) if all(ds.engines[n].scores[i] is not None for n in names)
    ]
    out: dict[str, Any] = {"pairs": len(ds.pairs), "compared_pairs": len(common), "engines": {}}
    figs: dict[str, dict[str, Any]] = {}
    for n in names:
        s, lab, grp = subset(ds, n, common)
        thr = ds.engines[n].threshold
        figs[n] = figures(s, lab, grp, PEER_THRESHOLD if thr is None else thr)
        figs[n]["us_per_pair"] = ds.engines[n].us_per_pair
        figs[n]["warmup_seconds"] = ds.engines[n].warmup_seconds
    columns = dict(figs)
    if ours is not None and ours in ds.engines:
        own = [i for i, x in enumerate(ds.engines[ours].scores) if x is not None]
        if len(own) > len(common):
            s, lab, grp = subset(ds, ours, own)
            columns[f"{ours} (all)"] = figures(s, lab, grp, ds.engines[ours].threshold or 0.0)
            columns[f"{ours} (all)"]["us_per_pair"] = ds.engines[ours].us_per_pair
            columns[f"{ours} (all)"]["warmup_seconds"] = ds.engines[ours].warmup_seconds
    out["engines"] = columns

    # per-stratum P/R/F1 on the common pairs, one row per engine
    table = Table(
        title=f"{ds.name}: {len(common):,} pairs scored by every engine", title_justify="left"
    )
    for col in ("stratum", "n", "pos", "engine", "P", "R", "F1"):
        table.add_column(col, justify="left" if col in ("stratum", "engine") else "right")
    key = next(iter(figs))
    for g in [*GROUPS, "pooled"]:
        if g != "pooled" and figs[key]["groups"][g]["n"] == 0:
            continue  # a dataset of one stratum (the Wikidata pairs) shows that one
        part = figs[key]["pooled"] if g == "pooled" else figs[key]["groups"][g]
        n_pos = (
            (figs[key]["n"], sum(ds.pairs[i].label for i in common))
            if g == "pooled"
            else (part["n"], part["pos"])
        )
        for k, (n, f) in enumerate(columns.items()):
            r = f["pooled"] if g == "pooled" else f["groups"][g]
            if n.endswith("(all)"):
                count = f["n"] if g == "pooled" else r["n"]
                n = f"{n} n={count:,}"
            head = [g, f"{n_pos[0]:,}", f"{n_pos[1]:,}"] if k == 0 else ["", "", ""]
            table.add_row(
                *head,
                n,
                _fmt(r["precision"]),
                _fmt(r["recall"]),
                _fmt(r["f1"]),
                end_section=k == len(columns) - 1,
            )
    for k, (n, f) in enumerate(columns.items()):
        table.add_row("macro F1" if k == 0 else "", "", "", n, "", "", _fmt(f["macro_f1"]))
    small = [g for g in GROUPS if 0 < figs[key]["groups"][g]["n"] < SMALL_STRATUM]
    if small:
        table.caption = f"few pairs in {', '.join(small)}: macro F1 is noisy here"
    console.print(table)

    summary = Table(title=f"{ds.name}: summary", title_justify="left")
    summary.add_column("metric")
    for n in columns:
        summary.add_column(n, justify="right")
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("pairs", lambda f: f"{f['n']:,}"),
        ("threshold", lambda f: _fmt(f["threshold"], 2)),
        ("F1 pooled", lambda f: _fmt(f["pooled"]["f1"])),
        ("F1 macro (4 strata)", lambda f: _fmt(f["macro_f1"])),
        ("average precision", lambda f: _fmt(f["average_precision"])),
        ("share of scores = 1.0", lambda f: _fmt(f["share_at_one"])),
        (f"non-matches scoring >= {HIGH}", lambda f: _fmt(f["neg_share_ge_0_9"])),
        ("µs per pair", lambda f: _fmt(f["us_per_pair"], 1)),
        ("warm-up s (first use)", lambda f: _fmt(f["warmup_seconds"], 2)),
    ]
    for label, get in rows:
        summary.add_row(label, *[get(f) for f in columns.values()])
    ratio = speed_ratio(ds, ours)
    if ratio is not None:
        out["speed_ratio_ours_over_peer"] = ratio
        summary.add_row("time ratio ours/logic-v2", *([_fmt(ratio, 3)] + [""] * (len(columns) - 1)))
    if note:
        summary.caption = note
    console.print(summary)
    return out


def speed_ratio(ds: Dataset, ours: str | None) -> float | None:
    if ours is None or ours not in ds.engines or PEER_NAME not in ds.engines:
        return None
    a, b = ds.engines[ours].us_per_pair, ds.engines[PEER_NAME].us_per_pair
    return a / b if a is not None and b else None


def report_slices(ds: Dataset) -> dict[str, Any]:
    """F1 per source (and recall of related=0 positives) on the common pairs."""
    names = list(ds.engines)
    common = [
        i for i in range(len(ds.pairs)) if all(ds.engines[n].scores[i] is not None for n in names)
    ]
    out: dict[str, Any] = {}
    table = Table(title=f"{ds.name}: by source (F1) on the common pairs", title_justify="left")
    table.add_column("slice")
    table.add_column("n", justify="right")
    for n in names:
        table.add_column(n, justify="right")
    sources = sorted(Counter(ds.pairs[i].source for i in common))
    slices: list[tuple[str, list[int], str]] = [
        (f"source={s}", [i for i in common if ds.pairs[i].source == s], "f1") for s in sources
    ]
    slices.append(
        (
            "positives related=0 (recall)",
            [i for i in common if ds.pairs[i].related is False],
            "recall",
        )
    )
    slices.append(
        (
            "positives related=1 (recall)",
            [i for i in common if ds.pairs[i].related is True],
            "recall",
        )
    )
    for label, idx, metric in slices:
        row = [label, f"{len(idx):,}"]
        out[label] = {"n": len(idx)}
        for n in names:
            s, lab, _ = subset(ds, n, idx)
            value = getattr(prf(s, lab, ds.engines[n].threshold or 0.0), metric)
            out[label][n] = value
            row.append(_fmt(value))
        table.add_row(*row)
    console.print(table)
    return out


def report_reliability(ds: Dataset, name: str) -> dict[str, Any]:
    idx = [i for i, x in enumerate(ds.engines[name].scores) if x is not None]
    s, lab, _ = subset(ds, name, idx)
    rows = reliability_table(s, lab, bins=10)
    table = Table(
        title=f"{ds.name}: reliability of {name} scores ({len(idx):,} pairs)", title_justify="left"
    )
    for col in ("bin", "n", "mean score", "share true", "gap"):
        table.add_column(col, justify="right")
    for r in rows:
        gap = None if r.mean_score is None or r.share_true is None else r.share_true - r.mean_score
        table.add_row(
            f"[{r.lo:.1f}, {r.hi:.1f}{']' if r.hi >= 1 else ')'}",
            f"{r.n:,}",
            _fmt(r.mean_score),
            _fmt(r.share_true),
            _fmt(gap),
        )
    console.print(table)
    high = share_at_least(s, lab, False, HIGH)
    verdict = "ok" if high <= MAX_FP_SHARE else "TOO HIGH"
    console.print(
        f"{name}: share of non-matching pairs scoring >= {HIGH}: {high:.3%} "
        f"(target <= {MAX_FP_SHARE:.0%}: {verdict})\n"
    )
    return {
        "bins": [r._asdict() for r in rows],
        "neg_share_ge_0_9": high,
        "ece": sum(r.n * abs((r.share_true or 0.0) - (r.mean_score or 0.0)) for r in rows)
        / max(len(idx), 1),
    }


# ----------------------------------------------------------------------- checks


def _check_preparer(engine: Engine) -> Callable[[int, Any], Any]:
    def prepare(k: int, check: tuple[Record, Record, bool]) -> Any:
        return engine.prepare_check(k, check[0], check[1])

    return prepare


def run_checks(
    directory: Path, engines: list[Engine], limit: int | None, progress: Progress
) -> tuple[list[tuple[Record, Record, bool]], dict[str, tuple[list[int], list[Any], float]]]:
    checks = load_entity_checks(directory)
    results: dict[str, tuple[list[int], list[Any], float]] = {}
    for engine in engines:
        idx = list(range(len(checks)))
        if engine.name == PEER_NAME and limit is not None and limit < len(checks):
            idx = sorted(idx, key=lambda i: _hash(f"check{i}"))[:limit]
            idx.sort()
        items = [checks[i] for i in idx]
        out, us, _ = timed(
            items,
            _check_preparer(engine),
            engine.run_check,
            progress,
            f"entity checks · {engine.name}",
            check_key,
        )
        results[engine.name] = (idx, out, us)
    return checks, results


def report_checks(
    checks: list[tuple[Record, Record, bool]],
    results: dict[str, tuple[list[int], list[Any], float]],
) -> dict[str, Any]:
    common = set(range(len(checks)))
    for idx, _, _ in results.values():
        common &= set(idx)
    table = Table(
        title=f"entity checks: {len(common)} of {len(checks)} checks (engine's own match)",
        title_justify="left",
    )
    for col in ("engine", "accuracy", "P", "R", "F1", "AP", "Person acc", "Org acc", "µs/pair"):
        table.add_column(col, justify="right" if col != "engine" else "left")
    out: dict[str, Any] = {"checks": len(checks), "compared": len(common)}
    for name, (idx, res, us) in results.items():
        by = {i: r for i, r in zip(idx, res, strict=True)}
        keep = sorted(common)
        scores = [float(by[i][0]) for i in keep]
        decided = [bool(by[i][1]) for i in keep]
        labels = [checks[i][2] for i in keep]
        person = [checks[i][0].schema == "Person" for i in keep]
        correct = [d == lab for d, lab in zip(decided, labels, strict=True)]
        acc = sum(correct) / len(correct) if correct else 0.0
        acc_p = _share([c for c, p in zip(correct, person, strict=True) if p])
        acc_o = _share([c for c, p in zip(correct, person, strict=True) if not p])
        r = prf([1.0 if d else 0.0 for d in decided], labels, 0.5)
        ap = average_precision(scores, labels)
        out[name] = {
            "accuracy": acc,
            "accuracy_person": acc_p,
            "accuracy_organization": acc_o,
            **r._asdict(),
            "average_precision": ap,
            "us_per_pair": us,
            "errors": [
                {
                    "query": checks[i][0].names
                    or checks[i][0].first_names + checks[i][0].last_names,
                    "candidate": checks[i][1].names
                    or checks[i][1].first_names + checks[i][1].last_names,
                    "schema": checks[i][0].schema,
                    "label": checks[i][2],
                    "score": float(by[i][0]),
                }
                for i, ok in zip(keep, correct, strict=True)
                if not ok
            ],
        }
        table.add_row(
            name,
            _fmt(acc),
            _fmt(r.precision),
            _fmt(r.recall),
            _fmt(r.f1),
            _fmt(ap),
            _fmt(acc_p),
            _fmt(acc_o),
            _fmt(us, 1),
        )
    console.print(table)
    return out


def _share(values: Sequence[bool]) -> float | None:
    return sum(values) / len(values) if values else None


# ------------------------------------------------------------------------- main


def score_dataset(
    name: str,
    pairs: list[Pair],
    engines: list[Engine],
    sample: dict[str, list[int]],
    progress: Progress,
) -> Dataset:
    ds = Dataset(name, pairs)
    for engine in engines:
        idx = sample[engine.name]
        items = [pairs[i] for i in idx]
        out, us, warm = timed(
            items,
            engine.prepare_pair,
            engine.run_pair,
            progress,
            f"{name} · {engine.name}",
            pair_key,
        )
        scores: list[float | None] = [None] * len(pairs)
        for i, s in zip(idx, out, strict=True):
            scores[i] = s
        ds.engines[engine.name] = Scored(scores, us, engine.threshold, warm)
    return ds


def restrict(ds: Dataset, name: str, keep: list[int]) -> Dataset:
    out = Dataset(name, [ds.pairs[i] for i in keep])
    for n, s in ds.engines.items():
        out.engines[n] = Scored(
            [s.scores[i] for i in keep], s.us_per_pair, s.threshold, s.warmup_seconds
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="logic-v2 pairs per dataset")
    parser.add_argument("--limit-ours", type=int, default=None, help="our pairs per dataset")
    parser.add_argument("--skip-peer", action="store_true", help="do not run logic-v2")
    parser.add_argument("--json", type=Path, default=None, help="write all figures here")
    parser.add_argument("--data", type=Path, default=None, help="the matching data folder")
    parser.add_argument("--ours", default="weerbaar.matching", help="module of our engine")
    args = parser.parse_args()

    data = args.data or shared_matching_dir()
    if data is None or not data.is_dir():
        print("matching data not found (set WEERBAAR_SHARED_DATA or --data)", file=sys.stderr)
        return 2
    ours = our_engine(args.ours)
    engines = [ours] if args.skip_peer else [ours, peer_engine()]
    report: dict[str, Any] = {
        "ours_module": args.ours,
        "thresholds": {e.name: e.threshold for e in engines},
        "limit": args.limit,
        "datasets": {},
    }

    alias = load_alias_pairs(variants_only=False, directory=data)
    variant_idx = [i for i, p in enumerate(alias) if not (p.label and p.related is False)]
    bench = load_name_bench(data)
    frozen = load_logicv2_frozen(data)
    watchman = load_watchman_pairs(data)
    translit = load_translit_pairs("test", TRANSLIT_PER_LANGUAGE, data)
    languages = sorted({p.source for p in translit})
    words = load_translit_pairs("test", WORDS_PER_LANGUAGE, data, words=True)
    word_languages = sorted({p.source for p in words})

    def samples(pairs: list[Pair], peer_default: int | None) -> dict[str, list[int]]:
        peer = args.limit if args.limit is not None else peer_default
        return {
            ours.name: stratified_sample(pairs, args.limit_ours),
            PEER_NAME: stratified_sample(pairs, peer),
        }

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        alias_ds = score_dataset(
            "alias pairs", alias, engines, samples(alias, DEFAULT_ALIAS_SAMPLE), progress
        )
        bench_ds = score_dataset("name bench", bench, engines, samples(bench, None), progress)
        frozen_ds = score_dataset(
            "logic-v2 frozen", frozen, engines, samples(frozen, None), progress
        )
        watchman_ds = score_dataset(
            "watchman cross-script pairs (all matches: recall is the measure)",
            watchman, engines, samples(watchman, None), progress,
        )  # fmt: skip
        translit_ds = {
            language: score_dataset(
                f"Wikidata English vs {language.title()} full names (held-out half)",
                part, engines, samples(part, None), progress,
            )
            for language in languages
            for part in [[p for p in translit if p.source == language]]
        }  # fmt: skip
        words_ds = {
            language: score_dataset(
                f"Wikidata single words, English vs {language.title()} (held-out half)",
                part, engines, samples(part, None), progress,
            )
            for language in word_languages
            for part in [[p for p in words if p.source == language]]
        }  # fmt: skip
        checks, check_results = run_checks(data, engines, args.limit, progress)

    frozen_ds.engines["logic-v2 (frozen)"] = Scored(
        [p.reference_score for p in frozen], None, PEER_THRESHOLD
    )
    variants_ds = restrict(
        alias_ds, "alias variant pairs (related=0 positives dropped)", variant_idx
    )
    alias_ds.name = "alias pairs (all)"

    datasets = report["datasets"]
    datasets["alias_variants"] = report_dataset(variants_ds, ours.name)
    datasets["alias_all"] = report_dataset(alias_ds, ours.name)
    datasets["alias_all"]["slices"] = report_slices(alias_ds)
    report["reliability_alias_all"] = report_reliability(alias_ds, ours.name)
    report["reliability_alias_variants"] = report_reliability(variants_ds, ours.name)
    datasets["name_bench"] = report_dataset(bench_ds, ours.name)
    datasets["logicv2_frozen"] = report_dataset(
        frozen_ds,
        ours.name,
        note="mostly the name-bench pairs again: timings are cache-warm, see the name bench",
    )
    datasets["watchman_cross_script"] = report_dataset(watchman_ds, ours.name)
    for language, ds in translit_ds.items():
        datasets[f"wikidata_{language}"] = report_dataset(ds, ours.name)
    for language, ds in words_ds.items():
        datasets[f"wikidata_words_{language}"] = report_dataset(ds, ours.name)
    datasets["entity_checks"] = report_checks(checks, check_results)

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        console.print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
