"""Run the CLI in-process and snapshot the store, for tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from weerbaar.cli.main import app

runner = CliRunner()


def cli(*args: str | Path) -> Any:
    """Invoke ``weerbaar ARGS``; returns the click Result."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def cli_json(*args: str | Path) -> Any:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def snapshot(home: Path) -> tuple[Any, ...]:
    """Everything an import could change: versions, statements, links, archived files."""
    db = home / "store.sqlite3"
    if not db.exists():
        return ([], (0, None, None), (0,), [])
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute(
                "SELECT source, seq, list_date, digest FROM version ORDER BY 1, 2"
            ).fetchall(),
            conn.execute(
                "SELECT COUNT(*), SUM(last_seq), SUM(first_seq) FROM statement"
            ).fetchone(),
            conn.execute("SELECT COUNT(*) FROM link").fetchone(),
            sorted(str(p.relative_to(home)) for p in (home / "archive").rglob("*"))
            if (home / "archive").exists()
            else [],
        )
    finally:
        conn.close()
