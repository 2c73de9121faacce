"""Customer books: registered once, screened again whenever a list changes.

    register(settings, db, path, name=..., mapping=..., who=...) -> Registered
    remove(settings, db, ref, who=...)      -> the removed book's name
    find(session, ref)                      -> Book (by id or name)
    book_index(settings, db, book)          -> CandidateIndex over the book's customers

A book is read with ``screening.inputs.read_input`` (CSV, Excel, Parquet;
English or Dutch headers; ``--column field=COLUMN`` mappings). Each customer
is one ``BookRecord``, keyed by the customer id column when there is one,
else by its row number; a missing or repeated id is an error naming the rows.
Registration is all or nothing: the file is read, checked, indexed and
screened before anything is written, and then written in one transaction.

The book's candidate index (an ``Entry`` per customer whose record is the
customer's ``Record``) is kept under ``WEERBAAR_HOME/books/`` named by the
book id and the hash of its records, so re-screening loads it in a second
instead of reading 100,000 rows from the database. Registering a book screens
it once against the current lists (forward screening, every core), so it
starts with its alerts, and records the list versions in
``Book.screened_versions``; from then on ``monitor.rescreen`` only looks at
what the lists changed.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from weerbaar import audit
from weerbaar.core.errors import ConfigError, InputError, NotFoundError
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Alert, Book, BookRecord
from weerbaar.matching import DEFAULT_THRESHOLD
from weerbaar.matching.compare import record_names
from weerbaar.matching.record import Record
from weerbaar.monitor import alerts as alerting
from weerbaar.screening.entities import Entry
from weerbaar.screening.index import CandidateIndex

if TYPE_CHECKING:
    from weerbaar.accounts import Principal
    from weerbaar.screening import Screener
    from weerbaar.screening.inputs import InputFile, InputRow

MAX_KEY = 200
MAX_NAME = 200
#: Records inserted per statement when a book is written.
INSERT_BATCH = 5000


@dataclass
class Registered:
    """What registering a book did."""

    book: Book
    records: int
    skipped: list[int]
    warnings: list[str]
    alerts: int
    suppressed: int
    seconds: float
    replaced: bool = False
    versions: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            **book_dict(self.book),
            "skipped": self.skipped,
            "warnings": self.warnings,
            "alerts": self.alerts,
            "suppressed": self.suppressed,
            "seconds": round(self.seconds, 3),
            "replaced": self.replaced,
        }


def book_dict(book: Book) -> dict[str, Any]:
    return {
        "id": book.id,
        "name": book.name,
        "source_file": book.source_file,
        "records": book.records,
        "mapping": book.mapping,
        "created_at": book.created_at.isoformat(timespec="seconds"),
        "screened_versions": book.screened_versions,
    }


# -- reading -------------------------------------------------------------------


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise ConfigError(
            f"a book name must have 1 to {MAX_NAME} characters, not {len(name)}",
            hint="give one with --name",
        )
    if name.isdigit():
        raise ConfigError(
            f"a book name cannot be a number ({name!r}): numbers name books by id",
            hint="give another name with --name",
        )
    return name


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:10])
    return shown + (", ..." if len(rows) > 10 else "")


def record_keys(path: Path, rows: list[InputRow], mapping: dict[str, list[str]]) -> list[str]:
    """Each row's key: its customer id when an id column is mapped, else its row number."""
    if not mapping.get("id"):
        return [str(r.row) for r in rows]
    column = ", ".join(repr(c) for c in mapping["id"])
    missing = [r.row for r in rows if not (r.record.id or "").strip()]
    if missing:
        raise InputError(
            path,
            f"{len(missing)} row(s) have no customer id (rows {_rows_text(missing)})",
            where=f"column {column}",
            hint="give every customer an id, or map another column with --column id=COLUMN",
        )
    keys = [(r.record.id or "").strip() for r in rows]
    long = [r.row for r, k in zip(rows, keys, strict=True) if len(k) > MAX_KEY]
    if long:
        raise InputError(
            path,
            f"customer ids longer than {MAX_KEY} characters (rows {_rows_text(long)})",
            where=f"column {column}",
            hint="map the column holding the customer number with --column id=COLUMN",
        )
    seen: dict[str, list[int]] = defaultdict(list)
    for row, key in zip(rows, keys, strict=True):
        seen[key].append(row.row)
    dups = {k: v for k, v in seen.items() if len(v) > 1}
    if dups:
        shown = "; ".join(f"{k!r} in rows {_rows_text(v)}" for k, v in list(dups.items())[:5])
        more = f" (and {len(dups) - 5} more)" if len(dups) > 5 else ""
        raise InputError(
            path,
            f"duplicate customer ids: {shown}{more}",
            where=f"column {column}",
            hint="each customer must appear once; merge or renumber the duplicate rows",
        )
    return keys


