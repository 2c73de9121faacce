"""The reporting office's web pages (Dutch and English).

    /ui/reports                 the reports the user may see; new-report button (reporters)
    /ui/reports/new             the freeze report form (``?kind=violation``: violation form)
    /ui/reports/{id}            one report, its questions (reply form), attachments (upload)
    /ui/cases                   open cases and frozen-asset totals (the office), CSV link
    /ui/cases/{id}              a case: its reports, hits, links, notes; workflow forms

Every POST checks the session's CSRF token. A report form carries an
idempotency key made when the form was shown, so submitting it twice (a
double click, a reload after a timeout) stores one report.
"""

from __future__ import annotations

import secrets
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from weerbaar.accounts import Permission, Principal
from weerbaar.cases import service
from weerbaar.cases.models import STATUSES
from weerbaar.cases.schema import AssetType, PartyType, Relation, parse_report
from weerbaar.service.auth import app_state, require
from weerbaar.service.ui.web import UIRoute, check_csrf, render, wants_json

router = APIRouter(include_in_schema=False, route_class=UIRoute)

ReportRead = Annotated[Principal, Depends(require(Permission.REPORT_READ))]
Reporter = Annotated[Principal, Depends(require(Permission.REPORT))]
CasesRead = Annotated[Principal, Depends(require(Permission.CASES_READ))]
Cases = Annotated[Principal, Depends(require(Permission.CASES))]
Id = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
Csrf = Annotated[str, Form(alias="csrf_token", max_length=200)]

# the form's choices are the schema's (one definition)
PARTY_TYPES = get_args(PartyType)
RELATIONS = get_args(Relation)
ASSET_TYPES = get_args(AssetType)
CHOICES = {"party_types": PARTY_TYPES, "relations": RELATIONS, "asset_types": ASSET_TYPES}


def _errors(exc: ValidationError) -> list[dict[str, str]]:
    out = []
    for problem in exc.errors():
        loc = [str(x) for x in problem["loc"] if str(x) not in ("freeze", "violation")]
        out.append({"field": ".".join(loc), "message": problem["msg"]})
    return out


# -- reports --------------------------------------------------------------------------


@router.get("/ui/reports")
def reports_page(request: Request, who: ReportRead) -> Response:
    state = app_state(request)
    rows = service.list_reports(state.db, who, limit=200)
    questions = service.open_questions(state.db, who)
    data = {"reports": rows, "questions": questions}
    return render(
        request, "reports.html", data, who, context={"can_report": who.can(Permission.REPORT)}
    )


@router.get("/ui/reports/new")
def new_report_page(
    request: Request, who: Reporter, kind: Annotated[str, Query(max_length=20)] = "freeze"
) -> Response:
    kind = kind if kind in ("freeze", "violation") else "freeze"
    data = {"kind": kind, "idempotency_key": secrets.token_urlsafe(16), "values": {}, "errors": []}
    return render(request, "report_new.html", data, who, context=CHOICES)


def _freeze_body(form: dict[str, str]) -> dict[str, Any]:
    party: dict[str, Any] = {
        "name": form.get("party_name", ""),
        "type": form.get("party_type") or "other",
    }
    if form.get("party_birth_date"):
        party["birth_date"] = form["party_birth_date"]
    if form.get("party_country"):
        party["country"] = form["party_country"].upper()
    return {
        "kind": "freeze",
        "reference": form.get("reference", ""),
        "party": party,
        "relation": form.get("relation", ""),
        "asset": {
            "type": form.get("asset_type", ""),
            "identifier": form.get("asset_identifier", ""),
        },
        "amount": form.get("amount", "").replace(" ", "").replace(",", "."),
        "currency": form.get("currency", "").upper().strip(),
        "date_frozen": form.get("date_frozen", ""),
        "legal_basis": {
            "regime": form.get("regime", ""),
            "instrument": form.get("instrument", ""),
        },
        "notes": form.get("notes", ""),
    }


def _violation_body(form: dict[str, str]) -> dict[str, Any]:
    parties = [
        {"name": line.strip(), "type": "other"}
        for line in form.get("parties", "").splitlines()
        if line.strip()
    ]
    vessels = []
    for line in form.get("vessels", "").splitlines():
        name, _, imo = line.partition(";")
        if name.strip():
            vessels.append({"name": name.strip(), **({"imo": imo.strip()} if imo.strip() else {})})
    goods = [g.strip() for g in form.get("goods", "").splitlines() if g.strip()]
    return {
        "kind": "violation",
        "reference": form.get("reference", ""),
        "parties": parties,
        "description": form.get("description", ""),
        "goods": goods,
        "vessels": vessels,
    }


@router.post("/ui/reports")
async def submit_report_form(request: Request, who: Reporter) -> Response:
    form_data = await request.form()
    form = {k: v for k, v in form_data.items() if isinstance(v, str) and len(v) <= 20_000}
    check_csrf(request, form.get("csrf_token", ""))
    kind = "violation" if form.get("kind") == "violation" else "freeze"
    body = _violation_body(form) if kind == "violation" else _freeze_body(form)
    idem = form.get("idempotency_key", "")[:200] or None
    try:
        report = parse_report(body)
    except ValidationError as exc:
        errors = _errors(exc)
        if wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        data = {"kind": kind, "idempotency_key": idem, "values": form, "errors": errors}
        return render(request, "report_new.html", data, who, status_code=422, context=CHOICES)
    state = app_state(request)
    done = await run_in_threadpool(service.submit, state.db, who, report, idem)
    from weerbaar.service.api.reports import start_worker

    start_worker(request.app).notify()
    if wants_json(request):
        return JSONResponse({"id": done.id, "receipt": done.receipt}, status_code=201)
    return RedirectResponse(f"/ui/reports/{done.id}?submitted=1", status_code=303)


