"""The reporting office as a library: organisations, reports, cases, dashboard.

    add_org(s, name)                          -> Organisation
    add_user(s, email, role, org=NAME)        -> User (reporters belong to one organisation)
    submit(db, who, report, idempotency_key)  -> Submitted (committed before it returns)
    read_report(db, who, id)                  -> dict   (audited)
    list_reports(db, who)                     -> list   (audited)
    screen_pending(db, screener)              -> reports screened (hits, keys, links)
    case_detail / set_status / assign / add_note  (the office's workflow, audited)
    dashboard(db) / dashboard_csv(db)

Every function that reads or writes a report appends to the hash-chained
audit log (``cases.auditlog``) in the same transaction, after taking the
chain lock as the transaction's first statement. Reporters (roles
``reporter``, ``reporter_admin``) see only their own organisation's reports;
a report of another organisation is "not found" to them, never "forbidden",
so ids do not reveal which reports exist.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import secrets
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from weerbaar.accounts import Permission, Principal, create_user
from weerbaar.accounts.roles import REPORTER_ROLES
from weerbaar.cases import auditlog
from weerbaar.cases.models import (
    OPEN_STATUSES,
    STATUSES,
    Attachment,
    Case,
    CaseNote,
    Membership,
    Organisation,
    Report,
    ReportKey,
    ReportLink,
)
from weerbaar.cases.schema import (
    FreezeReport,
    ReplyReport,
    UpdateReport,
    ViolationReport,
)
from weerbaar.core.errors import ConfigError, NotFoundError, WeerbaarError
from weerbaar.db.models import User, utcnow

if TYPE_CHECKING:
    from weerbaar.db import Database
    from weerbaar.matching import Record
    from weerbaar.screening import Screener

AnyReport = FreezeReport | ViolationReport | UpdateReport | ReplyReport

#: Allowed status changes; forwarding needs the SUPERVISE permission.
TRANSITIONS: dict[str, frozenset[str]] = {
    "received": frozenset({"triage", "investigation", "closed"}),
    "triage": frozenset(
        {"investigation", "forwarded_supervisor", "forwarded_prosecutor", "closed"}
    ),
    "investigation": frozenset(
        {"triage", "forwarded_supervisor", "forwarded_prosecutor", "closed"}
    ),
    "forwarded_supervisor": frozenset({"investigation", "closed"}),
    "forwarded_prosecutor": frozenset({"investigation", "closed"}),
    "closed": frozenset({"investigation"}),
}
FORWARDS = frozenset({"forwarded_supervisor", "forwarded_prosecutor"})


class Conflict(WeerbaarError):
    """The request contradicts what is stored (HTTP 409)."""

    http_status = 409


class Forbidden(WeerbaarError):
    """The caller's role may not do this (HTTP 403)."""

    http_status = 403


# -- organisations and users ---------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str, what: str) -> str:
    if _CONTROL.search(text):
        raise ConfigError(f"the {what} contains control characters", hint="remove them")
    return text


def find_org(session: Session, name: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.name == name.strip()))


def add_org(session: Session, name: str) -> Organisation:
    name = _clean(name, "name").strip()
    if not name or len(name) > 200:
        raise ConfigError("an organisation needs a name of 1 to 200 characters")
    if find_org(session, name) is not None:
        raise ConfigError(f"an organisation {name!r} already exists")
    org = Organisation(name=name)
    session.add(org)
    session.flush()
    return org


def org_id_of(session: Session, user_id: int) -> int | None:
    return session.scalar(select(Membership.org_id).where(Membership.user_id == user_id))


def add_user(
    session: Session,
    email: str,
    role: str,
    *,
    org: str | None = None,
    name: str = "",
    language: str = "nl",
    password: str | None = None,
) -> User:
    """A user; reporters (and only they) belong to the organisation ``org``."""
    found: Organisation | None = None
    _clean(email + name + (org or ""), "e-mail, name or organisation")
    if role in REPORTER_ROLES:
        if not org:
            raise ConfigError(f"a {role} belongs to an organisation", hint="give --org NAME")
        found = find_org(session, org)
        if found is None:
            raise NotFoundError(f"no organisation {org!r}", hint="add it: weerbaar cases org-add")
    elif org:
        raise ConfigError(f"a {role} works at the office and belongs to no organisation")
    user = create_user(session, email, role, name=name, language=language, password=password)
    if found is not None:
        session.add(Membership(user_id=user.id, org_id=found.id))
        session.flush()
    return user


