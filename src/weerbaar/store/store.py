"""The statement store: add list versions, read any version's state back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from weerbaar.core.errors import NotFoundError, VersionOrderError
from weerbaar.store.db import connect
from weerbaar.store.rows import EXISTS, TARGET, Row


@dataclass(frozen=True)
class Version:
    source: str
    seq: int
    list_date: str
    imported_at: str
    format: str
    files: list[dict[str, Any]]
    digest: str
    counts: dict[str, int]
    statements: int
    warnings: dict[str, int]

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Version:
        return cls(
            source=row["source"],
            seq=row["seq"],
            list_date=row["list_date"],
            imported_at=row["imported_at"],
            format=row["format"],
            files=json.loads(row["files"]),
            digest=row["digest"],
            counts=json.loads(row["counts"]),
            statements=row["statements"],
            warnings=json.loads(row["warnings"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class StoredStatement:
    source: str
    entity_id: str
    schema: str
    prop: str
    value: str
    lang: str | None
    original_value: str | None
    first_seq: int
    last_seq: int


class Store:
    """One SQLite file of statements; all writes go through ``transaction()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: any exception rolls every write back."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- versions ----------------------------------------------------------
    def versions(self, source: str | None = None) -> list[Version]:
        sql = "SELECT * FROM version"
        args: tuple[str, ...] = ()
        if source is not None:
            sql += " WHERE source = ?"
            args = (source,)
        rows = self.conn.execute(sql + " ORDER BY source, seq", args).fetchall()
        return [Version.from_row(r) for r in rows]

    def latest(self, source: str) -> Version | None:
        row = self.conn.execute(
            "SELECT * FROM version WHERE source = ? ORDER BY seq DESC LIMIT 1", (source,)
        ).fetchone()
        return Version.from_row(row) if row else None

    def latest_versions(self) -> list[Version]:
        rows = self.conn.execute(
            "SELECT v.* FROM version v JOIN (SELECT source, MAX(seq) AS seq FROM version "
            "GROUP BY source) m ON v.source = m.source AND v.seq = m.seq ORDER BY v.source"
        ).fetchall()
        return [Version.from_row(r) for r in rows]

    def version_at(self, source: str, on_date: str) -> Version | None:
        """The newest version of a source whose list date is on or before ``on_date``."""
        row = self.conn.execute(
            "SELECT * FROM version WHERE source = ? AND list_date <= ? ORDER BY seq DESC LIMIT 1",
            (source, on_date),
        ).fetchone()
        return Version.from_row(row) if row else None

    def version(self, source: str, seq: int) -> Version:
        row = self.conn.execute(
            "SELECT * FROM version WHERE source = ? AND seq = ?", (source, seq)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"{source} has no version {seq}")
        return Version.from_row(row)

    def add_version(
        self,
        conn: sqlite3.Connection,
        *,
        source: str,
        list_date: str,
        format: str,
        files: list[dict[str, Any]],
        digest: str,
        counts: dict[str, int],
        warnings: dict[str, int],
        rows: list[Row],
    ) -> Version | None:
        """Write one list version inside an open transaction; None when already stored."""
        latest = self.latest(source)
        if latest is not None and latest.digest == digest:
            return None
        if latest is not None and list_date < latest.list_date:
            raise VersionOrderError(
                f"{files[0]['name']}: this {source} list is dated {list_date}, older than the "
                f"stored version {latest.seq} dated {latest.list_date}",
                hint="import list versions in date order (use a fresh WEERBAAR_HOME to "
                "rebuild a history from older files)",
            )
        seq = 1 if latest is None else latest.seq + 1
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn.execute(
            "INSERT INTO version (source, seq, list_date, imported_at, format, files, digest,"
            " counts, statements, warnings) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                source,
                seq,
                list_date,
                now,
                format,
                json.dumps(files),
                digest,
                json.dumps(dict(sorted(counts.items()))),
                len(rows),
                json.dumps(warnings),
            ),
        )
        self._write_rows(conn, source, seq, rows)
        return self.version(source, seq)

    def _write_rows(self, conn: sqlite3.Connection, source: str, seq: int, rows: list[Row]) -> None:
        conn.execute(
            "CREATE TEMP TABLE incoming (key TEXT PRIMARY KEY, entity_id TEXT, schema TEXT,"
            " prop TEXT, value TEXT, lang TEXT, original_value TEXT)"
        )
        try:
            conn.executemany("INSERT OR IGNORE INTO incoming VALUES (?,?,?,?,?,?,?)", rows)
            conn.execute(
                "UPDATE statement SET last_seq = :seq WHERE source = :source AND "
                "last_seq = :prev AND key IN (SELECT key FROM incoming)",
                {"seq": seq, "prev": seq - 1, "source": source},
            )
            conn.execute(
                "INSERT INTO statement (source, key, entity_id, schema, prop, value, lang,"
                " original_value, first_seq, last_seq) SELECT :source, i.key, i.entity_id,"
                " i.schema, i.prop, i.value, i.lang, i.original_value, :seq, :seq"
                " FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM statement s WHERE"
                " s.source = :source AND s.key = i.key AND s.last_seq = :seq)",
                {"seq": seq, "source": source},
            )
        finally:
            conn.execute("DROP TABLE temp.incoming")

    # -- reading state -----------------------------------------------------
    def statements_at(
        self,
        source: str,
        seq: int,
        *,
        entity_ids: list[str] | None = None,
        props: tuple[str, ...] | None = None,
    ) -> list[StoredStatement]:
        """Every statement a source made in version ``seq``."""
        sql = (
            "SELECT source, entity_id, schema, prop, value, lang, original_value,"
            " first_seq, last_seq FROM statement WHERE source = ? AND first_seq <= ?"
            " AND last_seq >= ?"
        )
        args: list[Any] = [source, seq, seq]
        if props:
            sql += f" AND prop IN ({','.join('?' * len(props))})"
            args.extend(props)
        if entity_ids is not None:
            sql += f" AND entity_id IN ({','.join('?' * len(entity_ids))})"
            args.extend(entity_ids)
        return [StoredStatement(*r) for r in self.conn.execute(sql, args)]

    def current_statements(
        self, *, props: tuple[str, ...] | None = None, entity_ids: list[str] | None = None
    ) -> Iterator[StoredStatement]:
        """Statements in the newest version of every source."""
        for v in self.latest_versions():
            yield from self.statements_at(v.source, v.seq, props=props, entity_ids=entity_ids)

    def history(self, entity_ids: list[str]) -> list[StoredStatement]:
        """Every statement ever made about the given entities, in any version."""
        marks = ",".join("?" * len(entity_ids))
        rows = self.conn.execute(
            "SELECT source, entity_id, schema, prop, value, lang, original_value, first_seq,"
            f" last_seq FROM statement WHERE entity_id IN ({marks})"
            " ORDER BY source, entity_id, prop, first_seq",
            entity_ids,
        )
        return [StoredStatement(*r) for r in rows]

    def targets_at(self, source: str, seq: int) -> dict[str, str]:
        """Entity id to schema for the targets of one version."""
        rows = self.conn.execute(
            "SELECT entity_id, schema FROM statement WHERE source = ? AND prop = ? AND"
            " value = ? AND first_seq <= ? AND last_seq >= ?",
            (source, EXISTS, TARGET, seq, seq),
        )
        return {r[0]: r[1] for r in rows}

    def referrers(self, entity_ids: list[str]) -> list[tuple[str, str, int, int]]:
        """(source, entity id, first, last) of entities pointing at the given ones
        (Sanctions, Passports)."""
        marks = ",".join("?" * len(entity_ids))
        rows = self.conn.execute(
            "SELECT DISTINCT source, entity_id, first_seq, last_seq FROM statement WHERE"
            f" prop IN ('entity', 'holder') AND value IN ({marks})",
            entity_ids,
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def source_of(self, entity_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT source FROM statement WHERE entity_id = ? LIMIT 1", (entity_id,)
        ).fetchone()
        return row[0] if row else None
