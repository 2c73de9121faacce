"""The web pages: login, overview, search, entity, lists, alerts, language, decisions.

Each GET page also answers JSON (``Accept: application/json`` or
``?format=json``) with the data its template shows; each POST checks the
session's CSRF token. Batch screening is in ``ui.batch``.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from sqlalchemy import select

from weerbaar import audit
from weerbaar.accounts import Permission, Principal, authenticate_password
from weerbaar.core.errors import ConfigError, NotFoundError, WeerbaarError
from weerbaar.db.models import User
from weerbaar.matching import Record, compare
from weerbaar.matching.compare import Comparison
from weerbaar.matching.texts import Language, evidence_text, feature_text, how_text
from weerbaar.service.auth import app_state, current_principal, require
from weerbaar.service.state import AppState
from weerbaar.service.ui.i18n import LANGUAGES
from weerbaar.service.ui.web import (
    STATIC,
    UIRoute,
    check_csrf,
    csrf_token,
    page_language,
    render,
    safe_next,
    throttle,
    wants_json,
)

router = APIRouter(include_in_schema=False, route_class=UIRoute)

Screen = Annotated[Principal, Depends(require(Permission.SCREEN))]
Decide = Annotated[Principal, Depends(require(Permission.DECIDE))]
Monitor = Annotated[Principal, Depends(require(Permission.MONITOR))]
SCHEMAS = ("Person", "Organization", "Company", "Vessel", "LegalEntity")
#: Entities shown per kind of change on the lists page.
CHANGES_SHOWN = 15


def _optional_user(request: Request) -> Principal | None:
    try:
        return current_principal(request)
    except HTTPException:
        return None


# -- static files -------------------------------------------------------------


@router.get("/static/style.css")
def stylesheet() -> FileResponse:
    return FileResponse(
        STATIC / "style.css",
        media_type="text/css",
        headers={"Cache-Control": "public, max-age=3600"},
    )


@router.get("/static/progress.js")
def progress_script() -> FileResponse:
    return FileResponse(
        STATIC / "progress.js",
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=3600"},
    )


def _readable(comparison: Comparison, language: Language) -> dict[str, Any]:
    """A comparison for the search page: its data, with the reviewer texts in the
    page's language (the summary, each feature's and each alignment's text)."""
    data = comparison.as_dict()
    data["summary"] = comparison.describe(language)
    for a in data["aligned"]:
        a["how_text"] = how_text(a["how"], language)
    for f in data["name_features"]:
        f["text"] = feature_text(f["feature"], language)
        f["detail"] = ""  # its English description is what the text says
    for e in data["evidence"]:
        e["text"] = evidence_text(e["feature"], language)
        e["detail"] = e["doc"]  # the values compared ("1968 ~ 1968-05-02")
    return data


# -- login, logout, language ---------------------------------------------------


@router.get("/login")
def login_page(request: Request, next: Annotated[str, Query(max_length=2000)] = "/") -> Response:
    who = _optional_user(request)
    if who is not None and not wants_json(request):
        return RedirectResponse(safe_next(next), status_code=303)
    data = {
        "next": safe_next(next),
        "csrf_token": csrf_token(request),
        "logged_in": who is not None,
        "login": "POST /login with the form fields email, password and csrf_token",
    }
    return render(request, "login.html", data, who)


