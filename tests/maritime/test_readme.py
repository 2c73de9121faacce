"""Every ``weerbaar maritime`` command and every threshold is in the README."""

from __future__ import annotations

from tests.conftest import ROOT
from weerbaar.cli.maritime import app
from weerbaar.maritime.config import THRESHOLD_HELP


def test_commands_and_thresholds_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in app.registered_commands:
        name = cmd.name or (cmd.callback.__name__ if cmd.callback else "")
        assert f"weerbaar maritime {name}" in readme, name
    for name in THRESHOLD_HELP:
        assert f"`{name}`" in readme, name
