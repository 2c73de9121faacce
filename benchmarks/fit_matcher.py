"""Fit the name model's weights on the development pairs and write weights.json.

Usage: python benchmarks/fit_matcher.py [--check] [--folds 5]

Training data: the sanctions alias variant pairs (positives a publisher gives
as spellings of one name; all hard negatives) and OpenSanctions' name
benchmark, both from ../shared/data/matching (development side only). One
logistic regression per kind (persons; organisations and objects). The
threshold is chosen on out-of-fold scores (folds split by list entity
component, so no entity is on both sides): the highest macro F1 over the four
groups with pooled precision of at least 0.96.

``--check`` refits and fails if the committed weights differ (used by a test,
so the committed file cannot drift from this script).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from weerbaar.matching.compare import is_person
from weerbaar.matching.evaluation import (
    Pair,
    load_alias_pairs,
    load_name_bench,
    macro_f1,
    prf,
)
from weerbaar.matching.features import FEATURE_NAMES, measure
from weerbaar.matching.model import ORG_MODEL, PERSON_MODEL, WEIGHTS_FILE
from weerbaar.matching.names import prepare

#: Regularisation strength (inverse); rounded weights keep the file stable.
C = 1.0
MIN_PRECISION = 0.96
BENCH_WEIGHT = 3.0


def features(pairs: list[Pair]) -> np.ndarray:
    rows = []
    for p in pairs:
        person = is_person(p.schema)
        values, _ = measure(prepare(p.name1, person), prepare(p.name2, person))
        rows.append(values)
    return np.array(rows, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, y, sample_weight=w)
    return model


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    alias = load_alias_pairs(variants_only=True)
    bench = load_name_bench()
    pairs = alias + bench
    weights = np.array([1.0] * len(alias) + [BENCH_WEIGHT] * len(bench))
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
            oof[idx[test]] = m.predict_proba(x[idx[test]])[:, 1]
        m = fit(x[idx], y[idx], weights[idx])
        out[kind] = {
            "bias": round(float(m.intercept_[0]), 4),
            "weights": {n: round(float(v), 4) for n, v in zip(FEATURE_NAMES, m.coef_[0], strict=True)},
            "pairs": int(len(idx)),
        }

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
    bench_prf = prf(list(oof[na:]), [p.label for p in bench], threshold)
    out = {"threshold": threshold, **out}
    out["fitted_on"] = {
        "alias_variant_pairs": na,
        "name_bench_pairs": len(bench),
        "out_of_fold_macro_f1": round(best[0], 4),
        "out_of_fold_name_bench_f1": round(bench_prf.f1, 4),
    }
    text = json.dumps(out, indent=1, sort_keys=False) + "\n"
    print(text)
    if args.check:
        committed = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        if committed != json.loads(text):
            print("weights.json differs from a fresh fit; run benchmarks/fit_matcher.py", file=sys.stderr)
            return 1
        return 0
    Path(WEIGHTS_FILE).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
