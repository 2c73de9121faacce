"""Decisions, customer books, re-screening, alerts and the audit log.

    POST   /decisions                     record a decision on a hit          (decide)
    GET    /decisions?subject=&entity_id=                                     (decide)
    POST   /monitor/books                 register a customer book (upload)   (monitor)
    GET    /monitor/books, /monitor/books/{id}; DELETE /monitor/books/{id}    (monitor)
    POST   /monitor/run                   re-screen the books now             (monitor)
    GET    /monitor/alerts?book=&status=                                      (monitor)
    POST   /monitor/alerts/{id}/decision  decide on an alert                  (decide)
    GET    /audit?action=&limit=                                              (audit)

Uploads are checked by content (CSV text, XLSX/ODS workbooks, Parquet), not
by their name, limited to ``WEERBAAR_MAX_UPLOAD_MB`` and written to disk
atomically under ``WEERBAAR_HOME/books/uploads/`` before the book is read.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
import zipfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from weerbaar import audit
from weerbaar.accounts import Permission, Principal
from weerbaar.core.errors import ConfigError, InputError, NotFoundError
from weerbaar.core.settings import Settings
from weerbaar.db.models import Alert, Book, Decision
from weerbaar.service.auth import app_state, require
from weerbaar.service.state import AppState

router = APIRouter(tags=["Monitoring"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Invalid request (unknown book, verdict...)"},
    401: {"description": "Not authenticated"},
    403: {"description": "Role may not do this"},
    404: {"description": "Unknown book, alert or entity"},
    409: {"description": "The alert is already closed"},
    413: {"description": "Upload larger than WEERBAAR_MAX_UPLOAD_MB"},
    415: {"description": "Upload is not CSV, Excel or Parquet"},
    422: {"description": "Malformed request or unusable customer file"},
    429: {"description": "Rate limit reached"},
    503: {"description": "Lists not loaded yet"},
}
Decide = Annotated[Principal, Depends(require(Permission.DECIDE))]
Monitor = Annotated[Principal, Depends(require(Permission.MONITOR))]
AuditRead = Annotated[Principal, Depends(require(Permission.AUDIT))]


# -- bodies ------------------------------------------------------------------------


class DecisionRequest(BaseModel):
    subject: str = Field(
        ...,
        min_length=1,
        max_length=400,
        description="The customer record: `book:<book id>:<record key>`, or your own id "
        "(the `id` of a /match query).",
        examples=["book:1:C-1001"],
    )
    entity_id: str = Field(..., min_length=1, max_length=200, examples=["unsc-9000001"])
    verdict: Literal["not_match", "match"]
    reason: str = Field(..., min_length=1, max_length=4000, examples=["different birth date"])


class AlertDecisionRequest(BaseModel):
    verdict: Literal["not_match", "match"]
    reason: str = Field(..., min_length=1, max_length=4000)


class DecisionOut(BaseModel):
    id: int
    subject: str
    entity_id: str
    verdict: str
    reason: str
    user_id: int
    created_at: str
    facts: dict[str, list[str]] = Field(
        description="The entity's names, birth dates and identifiers when decided; a "
        "`not_match` stands until the entity has one not in this list."
    )
    alerts_closed: list[int] = Field(default_factory=list)


class DecisionList(BaseModel):
    decisions: list[DecisionOut]


class BookOut(BaseModel):
    id: int
    name: str
    file: str
    records: int
    mapping: dict[str, list[str]]
    created_at: str
    screened_versions: dict[str, int]
    open_alerts: int = 0


class BookRegistered(BookOut):
    skipped: list[int]
    warnings: list[str]
    alerts: int
    suppressed: int
    seconds: float
    replaced: bool


class BookList(BaseModel):
    books: list[BookOut]


class BookRemoved(BaseModel):
    id: int
    name: str


class RunOut(BaseModel):
    id: int
    started_at: str
    seconds: float
    versions: dict[str, list[int | None]]
    changed_entities: int
    alerts: int
    books: int
    suppressed: int
    unchanged: int
    withdrawn: int


class AlertOut(BaseModel):
    id: int
    book_id: int
    book: str
    record_key: str
    subject: str = Field(description="Use this subject to decide on the customer and entity.")
    entity_id: str
    score: float
    status: str
    run_id: int | None
    decision_id: int | None
    created_at: str
    change: dict[str, Any] = Field(
        description="What changed on the list entity (`kind`, `summary`, per list the "
        "changed properties) and the list versions from and to."
    )
    explanation: str


class AlertList(BaseModel):
    alerts: list[AlertOut]


class AuditEventOut(BaseModel):
    id: int
    at: str
    user_id: int | None
    key_prefix: str | None
    action: str
    subject: str
    detail: dict[str, Any]
    list_versions: dict[str, Any]


class AuditList(BaseModel):
    events: list[AuditEventOut]


# -- helpers ---------------------------------------------------------------------------


def _decision_out(d: Decision, closed: list[int] | None = None) -> DecisionOut:
    return DecisionOut(
        id=d.id,
        subject=d.subject,
        entity_id=d.entity_id,
        verdict=d.verdict,
        reason=d.reason,
        user_id=d.user_id,
        created_at=d.created_at.isoformat(timespec="seconds"),
        facts=d.facts,
        alerts_closed=closed or [],
    )


def _book_out(book: Book, open_alerts: int = 0) -> dict[str, Any]:
    return {
        "id": book.id,
        "name": book.name,
        "file": Path(book.source_file).name,
        "records": book.records,
        "mapping": book.mapping,
        "created_at": book.created_at.isoformat(timespec="seconds"),
        "screened_versions": book.screened_versions,
        "open_alerts": open_alerts,
    }


def _alert_out(alert: Alert, names: dict[int, str]) -> AlertOut:
    from weerbaar.monitor.alerts import subject

    return AlertOut(
        id=alert.id,
        book_id=alert.book_id,
        book=names.get(alert.book_id, ""),
        record_key=alert.record_key,
        subject=subject(alert.book_id, alert.record_key),
        entity_id=alert.entity_id,
        score=alert.score,
        status=alert.status,
        run_id=alert.run_id,
        decision_id=alert.decision_id,
        created_at=alert.created_at.isoformat(timespec="seconds"),
        change={k: v for k, v in alert.change.items() if k != "facts"},
        explanation=alert.explanation,
    )


def _closed_by(state: AppState, decision_id: int) -> list[int]:
    from sqlalchemy import select

    with state.db.session() as s:
        return list(s.scalars(select(Alert.id).where(Alert.decision_id == decision_id)))


# -- decisions ---------------------------------------------------------------------------


@router.post(
    "/decisions",
    summary="Record an analyst's decision on a hit",
    response_model=DecisionOut,
    status_code=201,
    responses=ERRORS,
)
def create_decision(request: Request, body: DecisionRequest, who: Decide) -> DecisionOut:
    """A `not_match` suppresses the alert for this customer record and entity (in
    re-screening and as `decision` in /match results for a query with this `id`) until
    the entity gets a name, birth date or identifier it did not have. Open alerts on
    the record and entity are marked decided. Logged with the list versions."""
    from weerbaar.monitor.decisions import take

    state = app_state(request)
    holder = state.screeners
    entry = holder.entry_by_id(body.entity_id)
    if entry is None and state.settings.store_path.exists():
        from weerbaar.store.links import canonical_of

        with state.store() as store:
            canonical = canonical_of(store, body.entity_id)
        entry = holder.entry_by_id(canonical)
    if entry is None:
        raise NotFoundError(
            f"no listed entity {body.entity_id!r}",
            hint="give the entity id of the hit (the `id` of a /match result)",
        )
    with state.db.session() as s:
        decision = take(
            s,
            who,
            body.subject.strip(),
            entry.id,
            entry.record,
            body.verdict,
            body.reason,
            list_versions=holder.list_versions(),
        )
        s.flush()
        out = _decision_out(decision)
    out.alerts_closed = _closed_by(state, decision.id)
    return out


@router.get(
    "/decisions",
    summary="Decisions, newest first",
    response_model=DecisionList,
    responses=ERRORS,
)
def list_decisions(
    request: Request,
    who: Decide,
    subject: Annotated[str | None, Query(max_length=400)] = None,
    entity_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DecisionList:
    from weerbaar.monitor.decisions import decisions

    with app_state(request).db.session() as s:
        found = decisions(s, subject=subject, entity_id=entity_id, limit=limit)
        return DecisionList(decisions=[_decision_out(d) for d in found])


# -- books ---------------------------------------------------------------------------------

_SAFE = re.compile(r"[^\w.\- ]+")


def sniff_suffix(head: bytes) -> str | None:
    """The file type of an upload from its first bytes (None: not one we read)."""
    if head.startswith(b"PAR1"):
        return ".parquet"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".xls"
    if head.startswith(b"PK\x03\x04"):
        return ".zip"  # a workbook or not: looked inside by ``_zip_suffix``
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return ".csv"  # text; the reader refuses UTF-16 and bad encodings with the fix


def _zip_suffix(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "xl/workbook.xml" in names:
                return ".xlsx"
            if "content.xml" in names and "mimetype" in names:
                kind = z.read("mimetype").decode("ascii", "replace")
                return ".ods" if "spreadsheet" in kind else None
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _upload_name(filename: str | None, suffix: str) -> str:
    stem = Path(_SAFE.sub("_", Path(filename or "upload").name)).stem.strip(" .")[:100]
    return f"{stem or 'upload'}{suffix}"


def _save_upload(settings: Settings, upload: UploadFile) -> Path:
    """The upload written (atomically) to its own folder, named by its content's type."""
    limit = settings.max_upload_mb << 20
    folder = settings.books_dir / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / ".upload.part"
    try:
        size = 0
        with part.open("wb") as out:
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise HTTPException(413, f"the file is larger than {settings.max_upload_mb} MB")
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise HTTPException(422, "the uploaded file is empty")
        with part.open("rb") as fh:
            suffix = sniff_suffix(fh.read(4096))
        if suffix == ".zip":
            suffix = _zip_suffix(part)
        if suffix is None:
            raise HTTPException(
                415,
                "the file is not a CSV, Excel workbook (.xlsx), OpenDocument sheet or "
                "Parquet file (checked by its content)",
            )
        target = folder / _upload_name(upload.filename, suffix)
        os.replace(part, target)
        return target
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _versions(state: AppState) -> dict[str, int]:
    out: dict[str, int] = {}
    for source, label in state.screeners.list_versions().items():
        seq = label.rpartition("#")[2]
        if seq.isdigit():
            out[source] = int(seq)
    return out


