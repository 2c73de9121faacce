"""Docs that cannot drift: every setting and command is in the README."""

from __future__ import annotations

from tests.conftest import ROOT
from weerbaar.cli.lists import app as lists_app
from weerbaar.cli.main import app
from weerbaar.cli.monitor import app as monitor_app
from weerbaar.core.settings import SETTINGS_HELP

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name in SETTINGS_HELP:
        assert f"`{name}`" in README, name


def test_every_command_is_documented() -> None:
    for cmd in lists_app.registered_commands:
        name = cmd.name or (cmd.callback.__name__ if cmd.callback else "")
        assert f"weerbaar lists {name}" in README, name
    for cmd in app.registered_commands:
        name = cmd.name or (cmd.callback.__name__ if cmd.callback else "")
        assert f"weerbaar {name}" in README, name
    for cmd in monitor_app.registered_commands:
        name = cmd.name or (cmd.callback.__name__ if cmd.callback else "")
        assert f"weerbaar monitor {name}" in README, name


def test_quickstart_has_two_commands_and_ci_runs_the_test_one() -> None:
    quick = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    commands = [
        line.split("#")[0].strip()
        for line in quick.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    ]
    assert commands == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_source_is_in_the_readme() -> None:
    from weerbaar.sources.registry import load_registry

    for source_id in load_registry().sources:
        assert f"`{source_id}`" in README, source_id
