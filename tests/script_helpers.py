"""Run a generator script of scripts/ as a user would, for tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python scripts/NAME ARGS``, its output captured; the exit code is the caller's
    to check."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
