"""SQLite schema and connection for the statement store (the embedded default)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from weerbaar.core.errors import StoreError

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS version (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    seq INTEGER NOT NULL,
    list_date TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    format TEXT NOT NULL,
    files TEXT NOT NULL,
    digest TEXT NOT NULL,
    counts TEXT NOT NULL,
    statements INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    UNIQUE (source, seq)
);
CREATE TABLE IF NOT EXISTS statement (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    schema TEXT NOT NULL,
    prop TEXT NOT NULL,
    value TEXT NOT NULL,
    lang TEXT,
    original_value TEXT,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_statement_key ON statement (source, key, last_seq);
CREATE INDEX IF NOT EXISTS ix_statement_entity ON statement (entity_id);
CREATE INDEX IF NOT EXISTS ix_statement_current ON statement (source, last_seq, prop);
CREATE TABLE IF NOT EXISTS link (
    entity_id TEXT PRIMARY KEY,
    canonical_id TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_link_canonical ON link (canonical_id);
CREATE TABLE IF NOT EXISTS link_evidence (
    canonical_id TEXT NOT NULL,
    left_id TEXT NOT NULL,
    right_id TEXT NOT NULL,
    key_type TEXT NOT NULL,
    key_value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_evidence_canonical ON link_evidence (canonical_id);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create or migrate) the store; autocommit off, explicit transactions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: store schema {found} is newer than this weerbaar ({SCHEMA_VERSION})",
                hint="upgrade weerbaar, or point WEERBAAR_HOME at another folder",
            )
        conn.executescript(SCHEMA)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: cannot open the store: {exc}",
            hint="check WEERBAAR_HOME; restore the file from a backup if damaged",
        ) from exc
    return conn
