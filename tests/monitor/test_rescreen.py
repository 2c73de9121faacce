"""Re-screening after list updates: decisions suppress, new facts fire again, only changes count."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.monitor.conftest import (
    add_alias,
    add_individual,
    drop_birth_date,
    drop_individual,
    import_version,
    un_version,
    write_book,
)
from weerbaar.accounts import Principal
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Alert, AuditEvent, Book
from weerbaar.monitor import books, rescreen
from weerbaar.monitor.alerts import subject
from weerbaar.monitor.decisions import take
from weerbaar.monitor.listed import current_entries
from weerbaar.store.store import Store

KIM = "unsc-9000001"
ABU = "unsc-9000002"
NEW = "unsc-9000009"

CUSTOMERS = [
    "K1;Kim Chol Ung;1968-05-02",
    "K2;Jan de Vries;1980-01-01",
    "K3;Newly Listed Person;",
    "K4;Abu Fictus al Exampli;1971",
    "K5;Maria Jansen;1975-07-12",
]


def alerts_of(db: Database, **where: object) -> list[Alert]:
    with db.session() as s:
        query = select(Alert).order_by(Alert.id)
        for name, value in where.items():
            query = query.where(getattr(Alert, name) == value)
        return list(s.scalars(query))


def pairs(found: list[Alert]) -> set[tuple[str, str]]:
    return {(a.record_key, a.entity_id) for a in found}


def register(settings: Settings, db: Database, tmp_path: Path) -> Book:
    path = write_book(tmp_path / "klanten.csv", CUSTOMERS)
    return books.register(settings, db, path, name="klanten").book


def decide_not_match(settings: Settings, db: Database, who: Principal, key: str) -> None:
    store = Store(settings.store_path)
    entry = current_entries(store, [KIM])[KIM]
    store.close()
    assert entry is not None
    with db.session() as s:
        take(s, who, subject(1, key), KIM, entry.record, "not_match", "born elsewhere")


def test_registering_screens_once_and_records_the_versions(
    un_home: Settings, db: Database, tmp_path: Path
) -> None:
    book = register(un_home, db, tmp_path)
    assert book.screened_versions == {"un_sc": 1}
    assert pairs(alerts_of(db, status="open")) == {("K1", KIM), ("K4", ABU)}
    first = alerts_of(db)[0]
    assert first.change["kind"] == "registered" and first.change["versions"]["un_sc"].endswith("#1")
    assert "Kim" in first.explanation and first.score >= 0.9
    assert (un_home.books_dir / f"book-{book.id}-{book.digest[:20]}.pickle").is_file()
    with db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        added = s.scalar(select(AuditEvent).where(AuditEvent.action == "book.add"))
        assert added is not None and added.list_versions == {"un_sc": "2026-03-01 #1"}
    assert actions.count("alert.create") == 2 and "book.add" in actions


def test_update_alerts_exactly_the_affected_customers_with_what_changed(
    un_home: Settings, db: Database, tmp_path: Path
) -> None:
    register(un_home, db, tmp_path)
    later = un_version(
        tmp_path / "un2.xml",
        "2026-04-01",
        add_individual("9000009", "NEWLY", "LISTED PERSON"),
        add_alias("9000001", "Kim Chol-woong"),
        drop_individual("9000002"),
    )
    import_version(un_home, later)
    run = rescreen.run(un_home, db)
    assert run.changed_entities == 2  # the new and the changed person; not the company
    assert run.detail["queries"] == 2
    assert run.versions == {"un_sc": [1, 2]}
    new = alerts_of(db, run_id=run.id)
    assert pairs(new) == {("K3", NEW), ("K1", KIM)}
    by_key = {a.record_key: a for a in new}
    assert by_key["K3"].change["kind"] == "added"
    assert "newly listed" in by_key["K3"].change["summary"]
    kim = by_key["K1"].change
    assert kim["kind"] == "changed"
    assert kim["lists"][0]["properties"]["alias"]["added"] == ["Kim Chol-woong"]
    assert "new alias 'Kim Chol-woong'" in kim["summary"]
    assert kim["versions"] == {"un_sc": ["2026-03-01 #1", "2026-04-01 #2"]}
    # the first alert on K1 is superseded, the one on the removed person withdrawn
    statuses = {(a.record_key, a.run_id): a.status for a in alerts_of(db)}
    assert statuses[("K1", None)] == "superseded"
    assert statuses[("K4", None)] == "withdrawn"
    assert run.detail["withdrawn"] == 1
    with db.session() as s:
        book = s.scalars(select(Book)).one()
        assert book.screened_versions == {"un_sc": 2}
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "monitor.run")))
    assert events[0].detail["alerts"] == 2
    assert events[0].list_versions == {"un_sc": "2026-04-01 #2"}
    # nothing changed since: a second run screens nothing and raises nothing
    again = rescreen.run(un_home, db)
    assert (again.changed_entities, again.alerts, again.detail["queries"]) == (0, 0, 0)


def test_not_a_match_suppresses_until_a_new_alias(
    un_home: Settings, db: Database, analyst: Principal, tmp_path: Path
) -> None:
    register(un_home, db, tmp_path)
    decide_not_match(un_home, db, analyst, "K1")
    k1 = alerts_of(db, record_key="K1")
    assert [a.status for a in k1] == ["decided"] and k1[0].decision_id is not None
    # a removed birth date is no new fact: the decision still holds
    v2 = un_version(tmp_path / "un2.xml", "2026-04-01", drop_birth_date("9000001"))
    import_version(un_home, v2)
    run = rescreen.run(un_home, db)
    assert run.changed_entities == 1 and run.alerts == 0
    assert run.detail["suppressed"] == 1
    assert [a.status for a in alerts_of(db, record_key="K1")] == ["decided"]
    # a new alias is: the alert fires again, saying so
    v3 = un_version(
        tmp_path / "un3.xml",
        "2026-05-01",
        drop_birth_date("9000001"),
        add_alias("9000001", "Kim Chul Ung"),
    )
    import_version(un_home, v3)
    run = rescreen.run(un_home, db)
    fired = alerts_of(db, run_id=run.id)
    assert pairs(fired) == {("K1", KIM)}
    assert fired[0].status == "open"
    assert "new alias 'Kim Chul Ung'" in fired[0].change["summary"]
    assert fired[0].change["versions"] == {"un_sc": ["2026-04-01 #2", "2026-05-01 #3"]}


def test_open_alert_is_not_repeated_without_new_facts(
    un_home: Settings, db: Database, tmp_path: Path
) -> None:
    register(un_home, db, tmp_path)
    v2 = un_version(tmp_path / "un2.xml", "2026-04-01", drop_birth_date("9000001"))
    import_version(un_home, v2)
    run = rescreen.run(un_home, db)
    assert run.alerts == 0 and run.detail["unchanged"] == 1
    assert [a.status for a in alerts_of(db, record_key="K1")] == ["open"]


def test_decision_on_another_customer_does_not_suppress(
    un_home: Settings, db: Database, analyst: Principal, tmp_path: Path
) -> None:
    path = write_book(tmp_path / "b.csv", [*CUSTOMERS, "K6;Kim Chol Ung;"])
    books.register(un_home, db, path, name="b")
    decide_not_match(un_home, db, analyst, "K1")
    v2 = un_version(tmp_path / "un2.xml", "2026-04-01", add_alias("9000001", "Kim Chul Ung"))
    import_version(un_home, v2)
    decide_not_match(un_home, db, analyst, "K1")  # decided again, on the new facts
    run = rescreen.run(un_home, db)
    assert pairs(alerts_of(db, run_id=run.id)) == {("K6", KIM)}
    assert run.detail["suppressed"] == 1


def test_rescreening_reads_the_cached_index_not_the_book(
    un_home: Settings, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(un_home, db, tmp_path)

    def no_rescan(data: object) -> None:
        raise AssertionError("the book's records were read again")

    monkeypatch.setattr(books, "record_from_data", no_rescan)
    later = un_version(tmp_path / "un2.xml", "2026-04-01", add_alias("9000001", "Kim Chul Ung"))
    import_version(un_home, later)
    run = rescreen.run(un_home, db)
    assert pairs(alerts_of(db, run_id=run.id)) == {("K1", KIM)}
    assert run.detail["timings"]["screen"] >= 0.0