@router.post(
    "/monitor/books",
    summary="Register a customer book (CSV, Excel or Parquet upload)",
    response_model=BookRegistered,
    status_code=201,
    responses=ERRORS,
)
def add_book(
    request: Request,
    who: Monitor,
    file: Annotated[UploadFile, File(description="The customer file.")],
    name: Annotated[str | None, Form(max_length=200)] = None,
    column: Annotated[
        list[str],
        Form(description="Column mappings `field=COLUMN`, e.g. `id=Klantnummer` (repeat)."),
    ] = [],  # noqa: B006
    replace: Annotated[bool, Form(description="Replace the book of that name.")] = False,
) -> BookRegistered:
    """The file is read all or nothing (a bad file leaves no book behind), its customers
    are screened once against every list, and from then on every list update is
    screened against them (`POST /monitor/run`, or after each import). Customers are
    keyed by their id column (English or Dutch header, or `column=id=...`), else by
    their row number."""
    from weerbaar.monitor import books
    from weerbaar.screening.inputs import parse_mapping

    state = app_state(request)
    settings = state.settings
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > (settings.max_upload_mb << 20) + 65536:
        raise HTTPException(413, f"the file is larger than {settings.max_upload_mb} MB")
    mapping = parse_mapping(column) or None
    lists = books.current_versions(settings)
    screener = state.screeners.get() if lists else None
    path = _save_upload(settings, file)
    try:
        result = books.register(
            settings,
            state.db,
            path,
            name=name or Path(file.filename or path.name).stem,
            mapping=mapping,
            who=who,
            replace=replace,
            screener=screener,
            versions=_versions(state) if lists else {},
            workers=1,
            screen=bool(lists),
        )
    except InputError as exc:
        shutil.rmtree(path.parent, ignore_errors=True)
        # name the file as the user knows it, not where the server keeps it
        where = f" ({exc.where})" if exc.where else ""
        message = exc.message.removeprefix(f"{exc.path}{where}: ")
        raise InputError(path.name, message, where=exc.where, hint=exc.hint) from None
    except BaseException:
        shutil.rmtree(path.parent, ignore_errors=True)
        raise
    return BookRegistered(
        **_book_out(result.book, result.alerts),
        skipped=result.skipped,
        warnings=result.warnings[:100],
        alerts=result.alerts,
        suppressed=result.suppressed,
        seconds=round(result.seconds, 3),
        replaced=result.replaced,
    )


