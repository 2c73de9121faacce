"""Fit the name model's weights on the development pairs and write weights.json.

Usage: python benchmarks/fit_matcher.py [--check] [--folds 5]

Training data: the sanctions alias variant pairs (positives a publisher gives
as spellings of one name; all hard negatives), OpenSanctions' name benchmark,
synthetic people on no list paired with listed names (near misses and aligned
strangers) and 1,500 Wikidata English names per language against their Hebrew
and Korean spellings (the half of them benchmarks/matching.py does not measure),
all from ../shared/data/matching (development side only). One
logistic regression per kind (persons; organisations and objects). The
threshold is chosen on out-of-fold scores (folds split by list entity
component, so no entity is on both sides): the highest macro F1 over the four
groups with pooled precision of at least 0.95.

``--check`` refits and fails if the committed weights differ (used by a test,
so the committed file cannot drift from this script).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from weerbaar.matching.compare import CRAFT, is_person
from weerbaar.matching.evaluation import (
    Pair,
    load_alias_pairs,
    load_name_bench,
    load_translit_pairs,
    macro_f1,
    prf,
    shared_matching_dir,
)
from weerbaar.matching.features import FEATURE_NAMES, measure, measure_fast
from weerbaar.matching.model import COLUMNS, ORG_MODEL, PERSON_MODEL, WEIGHTS_FILE, expand
from weerbaar.matching.names import Token, prepare

#: Synthetic people on no list (MANIFEST §8), from this row on: the screening
#: benchmark counts false alerts on the first 3,000 of each file, so those rows
#: stay unseen here.
NEGATIVE_FILES = (
    "yente_screening_negatives_global_dev.csv",
    "yente_screening_negatives_us_dev.csv",
)
NEGATIVE_SKIP = 10_000
#: Synthetic people used per file, and list names paired with each.
NEGATIVE_PEOPLE = 2_500
NEGATIVE_NEAREST = 2
#: Synthetic people per file, and list names scored per person, when looking
#: for aligned strangers.
STRANGER_PEOPLE = 10_000
STRANGER_CANDIDATES = 200
STRANGER_SEED = 20261203
#: Wikidata full-name pairs (English against Hebrew and Korean spellings) per
#: language, from the half that benchmarks/matching.py does not measure.
TRANSLIT_PER_LANGUAGE = 1_500
#: Regularisation strength (inverse); rounded weights keep the file stable.
C = 1.0
MIN_PRECISION = 0.95
BENCH_WEIGHT = 3.0


def synthetic_people(count: int) -> list[tuple[str, int, str]]:
    """(file tag, row number, full name) of ``count`` synthetic people per file."""
    data = shared_matching_dir()
    if data is None:
        return []
    out: list[tuple[str, int, str]] = []
    for name in NEGATIVE_FILES:
        with (data / name).open(encoding="utf-8", newline="") as fh:
            rows = itertools.islice(csv.DictReader(fh), NEGATIVE_SKIP, NEGATIVE_SKIP + count)
            out.extend((name[27:-8], k, row["full_name"]) for k, row in enumerate(rows))
    return out


def listed_people(alias: list[Pair]) -> list[str]:
    """The development list names of persons, sorted."""
    return sorted({n for p in alias if is_person(p.schema) for n in (p.name1, p.name2)})


def stranger(pid: str, query: str, listed: str) -> Pair:
    return Pair(
        id=pid, schema="Person", name1=query, name2=listed, label=False,
        group="Person/same", cross_script=False, related=None,
        source="screening negatives", component=pid,
    )  # fmt: skip


def near_misses(people: list[tuple[str, int, str]], listed: list[str]) -> list[Pair]:
    """Non-matches as screening meets them: each synthetic person paired with the
    development list names (persons) nearest to it in letters (rapidfuzz
    token-sort ratio). The alias pairs' negatives are other names of listed
    entities; without these the model never saw a stranger whose every word
    comes close to a listed name's, and scored some of them near 1."""
    latin = [prepare(n, True).latin for n in listed]
    out: list[Pair] = []
    for tag, k, query in people:
        found = process.extract(
            prepare(query, True).latin, latin, scorer=fuzz.token_sort_ratio,
            limit=NEGATIVE_NEAREST,
        )  # fmt: skip
        out.extend(stranger(f"near-{tag}-{k}-{j}", query, listed[j]) for _, _, j in found)
    return out


