"""Batch screening for the web UI: check an upload, store it, screen it in the background.

    kind = check_upload(path, limit)     # "csv" | "xlsx", or UploadRejected with the reason
    runner(state).submit(job_id)         # screened by one background thread, in order

Uploads are judged by their content, never their name: an XLSX workbook is a
ZIP holding ``[Content_Types].xml`` and ``xl/``; CSV is text in UTF-8 or
Windows-1252 without NUL or other control bytes. The file is kept as
``WEERBAAR_HOME/jobs/<id>/input.csv|xlsx`` and the results are written
beside it (``results.csv``); the client's file name is only ever shown,
never used as a path.

Jobs run one at a time on one thread with one worker (the server's cores
serve requests); ``ScreeningJob.done`` is updated as rows are screened, so
the job page can show progress.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import threading
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import update

from weerbaar import audit
from weerbaar.accounts import Principal
from weerbaar.core.errors import WeerbaarError
from weerbaar.db.models import ScreeningJob, User, utcnow
from weerbaar.matching import Record
from weerbaar.screening import Screener
from weerbaar.screening.screen import Hit
from weerbaar.service.state import AppState, NotReady
from weerbaar.service.ui.web import PageError

log = logging.getLogger("weerbaar.service.ui")

#: Bytes that never occur in CSV text (control characters other than tab, CR, LF, FF, ^Z).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 26))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
#: A workbook may unpack to at most this many times the upload limit (zip bombs).
UNPACK_FACTOR = 10
#: Seconds between progress writes to the database.
PROGRESS_EVERY = 0.5
#: Seconds a job waits for the screening index to finish loading.
INDEX_WAIT = 300.0
SCHEMAS = ("LegalEntity", "Person", "Organization", "Company", "Vessel")


class UploadRejected(PageError):
    """An upload that cannot be screened; ``key`` names the reason in the UI's texts."""

    def __init__(self, status_code: int, detail: str, key: str, **values: Any) -> None:
        super().__init__(status_code, detail, key, **values)


