"""Registering customer books: keys, all-or-nothing, replacing, removing, the cached index."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.monitor.conftest import UN, import_version, write_book
from weerbaar.core.errors import ConfigError, InputError, NotFoundError
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import Alert, AuditEvent, Book, BookRecord
from weerbaar.monitor import books, rescreen


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count(Book.id))) or 0,
            s.scalar(select(func.count(BookRecord.id))) or 0,
            s.scalar(select(func.count(Alert.id))) or 0,
        )


def leftovers(settings: Settings) -> list[Path]:
    return sorted(settings.books_dir.rglob("*")) if settings.books_dir.exists() else []


def test_keys_are_customer_ids_or_row_numbers(
    un_home: Settings, db: Database, tmp_path: Path
) -> None:
    with_ids = write_book(tmp_path / "a.csv", ["C-7;Jan de Vries;", "C-9;Kim Chol Ung;1968"])
    without = write_book(tmp_path / "b.csv", ["Jan de Vries", "", "Kim Chol Ung"], header="name")
    books.register(un_home, db, with_ids, screen=False)
    result = books.register(un_home, db, without, screen=False)
    with db.session() as s:
        keys = {k for (k,) in s.execute(select(BookRecord.key))}
        record = s.scalar(select(BookRecord).where(BookRecord.key == "C-9"))
        assert record is not None and record.row == {
            "klantnummer": "C-9",
            "naam": "Kim Chol Ung",
            "geboortedatum": "1968",
        }
        assert record.data["birth_dates"] == ["1968"]
    assert keys == {"C-7", "C-9", "2", "4"}
    assert result.book.name == "b" and result.records == 2
    assert result.book.mapping == {"name": ["name"]}


def test_duplicate_ids_name_the_rows_and_leave_nothing(
    un_home: Settings, db: Database, tmp_path: Path
) -> None:
    path = write_book(
        tmp_path / "dup.csv", ["C1;Jan de Vries;", "C2;Piet Jansen;", "C1;Kim Chol Ung;"]
    )
    with pytest.raises(InputError, match=r"duplicate customer ids: 'C1' in rows 2, 4"):
        books.register(un_home, db, path)
    assert counts(db) == (0, 0, 0)
    assert leftovers(un_home) == []


def test_missing_ids_are_an_error(un_home: Settings, db: Database, tmp_path: Path) -> None:
    path = write_book(tmp_path / "gap.csv", ["C1;Jan de Vries;", ";Piet Jansen;"])
    with pytest.raises(InputError, match=r"1 row\(s\) have no customer id \(rows 3\)"):
        books.register(un_home, db, path)
    assert counts(db) == (0, 0, 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"klantnummer;plaats\nC1;Utrecht\n", "has no column holding a name"),
        (b"PK\x03\x04not really a workbook", "is a ZIP file"),
        ("naam\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_unusable_files_leave_no_half_book(
    un_home: Settings, db: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "klanten.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        books.register(un_home, db, path)
    assert counts(db) == (0, 0, 0)
    assert leftovers(un_home) == []
    with db.session() as s:
        assert s.scalar(select(func.count(AuditEvent.id))) == 0


def test_a_failure_while_storing_leaves_no_half_book(
    un_home: Settings, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_book(tmp_path / "k.csv", ["C1;Kim Chol Ung;1968-05-02"])

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(books.audit, "record", fail)
    with pytest.raises(OSError, match="disk full"):
        books.register(un_home, db, path)
    assert counts(db) == (0, 0, 0)
    assert leftovers(un_home) == []


def test_names_are_unique_unless_replaced(un_home: Settings, db: Database, tmp_path: Path) -> None:
    first = write_book(tmp_path / "k.csv", ["C1;Kim Chol Ung;1968-05-02", "C2;Jan de Vries;"])
    book = books.register(un_home, db, first, name="klanten").book
    with pytest.raises(ConfigError, match="a book named 'klanten' already exists"):
        books.register(un_home, db, first, name="klanten")
    second = write_book(tmp_path / "k2.csv", ["C2;Jan de Vries;", "C3;Piet Jansen;"])
    result = books.register(un_home, db, second, name="klanten", replace=True)
    assert result.replaced and result.book.id == book.id and result.records == 2
    with db.session() as s:
        keys = set(s.scalars(select(BookRecord.key)))
        statuses = {a.record_key: a.status for a in s.scalars(select(Alert))}
    assert keys == {"C2", "C3"}
    assert statuses == {"C1": "withdrawn"}  # C1 left the book
    indexes = list(un_home.books_dir.glob(f"book-{book.id}-*.pickle"))
    assert [p.name for p in indexes] == [f"book-{book.id}-{result.book.digest[:20]}.pickle"]


def test_remove_and_the_index_is_rebuilt_when_missing(
    un_home: Settings, db: Database, tmp_path: Path
) -> None:
    path = write_book(tmp_path / "k.csv", ["C1;Kim Chol Ung;1968-05-02", "C2;Jan de Vries;"])
    book = books.register(un_home, db, path).book
    for cached in un_home.books_dir.glob("book-*.pickle"):
        cached.unlink()
    index = books.book_index(un_home, db, book)
    assert sorted(index.entry(n).id for n in range(len(index))) == ["C1", "C2"]
    assert index.key == book.digest
    assert len(list(un_home.books_dir.glob("book-*.pickle"))) == 1
    assert books.remove(un_home, db, str(book.id)) == "k"
    assert counts(db) == (0, 0, 0)
    assert list(un_home.books_dir.glob("book-*.pickle")) == []
    with pytest.raises(NotFoundError):
        books.remove(un_home, db, "k")
    # ids are not reused, so decisions on "book:1:..." never land on another book
    again = books.register(un_home, db, path, screen=False).book
    assert again.id == book.id + 1


def test_excel_book_with_dutch_headers(un_home: Settings, db: Database, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Relatienummer", "Voornaam", "Achternaam", "Geboortedatum"])
    sheet.append(["R-1", "Chol Ung", "Kim", "02-05-1968"])
    sheet.append(["R-2", "Jan", "de Vries", "01-01-1980"])
    path = tmp_path / "relaties.xlsx"
    workbook.save(path)
    result = books.register(un_home, db, path)
    assert result.records == 2 and result.alerts == 1
    with db.session() as s:
        alert = s.scalars(select(Alert)).one()
    assert (alert.record_key, alert.entity_id) == ("R-1", "unsc-9000001")


def test_a_book_registered_before_any_list_is_screened_by_the_first_import(
    home: Path, tmp_path: Path
) -> None:
    settings = Settings(home=home)
    db = Database.open(settings)
    path = write_book(tmp_path / "k.csv", ["C1;Kim Chol Ung;1968-05-02", "C2;Jan de Vries;"])
    result = books.register(settings, db, path)
    assert (result.alerts, result.book.screened_versions) == (0, {})
    import_version(settings, UN)
    run = rescreen.run(settings, db)
    assert run.changed_entities == 3 and run.alerts == 1
    with db.session() as s:
        alert = s.scalars(select(Alert)).one()
    assert (alert.record_key, alert.entity_id) == ("C1", "unsc-9000001")
    assert alert.change["kind"] == "added" and alert.change["versions"]["un_sc"] == [
        None,
        "2026-03-01 #1",
    ]
    db.dispose()