_RECORD_FIELDS = tuple(f.name for f in fields(Record))


def record_data(record: Record) -> dict[str, Any]:
    """The record as plain JSON data (``record_from_data`` reads it back)."""
    out: dict[str, Any] = {}
    for name in _RECORD_FIELDS:
        value = getattr(record, name)
        out[name] = list(value) if isinstance(value, list) else value
    return out


def record_from_data(data: dict[str, Any]) -> Record:
    return Record(**data)


def digest_of(keyed: list[tuple[str, Record]], data: list[dict[str, Any]] | None = None) -> str:
    """SHA-256 of the records as read (``data``: their ``record_data``): names the cached index."""
    data = data if data is not None else [record_data(r) for _, r in keyed]
    pairs = [[k, d] for (k, _), d in zip(keyed, data, strict=True)]
    return hashlib.sha256(orjson.dumps(pairs)).hexdigest()


def entries_of(keyed: list[tuple[str, Record]]) -> list[Entry]:
    """One index entry per customer: ``id`` is the record key."""
    return [
        Entry(
            id=key,
            caption=(record_names(record) or [key])[0],
            schema=record.schema,
            lists=[],
            record=record,
        )
        for key, record in keyed
    ]


# -- the cached index ------------------------------------------------------------


def index_path(settings: Settings, book_id: int, digest: str) -> Path:
    return settings.books_dir / f"book-{book_id}-{digest[:20]}.pickle"


def _drop_other_indexes(settings: Settings, book_id: int, keep: Path | None) -> None:
    for path in settings.books_dir.glob(f"book-{book_id}-*.pickle"):
        if path != keep:
            path.unlink(missing_ok=True)


def book_index(
    settings: Settings, db: Database, book: Book, progress: Callable[[int], None] | None = None
) -> CandidateIndex:
    """The book's candidate index: from the cache, else rebuilt from its records."""
    path = index_path(settings, book.id, book.digest)
    if path.exists():
        try:
            index = CandidateIndex.load(path)
            if index.key == book.digest:
                return index
        except (OSError, EOFError, TypeError, AttributeError, ValueError):
            pass
        path.unlink(missing_ok=True)
    with db.session() as s:
        rows = s.execute(
            select(BookRecord.key, BookRecord.data)
            .where(BookRecord.book_id == book.id)
            .order_by(BookRecord.id)
        ).all()
    keyed = [(str(k), record_from_data(d)) for k, d in rows]
    index = CandidateIndex.build(entries_of(keyed), digest_of(keyed), progress)
    index.save(path)
    _drop_other_indexes(settings, book.id, path)
    return index


# -- registering -----------------------------------------------------------------


def find(session: Session, ref: str | int) -> Book:
    """A book by id or name."""
    text = str(ref).strip()
    book = session.get(Book, int(text)) if text.isdigit() else None
    if book is None:
        book = session.scalar(select(Book).where(Book.name == text))
    if book is None:
        raise NotFoundError(f"no book {text!r}", hint="`weerbaar monitor books` lists them")
    return book


def current_versions(settings: Settings) -> dict[str, int]:
    """The newest version of every list in the store: ``{source: seq}``."""
    from weerbaar.store.store import Store

    if not settings.store_path.exists():
        return {}
    store = Store(settings.store_path)
    try:
        return {v.source: v.seq for v in store.latest_versions()}
    finally:
        store.close()


def version_labels(versions: dict[str, int], settings: Settings) -> dict[str, str]:
    """``{source: "YYYY-MM-DD #seq"}`` for the audit log."""
    from weerbaar.store.store import Store

    if not versions or not settings.store_path.exists():
        return {}
    store = Store(settings.store_path)
    try:
        return {s: f"{store.version(s, n).list_date} #{n}" for s, n in sorted(versions.items())}
    finally:
        store.close()


