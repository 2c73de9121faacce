"""Analysts' decisions on hits, and when a decision still holds.

    facts_of(record)                        -> the entity's material facts
    decide(session, who, subject, entity_id, record, verdict, reason) -> Decision
    take(session, who, subject, entity_id, record, verdict, reason, ...) -> Decision
        (decide, close the open alerts it answers, write the audit event)
    standing(session, subject, {entity_id: record}) -> {entity_id: Decision}
    decisions(session, subject=..., entity_id=...) -> [Decision], newest first

A book's customer record is the subject ``book:<book id>:<record key>``
(``monitor.alerts.subject``); any other subject is a client's own id for the
record it screened (the ``id`` of a ``/match`` query).

A "not a match" decision suppresses the alert for that customer record and
list entity while the entity has no new material fact: no name, birth date
or identifier it did not have when the decision was taken. A new alias (or
a correction of a birth date) makes the alert fire again; a fact removed
from the list does not.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from weerbaar.core.errors import ConfigError
from weerbaar.db.models import Decision
from weerbaar.matching.names import clean
from weerbaar.matching.record import Record

if TYPE_CHECKING:
    from weerbaar.accounts import Principal

VERDICTS = ("not_match", "match")


def _names(record: Record) -> list[str]:
    full = [
        " ".join(p for p in (f, last) if p)
        for f in record.first_names or [""]
        for last in record.last_names or [""]
    ]
    return [n for n in record.names + full if n.strip()]


def facts_of(record: Record) -> dict[str, list[str]]:
    """Names (normalised), birth dates and identifiers (letters and digits only)."""
    return {
        "names": sorted({clean(n).casefold() for n in _names(record)}),
        "birth_dates": sorted(set(record.birth_dates)),
        "identifiers": sorted(
            {"".join(ch for ch in i if ch.isalnum()).upper() for i in record.identifiers}
        ),
    }


def fingerprint(facts: dict[str, list[str]]) -> str:
    text = "\x1e".join("\x1f".join(facts.get(k, [])) for k in sorted(facts))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_facts(decided: dict[str, list[str]], now: dict[str, list[str]]) -> dict[str, list[str]]:
    """Facts in ``now`` that were not there when the decision was taken."""
    out = {k: sorted(set(v) - set(decided.get(k, []))) for k, v in now.items()}
    return {k: v for k, v in out.items() if v}


def decide(
    session: Session,
    who: Principal,
    subject: str,
    entity_id: str,
    record: Record,
    verdict: str,
    reason: str,
) -> Decision:
    if not subject.strip() or len(subject) > 400:
        raise ConfigError(
            "a decision needs a subject of 1 to 400 characters",
            hint="name the customer record, e.g. book:1:C-1001 or your own customer id",
        )
    if verdict not in VERDICTS:
        raise ConfigError(f"unknown verdict {verdict!r}", hint=f"use one of {', '.join(VERDICTS)}")
    if not reason.strip():
        raise ConfigError("a decision needs a reason", hint="say why, for the audit trail")
    facts = facts_of(record)
    decision = Decision(
        subject=subject,
        entity_id=entity_id,
        verdict=verdict,
        reason=reason.strip(),
        fingerprint=fingerprint(facts),
        facts=facts,
        user_id=who.user_id,
    )
    session.add(decision)
    session.flush()
    return decision


def latest(session: Session, subject: str, entity_ids: list[str]) -> dict[str, Decision]:
    """The newest decision per entity for ``subject``."""
    if not entity_ids:
        return {}
    rows = session.scalars(
        select(Decision)
        .where(Decision.subject == subject, Decision.entity_id.in_(entity_ids))
        .order_by(Decision.id)
    )
    return {d.entity_id: d for d in rows}


def standing(session: Session, subject: str, entities: dict[str, Record]) -> dict[str, Decision]:
    """The "not a match" decisions that still suppress an alert, per entity id."""
    out: dict[str, Decision] = {}
    for entity_id, decision in latest(session, subject, list(entities)).items():
        if decision.verdict != "not_match":
            continue
        if not new_facts(decision.facts, facts_of(entities[entity_id])):
            out[entity_id] = decision
    return out


def take(
    session: Session,
    who: Principal,
    subject: str,
    entity_id: str,
    record: Record,
    verdict: str,
    reason: str,
    *,
    list_versions: dict[str, str] | None = None,
) -> Decision:
    """Record a decision, mark the open alerts it answers decided, and audit it."""
    from weerbaar import audit
    from weerbaar.monitor.alerts import close_for_decision, parse_subject

    decision = decide(session, who, subject, entity_id, record, verdict, reason)
    closed = []
    book = parse_subject(subject)
    if book is not None:
        closed = close_for_decision(session, book[0], book[1], entity_id, decision.id)
    audit.record(
        session,
        who,
        "decision.create",
        subject=subject,
        detail={
            "decision": decision.id,
            "entity_id": entity_id,
            "verdict": verdict,
            "reason": decision.reason,
            "facts": decision.facts,
            "alerts": [a.id for a in closed],
        },
        list_versions=list_versions,
    )
    return decision


def decisions(
    session: Session,
    *,
    subject: str | None = None,
    entity_id: str | None = None,
    limit: int = 100,
) -> list[Decision]:
    """Decisions, newest first, optionally for one subject and/or entity."""
    query = select(Decision).order_by(Decision.id.desc()).limit(limit)
    if subject is not None:
        query = query.where(Decision.subject == subject)
    if entity_id is not None:
        query = query.where(Decision.entity_id == entity_id)
    return list(session.scalars(query))
