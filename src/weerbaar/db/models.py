"""Tables of the application database (SQLAlchemy 2 declarative models).

Who may do what (users, API keys), what analysts decided (decisions), the
customer books that are re-screened when lists change, their alerts, batch
screening jobs, and the audit log. List data is not here: it lives in the
statement store (``weerbaar.store``). Every change to these classes needs a
migration in ``migrations/versions/`` (a test compares the two).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    """A person or a system that uses weerbaar; ``role`` decides what it may do."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8), default="nl")
    #: argon2 hash; None for users who only use API keys
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKey(Base):
    """An API key: only its SHA-256 is kept; ``prefix`` identifies it in lists and logs."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(200), default="")
    #: requests per minute; None: the WEERBAAR_RATE_LIMIT default; 0: unlimited
    rate_limit: Mapped[int | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class Decision(Base):
    """An analyst's verdict on a hit: this customer record is (not) this list entity.

    ``fingerprint`` is the hash of the entity's material facts (names, birth
    dates, identifiers) when the decision was taken; a "not a match" decision
    suppresses the alert only while the entity's fingerprint is unchanged.
    """

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_subject_entity", "subject", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the customer record: "book:<book id>:<record key>" for a book, or a client's own id
    subject: Mapped[str] = mapped_column(String(400))
    entity_id: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[str] = mapped_column(String(16))  # "not_match" | "match"
    reason: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Book(Base):
    """A registered customer book: screened again whenever a list changes."""

    __tablename__ = "books"
    #: ids are never reused: decisions name book records as "book:<id>:<key>"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    source_file: Mapped[str] = mapped_column(String(500), default="")
    records: Mapped[int] = mapped_column(default=0)
    #: SHA-256 of the records as read (names the cached candidate index)
    digest: Mapped[str] = mapped_column(String(64), default="")
    #: the column mapping used to read the file: {field: [column, ...]}
    mapping: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: list versions the book was last screened against: {source: seq}
    screened_versions: Mapped[dict[str, Any]] = mapped_column(default=dict)


class BookRecord(Base):
    """One customer of a book, as the matcher reads it (``data``) and as given (``row``)."""

    __tablename__ = "book_records"
    __table_args__ = (UniqueConstraint("book_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(500), default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    row: Mapped[dict[str, Any]] = mapped_column(default=dict)


class MonitorRun(Base):
    """One re-screening of the books after a list update."""

    __tablename__ = "monitor_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    seconds: Mapped[float] = mapped_column(default=0.0)
    #: {source: [old seq or None, new seq]}
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    changed_entities: Mapped[int] = mapped_column(default=0)
    alerts: Mapped[int] = mapped_column(default=0)
    #: counts besides the alerts: books, suppressed, unchanged, withdrawn
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Alert(Base):
    """A customer record that now matches a list entity, with what changed and why."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_book_status", "book_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_runs.id"), default=None)
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id", ondelete="CASCADE"))
    record_key: Mapped[str] = mapped_column(String(200))
    entity_id: Mapped[str] = mapped_column(String(200))
    score: Mapped[float] = mapped_column()
    explanation: Mapped[str] = mapped_column(Text, default="")
    #: what changed on the list entity (added, new names, ...) and the list versions
    change: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: open | decided | withdrawn (entity left the lists) | superseded (a newer alert)
    status: Mapped[str] = mapped_column(String(16), default="open")
    #: the decision that closed the alert
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScreeningJob(Base):
    """A batch screening of an uploaded file, run in the background."""

    __tablename__ = "screening_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued|running|done|failed
    rows: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    hits: Mapped[int] = mapped_column(default=0)
    matches: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class AuditEvent(Base):
    """Append-only log of every screening request, hit and decision, with list versions."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(default=None, index=True)
    key_prefix: Mapped[str | None] = mapped_column(String(16), default=None)
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(400), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: {source: "YYYY-MM-DD #seq"} of the lists consulted
    list_versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
