"""Alembic environment: runs on the engine ``Database`` hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

import weerbaar.cases.models  # noqa: F401  (the reporting office's tables, on the same Base)
from weerbaar.db.models import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=engine.dialect.name == "sqlite",
    )
    context.run_migrations()
