"""Download lists from their official URLs, verify them, and import them all or nothing.

A download is retried on connection errors, 5xx/429 answers and short
bodies (fewer bytes than ``Content-Length``). A checksum is checked when
the source (or the user) gives one; the file's sha256 is always recorded
with the version. Any failure leaves the store and its archive of earlier
list files exactly as they were.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import httpx
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

from weerbaar.core.errors import ConfigError, DownloadError, WeerbaarError
from weerbaar.core.settings import Settings
from weerbaar.lists import Lists
from weerbaar.sources.registry import load_registry
from weerbaar.store.store import Version

RETRY_STATUS = {429, 500, 502, 503, 504}
BACKOFF = 0.5
_HEX64 = re.compile(r"\b[0-9a-fA-F]{64}\b")


@dataclass
class SyncResult:
    source: str
    version: Version | None = None
    error: str | None = None


def _name(url: str, fallback: str) -> str:
    return Path(urlparse(url).path).name or fallback


def fetch(
    client: httpx.Client, url: str, dest: Path, *, retries: int, progress: Progress | None = None
) -> str:
    """Download ``url`` to ``dest`` completely; returns its sha256."""
    last = "no attempt made"
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(min(BACKOFF * 2 ** (attempt - 1), 8.0))
        try:
            return _fetch_once(client, url, dest, progress)
        except _Retry as exc:
            last = str(exc)
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
    dest.unlink(missing_ok=True)
    raise DownloadError(
        f"{url}: download failed after {retries + 1} attempts ({last})",
        hint="the stored lists are unchanged; try again later, or give a mirror with --url",
    )


class _Retry(Exception):
    pass


def _fetch_once(client: httpx.Client, url: str, dest: Path, progress: Progress | None) -> str:
    digest = hashlib.sha256()
    with client.stream("GET", url) as response:
        if response.status_code in RETRY_STATUS:
            raise _Retry(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise DownloadError(
                f"{url}: the server answered HTTP {response.status_code}",
                hint="check the URL; the stored lists are unchanged",
            )
        expected = response.headers.get("content-length")
        task = (
            progress.add_task(dest.name, total=int(expected) if expected else None)
            if progress
            else None
        )
        got = 0
        with dest.open("wb") as fh:
            for chunk in response.iter_bytes(1 << 16):
                fh.write(chunk)
                digest.update(chunk)
                got += len(chunk)
                if progress is not None and task is not None:
                    progress.update(task, completed=got)
        if expected is not None and got != int(expected):
            raise _Retry(f"truncated: received {got} of {expected} bytes")
    return digest.hexdigest()


def _expected_checksum(client: httpx.Client, resource: dict[str, str]) -> str | None:
    if resource.get("sha256"):
        return resource["sha256"].lower()
    if resource.get("checksum_url"):
        response = client.get(resource["checksum_url"])
        match = _HEX64.search(response.text) if response.status_code == 200 else None
        if match is None:
            raise DownloadError(
                f"{resource['checksum_url']}: no sha256 checksum found",
                hint="the stored lists are unchanged; try again later",
            )
        return match.group(0).lower()
    return None


def sync_source(
    settings: Settings,
    source_id: str,
    resources: list[dict[str, str]],
    console: Console | None = None,
) -> SyncResult:
    work = settings.download_dir / source_id
    work.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".sync-", dir=work))
    try:
        paths = []
        with (
            httpx.Client(timeout=settings.http_timeout, follow_redirects=True) as client,
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                console=console,
                transient=True,
            ) as progress,
        ):
            for i, res in enumerate(resources):
                dest = tmp / _name(res["url"], f"{source_id}-{i}")
                got = fetch(
                    client, res["url"], dest, retries=settings.http_retries, progress=progress
                )
                want = _expected_checksum(client, res)
                if want is not None and want != got:
                    raise DownloadError(
                        f"{res['url']}: checksum mismatch (expected {want}, got {got})",
                        hint="the download is damaged or was changed; the stored lists are "
                        "unchanged",
                    )
                paths.append(dest)
        with Lists(settings) as lists:
            results = lists.import_paths(paths, source=source_id)
        return SyncResult(source_id, next((r.version for r in results if r.version), None))
    except WeerbaarError as exc:
        return SyncResult(source_id, error=str(exc))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def sync_sources(
    settings: Settings,
    source_ids: list[str],
    *,
    urls: list[str] | None = None,
    sha256: str | None = None,
    console: Console | None = None,
) -> list[SyncResult]:
    """Sync the given sources (default: all with download URLs), one result each."""
    registry = load_registry()
    ids = source_ids or sorted(s for s, spec in registry.sources.items() if spec.resources)
    if (urls or sha256) and len(ids) != 1:
        raise ConfigError(
            "--url and --sha256 need exactly one --source",
            hint="e.g. weerbaar lists sync --source un_sc --url URL",
        )
    results = []
    for sid in ids:
        spec = registry.source(sid)
        resources = [{"url": u} for u in urls] if urls else [dict(r) for r in spec.resources]
        if sha256 and len(resources) == 1:
            resources[0]["sha256"] = sha256
        if not resources:
            results.append(SyncResult(sid, error="no download URL is known for this source"))
            continue
        results.append(sync_source(settings, sid, resources, console))
    return results
