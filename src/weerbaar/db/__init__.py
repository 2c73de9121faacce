"""The application database: SQLAlchemy engine, sessions and Alembic migrations.

    db = Database.open(settings)     # migrated to the newest revision
    with db.session() as s: ...      # committed on success, rolled back on error

SQLite (a file in ``WEERBAAR_HOME``) is the embedded default; PostgreSQL
(``WEERBAAR_DATABASE_URL=postgresql+psycopg://...``) is the production
database. The schema is only ever changed by the migrations in
``migrations/versions``; ``Database.open`` applies the missing ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from weerbaar.core.errors import ConfigError, StoreError
from weerbaar.core.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    except Exception as exc:  # bad URL or missing driver
        raise ConfigError(
            f"WEERBAAR_DATABASE_URL cannot be used: {exc}",
            hint="use sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DB",
        ) from exc


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


class Database:
    """One application database: an engine and a session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, settings: Settings, *, migrate: bool = True) -> Database:
        db = cls(make_engine(settings.database))
        if migrate:
            db.upgrade()
        return db

    def upgrade(self, revision: str = "head") -> None:
        """Apply every migration up to ``revision``."""
        from alembic import command

        try:
            command.upgrade(alembic_config(self.engine), revision)
        except OperationalError as exc:
            raise StoreError(
                f"cannot migrate the application database {self.engine.url!r}: {exc.orig}",
                hint="check WEERBAAR_DATABASE_URL and that the database server is running",
            ) from exc

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed when the block ends and rolled back if it raises."""
        with self.sessions() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()
