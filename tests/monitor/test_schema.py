"""The models and the migrations describe the same schema."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Base


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = Database.open(Settings(home=tmp_path))
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()
