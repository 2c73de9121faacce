"""The Central Sanctions Reporting Office's JSON API (``/api/v1``).

    GET  /api/v1/reports/schema            the JSON Schema of a report, with examples (report_read)
    POST /api/v1/reports                   submit a report; Idempotency-Key header   (report)
    GET  /api/v1/reports                   reports the caller may see               (report_read)
    GET  /api/v1/reports/{id}              one report (audited)                     (report_read)
    POST /api/v1/reports/{id}/attachments  attach a PDF, image, CSV or XLSX file    (report)
    GET  /api/v1/reports/{id}/attachments/{attachment_id}                          (report_read)
    GET  /api/v1/questions                 the office's unanswered questions        (report_read)
    GET  /api/v1/cases?status=             cases (office)                           (cases_read)
    GET  /api/v1/cases/{id}                a case with its reports and notes        (cases_read)
    POST /api/v1/cases/{id}/status         move the case on                         (cases)
    POST /api/v1/cases/{id}/assign         assignee and deadline                    (cases)
    POST /api/v1/cases/{id}/notes          a note, or a question to the reporter    (cases)
    GET  /api/v1/dashboard, /api/v1/dashboard.csv                                  (cases_read)
    GET  /api/v1/audit/verify              recompute the report audit chain         (audit)
    GET/POST /api/v1/orgs                  organisations                            (admin)
    POST /api/v1/orgs/users                invite a user to one's own organisation  (org_admin)

Reporters see their own organisation's reports only; other reports are 404
to them. A report is answered 201 with its id and receipt number only after
it is committed; a retry with the same ``Idempotency-Key`` answers 200 with
the same id and receipt, a different body under the same key 409.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import (
    APIRouter,
    Depends,
    FastAPI,
    File,
    Header,
    HTTPException,
    Query,
    Request,
    Response,
    UploadFile,
)
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from weerbaar.accounts import Permission, Principal, create_key
from weerbaar.accounts.roles import REPORTER_ROLES
from weerbaar.cases import attachments, auditlog, service
from weerbaar.cases.models import STATUSES, Attachment, Report
from weerbaar.cases.schema import EXAMPLE_FREEZE, AnyReport, json_schema
from weerbaar.cases.worker import ScreeningWorker
from weerbaar.core.errors import ConfigError, NotFoundError
from weerbaar.service.auth import app_state, require
from weerbaar.service.state import AppState

router = APIRouter(prefix="/api/v1", tags=["Reporting office"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Invalid request (no organisation, unknown user...)"},
    401: {"description": "Not authenticated"},
    403: {"description": "Role may not do this"},
    404: {"description": "Unknown report or case, or not one of your organisation's"},
    409: {"description": "Idempotency-Key reused with another body, or impossible transition"},
    413: {"description": "Upload larger than WEERBAAR_MAX_UPLOAD_MB"},
    415: {"description": "Upload is not PDF, PNG, JPEG, CSV or XLSX"},
    422: {"description": "Malformed request: the problems, each with its field path"},
    429: {"description": "Rate limit reached"},
}
Report_ = Annotated[Principal, Depends(require(Permission.REPORT))]
ReportRead = Annotated[Principal, Depends(require(Permission.REPORT_READ))]
OrgAdmin = Annotated[Principal, Depends(require(Permission.ORG_ADMIN))]
CasesRead = Annotated[Principal, Depends(require(Permission.CASES_READ))]
Cases = Annotated[Principal, Depends(require(Permission.CASES))]
AuditRead = Annotated[Principal, Depends(require(Permission.AUDIT))]
Admin = Annotated[Principal, Depends(require(Permission.ADMIN))]
Id = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
EmailStr = Annotated[
    str,
    Field(max_length=320, pattern=r"^[^@\s<>\x00-\x1f]+@[^@\s<>\x00-\x1f]+\.[^@\s<>\x00-\x1f]+$"),
]
#: Free text without control characters (PostgreSQL refuses NUL; nobody needs the rest).
Text = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
#: Largest JSON body accepted (a report is a few KiB; the largest valid one is below this).
MAX_JSON = 4 << 20
_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")


_WORKER_LOCK = threading.Lock()


def start_worker(app: FastAPI) -> ScreeningWorker:
    """The app's screening worker, started on first use (at start-up, or the first request)."""
    with _WORKER_LOCK:
        found: ScreeningWorker | None = getattr(app.state, "cases_worker", None)
        if found is None:
            state: AppState = app.state.weerbaar
            found = ScreeningWorker(state.db, state.screeners)
            app.state.cases_worker = found
            found.start()
        return found


def stop_worker(app: FastAPI) -> None:
    with _WORKER_LOCK:
        found: ScreeningWorker | None = getattr(app.state, "cases_worker", None)
        app.state.cases_worker = None
    if found is not None:
        found.stop()


