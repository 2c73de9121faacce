"""Write screening results to CSV or JSON lines, all or nothing.

A ``ResultWriter`` writes to a hidden temporary file beside the target and
moves it into place (``os.replace``) only when it is closed without an error,
so a crash or Ctrl-C never leaves a half-written RESULTS.csv; an earlier file
of that name stays as it was until the new one is complete.

Columns are ``RESULT_COLUMNS`` followed by the input row's own columns, each
prefixed ``input_`` (``input_Klantnummer``). CSV is UTF-8 with a header row
and ``,`` between fields. Text cells that a spreadsheet would run as a formula
(starting ``=``, ``+``, ``-``, ``@``) get a leading ``'`` in CSV only, because
names come from outside files and results are opened in Excel. The file is
created readable by its owner only (it holds personal data).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

import orjson

from weerbaar.core.errors import ConfigError

RESULT_COLUMNS = (
    "row",
    "input_id",
    "input_name",
    "score",
    "match",
    "entity_id",
    "caption",
    "schema",
    "lists",
    "list_dates",
    "matched_name",
    "explanation",
)
INPUT_PREFIX = "input_"
FORMATS = (".csv", ".jsonl")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Value = str | float | int | None


def input_columns(headers: Sequence[str]) -> dict[str, str]:
    """Input header -> output column: ``input_`` + header, numbered if that name is taken."""
    taken = set(RESULT_COLUMNS)
    out: dict[str, str] = {}
    for header in headers:
        name, copy = f"{INPUT_PREFIX}{header}", 1
        while name in taken:
            copy += 1
            name = f"{INPUT_PREFIX}{header}_{copy}"
        taken.add(name)
        out[header] = name
    return out


def _plain(value: Value) -> str | float | int | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return round(value, 4)
    return value


def _csv_cell(value: Value) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return f"'{value}" if value.startswith(_FORMULA_START) else value
    return str(value)


class ResultWriter:
    """Result rows to ``path`` (.csv or .jsonl), written in full or not at all.

    ``with ResultWriter(path, headers) as out: out.write(row, passthrough)``
    """

    def __init__(self, path: Path, passthrough: Sequence[str] = ()) -> None:
        self.path = Path(path)
        self.format = self.path.suffix.lower()
        _check_target(self.path, self.format)
        self.inputs = input_columns(passthrough)
        self.columns = [*RESULT_COLUMNS, *self.inputs.values()]
        fd, name = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        self.temp = Path(name)
        self._file: IO[str] | None = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file) if self.format == ".csv" else None
        if self._csv is not None:
            self._csv.writerow(self.columns)
        self.count = 0

    def write(self, row: Mapping[str, Value], passthrough: Mapping[str, str] | None = None) -> None:
        """One result: ``row`` keyed by output column, ``passthrough`` by input header."""
        values: dict[str, Value] = dict(row)
        for header, value in (passthrough or {}).items():
            values[self.inputs.get(header, f"{INPUT_PREFIX}{header}")] = value
        unknown = [k for k in values if k not in self.columns]
        if unknown:
            raise ValueError(f"result columns not declared: {', '.join(unknown)}")
        if self._file is None:
            raise ValueError(f"{self.path}: the result writer is closed")
        if self._csv is not None:
            self._csv.writerow([_csv_cell(values.get(c)) for c in self.columns])
        else:
            line = {c: _plain(values.get(c)) for c in self.columns}
            self._file.write(orjson.dumps(line).decode() + "\n")
        self.count += 1

    def close(self) -> None:
        """Finish the file and move it into place."""
        if self._file is None:
            return
        file, self._file = self._file, None
        try:
            file.flush()
            os.fsync(file.fileno())
            file.close()
            os.replace(self.temp, self.path)
        except BaseException:
            file.close()
            self.temp.unlink(missing_ok=True)
            raise

    def abort(self) -> None:
        """Drop what was written; the target is left as it was."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self.temp.unlink(missing_ok=True)

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _check_target(path: Path, suffix: str) -> None:
    if suffix not in FORMATS:
        raise ConfigError(
            f"cannot write results to {path}: unknown output type {suffix or '(none)'!r}",
            hint=f"name the output file with one of {', '.join(FORMATS)}, e.g. -o RESULTS.csv",
        )
    if path.is_dir():
        raise ConfigError(f"{path} is a folder", hint="give a file name, e.g. -o RESULTS.csv")
    if not path.parent.is_dir():
        raise ConfigError(
            f"cannot write results to {path}: folder {path.parent} does not exist",
            hint="create the folder first or choose another output path",
        )
