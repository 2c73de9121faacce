"""Tables of the reporting office, on the application database's ``Base``.

Organisations (obliged entities) and their members, reports (freeze,
violation, update, reply) with their screening hits and attachments, cases
and their notes and questions, links between reports about the same party or
asset, and the hash-chained audit log of every read and write of a report
(``report_audit`` with its single-row head ``report_audit_head``). The
migration is ``migrations/versions/0002_cases.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from weerbaar.db.models import Base, utcnow

#: The case workflow's states, in order.
STATUSES = (
    "received",
    "triage",
    "investigation",
    "forwarded_supervisor",
    "forwarded_prosecutor",
    "closed",
)
OPEN_STATUSES = STATUSES[:-1]


class Organisation(Base):
    """An obliged entity that reports (a bank, insurer, notary, shipping firm...)."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Membership(Base):
    """The organisation a (reporter) user belongs to: at most one."""

    __tablename__ = "org_members"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)


class Case(Base):
    """The office's handling of one report (and its updates and replies)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(32), default="received", index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    deadline: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)


class Report(Base):
    """One submission, immutable once committed; ``data`` is the validated JSON body."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("org_id", "idempotency_key", name="uq_reports_org_idempotency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt: Mapped[str] = mapped_column(String(40), unique=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))  # freeze | violation | update | reply
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    #: the earlier report an update is about, or the report a question was asked on
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), default=None)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), default=None)
    #: SHA-256 of the canonical JSON body (a retry with another body is refused)
    body_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: freeze figures (also on updates that correct them): decimal text, ISO 4217, regime
    amount: Mapped[str | None] = mapped_column(String(40), default=None)
    currency: Mapped[str | None] = mapped_column(String(3), default=None)
    regime: Mapped[str | None] = mapped_column(String(100), default=None)
    screened: Mapped[bool] = mapped_column(default=False, index=True)
    hits: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReportKey(Base):
    """A normalised party name, asset identifier or list entity a report is about."""

    __tablename__ = "report_keys"
    __table_args__ = (UniqueConstraint("report_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    key: Mapped[str] = mapped_column(String(300), index=True)


class ReportLink(Base):
    """Two reports from different organisations about the same party or asset."""

    __tablename__ = "report_links"
    __table_args__ = (UniqueConstraint("report_id", "other_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    key: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseNote(Base):
    """A note, a status change, an assignment or a question to the reporter."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))  # note | question | status | assign
    text: Mapped[str] = mapped_column(Text, default="")
    #: for a question: the reply report once answered
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attachment(Base):
    """A file attached to a report; its bytes are in WEERBAAR_HOME/attachments/<sha256>."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("report_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column()
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReportAudit(Base):
    """Append-only, hash-chained: ``hash`` = SHA-256 of the row's canonical JSON,
    which includes ``prev_hash`` (the previous row's hash)."""

    __tablename__ = "report_audit"
    __table_args__ = (Index("ix_report_audit_report", "report_id"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column()
    user_id: Mapped[int | None] = mapped_column(default=None)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(64))
    report_id: Mapped[int | None] = mapped_column(default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ReportAuditHead(Base):
    """One row: the newest audit row's ``seq`` and ``hash``. Locked by every append,
    which serialises the chain (PostgreSQL row lock; SQLite write lock)."""

    __tablename__ = "report_audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))
