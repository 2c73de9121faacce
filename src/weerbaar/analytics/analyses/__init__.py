"""Registered analyses over the trade store.

Each analysis is one module that registers a function with ``register``;
``ANALYSES`` lists them (the CLI, the web page and the benchmark use it).
"""

from __future__ import annotations

from weerbaar.analytics.analyses.base import ANALYSES, Analysis, Query, register

__all__ = ["ANALYSES", "Analysis", "Query", "load_all", "register"]


def load_all() -> dict[str, Analysis]:
    """Import every analysis module (each registers itself) and return the registry."""
    from weerbaar.analytics.analyses import (  # noqa: F401
        dependencies,
        diversification,
        raw_materials,
        shares,
        suppliers,
    )

    return ANALYSES
