"""Name and entity matching: prepare names, measure features, score, explain.

The public API: :func:`compare` (two records), :func:`compare_names` (two names
of a schema, the fast path) and :data:`DEFAULT_THRESHOLD`.
"""

from __future__ import annotations

from weerbaar.matching.compare import Comparison, compare, compare_names
from weerbaar.matching.model import load_models
from weerbaar.matching.record import Record

DEFAULT_THRESHOLD = load_models().threshold

__all__ = ["DEFAULT_THRESHOLD", "Comparison", "Record", "compare", "compare_names"]
