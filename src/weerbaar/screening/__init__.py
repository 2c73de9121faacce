"""Screening: customer files and single names against every list in the store.

    Screener.open(settings).match_record(record) -> [Hit]   (``weerbaar match``)
    screen(input, output, ...)                   -> ScreenSummary (``weerbaar screen``)
    compare_pairs(input, output)                 -> rows scored (``weerbaar compare-pairs``)

Blocking (``index``) and scoring (``weerbaar.matching``) are kept apart so each
can be measured on its own (``benchmarks/screening.py``).
"""

from __future__ import annotations

from weerbaar.screening.screen import Hit, Screener, ScreenSummary, screen

__all__ = ["Hit", "ScreenSummary", "Screener", "screen"]