def _pairs(session: Session, query: Any) -> dict[Any, Any]:
    return {k: v for k, v in session.execute(query)}


def list_orgs(session: Session) -> list[dict[str, Any]]:
    counts = _pairs(session, select(Membership.org_id, func.count()).group_by(Membership.org_id))
    reports = _pairs(session, select(Report.org_id, func.count()).group_by(Report.org_id))
    return [
        {"id": o.id, "name": o.name, "users": counts.get(o.id, 0), "reports": reports.get(o.id, 0)}
        for o in session.scalars(select(Organisation).order_by(Organisation.name))
    ]


def is_office(who: Principal) -> bool:
    return who.can(Permission.CASES_READ)


# -- submitting -----------------------------------------------------------------


@dataclass(frozen=True)
class Submitted:
    id: int
    receipt: str
    case_id: int
    created: bool  # False: an earlier submission with the same idempotency key


def body_hash(report: AnyReport) -> str:
    return hashlib.sha256(
        auditlog.canonical(report.model_dump(mode="json")).encode("utf-8")
    ).hexdigest()


def _receipt(now: datetime) -> str:
    return f"MK-{now:%Y%m%d}-{secrets.token_hex(5).upper()}"


def _own_report(session: Session, org_id: int, ref: int | str) -> Report:
    query = select(Report).where(Report.org_id == org_id)
    if isinstance(ref, int):
        query = query.where(Report.id == ref)
    else:
        query = query.where(Report.receipt == ref.strip().upper())
    found = session.scalar(query)
    if found is None:
        raise NotFoundError(f"your organisation has no report {ref}")
    return found


def submit(
    db: Database, who: Principal, report: AnyReport, idempotency_key: str | None = None
) -> Submitted:
    """Store a report (and open its case); returns once it is committed.

    A second call with the same ``idempotency_key`` (per organisation) returns
    the first report if the body is the same and raises ``Conflict`` if not.
    """
    digest = body_hash(report)
    for attempt in range(3):
        try:
            return _submit_once(db, who, report, idempotency_key, digest)
        except IntegrityError:  # the same key committed meanwhile: answer with that report
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _submit_once(
    db: Database, who: Principal, report: AnyReport, idempotency_key: str | None, digest: str
) -> Submitted:
    with db.session() as s:
        auditlog.begin(s)
        org_id = org_id_of(s, who.user_id)
        if org_id is None:
            raise ConfigError(
                f"{who.email} belongs to no reporting organisation",
                hint="reports are made by users of an organisation (weerbaar cases user-add)",
            )
        if idempotency_key is not None:
            earlier = s.scalar(
                select(Report).where(
                    Report.org_id == org_id, Report.idempotency_key == idempotency_key
                )
            )
            if earlier is not None:
                if earlier.body_hash != digest:
                    raise Conflict(
                        f"the Idempotency-Key {idempotency_key!r} was used for a different report",
                        hint="use a new key for a new report",
                    )
                auditlog.append(
                    s,
                    who,
                    "report.resubmit",
                    report_id=earlier.id,
                    detail={"key": idempotency_key, "receipt": earlier.receipt},
                )
                return Submitted(earlier.id, earlier.receipt, earlier.case_id, False)
        now = utcnow()
        row = Report(
            org_id=org_id,
            user_id=who.user_id,
            kind=report.kind,
            idempotency_key=idempotency_key,
            body_hash=digest,
            data=report.model_dump(mode="json"),
            receipt=_receipt(now),
            created_at=now,
        )
        question: CaseNote | None = None
        if isinstance(report, UpdateReport):
            parent = _own_report(s, org_id, report.report)
            row.parent_id, row.case_id = parent.id, parent.case_id
            if report.freeze is not None:
                row.amount = str(report.freeze.amount)
                row.currency = report.freeze.currency
                row.regime = _case_regime(s, parent.case_id)
        elif isinstance(report, ReplyReport):
            question = s.get(CaseNote, report.question, with_for_update=True)
            first = _first_report(s, question.case_id) if question is not None else None
            if (
                question is None
                or question.kind != "question"
                or first is None
                or (first.org_id != org_id)
            ):
                raise NotFoundError(f"your organisation was asked no question {report.question}")
            if question.reply_id is not None:
                raise Conflict(f"question {report.question} has already been answered")
            row.parent_id, row.case_id = first.id, question.case_id
        else:
            case = Case(created_at=now, updated_at=now)
            s.add(case)
            s.flush()
            row.case_id = case.id
            if isinstance(report, FreezeReport):
                row.amount = str(report.amount)
                row.currency = report.currency
                row.regime = report.legal_basis.regime
        s.add(row)
        s.flush()
        if question is not None:
            question.reply_id = row.id
        auditlog.append(
            s,
            who,
            "report.submit",
            report_id=row.id,
            detail={
                "receipt": row.receipt,
                "kind": row.kind,
                "key": idempotency_key,
                "body_sha256": digest,
                "case": row.case_id,
            },
        )
        return Submitted(row.id, row.receipt, row.case_id, True)


