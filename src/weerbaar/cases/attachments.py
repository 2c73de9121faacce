"""Attachments to reports: PDF, PNG, JPEG, CSV and XLSX, checked by content.

    media_type = sniff(head, path)     raises InputError (HTTP 415/422) for anything else
    store(settings, path) -> sha256    moved to WEERBAAR_HOME/attachments/<sha256>, fsynced

The declared name and Content-Type are not trusted: the type is read from the
bytes (magic numbers, the workbook's parts, the text's encoding). Files are
kept outside the database, named by their SHA-256, written and fsynced before
the row that names them is committed.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

from weerbaar.core.errors import InputError
from weerbaar.core.settings import Settings

MEDIA = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}


class UnsupportedType(InputError):
    http_status = 415


class TooLarge(InputError):
    http_status = 413


def sniff(path: Path) -> str:
    """The media type of the file at ``path``, read from its content."""
    with path.open("rb") as f:
        head = f.read(8192)
    name = path.name
    if not head:
        raise InputError(name, "the file is empty")
    if head.startswith(b"%PDF-"):
        return MEDIA["pdf"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return MEDIA["png"]
    if head.startswith(b"\xff\xd8\xff"):
        return MEDIA["jpeg"]
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile:
            raise UnsupportedType(name, "a damaged ZIP file") from None
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            return MEDIA["xlsx"]
        raise UnsupportedType(name, "a ZIP file that is not an Excel workbook (.xlsx)")
    if b"\x00" in head:
        raise UnsupportedType(
            name, "not a PDF, PNG, JPEG, CSV or XLSX file", hint="attach one of those types"
        )
    text = path.read_bytes()
    for encoding in ("utf-8", "cp1252"):
        try:
            decoded = text.decode(encoding)
        except UnicodeDecodeError:
            continue
        lines = [line for line in decoded.splitlines() if line.strip()]
        if lines and any(sep in lines[0] for sep in (",", ";", "\t")):
            if "<" in decoded and ("<script" in decoded.lower() or "<html" in decoded.lower()):
                raise UnsupportedType(name, "HTML, not a CSV file")
            return MEDIA["csv"]
        break
    raise UnsupportedType(
        name, "not a PDF, PNG, JPEG, CSV or XLSX file", hint="attach one of those types"
    )


def folder(settings: Settings) -> Path:
    return settings.home / "attachments"


def store(settings: Settings, path: Path) -> tuple[str, int]:
    """Move the checked file into the attachment folder; (sha256, size). Durable on return."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    sha = digest.hexdigest()
    target_dir = folder(settings)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / sha
    if target.exists():
        path.unlink(missing_ok=True)
    else:
        with path.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(path, target)
        fd = os.open(target_dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return sha, size


def path_of(settings: Settings, sha256: str) -> Path:
    return folder(settings) / sha256