@router.get("/ui/reports/{report_id}")
def report_page(request: Request, who: ReportRead, report_id: Id) -> Response:
    report = service.read_report(app_state(request).db, who, report_id)
    return render(
        request,
        "report.html",
        {"report": report},
        who,
        context={"can_report": who.can(Permission.REPORT), "office": service.is_office(who)},
    )


@router.post("/ui/reports/{report_id}/reply")
def reply_form(
    request: Request,
    who: Reporter,
    report_id: Id,
    question: Annotated[int, Form(ge=1, le=2**31 - 1)],
    text: Annotated[str, Form(max_length=20_000)] = "",
    csrf: Csrf = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        report = parse_report({"kind": "reply", "question": question, "text": text})
    except ValidationError as exc:
        from weerbaar.core.errors import ConfigError

        raise ConfigError("; ".join(e["message"] for e in _errors(exc))) from None
    service.submit(app_state(request).db, who, report, f"ui-reply-{question}")
    return RedirectResponse(f"/ui/reports/{report_id}?replied=1", status_code=303)


@router.post("/ui/reports/{report_id}/attachments")
async def attach_form(
    request: Request,
    who: Reporter,
    report_id: Id,
    file: Annotated[UploadFile, File()],
    csrf: Csrf = "",
) -> Response:
    from weerbaar.service.api.reports import _attach, _safe_name

    check_csrf(request, csrf)
    state = app_state(request)
    limit = state.settings.max_upload_mb << 20
    folder = state.settings.home / "attachments" / "incoming"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as out:
        part = Path(out.name)
        size = 0
        while chunk := await file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                part.unlink(missing_ok=True)
                from weerbaar.cases.attachments import TooLarge

                raise TooLarge(
                    file.filename or "file", f"larger than {state.settings.max_upload_mb} MB"
                )
            out.write(chunk)
    try:
        await run_in_threadpool(
            _attach, state, who, report_id, part, _safe_name(file.filename or "attachment")
        )
    finally:
        part.unlink(missing_ok=True)
    return RedirectResponse(f"/ui/reports/{report_id}?attached=1", status_code=303)


# -- cases ----------------------------------------------------------------------------


@router.get("/ui/cases")
def cases_page(
    request: Request, who: CasesRead, status: Annotated[str, Query(max_length=40)] = "open"
) -> Response:
    state = app_state(request)
    chosen = status if status in ("open", "all", *STATUSES) else "open"
    rows = service.list_cases(state.db, who, status=None if chosen == "all" else chosen)
    data = {"cases": rows, "status": chosen, "dashboard": service.dashboard(state.db)}
    return render(request, "cases.html", data, who, context={"statuses": STATUSES})


@router.get("/ui/cases/{case_id}")
def case_page(request: Request, who: CasesRead, case_id: Id) -> Response:
    case = service.case_detail(app_state(request).db, who, case_id)
    return render(
        request,
        "case.html",
        {"case": case},
        who,
        context={
            "can_work": who.can(Permission.CASES),
            "can_supervise": who.can(Permission.SUPERVISE),
        },
    )


@router.post("/ui/cases/{case_id}/status")
def case_status_form(
    request: Request,
    who: Cases,
    case_id: Id,
    status: Annotated[str, Form(max_length=40)],
    note: Annotated[str, Form(max_length=4000)] = "",
    csrf: Csrf = "",
) -> Response:
    check_csrf(request, csrf)
    service.set_status(app_state(request).db, who, case_id, status, note)
    return RedirectResponse(f"/ui/cases/{case_id}?saved=1", status_code=303)


@router.post("/ui/cases/{case_id}/assign")
def case_assign_form(
    request: Request,
    who: Cases,
    case_id: Id,
    assignee: Annotated[str, Form(max_length=320)] = "",
    deadline: Annotated[str, Form(max_length=20)] = "",
    csrf: Csrf = "",
) -> Response:
    from weerbaar.core.errors import ConfigError

    check_csrf(request, csrf)
    try:
        when = date.fromisoformat(deadline) if deadline.strip() else None
    except ValueError:
        raise ConfigError(f"cannot read the date {deadline!r}", hint="YYYY-MM-DD") from None
    service.assign(app_state(request).db, who, case_id, assignee.strip() or None, when)
    return RedirectResponse(f"/ui/cases/{case_id}?saved=1", status_code=303)


@router.post("/ui/cases/{case_id}/notes")
def case_note_form(
    request: Request,
    who: Cases,
    case_id: Id,
    text: Annotated[str, Form(min_length=1, max_length=10_000)],
    question: Annotated[str, Form(max_length=5)] = "",
    csrf: Csrf = "",
) -> Response:
    check_csrf(request, csrf)
    service.add_note(app_state(request).db, who, case_id, text, question=bool(question))
    return RedirectResponse(f"/ui/cases/{case_id}?saved=1", status_code=303)
