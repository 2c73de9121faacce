"""The reporting office's audit log: append-only and hash-chained.

    lock(session)                              first statement of a writing transaction
    append(session, who, action, report_id=..., detail=...)
    verify(session) -> Problem | None          the first broken row, or None

Each row's ``hash`` is the SHA-256 of the canonical JSON of the row (seq,
time, user, actor, action, report, detail) together with ``prev_hash``, the
hash of the row before it. The single row of ``report_audit_head`` holds the
newest ``seq`` and ``hash``; every append updates it first, which takes a row
lock on PostgreSQL and the database write lock on SQLite, so appends are
serialised and the chain has no forks. ``verify`` recomputes every hash in
``seq`` order and compares the end with the head: a changed row (its hash no
longer matches), a deleted one (a gap in ``seq`` or a ``prev_hash`` that
does not match), reordered rows (``seq`` is part of the hash) and a removed
tail (the head no longer matches) are all detected.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from weerbaar.cases.models import ReportAudit, ReportAuditHead
from weerbaar.db.models import utcnow

if TYPE_CHECKING:
    from weerbaar.accounts import Principal

GENESIS = "0" * 64
_INSERT = insert(cast(Table, ReportAudit.__table__))


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def row_hash(
    *,
    seq: int,
    at: datetime,
    user_id: int | None,
    actor: str,
    action: str,
    report_id: int | None,
    detail: dict[str, Any],
    prev_hash: str,
) -> str:
    body = {
        "seq": seq,
        "at": at.replace(tzinfo=None).isoformat(timespec="microseconds"),
        "user_id": user_id,
        "actor": actor,
        "action": action,
        "report_id": report_id,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


def lock(session: Session) -> tuple[int, str]:
    """Lock the chain head for this transaction; the newest (seq, hash).

    Call it before anything else in the transaction: on SQLite a transaction
    that has read before it writes cannot wait for the write lock.
    """
    head = cast(Table, ReportAuditHead.__table__)
    row = session.execute(
        update(head).where(head.c.id == 1).values(seq=head.c.seq).returning(head.c.seq, head.c.hash)
    ).first()
    if row is None:  # a database made without the migration's head row
        session.execute(insert(head).values(id=1, seq=0, hash=GENESIS))
        return 0, GENESIS
    return int(row[0]), str(row[1])


def begin(session: Session) -> None:
    """Start a transaction that will append: on SQLite take the write lock now (a
    transaction that reads first cannot wait for it later); on PostgreSQL do
    nothing, so the chain lock is held only from the first append to the commit."""
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        lock(session)


def append(
    session: Session,
    who: Principal | None,
    action: str,
    *,
    report_id: int | None = None,
    detail: dict[str, Any] | None = None,
    actor: str | None = None,
) -> int:
    """Add one row to the chain in this transaction; its ``seq``.

    Takes the head lock if the transaction does not hold it yet (cheap if it does).
    """
    seq, prev = lock(session)
    seq += 1
    at = utcnow()
    # JSON round trip: the stored detail is what the hash is computed over
    clean: dict[str, Any] = json.loads(canonical(detail or {}))
    values: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "user_id": who.user_id if who else None,
        "actor": actor or (who.email if who else "system"),
        "action": action,
        "report_id": report_id,
        "detail": clean,
        "prev_hash": prev,
    }
    digest = row_hash(
        seq=seq,
        at=at,
        user_id=values["user_id"],
        actor=values["actor"],
        action=action,
        report_id=report_id,
        detail=clean,
        prev_hash=prev,
    )
    session.execute(_INSERT, {**values, "hash": digest})
    head = cast(Table, ReportAuditHead.__table__)
    session.execute(update(head).where(head.c.id == 1).values(seq=seq, hash=digest))
    return seq


@dataclass(frozen=True)
class Problem:
    seq: int | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.seq}" if self.seq is not None else "the chain head"
        return f"{where}: {self.message}"


def verify(session: Session, *, batch: int = 5000) -> tuple[int, Problem | None]:
    """Recompute the chain: (rows checked, the first problem or None)."""
    expected_prev, expected_seq, count = GENESIS, 1, 0
    last = 0
    while True:
        rows = session.scalars(
            select(ReportAudit).where(ReportAudit.seq > last).order_by(ReportAudit.seq).limit(batch)
        ).all()
        if not rows:
            break
        for row in rows:
            if row.seq != expected_seq:
                return count, Problem(
                    row.seq, f"expected row {expected_seq} next: rows are missing or reordered"
                )
            if row.prev_hash != expected_prev:
                return count, Problem(row.seq, "prev_hash does not match the row before it")
            digest = row_hash(
                seq=row.seq,
                at=row.at,
                user_id=row.user_id,
                actor=row.actor,
                action=row.action,
                report_id=row.report_id,
                detail=row.detail,
                prev_hash=row.prev_hash,
            )
            if digest != row.hash:
                return count, Problem(row.seq, "the row was changed (its hash does not match)")
            expected_prev, expected_seq, count = row.hash, row.seq + 1, count + 1
            last = row.seq
    head = session.get(ReportAuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != count or head_hash != expected_prev:
        return count, Problem(
            None, f"the head says {head_seq} rows ending in {head_hash[:12]}, found {count}"
        )
    return count, None