def _first_report(session: Session, case_id: int) -> Report | None:
    return session.scalar(select(Report).where(Report.case_id == case_id).order_by(Report.id))


def _case_regime(session: Session, case_id: int) -> str | None:
    return session.scalar(
        select(Report.regime)
        .where(Report.case_id == case_id, Report.regime.is_not(None))
        .order_by(Report.id)
    )


# -- reading --------------------------------------------------------------------


def _visible(session: Session, who: Principal, report: Report | None) -> Report:
    if report is not None and (is_office(who) or org_id_of(session, who.user_id) == report.org_id):
        return report
    raise NotFoundError("no such report (or not one of your organisation's)")


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _summary(report: Report, org: str) -> dict[str, Any]:
    return {
        "id": report.id,
        "receipt": report.receipt,
        "kind": report.kind,
        "organisation": org,
        "case_id": report.case_id,
        "parent_id": report.parent_id,
        "created_at": _iso(report.created_at),
        "title": report_title(report.data),
    }


def report_title(data: dict[str, Any]) -> str:
    kind = data.get("kind")
    if kind == "freeze":
        party = data.get("party", {}).get("name", "")
        return f"{party}: {data.get('amount')} {data.get('currency')}"
    if kind == "violation":
        return ", ".join(p.get("name", "") for p in data.get("parties", []))[:200]
    if kind == "update":
        return f"update of {data.get('report')}"
    return f"reply to question {data.get('question')}"


def _report_dict(session: Session, who: Principal, report: Report) -> dict[str, Any]:
    org = session.get(Organisation, report.org_id)
    case = session.get(Case, report.case_id)
    out = _summary(report, org.name if org else "")
    out["data"] = report.data
    out["status"] = case.status if case else None
    out["attachments"] = [
        {
            "id": a.id,
            "filename": a.filename,
            "media_type": a.media_type,
            "size": a.size,
            "sha256": a.sha256,
        }
        for a in session.scalars(
            select(Attachment).where(Attachment.report_id == report.id).order_by(Attachment.id)
        )
    ]
    out["questions"] = [
        {"id": n.id, "text": n.text, "asked_at": _iso(n.created_at), "reply_id": n.reply_id}
        for n in session.scalars(
            select(CaseNote)
            .where(CaseNote.case_id == report.case_id, CaseNote.kind == "question")
            .order_by(CaseNote.id)
        )
    ]
    if is_office(who):
        out["screened"] = report.screened
        out["hits"] = report.hits
        out["links"] = _links(session, report.id)
    return out


def _links(session: Session, report_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(ReportLink).where(
            or_(ReportLink.report_id == report_id, ReportLink.other_id == report_id)
        )
    )
    seen: dict[int, list[str]] = defaultdict(list)
    for link in rows:
        other = link.other_id if link.report_id == report_id else link.report_id
        if link.key not in seen[other]:
            seen[other].append(link.key)
    out = []
    for other_id, keys in sorted(seen.items()):
        found = session.get(Report, other_id)
        if found is not None:
            out.append(
                {
                    "report_id": other_id,
                    "receipt": found.receipt,
                    "case_id": found.case_id,
                    "keys": keys,
                }
            )
    return out


def read_report(db: Database, who: Principal, report_id: int) -> dict[str, Any]:
    """The report as its reader may see it; the read is audited (also when refused)."""
    with db.session() as s:
        auditlog.begin(s)
        report = s.get(Report, report_id)
        try:
            report = _visible(s, who, report)
        except NotFoundError:
            auditlog.append(s, who, "report.read_refused", report_id=report_id)
            refused = True
        else:
            auditlog.append(s, who, "report.read", report_id=report.id)
            return _report_dict(s, who, report)
    if refused:
        raise NotFoundError(f"no report {report_id} (or not one of your organisation's)")
    raise AssertionError("unreachable")


