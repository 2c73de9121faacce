"""The library behind ``weerbaar lists ...``: import, status, changes, entities, export.

The CLI (and later the API) open a ``Lists`` and call one method.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from weerbaar.core.errors import NotFoundError
from weerbaar.core.settings import Settings
from weerbaar.sources.base import Context, Input
from weerbaar.sources.detect import plan
from weerbaar.sources.registry import Registry, load_registry
from weerbaar.sources.runner import parse_input
from weerbaar.store.changes import Changes, diff
from weerbaar.store.links import Linker, link_summary, write_links
from weerbaar.store.rows import rows_for
from weerbaar.store.store import Store, Version

Progress = Callable[[str], None]


@dataclass
class ImportResult:
    source: str
    path: Path
    version: Version | None  # None: this exact list version was already stored
    warnings: dict[str, int]
    #: every file of this list version (``path`` is the first): an OFAC CSV set,
    #: the files of an EU Official Journal folder
    paths: tuple[Path, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "path": str(self.path),
            "paths": [str(p) for p in self.paths or (self.path,)],
            "unchanged": self.version is None,
            "version": self.version.to_dict() if self.version else None,
            "warnings": self.warnings,
        }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Lists:
    """The local list store with its sources."""

    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        self.settings = settings
        base = registry or load_registry()
        # a private copy: user-named sources of one store never leak into another
        self.registry = Registry(dict(base.sources), dict(base.formats))
        self.store = Store(settings.store_path)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Lists:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- import --------------------------------------------------------------
    def import_paths(
        self,
        paths: list[Path],
        *,
        format: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
    ) -> list[ImportResult]:
        """Import list files, all or nothing: one bad file leaves the store unchanged."""
        planned = plan(paths, self.registry, format=format, source=source)
        by_source: dict[str, list[Input]] = {}
        for inp, source_id in planned:
            by_source.setdefault(source_id, []).append(inp)
        results: list[ImportResult] = []
        archived: list[Path] = []
        try:
            with self.store.transaction() as conn:
                for source_id, inputs in sorted(by_source.items()):
                    parsed = []
                    for inp in inputs:
                        if progress:
                            progress(f"{source_id}: reading {inp.path.name}")
                        parsed.append((inp, parse_input(inp, self.registry.source(source_id))))
                    # versions of one list are stored oldest first, whatever the argument order
                    parsed.sort(key=lambda item: item[1].list_date or "")
                    for inp, ctx in parsed:
                        if progress:
                            progress(f"{source_id}: storing {inp.path.name}")
                        results.append(self._store_one(conn, inp, ctx, archived))
                    del parsed
                if any(r.version for r in results):
                    if progress:
                        progress("linking entities across lists")
                    write_links(self.store, conn)
        except BaseException:
            for path in archived:
                path.unlink(missing_ok=True)
            raise
        return results

    def _store_one(self, conn: Any, inp: Input, ctx: Context, archived: list[Path]) -> ImportResult:
        source_id = ctx.spec.id
        rows, counts = rows_for(source_id, ctx.entities.values(), ctx.targets)
        files = [self._file_record(p, source_id, archived) for p in inp.paths]
        digest = hashlib.sha256("".join(f["sha256"] for f in files).encode()).hexdigest()
        assert ctx.list_date is not None
        version = self.store.add_version(
            conn,
            source=source_id,
            list_date=ctx.list_date,
            format=inp.format.name,
            files=files,
            digest=digest,
            counts=dict(counts),
            warnings=dict(ctx.warnings),
            rows=rows,
        )
        return ImportResult(source_id, inp.path, version, dict(ctx.warnings), tuple(inp.paths))

    def _file_record(self, path: Path, source_id: str, archived: list[Path]) -> dict[str, Any]:
        """Checksum the file and keep a copy in the archive, the proof of what the list said."""
        digest = sha256_file(path)
        target = self.settings.archive_dir / source_id / f"{digest[:16]}-{path.name}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(target.suffix + ".part")
            shutil.copyfile(path, tmp)
            tmp.replace(target)
            archived.append(target)
        return {
            "name": path.name,
            "sha256": digest,
            "size": path.stat().st_size,
            "archived": str(target),
        }

    # -- reading -------------------------------------------------------------
    def status(self) -> list[Version]:
        return self.store.latest_versions()

    def changes(self, source: str, since: str | None = None) -> Changes:
        new = self.store.latest(source)
        if new is None:
            raise NotFoundError(
                f"no version of {source} has been imported",
                hint=f"run: weerbaar lists import FILE (or lists sync --source {source})",
            )
        if since is None:
            old = self.store.version(source, new.seq - 1) if new.seq > 1 else None
        else:
            old = self.store.version_at(source, since)
        return diff(self.store, source, old, new)

    def links(self) -> dict[str, object]:
        return link_summary(self.store)

    def relink(self) -> Linker:
        with self.store.transaction() as conn:
            return write_links(self.store, conn)
