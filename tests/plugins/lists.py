"""A store of every committed fixture list, imported once and copied into each test's home."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from weerbaar.core.settings import Settings
from weerbaar.lists import Lists


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("fixture-store")
    with Lists(Settings(home=home)) as lists:
        lists.import_paths(sorted(p for p in FIXTURES.glob("*/*") if p.is_file()))
    return home / "store.sqlite3"


@pytest.fixture()
def listed(home: Path, fixture_store: Path) -> Settings:
    """Settings for a fresh home holding the fixture lists (no index yet)."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fixture_store, home / "store.sqlite3")
    return Settings(home=home)
