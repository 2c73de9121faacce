"""The monitor reads list entities and changes by id; it must agree with the whole-store views."""

from __future__ import annotations

from pathlib import Path

from tests.monitor.conftest import (
    add_alias,
    add_individual,
    drop_birth_date,
    drop_individual,
    import_version,
    un_version,
)
from weerbaar.core.settings import Settings
from weerbaar.monitor.decisions import facts_of
from weerbaar.monitor.listed import current_entries
from weerbaar.screening.entities import load_entries
from weerbaar.store.changes import diff, diff_touched
from weerbaar.store.store import Store


def test_current_entries_equal_the_screening_index_entries(listed: Settings) -> None:
    """Same records (so the same decision fingerprints) for every fixture entity,
    merged across lists, looked up by any member id."""
    store = Store(listed.store_path)
    try:
        entries = load_entries(store)
        found = current_entries(store, [e.id for e in entries])
        assert len(entries) > 10
        for entry in entries:
            mine = found[entry.id]
            assert mine is not None, entry.id
            assert mine.id == entry.id
            assert mine.record == entry.record, entry.id
            assert facts_of(mine.record) == facts_of(entry.record)
            assert mine.list_dates == entry.list_dates, entry.id
        members = store.conn.execute("SELECT entity_id, canonical_id FROM link").fetchall()
        assert members, "the fixture lists link some entities"
        by_member = current_entries(store, [m for m, _ in members])
        for member, canonical in members:
            entry = by_member[member]
            assert entry is not None and entry.id == canonical
    finally:
        store.close()


def test_diff_touched_equals_the_full_diff(un_home: Settings, tmp_path: Path) -> None:
    later = un_version(
        tmp_path / "un2.xml",
        "2026-04-01",
        add_individual("9000009", "NEWLY", "LISTED"),
        add_alias("9000001", "Kim Chol-woong"),
        drop_birth_date("9000001"),
        drop_individual("9000002"),
    )
    import_version(un_home, later)
    store = Store(un_home.store_path)
    try:
        old, new = store.version("un_sc", 1), store.version("un_sc", 2)
        full, fast = diff(store, "un_sc", old, new), diff_touched(store, "un_sc", old, new)
        assert [c.id for c in fast.added] == [c.id for c in full.added] == ["unsc-9000009"]
        assert [c.id for c in fast.removed] == [c.id for c in full.removed] == ["unsc-9000002"]
        assert [c.to_dict() for c in fast.changed] == [c.to_dict() for c in full.changed]
        assert fast.changed[0].properties["birthDate"] == {"added": [], "removed": ["1968-05-02"]}
        assert current_entries(store, ["unsc-9000002"]) == {"unsc-9000002": None}
    finally:
        store.close()
