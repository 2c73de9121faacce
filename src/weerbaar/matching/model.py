"""The weights that turn name features into a calibrated score.

The weights are a logistic regression fitted on development pairs by
``benchmarks/fit_matcher.py`` and stored beside this module as
``weights.json``; the score is the logistic of the weighted sum, so of pairs
scored about 0.8 about 80 % are true matches on data like the training data.
Persons and organisations have their own weights.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from weerbaar.matching.features import FEATURE_NAMES

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
PERSON_MODEL = "person"
ORG_MODEL = "organization"


@dataclass(frozen=True, slots=True)
class NameModel:
    bias: float
    weights: tuple[float, ...]

    def logit(self, values: list[float]) -> float:
        return self.bias + sum(w * v for w, v in zip(self.weights, values, strict=True))


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
    weights = data["weights"]
    assert isinstance(weights, dict)
    bias = data["bias"]
    assert isinstance(bias, (int, float))
    return NameModel(float(bias), tuple(float(weights.get(n, 0.0)) for n in FEATURE_NAMES))


@lru_cache(maxsize=1)
def load_models(path: Path = WEIGHTS_FILE) -> Models:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Models(
        threshold=float(data["threshold"]),
        person=_model(data[PERSON_MODEL]),
        organization=_model(data[ORG_MODEL]),
    )