def worker(request: Request) -> ScreeningWorker:
    return start_worker(request.app)


# -- bodies ------------------------------------------------------------------------


class Receipt(BaseModel):
    id: int
    receipt: str = Field(description="The receipt number: the report is stored.")
    case_id: int
    created: bool = Field(description="False when this repeats an earlier submission.")


class ReportSummary(BaseModel):
    id: int
    receipt: str
    kind: str
    organisation: str
    case_id: int
    parent_id: int | None
    created_at: str | None
    title: str


class ReportList(BaseModel):
    reports: list[ReportSummary]


class ReportOut(ReportSummary):
    data: dict[str, Any]
    status: str | None
    attachments: list[dict[str, Any]]
    questions: list[dict[str, Any]]
    screened: bool | None = None
    hits: list[dict[str, Any]] | None = None
    links: list[dict[str, Any]] | None = None


class AttachmentOut(BaseModel):
    id: int
    report_id: int
    filename: str
    media_type: str
    size: int
    sha256: str


class QuestionList(BaseModel):
    questions: list[dict[str, Any]]


class CaseSummary(BaseModel):
    id: int
    status: str
    assignee: str | None
    deadline: str | None
    created_at: str | None
    updated_at: str | None
    report_id: int
    receipt: str
    kind: str
    organisation: str
    title: str
    hits: int
    screened: bool


class CaseList(BaseModel):
    cases: list[CaseSummary]


class CaseOut(CaseSummary):
    reports: list[ReportOut]
    notes: list[dict[str, Any]]
    transitions: list[str]


class StatusChange(BaseModel):
    status: Literal[STATUSES]  # type: ignore[valid-type]
    note: str = Field(default="", max_length=4000, pattern=Text)


class StatusOut(BaseModel):
    id: int
    status: str


class Assignment(BaseModel):
    assignee: EmailStr | None = Field(default=None, description="E-mail; null to unassign.")
    deadline: date | None = None


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=10_000, pattern=Text)
    question: bool = Field(default=False, description="Ask the reporter (who can reply).")


class NoteOut(BaseModel):
    id: int
    case_id: int
    kind: str


class FrozenTotal(BaseModel):
    regime: str
    currency: str
    amount: str
    reports: int


class Dashboard(BaseModel):
    open_cases: int
    cases_by_status: dict[str, int]
    frozen: list[FrozenTotal]


class Verified(BaseModel):
    ok: bool
    rows: int
    problem: str | None


class OrgIn(BaseModel):
    name: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f<>]+$")


class OrgOut(BaseModel):
    id: int
    name: str
    users: int = 0
    reports: int = 0


class OrgList(BaseModel):
    organisations: list[OrgOut]


class Invitation(BaseModel):
    email: EmailStr
    role: Literal["reporter", "reporter_admin"] = "reporter"
    name: str = Field(default="", max_length=200, pattern=r"^[^\x00-\x1f<>]*$")
    language: Literal["nl", "en"] = "nl"
    organisation: str | None = Field(
        default=None,
        max_length=200,
        pattern=Text,
        description="Only for administrators: which organisation.",
    )


class Invited(BaseModel):
    email: str
    role: str
    organisation: str
    api_key: str = Field(description="The new user's API key, shown once.")


# -- reports -------------------------------------------------------------------------


@router.get("/reports/schema", responses=ERRORS)
def report_schema(who: ReportRead) -> dict[str, Any]:
    """The JSON Schema a report must follow (``examples`` holds valid reports)."""
    return json_schema()


@router.post(
    "/reports",
    status_code=201,
    response_model=Receipt,
    max_body_size=MAX_JSON,
    responses={**ERRORS, 200: {"model": Receipt, "description": "A repeated submission"}},
)
def submit_report(
    request: Request,
    who: Report_,
    report: Annotated[AnyReport, Field(examples=[EXAMPLE_FREEZE])],
    idempotency_key: Annotated[
        str | None,
        Header(
            max_length=200,
            description="Any unique text per report (a UUID); a retry with the same key "
            "never creates a second report.",
        ),
    ] = None,
) -> Response:
    """Submit a freeze, violation, update or reply report; the receipt means it is stored."""
    if idempotency_key is not None and not _KEY.match(idempotency_key):
        raise HTTPException(422, "the Idempotency-Key must be 1 to 200 printable ASCII characters")
    state = app_state(request)
    done = service.submit(state.db, who, report, idempotency_key)
    worker(request).notify()
    body = Receipt(id=done.id, receipt=done.receipt, case_id=done.case_id, created=done.created)
    return JSONResponse(
        body.model_dump(),
        status_code=201 if done.created else 200,
        headers={"Location": f"/api/v1/reports/{done.id}"},
    )


