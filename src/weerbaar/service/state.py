"""What the app holds for its lifetime: settings, database, screener, rate limiter.

The screener (candidate index) is loaded in a background thread at start-up,
so ``/healthz`` answers at once and ``/readyz`` says when screening is ready.
It is reloaded, again in the background, when a list import changes the store
(checked at most every ``RELOAD_CHECK`` seconds).
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from weerbaar.core.errors import NotFoundError, WeerbaarError
from weerbaar.core.settings import Settings
from weerbaar.db import Database

if TYPE_CHECKING:
    from weerbaar.screening import Screener
    from weerbaar.screening.entities import Entry
    from weerbaar.store.store import Store

log = logging.getLogger("weerbaar.service")

#: Seconds between checks whether the lists changed (and the index must be reloaded).
RELOAD_CHECK = 10.0


class EntityCache:
    """Merged list entities in followthemoney's JSON shape, by canonical id.

    Filled in the background after the index loads, from a file beside the
    index (``entities-<index key>.json``, written by the first process that
    needs it); until then, and for ids it lacks, entities are read from the
    store on first use.
    """

    def __init__(self) -> None:
        self._data: dict[str, dict[str, Any] | None] = {}
        self._lock = threading.Lock()
        self.filled = False

    def fill(self, data: dict[str, dict[str, Any] | None]) -> None:
        with self._lock:
            self._data = {**data, **self._data}
        self.filled = True

    def get_many(self, state: AppState, ids: list[str]) -> dict[str, dict[str, Any] | None]:
        from weerbaar.store.views import current_entity

        data = self._data
        out = {i: data[i] for i in ids if i in data}
        missing = [i for i in ids if i not in out]
        if missing:
            with state.store() as store:
                found = {i: current_entity(store, i) for i in missing}
            with self._lock:
                self._data.update(found)
            out.update(found)
        return out


def _entities_file(settings: Settings, key: str) -> Path:
    return settings.home / "index" / f"entities-{key}.json"


def _load_entities(settings: Settings, key: str) -> dict[str, dict[str, Any] | None]:
    """The entity file for index ``key``, built from the store when missing."""
    import orjson

    from weerbaar.store.store import Store
    from weerbaar.store.views import all_current_targets

    path = _entities_file(settings, key)
    if path.exists():
        try:
            loaded: dict[str, dict[str, Any] | None] = orjson.loads(path.read_bytes())
            return loaded
        except (OSError, orjson.JSONDecodeError):
            path.unlink(missing_ok=True)
    store = Store(settings.store_path)
    try:
        data: dict[str, dict[str, Any] | None] = {e["id"]: e for e in all_current_targets(store)}
    finally:
        store.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(orjson.dumps(data))
    tmp.replace(path)
    for old in path.parent.glob("entities-*.json"):
        if old != path:
            old.unlink(missing_ok=True)
    return data


class NotReady(WeerbaarError):
    """Screening is not available yet (index loading, or no lists imported)."""


class ScreenerHolder:
    """The current screener, loaded and reloaded off the request path."""

    def __init__(self, settings: Settings, screener: Screener | None = None) -> None:
        self.settings = settings
        self._screener = screener
        self._key: str | None = None
        self._error: str | None = None
        self._lock = threading.Lock()
        self._loading = False
        self._checked = time.monotonic()
        self._fixed = screener is not None
        self.entities = EntityCache()
        self._versions: dict[str, str] | None = None
        self._ids: tuple[Screener, dict[str, int]] | None = None

    def start(self) -> None:
        if not self._fixed:
            self._load_async()

    def _store_key(self) -> str | None:
        from weerbaar.screening.index import store_key

        try:
            return store_key(self.settings.store_path)
        except WeerbaarError:
            return None

    def _load_async(self) -> None:
        with self._lock:
            if self._loading:
                return
            self._loading = True
        threading.Thread(target=self._load, name="screener-load", daemon=True).start()

    def _load(self) -> None:
        from weerbaar.screening import Screener

        key = self._store_key()
        try:
            screener = Screener.open(self.settings)
        except WeerbaarError as exc:
            self._error = str(exc)
        else:
            self._versions = self._read_versions()
            self.entities = EntityCache()
            self._screener, self._key, self._error = screener, key, None
            # The index is millions of long-lived objects: move them out of the
            # collector's generations so full collections stop pausing requests.
            gc.collect()
            gc.freeze()
            self._prefill(screener.index.key)
        finally:
            self._loading = False

    def _prefill(self, key: str) -> None:
        cache = self.entities
        try:
            cache.fill(_load_entities(self.settings, key))
        except (WeerbaarError, OSError) as exc:  # the store is read on demand instead
            log.warning("entity cache not prefilled: %s", exc)

    def _read_versions(self) -> dict[str, str]:
        from weerbaar.audit import list_versions
        from weerbaar.store.store import Store

        if not self.settings.store_path.exists():
            return {}
        store = Store(self.settings.store_path)
        try:
            return list_versions(store)
        finally:
            store.close()

    def list_versions(self) -> dict[str, str]:
        """The list versions the loaded index was built from: {list id: "date #seq"}."""
        if self._versions is None:
            self._versions = self._read_versions()
        return self._versions

    def version_key(self) -> str:
        """Changes whenever a different index is loaded."""
        screener = self._screener
        return screener.index.key if screener is not None else ""

    def entry_by_id(self, entity_id: str) -> Entry | None:
        """The indexed entry for a (canonical) entity id."""
        screener = self.get()
        if self._ids is None or self._ids[0] is not screener:
            self._ids = (screener, {raw[0]: n for n, raw in enumerate(screener.index._raw)})
        number = self._ids[1].get(entity_id)
        return screener.index.entry(number) if number is not None else None

    @property
    def status(self) -> str:
        if self._screener is not None:
            return "ready"
        if self._loading:
            return "loading"
        return self._error or "not loaded"

    def get(self) -> Screener:
        """The screener; raises ``NotReady`` while it loads or when there are no lists."""
        now = time.monotonic()
        if not self._fixed and now - self._checked > RELOAD_CHECK:
            self._checked = now
            if self._store_key() != self._key:
                self._load_async()
        if self._screener is None:
            if self._error:
                raise NotReady(self._error)
            raise NotReady("the screening index is still loading", hint="retry in a few seconds")
        return self._screener


@dataclass
class AppState:
    settings: Settings
    db: Database
    screeners: ScreenerHolder
    started: float = field(default_factory=time.monotonic)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The list store, opened for this request (SQLite connections are per thread)."""
        from weerbaar.store.store import Store

        if not self.settings.store_path.exists():
            raise NotFoundError(
                "no lists have been imported yet", hint="run `weerbaar lists import FILE...`"
            )
        store = Store(self.settings.store_path)
        try:
            yield store
        finally:
            store.close()
