"""The migrations build exactly the tables the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Base


def _diff(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def test_sqlite_migrations_match_models(tmp_path: Path) -> None:
    db = Database.open(Settings(home=tmp_path))
    assert db.current_revision() is not None
    assert _diff(db) == []
    db.upgrade()  # idempotent
    db.dispose()


def test_database_in_use_matches_models(database: Database) -> None:
    """SQLite locally; PostgreSQL when WEERBAAR_TEST_DATABASE_URL is set (always in CI)."""
    assert _diff(database) == []
    if os.environ.get("WEERBAAR_TEST_DATABASE_URL"):
        assert database.engine.dialect.name == "postgresql"


def test_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    from weerbaar.core.errors import StoreError

    settings = Settings(home=tmp_path, database_url="postgresql+psycopg://x:y@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="WEERBAAR_DATABASE_URL"):
        Database.open(settings)
