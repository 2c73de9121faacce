"""Batch screening pages: upload a customer file, watch the job, download the results.

Only a job's owner (or an administrator) may see a job or download its results.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from weerbaar import audit
from weerbaar.accounts import Permission, Principal
from weerbaar.db.models import ScreeningJob, User
from weerbaar.service.auth import app_state, require
from weerbaar.service.state import AppState
from weerbaar.service.ui.jobs import (
    SCHEMAS,
    UploadRejected,
    check_upload,
    display_name,
    job_meta,
    new_upload_path,
    results_path,
    runner,
    store_upload,
)
from weerbaar.service.ui.web import PageError, UIRoute, check_csrf, render, wants_json

router = APIRouter(include_in_schema=False, route_class=UIRoute)

Screen = Annotated[Principal, Depends(require(Permission.SCREEN))]
JobId = Annotated[int, Path(ge=1, le=2**31 - 1)]
#: Room for the form fields around the file in a multipart body.
FORM_OVERHEAD = 64 * 1024
RECENT_JOBS = 20


def _job_dict(request: Request, job: ScreeningJob, owner: str | None = None) -> dict[str, Any]:
    state = app_state(request)
    status = job.status
    if runner(request.app.state, state).interrupted(job):
        status = "interrupted"
    meta = job_meta(state, job.id)
    done = status == "done" and results_path(state, job.id).is_file()
    return {
        "id": job.id,
        "filename": job.filename,
        "status": status,
        "rows": job.rows,
        "done": job.done,
        "progress": round(job.done / job.rows, 4) if job.rows else (1.0 if done else 0.0),
        "hits": job.hits,
        "matches": job.matches,
        "rows_with_match": meta.get("rows_with_match"),
        "skipped": meta.get("skipped"),
        "warnings": meta.get("warnings", []),
        "error": job.error or None,
        "created_at": _when(job.created_at),
        "finished_at": _when(job.finished_at) if job.finished_at else None,
        "url": f"/ui/batch/{job.id}",
        "download": f"/ui/batch/{job.id}/results.csv" if done else None,
        "owner": owner,
    }


def _when(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="seconds") + " UTC"


def _recent(request: Request, who: Principal) -> list[dict[str, Any]]:
    state = app_state(request)
    with state.db.session() as s:
        query = select(ScreeningJob, User.email).join(User, User.id == ScreeningJob.user_id)
        if not who.can(Permission.ADMIN):
            query = query.where(ScreeningJob.user_id == who.user_id)
        rows = s.execute(query.order_by(ScreeningJob.id.desc()).limit(RECENT_JOBS)).all()
        return [_job_dict(request, job, email) for job, email in rows]


def _batch_page(
    request: Request, who: Principal, *, error: str | None = None, status_code: int = 200
) -> Response:
    state = app_state(request)
    data = {
        "jobs": _recent(request, who),
        "max_upload_mb": state.settings.max_upload_mb,
        "error": error,
    }
    return render(
        request, "batch.html", data, who, status_code=status_code, context={"schemas": SCHEMAS}
    )


@router.get("/ui/batch")
def batch(request: Request, who: Screen) -> Response:
    return _batch_page(request, who)


@router.post("/ui/batch")
async def upload(request: Request, who: Screen) -> Response:
    """Store the upload under the jobs folder, create the job, start it; then show it."""
    state = app_state(request)
    limit = state.settings.max_upload_mb << 20
    try:
        length = int(request.headers.get("content-length", "0"))
    except ValueError:
        length = 0
    try:
        if length > limit + FORM_OVERHEAD:
            raise _too_big(state)
        async with request.form(max_files=1, max_fields=20) as form:
            check_csrf(request, form.get("csrf_token"))
            schema = str(form.get("schema") or "LegalEntity")
            if schema not in SCHEMAS:
                schema = "LegalEntity"
            file = form.get("file")
            if not isinstance(file, UploadFile) or not file.filename:
                raise UploadRejected(
                    422, "choose a file to upload (form field `file`)", "err_no_file"
                )
            filename = display_name(file.filename)
            target = new_upload_path(state)
            try:
                size = 0
                with target.open("wb") as out:
                    while chunk := await file.read(1 << 20):
                        size += len(chunk)
                        if size > limit:
                            raise _too_big(state)
                        await run_in_threadpool(out.write, chunk)
                kind = await run_in_threadpool(check_upload, target, limit)
                job_id = await run_in_threadpool(
                    store_upload, state, who, target, kind, filename, schema
                )
            finally:
                target.unlink(missing_ok=True)
    except UploadRejected as exc:
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        from weerbaar.service.ui.i18n import translator
        from weerbaar.service.ui.web import page_language

        message = translator(page_language(request, who))(exc.key, **exc.values)
        code = exc.status_code
        return await run_in_threadpool(
            lambda: _batch_page(request, who, error=message, status_code=code)
        )
    runner(request.app.state, state).submit(job_id)
    if wants_json(request):
        job = await run_in_threadpool(_load, request, who, job_id)
        return JSONResponse(job, status_code=202, headers={"Location": job["url"]})
    return RedirectResponse(f"/ui/batch/{job_id}", status_code=303)


def _too_big(state: AppState) -> UploadRejected:
    mb = state.settings.max_upload_mb
    return UploadRejected(413, f"the file is larger than {mb} MB", "err_too_big", mb=mb)


def _load(request: Request, who: Principal, job_id: int) -> dict[str, Any]:
    state = app_state(request)
    with state.db.session() as s:
        job = s.get(ScreeningJob, job_id)
        if job is None:
            raise PageError(404, f"no screening job {job_id}", "err_not_found")
        if job.user_id != who.user_id and not who.can(Permission.ADMIN):
            raise PageError(403, "only the job's owner or an admin may see it", "err_job_not_yours")
        owner = s.get(User, job.user_id)
        return _job_dict(request, job, owner.email if owner else None)


@router.get("/ui/batch/{job_id}")
def job_page(request: Request, who: Screen, job_id: JobId) -> Response:
    """The job's progress (the page refreshes itself) and, when done, the download link."""
    job = _load(request, who, job_id)
    return render(request, "job.html", job, who)


@router.get("/ui/batch/{job_id}/results.csv")
def download(request: Request, who: Screen, job_id: JobId) -> Response:
    job = _load(request, who, job_id)
    state = app_state(request)
    path = results_path(state, job_id)
    if job["download"] is None or not path.is_file():
        raise PageError(
            404, f"job {job_id} has no results (status {job['status']})", "err_not_found"
        )
    with state.db.session() as s:
        audit.record(
            s,
            who,
            "batch.download",
            subject=job["filename"],
            detail={"job": job_id, "rows": job["rows"], "hits": job["hits"]},
            list_versions=state.screeners.list_versions(),
        )
    stem = PurePath(job["filename"]).stem or "screening"
    return FileResponse(
        path,
        media_type="text/csv; charset=utf-8",
        filename=f"{stem}-results.csv",
        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
    )
