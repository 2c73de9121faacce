"""Write src/weerbaar/matching/name_groups.txt.gz: forms of one person's name part.

Usage: python scripts/make_name_groups.py [SOURCE [OUTPUT]]

The source is rigour 1.8.2's ``rigour/data/names/persons.txt`` (OpenSanctions,
MIT licence, built from Wikidata: one group of equivalent forms of a given or
family name per line, ``form, form, ... => QID``; "peter, petr, pyotr, пётр"),
read from the PyPI wheel rigour==1.8.2 (SOURCE a ``.whl``), from the text
itself (``.txt``) or from a gzip copy (``.txt.gz``, as ../shared/data keeps
it). Without SOURCE the wheel is downloaded from PyPI with pip and its SHA-256
checked. Later rigour releases compile the table into their binary core.

Each form in Latin, Cyrillic or Greek letters is written as weerbaar's
:func:`weerbaar.matching.translit.latinize` writes it, so that it meets the
words of a prepared name ("Пётр" -> "pyotr"); forms in other scripts, of fewer
than three letters or of several words are left out, and groups of fewer than
two forms. One group per output line, its forms space-separated and sorted;
lines sorted; gzip without a timestamp, so the output is the same every run.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from weerbaar.matching.translit import latinize, script_of

WHEEL = "rigour==1.8.2"
WHEEL_SHA256 = "21a375947ef9a1137452d3e1678a99ee364ef06f1de150ff39fe4a2d3179081a"
MEMBER = "rigour/data/names/persons.txt"
OUT = Path(__file__).resolve().parents[1] / "src" / "weerbaar" / "matching" / "name_groups.txt.gz"
SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek"})
_WORD = re.compile(r"[a-z]{3,}")
#: Fewer groups than this and the source is not rigour's table (the wheel's has
#: 156,187 lines): refuse rather than replace the table with a part of it.
MIN_GROUPS = 10_000
HEADER = (
    "# Forms of one name part, one group a line (weerbaar scripts/make_name_groups.py).\n"
    "# From rigour 1.8.2 rigour/data/names/persons.txt, (c) OpenSanctions Datenbanken GmbH,\n"
    "# MIT licence (name_groups.LICENSE); derived from Wikidata. Modified: forms\n"
    "# romanised by weerbaar, other scripts and one-form groups left out.\n"
)


def read_source(source: Path) -> str:
    """The text of persons.txt from a wheel, a .txt or a .txt.gz file."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            return wheel.read(MEMBER).decode("utf-8")
    if source.suffix == ".gz":
        with gzip.open(source, "rt", encoding="utf-8") as fh:
            return fh.read()
    return source.read_text(encoding="utf-8")


def download() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-q", "-d", tmp],
            check=True,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise SystemExit(f"{wheel.name}: SHA-256 {digest}, expected {WHEEL_SHA256}")
        return read_source(wheel)


def groups(text: str) -> list[list[str]]:
    out: set[tuple[str, ...]] = set()
    for line in text.splitlines():
        forms, sep, _qid = line.rpartition(" => ")
        if not sep:
            continue
        words: set[str] = set()
        for form in forms.split(","):
            form = form.strip()
            if not form or script_of(form) not in SCRIPTS:
                continue
            word = latinize(form).strip()
            if _WORD.fullmatch(word):
                words.add(word)
        if len(words) >= 2:
            out.add(tuple(sorted(words)))
    return [list(g) for g in sorted(out)]


def write(found: list[list[str]], path: Path) -> None:
    """Write the table whole or not at all (a temporary file, then renamed)."""
    body = HEADER + "".join(" ".join(g) + "\n" for g in found)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as fh:
        fh.write(body.encode("utf-8"))
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(buffer.getvalue())
    os.replace(partial, path)


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    where = str(source) if source else WHEEL
    try:
        found = groups(read_source(source) if source else download())
    except (OSError, EOFError, UnicodeDecodeError, zipfile.BadZipFile, KeyError) as error:
        # a missing, truncated or wrong file: say which and what to pass instead
        print(
            f"{where}: cannot read rigour's name groups ({error}); pass the wheel "
            f"rigour==1.8.2, its {MEMBER} or a gzip copy of it",
            file=sys.stderr,
        )
        return 2
    if len(found) < MIN_GROUPS:
        print(
            f"{where}: {len(found)} name groups, expected over {MIN_GROUPS:,}: not "
            f"rigour 1.8.2's {MEMBER}; {out} left as it was",
            file=sys.stderr,
        )
        return 2
    write(found, out)
    print(f"{out}: {len(found)} groups, {sum(map(len, found))} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
