"""Screening reports off the request path: one thread per server process.

A report is committed unscreened (``screened`` false) and acknowledged at
once; the worker then screens it against the current lists, attaches the
hits and links it to other organisations' reports about the same party or
asset. It starts with the first request to the reporting office, screens
whatever is still unscreened (reports left by a crash or a restart), and is
woken after every submission; while the screening index loads it retries.
Several server processes may each run one: the update is idempotent
(``screened`` is re-checked under the audit chain's lock).
"""

from __future__ import annotations

import logging
import threading

from weerbaar.cases.service import screen_pending
from weerbaar.core.errors import WeerbaarError
from weerbaar.db import Database
from weerbaar.service.state import ScreenerHolder

log = logging.getLogger("weerbaar.cases")

#: Seconds between sweeps when nothing wakes the worker.
SWEEP = 30.0
#: Seconds to wait before retrying while the screening index is not ready.
RETRY = 2.0


class ScreeningWorker:
    def __init__(self, db: Database, screeners: ScreenerHolder) -> None:
        self.db = db
        self.screeners = screeners
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="report-screening", daemon=True)
        self.idle = threading.Event()

    def start(self) -> None:
        self._thread.start()
        self._wake.set()

    def notify(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the report in hand (its transaction is short)."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(SWEEP)
            self._wake.clear()
            self.idle.clear()
            try:
                while not self._stop.is_set():
                    screener = self.screeners.get()
                    if screen_pending(self.db, screener, limit=20) == 0:
                        break
            except WeerbaarError as exc:  # index still loading, database away for a moment
                log.info("report screening postponed: %s", exc)
                self._stop.wait(RETRY)
                self._wake.set()
            except Exception:
                log.exception("report screening failed; retrying")
                self._stop.wait(RETRY)
                self._wake.set()
            else:
                self.idle.set()