def list_reports(
    db: Database, who: Principal, *, kind: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """The newest reports the caller may see (their summaries); audited."""
    with db.session() as s:
        auditlog.begin(s)
        query = (
            select(Report, Organisation.name)
            .join(Organisation, Organisation.id == Report.org_id)
            .order_by(Report.id.desc())
            .limit(limit)
            .offset(offset)
        )
        if not is_office(who):
            query = query.where(Report.org_id == (org_id_of(s, who.user_id) or -1))
        if kind:
            query = query.where(Report.kind == kind)
        rows = [_summary(r, org) for r, org in s.execute(query)]
        auditlog.append(
            s, who, "report.list", detail={"ids": [r["id"] for r in rows], "kind": kind}
        )
        return rows


def open_questions(db: Database, who: Principal) -> list[dict[str, Any]]:
    """Unanswered questions to the caller's organisation (all of them for the office)."""
    with db.session() as s:
        query = (
            select(CaseNote)
            .where(CaseNote.kind == "question", CaseNote.reply_id.is_(None))
            .order_by(CaseNote.id)
        )
        out = []
        org_id = None if is_office(who) else org_id_of(s, who.user_id)
        for note in s.scalars(query):
            first = _first_report(s, note.case_id)
            if first is None or (not is_office(who) and first.org_id != org_id):
                continue
            out.append(
                {
                    "id": note.id,
                    "text": note.text,
                    "asked_at": _iso(note.created_at),
                    "report_id": first.id,
                    "receipt": first.receipt,
                }
            )
        return out


# -- screening and links --------------------------------------------------------


_SCHEMA = {
    "person": "Person",
    "company": "Company",
    "organization": "Organization",
    "vessel": "Vessel",
    "other": "LegalEntity",
}


def _party_record(party: dict[str, Any]) -> Record:
    from weerbaar.matching import Record

    return Record(
        schema=_SCHEMA.get(party.get("type") or "other", "LegalEntity"),
        names=[party["name"]],
        birth_dates=[party["birth_date"]] if party.get("birth_date") else [],
        countries=[party["country"].lower()] if party.get("country") else [],
        identifiers=list(party.get("identifiers") or []),
    )


def records_of(data: dict[str, Any]) -> list[tuple[str, Record]]:
    """What a report is about, as matcher records: (label, record)."""
    from weerbaar.matching import Record

    out: list[tuple[str, Record]] = []
    if data.get("kind") == "freeze":
        out.append((data["party"]["name"], _party_record(data["party"])))
    elif data.get("kind") == "violation":
        out += [(p["name"], _party_record(p)) for p in data.get("parties", [])]
        for v in data.get("vessels", []):
            ids = [v["imo"]] if v.get("imo") else []
            out.append((v["name"], Record(schema="Vessel", names=[v["name"]], identifiers=ids)))
    return out


def normal(text: str) -> str:
    """Lower case, no accents, no punctuation, words sorted: 'Sidorov, Ivan' = 'ivan sidorov'."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+", plain)))[:280]


def keys_of(data: dict[str, Any], hits: list[dict[str, Any]]) -> set[str]:
    """Keys that link reports about the same party or asset."""
    keys: set[str] = set()
    parties = [data["party"]] if data.get("kind") == "freeze" else data.get("parties", [])
    for p in parties:
        if normal(p.get("name", "")):
            keys.add("name:" + normal(p["name"]))
        if p.get("list_entity_id"):
            keys.add("entity:" + p["list_entity_id"])
    if data.get("kind") == "freeze":
        ident = re.sub(r"[^0-9a-z]", "", data["asset"]["identifier"].casefold())
        if ident:
            keys.add(f"asset:{data['asset']['type']}:{ident}"[:300])
    for v in data.get("vessels", []):
        if v.get("imo"):
            keys.add("imo:" + re.sub(r"\D", "", v["imo"]))
    keys |= {"entity:" + h["entity_id"] for h in hits if h.get("match")}
    return {k[:300] for k in keys}


def screen_report(screener: Screener, data: dict[str, Any]) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = []
    for label, record in records_of(data):
        for hit in screener.match_record(record, limit=5):
            hits.append({"query": label, **hit.as_dict()})
    return hits


def screen_pending(db: Database, screener: Screener, *, limit: int = 200) -> int:
    """Screen up to ``limit`` unscreened reports: attach hits, keys and links; the count."""
    with db.session() as s:
        pending = list(
            s.execute(
                select(Report.id, Report.data)
                .where(Report.screened.is_(False))
                .order_by(Report.id)
                .limit(limit)
            )
        )
    done = 0
    for report_id, data in pending:
        hits = screen_report(screener, data)
        with db.session() as s:
            auditlog.lock(s)
            report = s.get(Report, report_id)
            if report is None or report.screened:
                continue
            report.hits, report.screened = hits, True
            keys = keys_of(report.data, hits) if report.kind in ("freeze", "violation") else set()
            linked = _link(s, report, keys)
            auditlog.append(
                s,
                None,
                "report.screen",
                report_id=report_id,
                actor="screening",
                detail={
                    "hits": [[h["entity_id"], round(h["score"], 3)] for h in hits],
                    "links": linked,
                },
            )
        done += 1
    return done


def _link(session: Session, report: Report, keys: set[str]) -> list[int]:
    linked: set[int] = set()
    for key in sorted(keys):
        session.add(ReportKey(report_id=report.id, key=key))
        others = session.execute(
            select(Report.id)
            .join(ReportKey, ReportKey.report_id == Report.id)
            .where(ReportKey.key == key, Report.org_id != report.org_id, Report.id != report.id)
        ).scalars()
        for other in others:
            session.add(ReportLink(report_id=report.id, other_id=other, key=key))
            linked.add(other)
    session.flush()
    return sorted(linked)


# -- cases ----------------------------------------------------------------------


def _case(session: Session, case_id: int) -> tuple[Case, Report]:
    case = session.get(Case, case_id)
    first = _first_report(session, case_id) if case is not None else None
    if case is None or first is None:
        raise NotFoundError(f"no case {case_id}")
    return case, first


def _user_email(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return user.email if user else None


def case_summary(session: Session, case: Case, first: Report) -> dict[str, Any]:
    org = session.get(Organisation, first.org_id)
    return {
        "id": case.id,
        "status": case.status,
        "assignee": _user_email(session, case.assignee_id),
        "deadline": _iso(case.deadline),
        "created_at": _iso(case.created_at),
        "updated_at": _iso(case.updated_at),
        "report_id": first.id,
        "receipt": first.receipt,
        "kind": first.kind,
        "organisation": org.name if org else "",
        "title": report_title(first.data),
        "hits": sum(1 for h in first.hits if h.get("match")),
        "screened": first.screened,
    }


def list_cases(
    db: Database, who: Principal, *, status: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Cases newest first; ``status``: one status, or "open" for every open one."""
    with db.session() as s:
        query = select(Case).order_by(Case.id.desc()).limit(limit)
        if status == "open":
            query = query.where(Case.status.in_(OPEN_STATUSES))
        elif status:
            query = query.where(Case.status == status)
        out = []
        for case in s.scalars(query):
            first = _first_report(s, case.id)
            if first is not None:
                out.append(case_summary(s, case, first))
        return out


def case_detail(db: Database, who: Principal, case_id: int) -> dict[str, Any]:
    """A case with its reports (in full), notes, questions and links; audited."""
    with db.session() as s:
        auditlog.begin(s)
        case, first = _case(s, case_id)
        reports = list(
            s.scalars(select(Report).where(Report.case_id == case_id).order_by(Report.id))
        )
        out = case_summary(s, case, first)
        out["reports"] = [_report_dict(s, who, r) for r in reports]
        out["notes"] = [
            {
                "id": n.id,
                "kind": n.kind,
                "text": n.text,
                "by": _user_email(s, n.user_id),
                "at": _iso(n.created_at),
                "reply_id": n.reply_id,
            }
            for n in s.scalars(
                select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.id)
            )
        ]
        out["transitions"] = sorted(TRANSITIONS[case.status])
        for r in reports:
            auditlog.append(s, who, "report.read", report_id=r.id, detail={"case": case_id})
        return out


