"""Alerts on customer records, and when a new one is raised.

    subject(book_id, key)                  -> "book:<book id>:<record key>"
    propose(session, proposal, run_id)     -> ("created" | "suppressed" | "unchanged", Alert | None)
    withdraw(session, entity_ids)          -> open alerts closed because the entity left the lists
    alerts(session, book_id=..., status=...)

A match found by screening becomes an alert unless

- an analyst's "not a match" decision on the same customer record and list
  entity still stands (the entity has no name, birth date or identifier it
  did not have then: ``decisions.standing``), or
- an open alert for the same pair already exists and the entity has no new
  material fact since (``change["facts"]`` keeps the facts it was raised on).

When the entity does have new facts, the older open alert is marked
``superseded`` and the new one says what changed. Statuses: ``open``,
``decided`` (an analyst decided; ``decision_id``), ``withdrawn`` (no list
states the entity any more), ``superseded``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from weerbaar.db.models import Alert
from weerbaar.matching.record import Record
from weerbaar.monitor.decisions import facts_of, new_facts, standing

STATUSES = ("open", "decided", "withdrawn", "superseded")
PREFIX = "book:"


def subject(book_id: int, key: str) -> str:
    """How decisions name a book's customer record."""
    return f"{PREFIX}{book_id}:{key}"


def parse_subject(text: str) -> tuple[int, str] | None:
    """``(book id, record key)`` of a book subject, else None."""
    if not text.startswith(PREFIX):
        return None
    book, sep, key = text[len(PREFIX) :].partition(":")
    if not sep or not book.isdigit() or not key:
        return None
    return int(book), key


@dataclass
class Proposal:
    """A match found by screening, to become an alert (or not)."""

    book_id: int
    record_key: str
    entity_id: str
    entity: Record
    score: float
    explanation: str
    #: what changed on the list entity and the list versions (see ``rescreen``)
    change: dict[str, Any] = field(default_factory=dict)


def propose(session: Session, proposal: Proposal, run_id: int | None) -> tuple[str, Alert | None]:
    """Raise the alert unless a standing decision or an open alert already covers it."""
    p = proposal
    facts = facts_of(p.entity)
    if standing(session, subject(p.book_id, p.record_key), {p.entity_id: p.entity}):
        return "suppressed", None
    existing = list(
        session.scalars(
            select(Alert).where(
                Alert.book_id == p.book_id,
                Alert.record_key == p.record_key,
                Alert.entity_id == p.entity_id,
                Alert.status == "open",
            )
        )
    )
    if any(not new_facts(a.change.get("facts", {}), facts) for a in existing):
        return "unchanged", None
    for old in existing:
        old.status = "superseded"
    alert = Alert(
        run_id=run_id,
        book_id=p.book_id,
        record_key=p.record_key,
        entity_id=p.entity_id,
        score=round(p.score, 4),
        explanation=p.explanation,
        change={**p.change, "facts": facts},
        status="open",
    )
    session.add(alert)
    session.flush()
    return "created", alert


def withdraw(session: Session, entity_ids: list[str], book_id: int | None = None) -> list[Alert]:
    """Close the open alerts on entities no list states any more."""
    if not entity_ids:
        return []
    query = select(Alert).where(Alert.status == "open", Alert.entity_id.in_(entity_ids))
    if book_id is not None:
        query = query.where(Alert.book_id == book_id)
    found = list(session.scalars(query))
    for alert in found:
        alert.status = "withdrawn"
    return found


def close_for_decision(
    session: Session, book_id: int, key: str, entity_id: str, decision_id: int
) -> list[Alert]:
    """Mark the open alerts of one customer record and entity as decided."""
    found = list(
        session.scalars(
            select(Alert).where(
                Alert.book_id == book_id,
                Alert.record_key == key,
                Alert.entity_id == entity_id,
                Alert.status == "open",
            )
        )
    )
    for alert in found:
        alert.status = "decided"
        alert.decision_id = decision_id
    return found


def alerts(
    session: Session,
    *,
    book_id: int | None = None,
    status: str | None = None,
    limit: int = 1000,
) -> list[Alert]:
    """Alerts, newest first."""
    query = select(Alert).order_by(Alert.id.desc()).limit(limit)
    if book_id is not None:
        query = query.where(Alert.book_id == book_id)
    if status is not None:
        query = query.where(Alert.status == status)
    return list(session.scalars(query))