@router.post("/login")
def login(
    request: Request,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(alias="csrf_token", max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    check_csrf(request, csrf)
    state = app_state(request)
    email = email.strip().lower()
    client = request.client.host if request.client else "unknown"
    keys = (f"email:{email}", f"ip:{client}")
    gate = throttle(request)
    wait = gate.wait(*keys)
    target = safe_next(next)
    if wait > 0:
        return _login_failed(request, target, email, 429, "login_throttled", seconds=wait)
    with state.db.session() as s:
        who = authenticate_password(s, email, password)
    if who is None:
        gate.failed(*keys)
        with state.db.session() as s:
            audit.record(s, None, "ui.login_failed", subject=email, detail={"client": client})
        return _login_failed(request, target, email, 401, "login_failed")
    gate.succeeded(f"email:{email}")
    request.session.clear()
    request.session["user_id"] = who.user_id
    with state.db.session() as s:
        audit.record(s, who, "ui.login", detail={"client": client})
    if wants_json(request):
        return JSONResponse(
            {
                "user": {"email": who.email, "role": who.role, "language": who.language},
                "csrf_token": csrf_token(request),
            }
        )
    return RedirectResponse(target, status_code=303)


def _login_failed(
    request: Request, target: str, email: str, code: int, key: str, **values: Any
) -> Response:
    from weerbaar.service.ui.i18n import translator
    from weerbaar.service.ui.web import page_language

    message = translator(page_language(request, None))(key, **values)
    if wants_json(request):
        headers = {"Retry-After": str(values["seconds"])} if "seconds" in values else None
        return JSONResponse({"detail": message}, status_code=code, headers=headers)
    data = {"next": target, "email": email, "error": message}
    response = render(request, "login.html", data, None, status_code=code)
    if "seconds" in values:
        response.headers["Retry-After"] = str(values["seconds"])
    return response


@router.post("/logout")
def logout(
    request: Request, csrf: Annotated[str, Form(alias="csrf_token", max_length=200)] = ""
) -> Response:
    check_csrf(request, csrf)
    lang = request.session.get("lang")
    who = _optional_user(request)
    request.session.clear()
    if who is not None:
        request.session["lang"] = who.language
    elif lang:
        request.session["lang"] = lang
    if wants_json(request):
        return JSONResponse({"logged_out": True})
    return RedirectResponse("/login?bye=1", status_code=303)


@router.post("/ui/language")
def set_language(
    request: Request,
    lang: Annotated[str, Form(max_length=8)],
    csrf: Annotated[str, Form(alias="csrf_token", max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Switch the language: stored on the user (and in the session before login)."""
    check_csrf(request, csrf)
    if lang not in LANGUAGES:
        raise ConfigError(f"unknown language {lang!r}", hint=f"use one of: {', '.join(LANGUAGES)}")
    request.session["lang"] = lang
    who = _optional_user(request)
    if who is not None:
        state = app_state(request)
        with state.db.session() as s:
            user = s.get(User, who.user_id)
            if user is not None:
                user.language = lang
        request.state.principal = None
    if wants_json(request):
        return JSONResponse({"language": lang})
    return RedirectResponse(safe_next(next), status_code=303)


# -- overview -----------------------------------------------------------------


@router.get("/")
def home(request: Request) -> Response:
    found = current_principal(request)
    if found is not None and not found.can(Permission.SCREEN) and found.can(Permission.REPORT_READ):
        return RedirectResponse("/ui/reports", status_code=303)  # reporters, auditors
    who: Principal = require(Permission.SCREEN)(request)
    state = app_state(request)
    status = state.screeners.status
    data = {
        "user": {"email": who.email, "role": who.role, "language": who.language},
        "index": status,
        "lists": state.screeners.list_versions() if status == "ready" else {},
        "pages": {
            "search": "/ui/search",
            "batch": "/ui/batch",
            "lists": "/ui/lists",
            **({"alerts": "/ui/alerts"} if who.can(Permission.MONITOR) else {}),
        },
    }
    return render(request, "home.html", data, who, context={"who": who})


# -- search -------------------------------------------------------------------


def _query_record(q: str, schema: str, birth_date: str, country: str) -> Record:
    from weerbaar.core.countries import country_code
    from weerbaar.core.dates import parse_dates

    dates: list[str] = []
    if birth_date.strip():
        parsed = parse_dates(birth_date)
        if parsed.unparsed or not parsed.values:
            raise ConfigError(
                f"cannot read the date {birth_date!r}",
                hint="write it as YYYY, YYYY-MM or YYYY-MM-DD",
            )
        dates = parsed.values
    countries: list[str] = []
    if country.strip():
        code = country_code(country.strip())
        if code is None:
            raise ConfigError(f"unknown country {country!r}", hint="give an ISO code, e.g. NL")
        countries = [code]
    return Record(
        schema=schema if schema in SCHEMAS else "LegalEntity",
        names=[q.strip()],
        birth_dates=dates,
        countries=countries,
    )


@router.get("/ui/search")
def search(
    request: Request,
    who: Screen,
    q: Annotated[str, Query(max_length=500)] = "",
    schema: Annotated[str, Query(max_length=64)] = "",
    birth_date: Annotated[str, Query(max_length=100)] = "",
    country: Annotated[str, Query(max_length=100)] = "",
    customer: Annotated[str, Query(max_length=400)] = "",
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    decided: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """Hits for one name, each with its score and the explanation of the score."""
    from weerbaar.monitor.decisions import standing

    state = app_state(request)
    query = {
        "q": q,
        "schema": schema if schema in SCHEMAS else "",
        "birth_date": birth_date,
        "country": country,
        "customer": customer.strip(),
    }
    data: dict[str, Any] = {"query": query, "searched": False, "hits": [], "error": None}
    status_code = 200
    if q.strip():
        try:
            record = _query_record(q, schema, birth_date, country)
        except WeerbaarError as exc:
            data["error"] = str(exc)
            return render(
                request, "search.html", data, who, status_code=422, context={"schemas": SCHEMAS}
            )
        record.id = query["customer"] or None
        screener = state.screeners.get()
        hits = screener.match_record(record, limit=limit)
        entries = {h.entity_id: state.screeners.entry_by_id(h.entity_id) for h in hits}
        decisions = {}
        if record.id and hits:
            records = {k: e.record for k, e in entries.items() if e is not None}
            with state.db.session() as s:
                decisions = {
                    k: {
                        "id": d.id,
                        "verdict": d.verdict,
                        "reason": d.reason,
                        "user_id": d.user_id,
                        "created_at": d.created_at.isoformat(),
                    }
                    for k, d in standing(s, record.id, records).items()
                }
        rows = []
        lang: Language = "nl" if page_language(request, who) == "nl" else "en"
        for h in hits:
            entry = entries.get(h.entity_id)
            comparison = (
                _readable(compare(record, entry.record), lang) if entry is not None else None
            )
            rows.append(
                {
                    **h.as_dict(),
                    "match": h.match and h.entity_id not in decisions,
                    "decision": decisions.get(h.entity_id),
                    "comparison": comparison,
                    "url": f"/ui/entities/{quote(h.entity_id, safe='')}",
                }
            )
        data.update(searched=True, hits=rows, list_versions=state.screeners.list_versions())
        data["record"] = {
            "schema": record.schema,
            "names": record.names,
            "birth_dates": record.birth_dates,
            "countries": record.countries,
        }
        with state.db.session() as s:
            audit.record(
                s,
                who,
                "ui.search",
                subject=q[:400],
                detail={
                    "query": data["record"],
                    "customer": record.id,
                    "results": [
                        {"entity_id": r["entity_id"], "score": r["score"], "match": r["match"]}
                        for r in rows
                    ],
                },
                list_versions=state.screeners.list_versions(),
            )
    context = {"schemas": SCHEMAS, "decided": decided}
    return render(request, "search.html", data, who, status_code=status_code, context=context)


@router.post("/ui/decisions")
def record_decision(
    request: Request,
    who: Decide,
    entity_id: Annotated[str, Form(max_length=200)],
    subject: Annotated[str, Form(max_length=400)] = "",
    reason: Annotated[str, Form(max_length=4000)] = "",
    csrf: Annotated[str, Form(alias="csrf_token", max_length=200)] = "",
    back: Annotated[str, Form(max_length=2000)] = "/ui/search",
) -> Response:
    """An analyst's "not a match" for a customer reference and a list entity."""
    from weerbaar.monitor.decisions import take

    check_csrf(request, csrf)
    state = app_state(request)
    if not subject.strip():
        raise ConfigError(
            "a decision needs the customer reference it is about",
            hint="fill in the customer reference and search again",
        )
    entry = state.screeners.entry_by_id(entity_id)
    if entry is None:
        raise NotFoundError(f"no list entity {entity_id!r} in the screening index")
    with state.db.session() as s:
        decision = take(
            s,
            who,
            subject.strip(),
            entity_id,
            entry.record,
            "not_match",
            reason,
            list_versions=state.screeners.list_versions(),
        )
        out = {
            "id": decision.id,
            "subject": decision.subject,
            "entity_id": entity_id,
            "verdict": decision.verdict,
            "reason": decision.reason,
        }
    if wants_json(request):
        return JSONResponse({"decision": out}, status_code=201)
    target = safe_next(back, "/ui/search")
    sep = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{sep}decided={entity_id}", status_code=303)


# -- entity -------------------------------------------------------------------


@router.get("/ui/entities/{entity_id}")
def entity(
    request: Request, who: Screen, entity_id: Annotated[str, Path(max_length=200)]
) -> Response:
    """Properties, sanctions, provenance per list version and linked entities."""
    from weerbaar.store.views import entity_report

    state = app_state(request)
    with state.store() as store:
        report = entity_report(store, entity_id)
        titles = _titles()
    sanctions: dict[str, dict[str, Any]] = {}
    related: dict[str, dict[str, Any]] = {}
    for st in report["related"]:
        if not st["current"]:
            continue
        group = sanctions if st["schema"] == "Sanction" else related
        item = group.setdefault(
            st["entity_id"],
            {
                "id": st["entity_id"],
                "schema": st["schema"],
                "source": st["source"],
                "properties": {},
            },
        )
        values = item["properties"].setdefault(st["prop"], [])
        if st["value"] not in values and st["prop"] not in ("entity", "holder"):
            values.append(st["value"])
    provenance: dict[tuple[str, str], dict[str, Any]] = {}
    for st in report["statements"]:
        row = provenance.setdefault(
            (st["prop"], st["value"]), {"prop": st["prop"], "value": st["value"], "seen": []}
        )
        row["seen"].append(
            {
                "source": st["source"],
                "entity_id": st["entity_id"],
                "first_seen": st["first_seen"],
                "last_seen": st["last_seen"],
                "current": st["current"],
            }
        )
    data = {
        "id": report["id"],
        "caption": report["caption"],
        "schema": report["schema"],
        "properties": report["properties"],
        "sanctions": list(sanctions.values()),
        "provenance": sorted(provenance.values(), key=lambda r: (r["prop"], r["value"])),
        "members": report["members"],
        "links": report["links"],
        "related": list(related.values()),
    }
    with state.db.session() as s:
        audit.record(
            s, who, "ui.entity", subject=report["id"], list_versions=state.screeners.list_versions()
        )
    return render(request, "entity.html", data, who, context={"titles": titles})


def _titles() -> dict[str, str]:
    from weerbaar.sources.registry import load_registry

    registry = load_registry()
    return {k: v.title for k, v in registry.sources.items()}


# -- lists --------------------------------------------------------------------

_CHANGES: dict[tuple[str, str, int, int], dict[str, Any]] = {}
_CHANGES_LOCK = threading.Lock()


def _changes(state: AppState, store: Any, source: str, seq: int) -> dict[str, Any]:
    """What changed in ``source`` from its previous version to ``seq`` (cached)."""
    from weerbaar.store.changes import diff

    key = (str(state.settings.store_path), source, seq - 1, seq)
    with _CHANGES_LOCK:
        found = _CHANGES.get(key)
    if found is not None:
        return found
    new = store.version(source, seq)
    old = store.version(source, seq - 1) if seq > 1 else None
    full = diff(store, source, old, new).to_dict()
    out: dict[str, Any] = {"from": full["from"], "to": full["to"], "summary": full["summary"]}
    for kind in ("added", "removed", "changed"):
        out[kind] = [
            {
                "id": c["id"],
                "schema": c["schema"],
                "caption": c["caption"],
                "properties": sorted(c["properties"]),
            }
            for c in full[kind][:CHANGES_SHOWN]
        ]
    with _CHANGES_LOCK:
        if len(_CHANGES) > 500:
            _CHANGES.clear()
        _CHANGES[key] = out
    return out


@router.get("/ui/lists")
def lists(request: Request, who: Screen) -> Response:
    """Every list's newest version (date, counts) and what changed since the one before."""
    state = app_state(request)
    titles = _titles()
    out = []
    if state.settings.store_path.exists():
        with state.store() as store:
            stored: dict[str, int] = {}
            for v in store.versions():
                stored[v.source] = stored.get(v.source, 0) + 1
            for v in store.latest_versions():
                out.append(
                    {
                        "source": v.source,
                        "title": titles.get(v.source, v.source),
                        "list_date": v.list_date,
                        "version": v.seq,
                        "imported_at": v.imported_at,
                        "format": v.format,
                        "counts": v.counts,
                        "total": sum(v.counts.values()),
                        "versions_stored": stored.get(v.source, 0),
                        "changes": _changes(state, store, v.source, v.seq),
                    }
                )
    data = {"lists": out, "index": state.screeners.status}
    return render(request, "lists.html", data, who, context={"shown": CHANGES_SHOWN})


# -- alerts -------------------------------------------------------------------


@router.get("/ui/alerts")
def alerts(request: Request, who: Monitor) -> Response:
    """Open alerts from re-screening the customer books, with the decision form."""
    from weerbaar.db.models import Book
    from weerbaar.monitor.alerts import alerts as open_alerts
    from weerbaar.monitor.alerts import subject

    state = app_state(request)
    with state.db.session() as s:
        books = {b.id: b.name for b in s.scalars(select(Book))}
        rows = [
            {
                "id": a.id,
                "book_id": a.book_id,
                "book": books.get(a.book_id, str(a.book_id)),
                "record_key": a.record_key,
                "subject": subject(a.book_id, a.record_key),
                "entity_id": a.entity_id,
                "score": a.score,
                "explanation": a.explanation,
                "change": a.change,
                "created_at": a.created_at.isoformat(timespec="seconds"),
                "url": f"/ui/entities/{quote(a.entity_id, safe='')}",
            }
            for a in open_alerts(s, status="open", limit=500)
        ]
    return render(request, "alerts.html", {"alerts": rows}, who)