def display_name(raw: str | None) -> str:
    """The client's file name, reduced to something safe to show: no folders, no controls."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]+", "", name).strip().lstrip(".")
    return name[:200] or "upload"


def check_upload(path: Path, limit: int) -> str:
    """``"csv"`` or ``"xlsx"`` for a file worth screening; else ``UploadRejected``."""
    size = path.stat().st_size
    if size == 0:
        raise UploadRejected(422, "the file is empty", "err_empty")
    if size > limit:
        mb = limit // (1 << 20)
        raise UploadRejected(413, f"the file is larger than {mb} MB", "err_too_big", mb=mb)
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith(b"PK\x03\x04"):
        _check_workbook(path, limit)
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UploadRejected(415, "old Excel format (.xls): save as .xlsx or CSV UTF-8", "err_xls")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:400:2].count(0) > 20:
        raise UploadRejected(415, "UTF-16 text: save the file as CSV UTF-8", "err_utf16")
    _check_text(path)
    return "csv"


def _check_workbook(path: Path, limit: int) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRejected(415, "a damaged ZIP file, not an Excel workbook", "err_zip") from None
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise UploadRejected(415, "a ZIP file that is not an Excel workbook (.xlsx)", "err_zip")
    unpacked = limit * UNPACK_FACTOR
    if sum(i.file_size for i in infos) > unpacked:
        mb = unpacked // (1 << 20)
        raise UploadRejected(
            413, f"the workbook unpacks to more than {mb} MB", "err_zip_large", mb=mb
        )


def _check_text(path: Path) -> None:
    binary = UploadRejected(415, "neither CSV text nor an Excel workbook", "err_binary")
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            if len(block.translate(None, _NOT_CONTROL)) > 0:
                raise binary
    for encoding in ("utf-8", "cp1252"):
        try:
            with path.open("r", encoding=encoding, newline="") as text:
                while text.read(1 << 20):
                    pass
        except UnicodeDecodeError:
            continue
        return
    raise UploadRejected(415, "text in neither UTF-8 nor Windows-1252", "err_encoding")


# -- the job runner -----------------------------------------------------------


def job_dir(state: AppState, job_id: int) -> Path:
    return state.settings.jobs_dir / str(job_id)


def input_path(state: AppState, job_id: int) -> Path | None:
    folder = job_dir(state, job_id)
    for name in ("input.csv", "input.xlsx"):
        if (folder / name).is_file():
            return folder / name
    return None


def results_path(state: AppState, job_id: int) -> Path:
    return job_dir(state, job_id) / "results.csv"


def _meta(state: AppState, job_id: int) -> dict[str, Any]:
    try:
        data = json.loads((job_dir(state, job_id) / "job.json").read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_meta(state: AppState, job_id: int, **values: Any) -> None:
    path = job_dir(state, job_id) / "job.json"
    data = {**_meta(state, job_id), **values}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data))
    tmp.replace(path)


def store_upload(
    state: AppState, who: Principal, upload: Path, kind: str, filename: str, schema: str
) -> int:
    """A job for the checked file ``upload`` (moved into the job's folder); its id."""
    with state.db.session() as s:
        job = ScreeningJob(user_id=who.user_id, filename=filename, status="queued")
        s.add(job)
        s.flush()
        job_id = job.id
        folder = job_dir(state, job_id)
        folder.mkdir(parents=True, exist_ok=True)
        upload.replace(folder / f"input.{kind}")
        audit.record(
            s,
            who,
            "batch.upload",
            subject=filename,
            detail={"job": job_id, "type": kind, "schema": schema},
            list_versions=state.screeners.list_versions(),
        )
    _write_meta(state, job_id, schema=schema, pid=os.getpid())
    return job_id


def new_upload_path(state: AppState) -> Path:
    folder = state.settings.jobs_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f".upload-{uuid.uuid4().hex}"


class _Counting(Screener):
    """The server's screener, calling ``on_row`` after each record it screens."""

    def __init__(self, inner: Screener, on_row: Any) -> None:
        super().__init__(inner.index, inner.candidates, inner.names, inner.min_similarity)
        self._on_row = on_row

    def match_record(
        self, record: Record, limit: int = 10, threshold: float | None = None
    ) -> list[Hit]:
        hits = super().match_record(record, limit, threshold)
        self._on_row()
        return hits


class JobRunner:
    """One background thread screening the submitted jobs in order."""

    def __init__(self, state: AppState) -> None:
        self.state = state
        self._queue: queue.Queue[int] = queue.Queue()
        self._active: set[int] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, job_id: int) -> None:
        with self._lock:
            self._active.add(job_id)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="weerbaar-batch", daemon=True
                )
                self._thread.start()
        self._queue.put(job_id)

    def owns(self, job_id: int) -> bool:
        with self._lock:
            return job_id in self._active

    def interrupted(self, job: ScreeningJob) -> bool:
        """A queued or running job no process is working on (the server restarted)."""
        if job.status not in ("queued", "running") or self.owns(job.id):
            return False
        with self.state.db.session() as s:  # it may have finished since ``job`` was read
            current = s.get(ScreeningJob, job.id)
            if current is None or current.status not in ("queued", "running"):
                return False
        pid = _meta(self.state, job.id).get("pid")
        if not isinstance(pid, int) or pid == os.getpid():
            return True
        try:
            os.kill(pid, 0)
        except OSError:
            return True
        return False

    def _loop(self) -> None:
        while True:
            job_id = self._queue.get()
            try:
                self._run(job_id)
            except Exception:  # the thread must survive any one job
                log.exception("batch job %s failed unexpectedly", job_id)
            finally:
                with self._lock:
                    self._active.discard(job_id)

    def _set(self, job_id: int, **values: Any) -> None:
        with self.state.db.session() as s:
            s.execute(update(ScreeningJob).where(ScreeningJob.id == job_id).values(**values))

    def _screener(self) -> Screener:
        deadline = time.monotonic() + INDEX_WAIT
        while True:
            try:
                return self.state.screeners.get()
            except NotReady:
                if self.state.screeners.status != "loading" or time.monotonic() > deadline:
                    raise
                time.sleep(1.0)

    def _run(self, job_id: int) -> None:
        from weerbaar.screening import screen
        from weerbaar.screening.inputs import read_input

        source = input_path(self.state, job_id)
        with self.state.db.session() as s:
            job = s.get(ScreeningJob, job_id)
            if job is None:
                return
            filename = job.filename
            owner = s.get(User, job.user_id)
            who = (
                Principal(owner.id, owner.email, owner.role, owner.language)
                if owner is not None
                else None
            )
        if source is None:
            self._set(job_id, status="failed", error="the upload is gone", finished_at=utcnow())
            return
        schema = _meta(self.state, job_id).get("schema", "LegalEntity")
        if schema not in SCHEMAS:
            schema = "LegalEntity"
        self._set(job_id, status="running")
        done = 0
        flushed = time.monotonic()

        def on_row() -> None:
            nonlocal done, flushed
            done += 1
            now = time.monotonic()
            if now - flushed >= PROGRESS_EVERY:
                flushed = now
                self._set(job_id, done=done)

        try:
            screener = self._screener()
            rows = len(read_input(source, None, schema).rows)
            self._set(job_id, rows=rows)
            summary = screen(
                source,
                results_path(self.state, job_id),
                screener=_Counting(screener, on_row),
                workers=1,
                progress=False,
                default_schema=schema,
            )
        except WeerbaarError as exc:
            message = str(exc).replace(str(source), filename)
            self._set(job_id, status="failed", error=message, finished_at=utcnow())
            return
        except Exception as exc:
            ref = uuid.uuid4().hex[:12]
            log.exception("batch job %s failed (reference %s)", job_id, ref)
            error = f"internal error ({type(exc).__name__}, reference {ref}); it has been logged"
            self._set(job_id, status="failed", error=error, finished_at=utcnow())
            return
        _write_meta(
            self.state,
            job_id,
            warnings=summary.warnings[:100],
            skipped=summary.skipped,
            rows_with_match=summary.rows_with_match,
        )
        with self.state.db.session() as s:
            s.execute(
                update(ScreeningJob)
                .where(ScreeningJob.id == job_id)
                .values(
                    status="done",
                    rows=summary.rows,
                    done=summary.rows,
                    hits=summary.hits,
                    matches=summary.matches,
                    finished_at=utcnow(),
                )
            )
            audit.record(
                s,
                who,
                "batch.screen",
                subject=filename,
                detail={"job": job_id, **_summary(summary.as_dict())},
                list_versions=self.state.screeners.list_versions(),
            )


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("input", "output", "warnings")}


def job_meta(state: AppState, job_id: int) -> dict[str, Any]:
    return _meta(state, job_id)


_RUNNER_LOCK = threading.Lock()


def runner(app_state_holder: Any, state: AppState) -> JobRunner:
    """The job runner of the app (``app_state_holder`` is ``request.app.state``)."""
    with _RUNNER_LOCK:
        found: JobRunner | None = getattr(app_state_holder, "ui_jobs", None)
        if found is None:
            found = JobRunner(state)
            app_state_holder.ui_jobs = found
        return found
