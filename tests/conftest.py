"""Shared fixtures: the real data folder (skipped with a reason when absent), a store home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "lists"


from weerbaar.core.settings import shared_data_dir  # noqa: E402

#: Fixtures shared across folders: stores of the fixture lists, the service app.
pytest_plugins = ["tests.plugins.lists", "tests.plugins.service"]


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared/data`` (or $WEERBAAR_SHARED_DATA); tests using it skip when it is absent."""
    path = shared_data_dir()
    if not (path / "sanctions").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared data at {path}")
        pytest.skip(f"shared data not found at {path} (set WEERBAAR_SHARED_DATA)")
    return path


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh WEERBAAR_HOME for one test."""
    path = tmp_path / "home"
    monkeypatch.setenv("WEERBAAR_HOME", str(path))
    return path