def _word_keys(token: Token) -> set[tuple[str, str]]:
    return {("skeleton", token.skeleton[:2]), ("sound", token.phonetic[:2])}


def aligned_strangers(people: list[tuple[str, int, str]], listed: list[str]) -> list[Pair]:
    """Non-matches that exhaustive scoring meets: a synthetic person and a list name
    (any script) in which every word of the person's name finds a counterpart,
    however loose (a consonant skeleton across scripts, a spelling). Candidates
    share a 2-letter skeleton or sound key with each word (at most
    ``STRANGER_CANDIDATES`` per person, a seeded sample); a pair is kept when the
    alignment leaves no query word unmatched and aligns two words or more. The
    rule reads features, not the model's score, so a fresh fit stays the same.
    Without them the model read "every word aligned" as a match even when each
    alignment was weak, and scored strangers such as 'Soňa Kolář' against
    'حسن قدور' at 0.94."""
    postings: dict[tuple[str, str], list[int]] = {}
    for j, name in enumerate(listed):
        keys: set[tuple[str, str]] = set()
        for t in prepare(name, True).core:
            keys |= _word_keys(t)
        for key in keys:
            postings.setdefault(key, []).append(j)
    unmatched = FEATURE_NAMES.index("query_unmatched")
    single = FEATURE_NAMES.index("single_word")
    substituted = FEATURE_NAMES.index("substituted")
    rng = random.Random(STRANGER_SEED)
    out: list[Pair] = []
    for tag, k, query in people:
        q = prepare(query, True)
        if len(q.core) < 2:
            continue
        hits: Counter[int] = Counter()
        for t in q.core:
            found: set[int] = set()
            for key in _word_keys(t):
                found.update(postings.get(key, ()))
            hits.update(found)
        candidates = sorted(j for j, n in hits.items() if n >= len(q.core))
        if len(candidates) > STRANGER_CANDIDATES:
            candidates = sorted(rng.sample(candidates, STRANGER_CANDIDATES))
        for j in candidates:
            values, _ = measure_fast(q, prepare(listed[j], True))
            if values[single] == 0 and (values[unmatched] == 0 or values[substituted] >= 1):
                out.append(stranger(f"aligned-{tag}-{k}-{j}", query, listed[j]))
    return out


def features(pairs: list[Pair]) -> np.ndarray:
    rows = []
    for p in pairs:
        person, craft = is_person(p.schema), p.schema in CRAFT
        values, _ = measure(prepare(p.name1, person, craft), prepare(p.name2, person, craft))
        rows.append(expand(values))
    return np.array(rows, dtype=float)


KNOTS = 6


def knots_of(column: np.ndarray) -> list[float]:
    """Knots at the column's quantiles (distinct, rounded)."""
    qs = np.quantile(column, np.linspace(0.0, 1.0, KNOTS))
    return sorted({round(float(q), 4) for q in qs})


def hats(column: np.ndarray, knots: list[float]) -> np.ndarray:
    """Hat-function basis: np.interp(x, knots, coefs) == hats(x) @ coefs."""
    eye = np.eye(len(knots))
    return np.stack([np.interp(column, knots, eye[k]) for k in range(len(knots))], axis=1)


