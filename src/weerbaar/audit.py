"""The audit log: every screening request, hit and decision, with the list versions used.

    record(session, who, action, subject=..., detail=..., list_versions=...)
    list_versions(store)  -> {"un_sc": "2026-10-01 #3", ...}

Rows are only ever inserted (nothing in weerbaar updates or deletes them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from weerbaar.db.models import AuditEvent, utcnow

if TYPE_CHECKING:
    from weerbaar.accounts import Principal
    from weerbaar.store.store import Store

#: One Core statement on the table (not the ORM class: half the cost), compiled once.
_INSERT = insert(cast(Table, AuditEvent.__table__))


def record(
    session: Session,
    who: Principal | None,
    action: str,
    *,
    subject: str = "",
    detail: dict[str, Any] | None = None,
    list_versions: dict[str, str] | None = None,
) -> None:
    """Add one event to the session's transaction (a Core insert: this runs on every
    screening request, and the ORM's unit of work would cost more than the insert)."""
    session.execute(
        _INSERT,
        {
            "at": utcnow(),
            "user_id": who.user_id if who else None,
            "key_prefix": who.key_prefix if who else None,
            "action": action,
            "subject": subject[:400],
            "detail": detail or {},
            "list_versions": list_versions or {},
        },
    )


def list_versions(store: Store) -> dict[str, str]:
    """The newest version of every list, as ``"<list date> #<seq>"``."""
    return {v.source: f"{v.list_date} #{v.seq}" for v in store.latest_versions()}


def events(session: Session, *, action: str | None = None, limit: int = 100) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(session.scalars(query))
