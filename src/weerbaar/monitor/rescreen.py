"""Re-screening: when a list changes, screen only what changed against every book.

    run(settings, db, who=..., progress=...) -> MonitorRun
    reverse_matches(index, entry)             -> [(customer number, Comparison)]

For each book, the lists whose newest version differs from the one the book
was last screened against (``Book.screened_versions``) are compared version
to version (``store.changes.diff_touched``). Every entity the update added or
changed is rebuilt as it now stands (merged across lists,
``monitor.listed.current_entries``) and screened *in reverse*: the list
entity is the query and the book's customers are the candidates, looked up
in the book's cached candidate index. Each candidate worth scoring is scored
with ``matching.compare(customer, entity)``, the same direction as forward
screening, so a score means the same thing both ways. Matches become alerts
(``monitor.alerts.propose``: not when a "not a match" decision still stands,
nor when an open alert already says the same), each recording what changed
(added entity, or the changed properties with their new and removed values)
and the list versions from and to. Open alerts on entities no list states
any more are withdrawn.

The cost is per changed entity, not per customer: a hundred changed entities
against a book of 100,000 customers take a few seconds.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from rapidfuzz.fuzz import token_set_ratio
from sqlalchemy import select

from weerbaar import audit
from weerbaar.core.errors import NotFoundError
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Book, MonitorRun
from weerbaar.matching import DEFAULT_THRESHOLD, Comparison, compare
from weerbaar.matching.compare import is_person, record_names
from weerbaar.matching.names import prepare
from weerbaar.matching.record import Record
from weerbaar.monitor import alerts as alerting
from weerbaar.monitor.books import book_index
from weerbaar.screening.entities import Entry
from weerbaar.screening.index import CandidateIndex

if TYPE_CHECKING:
    from weerbaar.accounts import Principal
    from weerbaar.store.changes import Changes
    from weerbaar.store.store import Store, Version

#: Customers looked up per entity name (a common name may fit many customers).
PER_NAME = 100
#: The best candidates of each name are always scored ...
ALWAYS_SCORED = 8
#: ... the others only when their spelling is this close (rapidfuzz token-set, 0-1).
MIN_SIMILARITY = 0.6
#: The entity's names scored against a customer: the ones that found it, best first.
NAMES_PER_CANDIDATE = 3
#: Properties whose change is shown as the reason of an alert, in this order.
MATERIAL = {
    "name": "name",
    "alias": "alias",
    "previousName": "previous name",
    "weakAlias": "weak alias",
    "firstName": "first name",
    "lastName": "last name",
    "birthDate": "birth date",
    "idNumber": "id number",
    "passportNumber": "passport number",
    "imoNumber": "IMO number",
    "registrationNumber": "registration number",
}


# -- reverse screening ------------------------------------------------------------


def reverse_matches(
    index: CandidateIndex, entry: Entry, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[int, Comparison]]:
    """The customers in ``index`` that match the list entity ``entry``, best first.

    Each of the entity's names is looked up on its own; a customer found by a
    name is scored when it is among that name's best ``ALWAYS_SCORED`` or
    spelled closely enough. It is then scored against the entity with the
    (at most three) names that found it, as forward screening does.
    """
    record = entry.record
    person = is_person(record.schema)
    found: dict[int, dict[str, float]] = defaultdict(dict)
    seen: set[str] = set()
    for text in record_names(record):
        latin = prepare(text, person).latin
        if not latin or latin in seen:
            continue
        seen.add(latin)
        query = Record(schema=record.schema, names=[text])
        for rank, cand in enumerate(index.candidates(query, PER_NAME)):
            if rank >= ALWAYS_SCORED:
                c_person = person or is_person(index.entry(cand.number).schema)
                other = prepare(cand.names[0], c_person).latin
                if token_set_ratio(latin, other) / 100.0 < MIN_SIMILARITY:
                    continue
            names = found[cand.number]
            names[text] = max(names.get(text, 0.0), cand.similarity)
    names_all = record_names(record)
    for number in index.identifier_hits(record):
        for text in names_all[:NAMES_PER_CANDIDATE]:
            found[number].setdefault(text, 0.0)
    out: list[tuple[int, Comparison]] = []
    for number, by_name in found.items():
        best = sorted(by_name, key=lambda t: -by_name[t])[:NAMES_PER_CANDIDATE]
        entity = replace(
            record, names=best, first_names=[], middle_names=[], last_names=[], father_names=[]
        )
        result = compare(index.entry(number).record, entity, threshold)
        if result.match:
            out.append((number, result))
    out.sort(key=lambda item: -item[1].score)
    return out


# -- what changed -------------------------------------------------------------------


@dataclass
class EntityUpdate:
    """One list entity touched by an update, as it stands now, and how it changed."""

    entity_id: str
    entry: Entry | None
    #: per list: {"source", "kind" (added|changed|removed), "from", "to", "properties"}
    changes: list[dict[str, Any]] = field(default_factory=list)

    def change(self) -> dict[str, Any]:
        return {
            "kind": "added" if all(c["kind"] == "added" for c in self.changes) else "changed",
            "summary": "; ".join(_summary(c) for c in self.changes),
            "lists": self.changes,
            "versions": {
                c["source"]: [c["from"]["label"] if c["from"] else None, c["to"]["label"]]
                for c in self.changes
            },
        }


def _version(v: Version | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"seq": v.seq, "list_date": v.list_date, "label": f"{v.list_date} #{v.seq}"}


def _summary(change: dict[str, Any]) -> str:
    old = change["from"]["label"] if change["from"] else "not listed"
    where = f"{change['source']} {old} -> {change['to']['label']}"
    if change["kind"] == "added":
        return f"{where}: newly listed"
    if change["kind"] == "removed":
        return f"{where}: no longer on this list"
    parts = []
    props = change["properties"]
    ordered = [p for p in MATERIAL if p in props] + sorted(p for p in props if p not in MATERIAL)
    for prop in ordered:
        label = MATERIAL.get(prop, prop)
        added, removed = props[prop].get("added", []), props[prop].get("removed", [])
        bits = [f"new {label} {v!r}" for v in added[:3]]
        bits += [f"{label} {v!r} removed" for v in removed[:3]]
        if len(added) + len(removed) > 6:
            bits.append("...")
        parts.append(", ".join(bits))
    return f"{where}: {'; '.join(parts) or 'changed'}"


def _describe(changes: Changes) -> Iterator[tuple[str, dict[str, Any]]]:
    base = {"source": changes.source, "from": _version(changes.old), "to": _version(changes.new)}
    for item in changes.added:
        yield item.id, {**base, "kind": "added", "caption": item.caption, "properties": {}}
    for item in changes.changed:
        props = item.properties
        yield item.id, {**base, "kind": "changed", "caption": item.caption, "properties": props}
    for item in changes.removed:
        yield item.id, {**base, "kind": "removed", "caption": item.caption, "properties": {}}


class _Updates:
    """Diffs and current entries, computed once per run and shared by the books."""

    def __init__(self, store: Store, latest: dict[str, Version]) -> None:
        self.store = store
        self.latest = latest
        self._diffs: dict[tuple[str, int | None], list[tuple[str, dict[str, Any]]]] = {}
        self._entries: dict[str, Entry | None] = {}

    def for_book(self, screened: dict[str, Any]) -> tuple[list[EntityUpdate], list[str]]:
        """The entities to screen (merged by canonical id) and the ids gone from every list."""
        from weerbaar.monitor.listed import current_entries

        touched: list[tuple[str, dict[str, Any]]] = []
        for source, new in sorted(self.latest.items()):
            old = screened.get(source)
            if old == new.seq:
                continue
            touched += self._diff(source, old if isinstance(old, int) else None)
        ids = sorted({eid for eid, _ in touched} - set(self._entries))
        self._entries.update(current_entries(self.store, ids) if ids else {})
        updates: dict[str, EntityUpdate] = {}
        gone: list[str] = []
        for eid, change in touched:
            entry = self._entries[eid]
            if entry is None:
                if change["kind"] == "removed":
                    gone.append(eid)
                continue
            update = updates.setdefault(entry.id, EntityUpdate(entry.id, entry))
            update.changes.append(change)
        return list(updates.values()), gone

    def _diff(self, source: str, old: int | None) -> list[tuple[str, dict[str, Any]]]:
        from weerbaar.store.changes import diff_touched

        key = (source, old)
        if key not in self._diffs:
            before = self.store.version(source, old) if old else None
            self._diffs[key] = list(
                _describe(diff_touched(self.store, source, before, self.latest[source]))
            )
        return self._diffs[key]


# -- the run -------------------------------------------------------------------------


@dataclass
class _Found:
    book_id: int
    key: str
    update: EntityUpdate
    comparison: Comparison


@contextmanager
def _bar(enabled: bool) -> Iterator[Callable[[str, int], Callable[[int], None]]]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )

    def task(label: str, total: int) -> Callable[[int], None]:
        task_id = bar.add_task(label, total=total)
        return lambda n: bar.advance(task_id, n)

    with bar:
        yield task


def run(
    settings: Settings,
    db: Database,
    *,
    who: Principal | None = None,
    progress: bool = False,
    threshold: float = DEFAULT_THRESHOLD,
) -> MonitorRun:
    """Screen what the lists changed since each book was last screened; returns the run."""
    from weerbaar.store.store import Store

    start = time.perf_counter()
    if not settings.store_path.exists():
        raise NotFoundError(
            "no lists have been imported yet", hint="run `weerbaar lists import FILE...`"
        )
    with db.session() as s:
        books = list(s.scalars(select(Book).order_by(Book.id)))
    store = Store(settings.store_path)
    timings: dict[str, float] = {}
    found: list[_Found] = []
    changed: set[str] = set()
    queries = 0
    with ThreadPoolExecutor(1, thread_name_prefix="book-index") as pool:
        try:
            latest = {v.source: v for v in store.latest_versions()}
            due = [b for b in books if _due(b, latest)]
            # the first book's index loads while the list changes are read
            loading = pool.submit(book_index, settings, db, due[0]) if due else None
            updates = _Updates(store, latest)
            plans = [(book, *updates.for_book(book.screened_versions)) for book in books]
        finally:
            store.close()
        timings["changes"] = time.perf_counter() - start
        with _bar(progress) as task:
            for n, (book, todo, _gone) in enumerate(p for p in plans if p[0] in due):
                mark = time.perf_counter()
                assert loading is not None
                index = loading.result()
                loading = (
                    pool.submit(book_index, settings, db, due[n + 1]) if n + 1 < len(due) else None
                )
                timings["load"] = timings.get("load", 0.0) + time.perf_counter() - mark
                changed.update(u.entity_id for u in todo)
                advance = task(f"re-screening {book.name}", len(todo))
                for update in todo:
                    assert update.entry is not None
                    for number, comparison in reverse_matches(index, update.entry, threshold):
                        found.append(_Found(book.id, index.entry(number).id, update, comparison))
                    queries += 1
                    advance(1)
                del index
    timings["screen"] = time.perf_counter() - start - timings["changes"] - timings.get("load", 0.0)
    write_start = time.perf_counter()
    versions = {s: v.seq for s, v in latest.items()}
    labels = {s: f"{v.list_date} #{v.seq}" for s, v in sorted(latest.items())}
    counts = {"books": len(books), "suppressed": 0, "unchanged": 0, "withdrawn": 0}
    with db.session() as s:
        monitor_run = MonitorRun(versions=_run_versions(books, versions))
        s.add(monitor_run)
        s.flush()  # takes the write lock first: the books read next are current
        created = 0
        by_book = {b.id: b for b in books}
        stored = {b.id: b for b in s.scalars(select(Book))}
        # a book removed, replaced or re-screened by another run meanwhile is left alone
        fresh = {
            b.id
            for b in books
            if b.id in stored and stored[b.id].screened_versions == b.screened_versions
        }
        for item in found:
            if item.book_id not in fresh:
                continue
            outcome, alert = alerting.propose(
                s,
                alerting.Proposal(
                    item.book_id,
                    item.key,
                    item.update.entity_id,
                    item.update.entry.record if item.update.entry else Record(),
                    item.comparison.score,
                    item.comparison.explain(),
                    item.update.change(),
                ),
                monitor_run.id,
            )
            if outcome in ("suppressed", "unchanged"):
                counts[outcome] += 1
            if alert is not None:
                created += 1
                audit.record(
                    s,
                    who,
                    "alert.create",
                    subject=alerting.subject(item.book_id, item.key),
                    detail={
                        "alert": alert.id,
                        "run": monitor_run.id,
                        "book": item.book_id,
                        "book_name": by_book[item.book_id].name,
                        "entity_id": alert.entity_id,
                        "score": alert.score,
                        "change": {k: v for k, v in alert.change.items() if k != "facts"},
                    },
                    list_versions=labels,
                )
        for book, _todo, gone in plans:
            if book.id in fresh:
                counts["withdrawn"] += len(alerting.withdraw(s, gone, book.id))
                stored[book.id].screened_versions = dict(versions)
        monitor_run.changed_entities = len(changed)
        monitor_run.alerts = created
        monitor_run.seconds = round(time.perf_counter() - start, 3)
        timings["write"] = time.perf_counter() - write_start
        monitor_run.detail = {
            **counts,
            "queries": queries,
            "timings": {k: round(v, 3) for k, v in timings.items()},
        }
        audit.record(
            s,
            who,
            "monitor.run",
            subject=f"run:{monitor_run.id}",
            detail={
                "run": monitor_run.id,
                "changed_entities": len(changed),
                "alerts": created,
                "seconds": monitor_run.seconds,
                **monitor_run.detail,
            },
            list_versions=labels,
        )
    return monitor_run


def _due(book: Book, latest: dict[str, Version]) -> bool:
    """Has a list changed since the book was last screened?"""
    return any(book.screened_versions.get(s) != v.seq for s, v in latest.items())


def _run_versions(books: list[Book], versions: dict[str, int]) -> dict[str, Any]:
    """``{source: [oldest version a book was screened against or None, newest]}``,
    for the lists that changed for at least one book."""
    out: dict[str, Any] = {}
    for source, new in sorted(versions.items()):
        olds = [b.screened_versions.get(source) for b in books]
        if any(o != new for o in olds):
            known = [o for o in olds if isinstance(o, int)]
            out[source] = [min(known) if known and len(known) == len(olds) else None, new]
    return out


def run_dict(run: MonitorRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "started_at": run.started_at.isoformat(timespec="seconds"),
        "seconds": run.seconds,
        "versions": run.versions,
        "changed_entities": run.changed_entities,
        "alerts": run.alerts,
        **{k: run.detail.get(k, 0) for k in ("books", "suppressed", "unchanged", "withdrawn")},
    }
