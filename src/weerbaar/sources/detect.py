"""Recognise list files by their content and group companion files with their main file.

A folder given to an import stands for every file in it and its sub-folders
(in path order), except hidden files and documentation (``README.md``,
``*.txt``, ``*.pdf``...); each must then be a list file, as if named one by one.
"""

from __future__ import annotations

import os
from pathlib import Path

from weerbaar.core.errors import EncodingError, InputError, UnknownFormatError
from weerbaar.sources.base import Format, Input, Sniff
from weerbaar.sources.registry import Registry

#: Files in a given folder that are documentation, not list files.
DOC_SUFFIXES = {".md", ".txt", ".rst", ".pdf", ".html", ".htm", ".yml", ".yaml"}


def expand(paths: list[Path]) -> list[Path]:
    """The files to import: named files as given, folders as the list files inside them."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.suffix.lower() not in DOC_SUFFIXES
        )
        if not found:
            raise InputError(
                path, "the folder holds no list files", hint="give the folder the list came in"
            )
        out.extend(found)
    return out


def sniff_path(path: Path) -> Sniff:
    if not path.exists():
        raise InputError(path, "no such file", hint="check the path")
    if not path.is_file():
        raise InputError(path, "is not a file", hint="give a list file or a folder of them")
    sniff = Sniff(path)
    if sniff.kind == "empty":
        raise InputError(
            path,
            "the file is empty (0 bytes of content)",
            hint="the download probably failed; fetch the list again",
        )
    return sniff


def describe(sniff: Sniff) -> str:
    """A short account of what a file looks like, for 'unknown format' errors."""
    if sniff.kind == "xml":
        return f"XML with root element <{sniff.xml_root}>"
    if sniff.kind == "zip":
        names = ", ".join(sniff.zip_names[:4]) or "unreadable"
        return f"a ZIP container ({names})"
    if sniff.kind in ("text", "json"):
        first = sniff.lines[0][:80] if sniff.lines else ""
        return f"{sniff.kind} starting with {first!r}"
    return f"{sniff.kind} data"


def detect(sniff: Sniff, registry: Registry) -> Format:
    if sniff.kind == "zip" and not sniff.zip_names:
        raise InputError(
            sniff.path,
            "is a damaged or truncated ZIP-based file (XLSX, ODS or ZIP): its "
            "table of contents cannot be read",
            hint="the download was probably cut short; fetch the file again",
        )
    found = [f for f in registry.formats.values() if _safe_detect(f, sniff)]
    if len(found) == 1:
        return found[0]
    names = ", ".join(sorted(registry.formats))
    if not found and sniff.head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise EncodingError(
            sniff.path,
            "is UTF-16 text, which cannot be decoded as the UTF-8 (or cp1252) the list formats use",
            where="byte 0",
            hint="save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8') and import it again",
        )
    if not found:
        raise UnknownFormatError(
            sniff.path,
            f"not a list format weerbaar knows: it is {describe(sniff)}",
            hint=f"check that this is the list file you meant, or force a format with "
            f"--format (one of: {names})",
        )
    which = ", ".join(f.name for f in found)
    raise UnknownFormatError(
        sniff.path, f"matches several formats ({which})", hint="choose one with --format"
    )


def _safe_detect(fmt: Format, sniff: Sniff) -> bool:
    try:
        return fmt.detect(sniff)
    except Exception:  # a detector must never break detection of other formats
        return False


def _common_prefix(a: Path, b: Path) -> int:
    # character-wise on purpose: sdn.csv and sdn_comments.csv share "sdn"
    return len(os.path.commonprefix([str(a), str(b)]))  # noqa: RUF071


def plan(
    paths: list[Path], registry: Registry, *, format: str | None = None, source: str | None = None
) -> list[tuple[Input, str]]:
    """Inputs to import, each with the source id it belongs to."""
    forced = registry.format(format) if format else None
    mains: list[tuple[Input, str]] = []
    parts: list[tuple[Path, Format]] = []
    for path in expand(paths):
        sniff = sniff_path(path)
        fmt = forced or detect(sniff, registry)
        if fmt.role == "part":
            parts.append((path, fmt))
            continue
        src = source or fmt.source_for(sniff)
        if fmt.open_source and src not in registry.sources:
            registry.add_open_source(src, fmt.source)
        registry.source(src)
        if fmt.many and (same := _same_set(mains, fmt, src)) is not None:
            same.sets[fmt.name].append(path)
            continue
        inp = Input(path=path, format=fmt)
        if fmt.many:
            inp.sets[fmt.name] = [path]
        mains.append((inp, src))
    for path, fmt in parts:
        _attach(path, fmt, [inp for inp, _ in mains if inp.format.name == fmt.part_of])
    for inp, _ in mains:
        for files in inp.sets.values():
            files.sort()
        if inp.format.many:
            inp.path = inp.sets[inp.format.name][0]
    return mains


def _same_set(mains: list[tuple[Input, str]], fmt: Format, source: str) -> Input | None:
    return next((i for i, s in mains if i.format.name == fmt.name and s == source), None)


def _attach(path: Path, fmt: Format, owners: list[Input]) -> None:
    """Attach a companion file to the main file it most likely belongs to."""
    if not owners:
        raise InputError(
            path,
            f"is a {fmt.title}, which only completes a {fmt.part_of} main file",
            hint="import it together with its main file in one command",
        )
    owner = max(owners, key=lambda inp: _common_prefix(inp.path, path))
    if fmt.many:
        owner.sets.setdefault(fmt.name, []).append(path)
        return
    if fmt.name in owner.parts:
        raise InputError(
            path,
            f"a second {fmt.title} for {owner.path.name}",
            hint="give one companion file of each kind per main file",
        )
    owner.parts[fmt.name] = path
