"""Per-caller rate limits: a token bucket per API key or user, in process memory.

A bucket holds up to one minute's allowance and refills continuously, so a
caller may burst up to its per-minute limit and then sustains the limit.
With several server worker processes each keeps its own buckets (the limit
then applies per worker).
"""

from __future__ import annotations

import threading
import time


class RateLimiter:
    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, caller: str, per_minute: int) -> float:
        """0.0 if the request may go ahead, else the seconds to wait before retrying."""
        if per_minute <= 0:
            return 0.0
        now = time.monotonic()
        rate = per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(caller, (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[caller] = (tokens - 1.0, now)
                return 0.0
            self._buckets[caller] = (tokens, now)
            return (1.0 - tokens) / rate