@router.get("/reports", response_model=ReportList, responses=ERRORS)
def list_reports(
    request: Request,
    who: ReportRead,
    kind: Literal["freeze", "violation", "update", "reply"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """The newest reports: the own organisation's, or every report for the office."""
    state = app_state(request)
    worker(request)
    rows = service.list_reports(state.db, who, kind=kind, limit=limit, offset=offset)
    return {"reports": rows}


@router.get("/reports/{report_id}", response_model=ReportOut, responses=ERRORS)
def get_report(request: Request, who: ReportRead, report_id: Id) -> dict[str, Any]:
    """One report; the office also sees its screening hits and linked reports."""
    return service.read_report(app_state(request).db, who, report_id)


@router.post(
    "/reports/{report_id}/attachments",
    status_code=201,
    response_model=AttachmentOut,
    responses=ERRORS,
)
async def add_attachment(
    request: Request,
    who: Report_,
    report_id: Id,
    file: Annotated[UploadFile, File(description="PDF, PNG, JPEG, CSV or XLSX.")],
) -> dict[str, Any]:
    """Attach a file to one of the organisation's reports (the same file twice: once)."""
    state = app_state(request)
    limit = state.settings.max_upload_mb << 20
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit + 65536:
        raise HTTPException(413, f"the file is larger than {state.settings.max_upload_mb} MB")
    tmp_dir = state.settings.home / "attachments" / "incoming"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
    part = Path(name)
    try:
        size = 0
        with os.fdopen(fd, "wb") as out:
            while chunk := await file.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise HTTPException(
                        413, f"the file is larger than {state.settings.max_upload_mb} MB"
                    )
                out.write(chunk)
        filename = _safe_name(file.filename or "attachment")
        return await run_in_threadpool(_attach, state, who, report_id, part, filename)
    finally:
        part.unlink(missing_ok=True)


def _safe_name(name: str) -> str:
    base = re.sub(r"[^\w.\- ]", "_", Path(name.replace("\\", "/")).name).strip(" .")
    return (base or "attachment")[:200]


def _attach(
    state: AppState, who: Principal, report_id: int, part: Path, filename: str
) -> dict[str, Any]:
    media_type = attachments.sniff(part)
    with state.db.session() as s:
        org_id = service.org_id_of(s, who.user_id)
        report = s.get(Report, report_id)
        if report is None or report.org_id != org_id:
            raise NotFoundError(f"your organisation has no report {report_id}")
    sha, size = attachments.store(state.settings, part)
    with state.db.session() as s:
        auditlog.lock(s)
        found = s.scalar(
            Attachment.__table__.select()
            .with_only_columns(Attachment.id)
            .where(Attachment.report_id == report_id, Attachment.sha256 == sha)
        )
        if found is None:
            row = Attachment(
                report_id=report_id,
                sha256=sha,
                filename=filename,
                media_type=media_type,
                size=size,
                user_id=who.user_id,
            )
            s.add(row)
            s.flush()
            found = row.id
            auditlog.append(
                s,
                who,
                "report.attach",
                report_id=report_id,
                detail={"attachment": row.id, "sha256": sha, "media_type": media_type},
            )
    return {
        "id": found,
        "report_id": report_id,
        "filename": filename,
        "media_type": media_type,
        "size": size,
        "sha256": sha,
    }


@router.get(
    "/reports/{report_id}/attachments/{attachment_id}",
    response_class=FileResponse,
    responses={
        **ERRORS,
        200: {"content": {m: {} for m in [*attachments.MEDIA.values(), "text/csv; charset=utf-8"]}},
    },
)
def get_attachment(
    request: Request, who: ReportRead, report_id: Id, attachment_id: Id
) -> FileResponse:
    """Download an attachment (as a download, never shown inline)."""
    state = app_state(request)
    service.read_report(state.db, who, report_id)  # visibility check, audited
    with state.db.session() as s:
        att = s.get(Attachment, attachment_id)
        if att is None or att.report_id != report_id:
            raise NotFoundError(f"report {report_id} has no attachment {attachment_id}")
        path, media, filename = (
            attachments.path_of(state.settings, att.sha256),
            att.media_type,
            (att.filename),
        )
    return FileResponse(
        path,
        media_type=media,
        filename=filename,
        headers={"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"},
    )


@router.get("/questions", response_model=QuestionList, responses=ERRORS)
def questions(request: Request, who: ReportRead) -> dict[str, Any]:
    """The office's unanswered questions (reply with a report of kind ``reply``)."""
    return {"questions": service.open_questions(app_state(request).db, who)}


# -- cases ---------------------------------------------------------------------------


@router.get("/cases", response_model=CaseList, responses=ERRORS)
def cases(
    request: Request,
    who: CasesRead,
    status: Literal["open", STATUSES] | None = None,  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Cases, newest first; ``status=open`` for every case not closed."""
    worker(request)
    return {"cases": service.list_cases(app_state(request).db, who, status=status, limit=limit)}


@router.get("/cases/{case_id}", response_model=CaseOut, responses=ERRORS)
def case(request: Request, who: CasesRead, case_id: Id) -> dict[str, Any]:
    return service.case_detail(app_state(request).db, who, case_id)


@router.post(
    "/cases/{case_id}/status", response_model=StatusOut, max_body_size=65536, responses=ERRORS
)
def case_status(request: Request, who: Cases, case_id: Id, body: StatusChange) -> dict[str, Any]:
    """Move the case on (forwarding to a supervisor or prosecutor needs the supervise right)."""
    new = service.set_status(app_state(request).db, who, case_id, body.status, body.note)
    return {"id": case_id, "status": new}


@router.post(
    "/cases/{case_id}/assign", response_model=CaseSummary, max_body_size=65536, responses=ERRORS
)
def case_assign(request: Request, who: Cases, case_id: Id, body: Assignment) -> dict[str, Any]:
    """Assign the case and set its deadline (analysts assign to themselves only)."""
    return service.assign(app_state(request).db, who, case_id, body.assignee, body.deadline)


@router.post("/cases/{case_id}/notes", status_code=201, response_model=NoteOut, responses=ERRORS)
def case_note(request: Request, who: Cases, case_id: Id, body: NoteIn) -> dict[str, Any]:
    note = service.add_note(app_state(request).db, who, case_id, body.text, question=body.question)
    return {"id": note, "case_id": case_id, "kind": "question" if body.question else "note"}


@router.get("/dashboard", response_model=Dashboard, responses=ERRORS)
def dashboard(request: Request, who: CasesRead) -> dict[str, Any]:
    """Open cases per status and frozen-asset totals per sanctions regime and currency."""
    return service.dashboard(app_state(request).db)


@router.get(
    "/dashboard.csv",
    response_class=Response,
    responses={**ERRORS, 200: {"content": {"text/csv": {}}}},
)
def dashboard_csv(request: Request, who: CasesRead) -> Response:
    """The frozen-asset totals as CSV (regime, currency, amount, reports)."""
    return Response(
        service.dashboard_csv(app_state(request).db),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="frozen-assets.csv"'},
    )


@router.get("/audit/verify", response_model=Verified, responses=ERRORS)
def verify_audit(request: Request, who: AuditRead) -> dict[str, Any]:
    """Recompute the hash chain of the report audit log."""
    with app_state(request).db.session() as s:
        rows, problem = auditlog.verify(s)
    return {"ok": problem is None, "rows": rows, "problem": str(problem) if problem else None}


# -- organisations -------------------------------------------------------------------


@router.get("/orgs", response_model=OrgList, responses=ERRORS)
def orgs(request: Request, who: Admin) -> dict[str, Any]:
    with app_state(request).db.session() as s:
        return {"organisations": service.list_orgs(s)}


@router.post("/orgs", status_code=201, response_model=OrgOut, responses=ERRORS)
def add_org(request: Request, who: Admin, body: OrgIn) -> dict[str, Any]:
    with app_state(request).db.session() as s:
        org = service.add_org(s, body.name)
        return {"id": org.id, "name": org.name}


@router.post("/orgs/users", status_code=201, response_model=Invited, responses=ERRORS)
def invite(request: Request, who: OrgAdmin, body: Invitation) -> dict[str, Any]:
    """Add a reporter to one's own organisation (administrators: to ``organisation``)."""
    from weerbaar.cases.models import Organisation

    with app_state(request).db.session() as s:
        if who.role in REPORTER_ROLES:
            org_id = service.org_id_of(s, who.user_id)
            org = s.get(Organisation, org_id) if org_id is not None else None
            if org is None:
                raise ConfigError(f"{who.email} belongs to no organisation")
            if body.organisation not in (None, org.name):
                raise service.Forbidden("you may only invite users to your own organisation")
        else:
            if not body.organisation:
                raise ConfigError("give the organisation the user belongs to")
            org = service.find_org(s, body.organisation)
            if org is None:
                raise NotFoundError(f"no organisation {body.organisation!r}")
        user = service.add_user(
            s, str(body.email), body.role, org=org.name, name=body.name, language=body.language
        )
        _, key = create_key(s, body.role, user=user, label=f"invited by {who.email}")
        auditlog.append(
            s, who, "org.invite", detail={"email": user.email, "role": body.role, "org": org.name}
        )
        return {"email": user.email, "role": body.role, "organisation": org.name, "api_key": key}
