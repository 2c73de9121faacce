"""The committed fixture lists are what their generators write, and every one imports."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import FIXTURES
from tests.fixtures.generate import generate_all


def test_generators_reproduce_the_committed_fixtures(tmp_path: Path) -> None:
    written = generate_all(tmp_path)
    assert written, "no fixture generators found"
    for path in written:
        committed = FIXTURES / path.relative_to(tmp_path)
        assert committed.exists(), f"{committed} is not committed; run tests/fixtures/generate.py"
        if zipfile.is_zipfile(path):  # XLSX/ODS: compare the members, not zip timestamps
            with zipfile.ZipFile(path) as new, zipfile.ZipFile(committed) as old:
                assert sorted(new.namelist()) == sorted(old.namelist())
                for name in new.namelist():
                    if (
                        name.endswith((".xml", ".rels"))
                        and "core.xml" not in name
                        and "meta.xml" not in name
                    ):
                        assert new.read(name) == old.read(name), f"{committed}:{name}"
        else:
            assert path.read_bytes() == committed.read_bytes(), str(committed)


def test_every_source_has_a_fixture() -> None:
    from weerbaar.sources.registry import load_registry

    have = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert set(load_registry().sources) <= have