class Gam:
    """Logistic regression on per-column hat functions (a piecewise-linear GAM)."""

    def __init__(self) -> None:
        self.knots: list[list[float]] = []
        self.lr = LogisticRegression(C=C, max_iter=5000)

    def basis(self, x: np.ndarray) -> np.ndarray:
        blocks = [hats(x[:, j], k) for j, k in enumerate(self.knots) if len(k) > 1]
        return np.hstack(blocks)

    def fit(self, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Gam:
        self.knots = [knots_of(x[:, j]) for j in range(x.shape[1])]
        self.lr.fit(self.basis(x), y, sample_weight=w)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(self.lr.predict_proba(self.basis(x))[:, 1])

    def export(self, x: np.ndarray) -> dict[str, object]:
        coefs = list(self.lr.coef_[0])
        shapes: dict[str, object] = {}
        pos = 0
        for j, k in enumerate(self.knots):
            if len(k) < 2:
                continue
            values = coefs[pos : pos + len(k)]
            pos += len(k)
            baseline = float(np.mean(np.interp(x[:, j], k, values)))
            shapes[COLUMNS[j]] = {
                "knots": k,
                "values": [round(float(v), 4) for v in values],
                "baseline": round(baseline, 4),
            }
        return {"bias": round(float(self.lr.intercept_[0]), 4), "shapes": shapes}


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Gam:
    return Gam().fit(x, y, w)


def same(a: object, b: object, tol: float = 0.01) -> bool:
    """Equal structure, numbers within ``tol`` (solvers differ in the last digits)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], tol) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, tol) for x, y in zip(a, b, strict=True))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= tol * max(1.0, abs(a), abs(b))
    return a == b


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    alias = load_alias_pairs(variants_only=True)
    bench = load_name_bench()
    listed = listed_people(alias)
    near = near_misses(synthetic_people(NEGATIVE_PEOPLE), listed)
    strangers = aligned_strangers(synthetic_people(STRANGER_PEOPLE), listed)
    translit = load_translit_pairs("fit", TRANSLIT_PER_LANGUAGE)
    pairs = alias + bench + near + strangers + translit
    weights = np.array(
        [1.0] * len(alias)
        + [BENCH_WEIGHT] * len(bench)
        + [1.0] * (len(near) + len(strangers) + len(translit))
    )
    groups = np.array([p.component or p.id for p in pairs])
    y = np.array([p.label for p in pairs], dtype=int)
    x = features(pairs)
    kinds = np.array([is_person(p.schema) for p in pairs])

    oof = np.zeros(len(pairs))
    out: dict[str, object] = {}
    for kind, mask in ((PERSON_MODEL, kinds), (ORG_MODEL, ~kinds)):
        idx = np.flatnonzero(mask)
        for train, test in GroupKFold(n_splits=args.folds).split(idx, groups=groups[idx]):
            m = fit(x[idx[train]], y[idx[train]], weights[idx[train]])
            oof[idx[test]] = m.predict(x[idx[test]])
        m = fit(x[idx], y[idx], weights[idx])
        out[kind] = {**m.export(x[idx]), "pairs": len(idx)}

    na = len(alias)
    a_scores, a_labels = list(oof[:na]), [p.label for p in alias]
    a_groups = [p.group for p in alias]
    best = (0.0, 0.5)
    for t in np.arange(0.30, 0.96, 0.01):
        pooled = prf(a_scores, a_labels, float(t))
        if pooled.precision < MIN_PRECISION:
            continue
        mf = macro_f1(a_scores, a_labels, a_groups, float(t))
        if mf > best[0]:
            best = (mf, round(float(t), 2))
    threshold = best[1]
    nb = na + len(bench)
    bench_prf = prf(list(oof[na:nb]), [p.label for p in bench], threshold)
    nn = nb + len(near)
    near_alerts = float(np.mean(oof[nb:nn] >= threshold)) if near else 0.0
    ns = nn + len(strangers)
    stranger_alerts = float(np.mean(oof[nn:ns] >= threshold)) if strangers else 0.0
    translit_prf = prf(list(oof[ns:]), [p.label for p in translit], threshold)
    out = {"threshold": threshold, **out}
    out["fitted_on"] = {
        "alias_variant_pairs": na,
        "name_bench_pairs": len(bench),
        "screening_near_miss_pairs": len(near),
        "aligned_stranger_pairs": len(strangers),
        "wikidata_translit_pairs": len(translit),
        "out_of_fold_macro_f1": round(best[0], 4),
        "out_of_fold_name_bench_f1": round(bench_prf.f1, 4),
        "out_of_fold_near_miss_alerts": round(near_alerts, 4),
        "out_of_fold_aligned_stranger_alerts": round(stranger_alerts, 4),
        "out_of_fold_translit_f1": round(translit_prf.f1, 4),
    }
    text = json.dumps(out, indent=1, sort_keys=False) + "\n"
    print(text)
    if args.check:
        committed = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        if not same(committed, json.loads(text)):
            print(
                "weights.json differs from a fresh fit; run benchmarks/fit_matcher.py",
                file=sys.stderr,
            )
            return 1
        return 0
    Path(WEIGHTS_FILE).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
