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
from dataclasses import dataclass, field
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


#: One shape as :meth:`NameModel.logit` reads it: (column, feature, knots, values,
#: first knot, last knot, first value, last value).
Single = tuple[int, int, tuple[float, ...], tuple[float, ...], float, float, float, float]
#: The same for an interaction: (column, feature, other feature, knots, ...).
Joint = tuple[int, int, int, tuple[float, ...], tuple[float, ...], float, float, float, float]


@dataclass(frozen=True, slots=True)
class NameModel:
    bias: float
    shapes: tuple[Shape | None, ...]
    #: The shapes of single features and of interactions as plain tuples, for
    #: :meth:`logit` (built from ``shapes``).
    singles: tuple[Single, ...] = field(default=(), compare=False, repr=False)
    joints: tuple[Joint, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        singles: list[Single] = []
        joints: list[Joint] = []
        for col, shape in enumerate(self.shapes):
            if shape is None:
                continue
            k, v = shape.knots, shape.values
            if col < len(FEATURE_NAMES):
                singles.append((col, col, k, v, k[0], k[-1], v[0], v[-1]))
            else:
                i, j = _PAIRS[col - len(FEATURE_NAMES)]
                joints.append((col, i, j, k, v, k[0], k[-1], v[0], v[-1]))
        object.__setattr__(self, "singles", tuple(singles))
        object.__setattr__(self, "joints", tuple(joints))

    def terms(self, values: list[float]) -> list[float]:
        """Each column's contribution to the log-odds."""
        return [
            s(v) if s is not None else 0.0 for s, v in zip(self.shapes, expand(values), strict=True)
        ]

    def logit(self, values: list[float]) -> float:
        """``bias + sum(terms(values))``: the same terms (the same arithmetic as
        :class:`Shape`) summed in the same order, so the same float, without a call
        per shape."""
        terms = [0.0] * len(self.shapes)
        for col, i, knots, vals, lo, hi, vlo, vhi in self.singles:
            x = values[i]
            if x <= lo:
                terms[col] = vlo
            elif x >= hi:
                terms[col] = vhi
            else:
                k = bisect_right(knots, x)
                x0, v0 = knots[k - 1], vals[k - 1]
                terms[col] = v0 + (vals[k] - v0) * (x - x0) / (knots[k] - x0)
        for col, i, j, knots, vals, lo, hi, vlo, vhi in self.joints:
            x = values[i] * values[j]
            if x <= lo:
                terms[col] = vlo
            elif x >= hi:
                terms[col] = vhi
            else:
                k = bisect_right(knots, x)
                x0, v0 = knots[k - 1], vals[k - 1]
                terms[col] = v0 + (vals[k] - v0) * (x - x0) / (knots[k] - x0)
        return self.bias + sum(terms)


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