def _note(session: Session, who: Principal, case: Case, kind: str, text: str) -> CaseNote:
    note = CaseNote(case_id=case.id, user_id=who.user_id, kind=kind, text=text)
    session.add(note)
    case.updated_at = utcnow()
    session.flush()
    return note


def set_status(db: Database, who: Principal, case_id: int, status: str, note: str = "") -> str:
    _clean(note, "note")
    if status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}", hint=f"use one of: {', '.join(STATUSES)}")
    with db.session() as s:
        auditlog.lock(s)
        case, first = _case(s, case_id)
        if status not in TRANSITIONS[case.status]:
            raise Conflict(
                f"a case in {case.status} cannot go to {status}",
                hint=f"possible: {', '.join(sorted(TRANSITIONS[case.status]))}",
            )
        if status in FORWARDS and not who.can(Permission.SUPERVISE):
            raise Forbidden(f"the role {who.role!r} may not forward cases (a supervisor may)")
        old, case.status = case.status, status
        case.closed_at = utcnow() if status == "closed" else None
        _note(s, who, case, "status", f"{old} -> {status}" + (f": {note}" if note else ""))
        auditlog.append(
            s,
            who,
            "case.status",
            report_id=first.id,
            detail={"case": case_id, "from": old, "to": status, "note": note},
        )
        return status