def _open_counts(state: AppState) -> dict[int, int]:
    from sqlalchemy import func, select

    with state.db.session() as s:
        rows = s.execute(
            select(Alert.book_id, func.count(Alert.id))
            .where(Alert.status == "open")
            .group_by(Alert.book_id)
        )
        return {book_id: n for book_id, n in rows}


@router.get("/monitor/books", summary="The registered books", response_model=BookList)
def list_books(request: Request, who: Monitor) -> BookList:
    from weerbaar.monitor import books

    state = app_state(request)
    counts = _open_counts(state)
    with state.db.session() as s:
        return BookList(
            books=[BookOut(**_book_out(b, counts.get(b.id, 0))) for b in books.books(s)]
        )


BookId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]


@router.get(
    "/monitor/books/{book_id}", summary="One book", response_model=BookOut, responses=ERRORS
)
def get_book(request: Request, who: Monitor, book_id: BookId) -> BookOut:
    from weerbaar.monitor import books

    state = app_state(request)
    with state.db.session() as s:
        book = books.find(s, book_id)
        return BookOut(**_book_out(book, _open_counts(state).get(book.id, 0)))


@router.delete(
    "/monitor/books/{book_id}",
    summary="Remove a book with its customers and alerts",
    response_model=BookRemoved,
    responses=ERRORS,
)
def remove_book(request: Request, who: Monitor, book_id: BookId) -> BookRemoved:
    """Decisions on its customers and the audit log are kept."""
    from weerbaar.monitor import books

    state = app_state(request)
    with state.db.session() as s:
        source = books.find(s, book_id).source_file
    name = books.remove(state.settings, state.db, str(book_id), who=who)
    uploads = state.settings.books_dir / "uploads"
    folder = Path(source).parent
    if folder.parent == uploads:
        shutil.rmtree(folder, ignore_errors=True)
    return BookRemoved(id=book_id, name=name)