def _screen(
    screener: Screener, records: list[Record], workers: int | None, progress: bool
) -> list[list[tuple[str, float, str]]]:
    """(entity id, score, explanation) of every match of each record, forward."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from weerbaar.screening.screen import workers_for

    count = max(1, workers or os.cpu_count() or 1)
    out: list[list[tuple[str, float, str]]] = []
    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not progress,
    )
    with workers_for(screener, DEFAULT_THRESHOLD, count, len(records)) as run, bar:
        task = bar.add_task("first screening of the book", total=len(records))
        for hits in run(records):
            out.append([(h.entity_id, h.score, h.explanation) for h in hits if h.match])
            bar.advance(task)
    return out


def register(
    settings: Settings,
    db: Database,
    path: Path,
    *,
    name: str | None = None,
    mapping: dict[str, list[str]] | None = None,
    who: Principal | None = None,
    replace: bool = False,
    screener: Screener | None = None,
    versions: dict[str, int] | None = None,
    workers: int | None = None,
    source_file: str | None = None,
    progress: bool = False,
    screen: bool = True,
) -> Registered:
    """Read, check, index and screen a customer file, then store it as a book.

    ``screener``/``versions``: the screener to use and the list versions its
    index holds (the service passes its loaded one); by default the index of
    the store as it is now. ``replace``: a book of that name is replaced
    (its id, and so the decisions on its records, are kept). ``screen=False``
    skips the first screening (for a book already screened another way): the
    book is then taken as screened against the current lists and alerts only
    on what changes from now on.
    """
    from weerbaar.screening.inputs import read_input

    start = time.perf_counter()
    book_name = check_name(name or path.stem)
    with db.session() as s:
        existing = s.scalar(select(Book).where(Book.name == book_name))
        if existing is not None and not replace:
            raise ConfigError(
                f"a book named {book_name!r} already exists",
                hint="give another --name, or replace it with --replace",
            )
    data = read_input(path, mapping)
    keys = record_keys(path, data.rows, data.mapping)
    keyed = [(k, r.record) for k, r in zip(keys, data.rows, strict=True)]
    plain = [record_data(r) for _, r in keyed]
    digest = digest_of(keyed, plain)
    index = CandidateIndex.build(entries_of(keyed), digest)
    settings.books_dir.mkdir(parents=True, exist_ok=True)
    pending = settings.books_dir / f"pending-{uuid.uuid4().hex}.pickle"
    index.save(pending)
    final: Path | None = None
    try:
        matches: list[list[tuple[str, float, str]]] = [[] for _ in keyed]
        entity_records: dict[str, Record] = {}
        if screen and screener is None and not current_versions(settings):
            screen = False  # no lists yet: the first import screens every entity against it
        if screen:
            if screener is None:
                from weerbaar.screening import Screener

                screener = Screener.open(settings, progress=progress)
                versions = current_versions(settings)
            matches = _screen(screener, [r for _, r in keyed], workers, progress)
            entity_records = _entity_records(screener, {e for m in matches for e, _, _ in m})
        versions = dict(versions if versions is not None else current_versions(settings))
        labels = version_labels(versions, settings)
        with db.session() as s:
            book, was = _write_book(
                s, existing, book_name, keyed, plain, data, path, who, source_file
            )
            book.digest = digest
            book.screened_versions = versions
            final = index_path(settings, book.id, digest)
            os.replace(pending, final)
            created = suppressed = 0
            change = {
                "kind": "registered",
                "summary": "customer book registered: screened against every list",
                "versions": labels,
            }
            for key, found in zip(keys, matches, strict=True):
                for entity_id, score, explanation in found:
                    outcome, alert = alerting.propose(
                        s,
                        alerting.Proposal(
                            book.id,
                            key,
                            entity_id,
                            entity_records[entity_id],
                            score,
                            explanation,
                            change,
                        ),
                        None,
                    )
                    suppressed += outcome == "suppressed"
                    if alert is not None:
                        created += 1
                        _audit_alert(s, who, book, alert, labels)
            audit.record(
                s,
                who,
                "book.replace" if was else "book.add",
                subject=f"book:{book.id}",
                detail={
                    "name": book.name,
                    "file": book.source_file,
                    "records": book.records,
                    "skipped": len(data.skipped),
                    "mapping": data.mapping,
                    "alerts": created,
                    "suppressed": suppressed,
                },
                list_versions=labels,
            )
    except BaseException as exc:
        pending.unlink(missing_ok=True)
        if final is not None and existing is None:
            final.unlink(missing_ok=True)
        if isinstance(exc, IntegrityError):  # registered by someone else meanwhile
            raise ConfigError(
                f"a book named {book_name!r} already exists",
                hint="give another --name, or replace it with --replace",
            ) from exc
        raise
    _drop_other_indexes(settings, book.id, final)
    return Registered(
        book=book,
        records=len(keyed),
        skipped=data.skipped,
        warnings=data.warnings,
        alerts=created,
        suppressed=suppressed,
        seconds=time.perf_counter() - start,
        replaced=was,
        versions=versions,
    )


def _entity_records(screener: Screener, ids: set[str]) -> dict[str, Record]:
    if not ids:
        return {}
    index = screener.index
    numbers = {raw[0]: n for n, raw in enumerate(index._raw) if raw[0] in ids}
    return {eid: index.entry(n).record for eid, n in numbers.items()}


def _audit_alert(
    session: Session, who: Principal | None, book: Book, alert: Alert, labels: dict[str, str]
) -> None:
    audit.record(
        session,
        who,
        "alert.create",
        subject=alerting.subject(book.id, alert.record_key),
        detail={
            "alert": alert.id,
            "book": book.id,
            "entity_id": alert.entity_id,
            "score": alert.score,
            "change": {k: v for k, v in alert.change.items() if k != "facts"},
        },
        list_versions=labels,
    )


def _write_book(
    s: Session,
    existing: Book | None,
    name: str,
    keyed: list[tuple[str, Record]],
    plain: list[dict[str, Any]],
    data: InputFile,
    path: Path,
    who: Principal | None,
    source_file: str | None,
) -> tuple[Book, bool]:
    """The Book row with its records (replacing an existing book's); True if replaced."""
    source = source_file or str(path.resolve())
    if existing is not None:
        book = s.get(Book, existing.id)
        if book is None:  # removed meanwhile
            existing = None
    if existing is None:
        book = Book(name=name, created_by=who.user_id if who else None)
        s.add(book)
    assert book is not None
    book.source_file = source[:500]
    book.records = len(keyed)
    book.mapping = data.mapping
    s.flush()
    if existing is not None:
        keys = {k for k, _ in keyed}
        old = s.scalars(select(BookRecord.key).where(BookRecord.book_id == book.id))
        gone = [k for k in old if k not in keys]
        for start in range(0, len(gone), 500):
            for alert in s.scalars(
                select(Alert).where(
                    Alert.book_id == book.id,
                    Alert.status == "open",
                    Alert.record_key.in_(gone[start : start + 500]),
                )
            ):
                alert.status = "withdrawn"
        s.execute(delete(BookRecord).where(BookRecord.book_id == book.id))
    rows = [
        {
            "book_id": book.id,
            "key": key,
            "name": "; ".join(record_names(record))[:500],
            "data": plain_data,
            "row": row.passthrough,
        }
        for (key, record), plain_data, row in zip(keyed, plain, data.rows, strict=True)
    ]
    for start in range(0, len(rows), INSERT_BATCH):
        s.execute(insert(BookRecord), rows[start : start + INSERT_BATCH])
    return book, existing is not None


def remove(settings: Settings, db: Database, ref: str, *, who: Principal | None = None) -> str:
    """Remove a book, its records, alerts and cached index (decisions and audit stay)."""
    with db.session() as s:
        book = find(s, ref)
        book_id, name = book.id, book.name
        s.execute(delete(Alert).where(Alert.book_id == book_id))
        s.execute(delete(BookRecord).where(BookRecord.book_id == book_id))
        s.delete(book)
        audit.record(
            s,
            who,
            "book.remove",
            subject=f"book:{book_id}",
            detail={"name": name, "records": book.records},
        )
    _drop_other_indexes(settings, book_id, None)
    return name


def books(session: Session) -> list[Book]:
    return list(session.scalars(select(Book).order_by(Book.id)))