def assign(
    db: Database, who: Principal, case_id: int, assignee: str | None, deadline: date | None
) -> dict[str, Any]:
    """Assign the case (analysts: to themselves; supervisors: to anyone) and set its deadline."""
    _clean(assignee or "", "assignee")
    with db.session() as s:
        auditlog.lock(s)
        case, first = _case(s, case_id)
        user_id: int | None = None
        if assignee:
            user = s.scalar(select(User).where(User.email == assignee.strip().lower()))
            if user is None or not user.active:
                raise NotFoundError(f"no user {assignee}")
            if not Principal(user.id, user.email, user.role, user.language).can(Permission.CASES):
                raise ConfigError(f"{user.email} ({user.role}) cannot work on cases")
            user_id = user.id
        if user_id not in (None, who.user_id) and not who.can(Permission.SUPERVISE):
            raise Forbidden(f"the role {who.role!r} may only assign cases to itself")
        case.assignee_id, case.deadline = user_id, deadline
        _note(s, who, case, "assign", f"{assignee or '-'}; deadline {_iso(deadline) or '-'}")
        auditlog.append(
            s,
            who,
            "case.assign",
            report_id=first.id,
            detail={"case": case_id, "assignee": assignee, "deadline": _iso(deadline)},
        )
        return case_summary(s, case, first)


def add_note(db: Database, who: Principal, case_id: int, text: str, *, question: bool) -> int:
    """A note for the office, or (``question``) a question the reporter sees and answers."""
    _clean(text, "text")
    with db.session() as s:
        auditlog.lock(s)
        case, first = _case(s, case_id)
        note = _note(s, who, case, "question" if question else "note", text)
        auditlog.append(
            s,
            who,
            "case.question" if question else "case.note",
            report_id=first.id,
            detail={
                "case": case_id,
                "note": note.id,
                "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            },
        )
        return note.id


# -- dashboard ------------------------------------------------------------------


def dashboard(db: Database) -> dict[str, Any]:
    """Open cases per status, and frozen-asset totals per regime and currency.

    For each case the newest figure counts: the freeze report's amount, or the
    amount of its newest update that corrected it.
    """
    with db.session() as s:
        by_status = _pairs(s, select(Case.status, func.count()).group_by(Case.status))
        latest: dict[int, tuple[str, str, str | None]] = {}
        rows = s.execute(
            select(Report.case_id, Report.amount, Report.currency, Report.regime)
            .where(Report.amount.is_not(None))
            .order_by(Report.id)
        )
        regimes: dict[int, str | None] = {}
        for case_id, amount, currency, regime in rows:
            regimes.setdefault(case_id, regime)
            latest[case_id] = (str(amount), str(currency), regimes[case_id])
    totals: dict[tuple[str, str], list[Any]] = {}
    for amount, currency, regime in latest.values():
        entry = totals.setdefault((regime or "", currency), [Decimal(0), 0])
        entry[0] += Decimal(amount)
        entry[1] += 1
    return {
        "open_cases": sum(by_status.get(st, 0) for st in OPEN_STATUSES),
        "cases_by_status": {st: by_status.get(st, 0) for st in STATUSES},
        "frozen": [
            {"regime": regime, "currency": currency, "amount": str(v[0]), "reports": v[1]}
            for (regime, currency), v in sorted(totals.items())
        ],
    }


def dashboard_csv(db: Database) -> str:
    data = dashboard(db)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["regime", "currency", "amount", "reports"])
    for row in data["frozen"]:
        writer.writerow([_cell(row["regime"]), row["currency"], row["amount"], row["reports"]])
    return out.getvalue()


def _cell(value: str) -> str:
    """No spreadsheet formulas from report text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