# -- runs and alerts --------------------------------------------------------------------------


@router.post(
    "/monitor/run",
    summary="Re-screen the books against what the lists changed",
    response_model=RunOut,
    responses=ERRORS,
)
def run_now(request: Request, who: Monitor) -> RunOut:
    """Runs by itself after every list import; this runs it now. Only list entities
    added or changed since each book was last screened are screened against it."""
    from weerbaar.monitor import rescreen

    state = app_state(request)
    return RunOut(**rescreen.run_dict(rescreen.run(state.settings, state.db, who=who)))


Status = Literal["open", "decided", "withdrawn", "superseded", "all"]


@router.get(
    "/monitor/alerts", summary="Alerts, newest first", response_model=AlertList, responses=ERRORS
)
def list_alerts(
    request: Request,
    who: Monitor,
    book: Annotated[str | None, Query(max_length=200, description="Book id or name")] = None,
    status: Status = "open",
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> AlertList:
    from weerbaar.monitor import books
    from weerbaar.monitor.alerts import alerts

    with app_state(request).db.session() as s:
        book_id = books.find(s, book).id if book else None
        names = {b.id: b.name for b in books.books(s)}
        found = alerts(s, book_id=book_id, status=None if status == "all" else status, limit=limit)
        return AlertList(alerts=[_alert_out(a, names) for a in found])


@router.post(
    "/monitor/alerts/{alert_id}/decision",
    summary="Decide on an alert",
    response_model=DecisionOut,
    status_code=201,
    responses=ERRORS,
)
def decide_alert(
    request: Request,
    who: Decide,
    body: AlertDecisionRequest,
    alert_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)],
) -> DecisionOut:
    """The decision is on the alert's customer record and list entity as it stands now;
    the alert (and any other open one on the same pair) is marked decided."""
    from weerbaar.monitor.alerts import subject
    from weerbaar.monitor.decisions import take
    from weerbaar.monitor.listed import current_entries

    state = app_state(request)
    with state.db.session() as s:
        alert = s.get(Alert, alert_id)
        if alert is None:
            raise NotFoundError(f"no alert {alert_id}")
        if alert.status != "open":
            raise HTTPException(409, f"alert {alert_id} is {alert.status}, not open")
        entity_id, book_id, key = alert.entity_id, alert.book_id, alert.record_key
    with state.store() as store:
        entry = current_entries(store, [entity_id])[entity_id]
        labels = audit.list_versions(store)
    if entry is None:
        raise ConfigError(f"the entity {entity_id} of alert {alert_id} is no longer listed")
    with state.db.session() as s:
        decision = take(
            s,
            who,
            subject(book_id, key),
            entity_id,
            entry.record,
            body.verdict,
            body.reason,
            list_versions=labels,
        )
        s.flush()
        out = _decision_out(decision)
    out.alerts_closed = _closed_by(state, decision.id)
    return out


# -- audit ---------------------------------------------------------------------------------


@router.get(
    "/audit", summary="The audit log, newest first", response_model=AuditList, responses=ERRORS
)
def audit_log(
    request: Request,
    who: AuditRead,
    action: Annotated[str | None, Query(max_length=64, examples=["decision.create"])] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditList:
    """Every screening request, hit, decision, book and re-screening run, with the
    list versions consulted."""
    with app_state(request).db.session() as s:
        return AuditList(
            events=[
                AuditEventOut(
                    id=e.id,
                    at=e.at.isoformat(timespec="seconds"),
                    user_id=e.user_id,
                    key_prefix=e.key_prefix,
                    action=e.action,
                    subject=e.subject,
                    detail=e.detail,
                    list_versions=e.list_versions,
                )
                for e in audit.events(s, action=action, limit=limit)
            ]
        )
