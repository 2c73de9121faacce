"""Score pairs of names from a CSV file (``weerbaar compare-pairs``).

The input has the columns ``schema``, ``name1`` and ``name2`` (others are kept
as they are); the output repeats every row, in the same order, with a
``score`` column added: :func:`weerbaar.matching.compare_names`. Big files are
scored on every CPU core. The output is written to a temporary file and moved
into place only when complete.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from weerbaar.core.errors import ConfigError, InputError
from weerbaar.matching import compare_names

REQUIRED = ("schema", "name1", "name2")
CHUNK = 2000
PARALLEL_MIN_ROWS = 5000


def _score_chunk(rows: Sequence[tuple[str, str, str]]) -> list[float]:
    return [compare_names(schema, a, b) for schema, a, b in rows]


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    if not path.is_file():
        raise InputError(path, "does not exist or is not a file", hint="check the path")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, "is not UTF-8 text", hint="save the file as 'CSV UTF-8'") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}", where=f"line {reader.line_num}") from exc
    if not header:
        raise InputError(path, "is empty", hint=f"write a header row with {', '.join(REQUIRED)}")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            path,
            f"has no column {', '.join(repr(c) for c in missing)}",
            where="header row",
            hint=f"the file needs the columns {', '.join(REQUIRED)}; it has: {', '.join(header)}",
        )
    return header, rows


def compare_pairs(input_path: Path, output_path: Path, *, workers: int | None = None) -> int:
    """Write every input row plus its ``score``; returns the number of rows scored."""
    header, rows = _read(input_path)
    cols = [header.index(c) for c in REQUIRED]
    pairs = [tuple((r[i] if i < len(r) else "") for i in cols) for r in rows]
    scores = _scores(pairs, workers or os.cpu_count() or 1)  # type: ignore[arg-type]
    out_header = [*header, "score"] if "score" not in header else [*header, "score_2"]
    _write(output_path, out_header, rows, scores)
    return len(rows)


def _scores(pairs: list[tuple[str, str, str]], workers: int) -> list[float]:
    if workers == 1 or len(pairs) < PARALLEL_MIN_ROWS:
        return _score_chunk(pairs)
    chunks = [pairs[i : i + CHUNK] for i in range(0, len(pairs), CHUNK)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [s for chunk in pool.imap(_score_chunk, chunks) for s in chunk]


def _write(path: Path, header: list[str], rows: list[list[str]], scores: list[float]) -> None:
    if not path.parent.is_dir():
        raise ConfigError(
            f"cannot write scores to {path}: folder {path.parent} does not exist",
            hint="create the folder first or choose another output path",
        )
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for row, score in zip(rows, scores, strict=True):
                writer.writerow([*row, f"{score:.4f}"])
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
