"""``weerbaar cases backup`` / ``restore``: the reporting office in one file.

A backup is a gzipped tar of ``manifest.json``, one JSON-lines file per table
(users and API keys included, since reports and cases refer to them) and the
attachment files. It is read in one transaction (a consistent snapshot on
PostgreSQL). ``restore`` loads it into a database whose reporting office is
empty, in one transaction, keeps ids (the receipts, links and the audit
chain stay valid: ``weerbaar audit verify`` passes after a restore), and
moves PostgreSQL's id sequences past the restored ids.
"""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, func, insert, select, text

from weerbaar.cases import attachments
from weerbaar.cases.models import Report
from weerbaar.core.errors import ConfigError, InputError
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Base

FORMAT = "weerbaar-cases-backup/1"
#: In foreign-key order.
TABLES = (
    "users",
    "api_keys",
    "organisations",
    "org_members",
    "cases",
    "reports",
    "report_keys",
    "report_links",
    "case_notes",
    "attachments",
    "report_audit",
    "report_audit_head",
)
SHARED = ("users", "api_keys")


def _table(name: str) -> Table:
    import weerbaar.cases.models  # noqa: F401  (registers the tables)

    return Base.metadata.tables[name]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def backup(db: Database, settings: Settings, output: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    shas: set[str] = set()
    output.parent.mkdir(parents=True, exist_ok=True)
    part = output.with_name(output.name + ".part")
    with db.session() as s, tarfile.open(part, "w:gz") as tar:
        for name in TABLES:
            table = _table(name)
            order = list(table.primary_key.columns)
            buf = io.StringIO()
            n = 0
            for row in s.execute(select(table).order_by(*order)).mappings():
                buf.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
                buf.write("\n")
                n += 1
                if name == "attachments":
                    shas.add(row["sha256"])
            _add(tar, f"tables/{name}.jsonl", buf.getvalue().encode("utf-8"))
            counts[name] = n
        for sha in sorted(shas):
            path = attachments.path_of(settings, sha)
            if path.exists():
                tar.add(path, arcname=f"attachments/{sha}")
        manifest = {"format": FORMAT, "created_at": datetime.now().isoformat(), "counts": counts}
        _add(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
    part.replace(output)
    return counts


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        column = table.columns[key]
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[key] = value
    return out


def restore(db: Database, settings: Settings, source: Path) -> dict[str, int]:
    try:
        tar = tarfile.open(source, "r:gz")  # noqa: SIM115  (closed by the with below)
    except (OSError, tarfile.TarError) as exc:
        raise InputError(str(source), f"not a backup file: {exc}") from None
    with tar:
        try:
            manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        except (KeyError, AttributeError, ValueError):
            raise InputError(str(source), "not a weerbaar cases backup (no manifest)") from None
        if manifest.get("format") != FORMAT:
            raise InputError(str(source), f"unknown backup format {manifest.get('format')!r}")
        counts: dict[str, int] = {}
        target = attachments.folder(settings)
        target.mkdir(parents=True, exist_ok=True)
        for member in tar.getmembers():
            if member.name.startswith("attachments/") and member.isfile():
                sha = member.name.split("/", 1)[1]
                if len(sha) == 64 and all(c in "0123456789abcdef" for c in sha):
                    data = tar.extractfile(member).read()  # type: ignore[union-attr]
                    with tempfile.NamedTemporaryFile(dir=target, delete=False) as f:
                        f.write(data)
                    Path(f.name).replace(target / sha)
        with db.session() as s:
            if s.scalar(select(func.count()).select_from(Report)):
                raise ConfigError(
                    "the reporting office in this database is not empty",
                    hint="restore into a new database (WEERBAAR_DATABASE_URL)",
                )
            for name in TABLES:
                table = _table(name)
                raw = tar.extractfile(f"tables/{name}.jsonl")
                rows = (
                    [json.loads(line) for line in raw.read().decode().splitlines()] if raw else []
                )
                if name == "report_audit_head":
                    s.execute(delete(table))
                if name in SHARED:
                    have = {
                        r[0]: r[1] for r in s.execute(select(table.c.id, table.c[_ident(name)]))
                    }
                    fresh = []
                    for row in rows:
                        if row["id"] in have:
                            if have[row["id"]] != row[_ident(name)]:
                                raise ConfigError(
                                    f"{name} id {row['id']} is taken by another "
                                    f"{'user' if name == 'users' else 'key'} in this database",
                                    hint="restore into a new database",
                                )
                            continue
                        fresh.append(row)
                    rows = fresh
                for start in range(0, len(rows), 1000):
                    s.execute(insert(table), [_typed(table, r) for r in rows[start : start + 1000]])
                counts[name] = len(rows)
            if db.engine.dialect.name == "postgresql":
                for name in TABLES:
                    table = _table(name)
                    if "id" in table.c and table.c.id.autoincrement is not False:
                        s.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                f"GREATEST((SELECT COALESCE(MAX(id), 0) FROM {name}), 1))"
                            )
                        )
    return counts


def _ident(name: str) -> str:
    return "email" if name == "users" else "key_hash"
