"""The model that turns name features into a calibrated score.

It is a generalised additive model: every feature (and each of a few
documented products of two features, :data:`INTERACTIONS`) has its own
piecewise-linear shape, fitted as a logistic regression on hat functions by
``benchmarks/fit_matcher.py`` and stored beside this module as
``weights.json``. The score is the logistic of the sum of the shapes, so of
pairs scored about 0.8, about 80 % are true matches on data like the
development pairs; and the effect of each feature on a score can be read off
exactly. Persons and organisations have their own shapes.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from weerbaar.matching.features import FEATURE_NAMES

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
PERSON_MODEL = "person"
ORG_MODEL = "organization"

#: Products of two features that get a shape of their own (the joint effect
#: differs from the sum: high coverage means more when the weakest aligned word
#: is also close, whole-name similarity means less across scripts, ...).
INTERACTIONS: list[tuple[str, str]] = [
    ("coverage", "weakest_token"),
    ("query_coverage", "candidate_coverage"),
    ("whole_name", "cross_script"),
    ("coverage", "cross_script"),
    ("weakest_token", "single_word"),
    ("coverage", "substituted"),
    ("consonants", "coverage"),
    ("whole_name", "weakest_token"),
]
_INDEX = {n: i for i, n in enumerate(FEATURE_NAMES)}
_PAIRS = [(_INDEX[a], _INDEX[b]) for a, b in INTERACTIONS]
COLUMNS = FEATURE_NAMES + [f"{a}*{b}" for a, b in INTERACTIONS]


def expand(values: list[float]) -> list[float]:
    """Feature values plus the interaction products, in :data:`COLUMNS` order."""
    return values + [values[i] * values[j] for i, j in _PAIRS]


@dataclass(frozen=True, slots=True)
class Shape:
    """A piecewise-linear function, flat beyond its first and last knot."""

    knots: tuple[float, ...]
    values: tuple[float, ...]
    baseline: float

    def __call__(self, x: float) -> float:
        k = self.knots
        if x <= k[0]:
            return self.values[0]
        if x >= k[-1]:
            return self.values[-1]
        i = bisect_right(k, x)
        x0, x1 = k[i - 1], k[i]
        v0, v1 = self.values[i - 1], self.values[i]
        return v0 + (v1 - v0) * (x - x0) / (x1 - x0)


@dataclass(frozen=True, slots=True)
class NameModel:
    bias: float
    shapes: tuple[Shape | None, ...]

    def terms(self, values: list[float]) -> list[float]:
        """Each column's contribution to the log-odds."""
        return [
            s(v) if s is not None else 0.0 for s, v in zip(self.shapes, expand(values), strict=True)
        ]

    def logit(self, values: list[float]) -> float:
        return self.bias + sum(self.terms(values))


@dataclass(frozen=True, slots=True)
class Models:
    threshold: float
    person: NameModel
    organization: NameModel

    def for_kind(self, person: bool) -> NameModel:
        return self.person if person else self.organization


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _model(data: dict[str, object]) -> NameModel:
    shapes = data["shapes"]
    bias = data["bias"]
    assert isinstance(shapes, dict) and isinstance(bias, (int, float))
    out: list[Shape | None] = []
    for col in COLUMNS:
        spec = shapes.get(col)
        if spec is None:
            out.append(None)
            continue
        out.append(Shape(tuple(spec["knots"]), tuple(spec["values"]), float(spec["baseline"])))
    return NameModel(float(bias), tuple(out))


@lru_cache(maxsize=1)
def load_models(path: Path = WEIGHTS_FILE) -> Models:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Models(
        threshold=float(data["threshold"]),
        person=_model(data[PERSON_MODEL]),
        organization=_model(data[ORG_MODEL]),
    )
