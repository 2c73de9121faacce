"""``weerbaar monitor ...`` and ``weerbaar decide`` end to end; re-screening after an import."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import cli, cli_json
from tests.monitor.conftest import UN, add_alias, add_individual, un_version, write_book
from weerbaar.accounts import create_user
from weerbaar.core.settings import Settings
from weerbaar.db import Database


def test_monitor_commands_end_to_end(home: Path, tmp_path: Path) -> None:
    assert cli("lists", "import", UN).exit_code == 0
    book = write_book(
        tmp_path / "klanten.csv",
        ["K1;Kim Chol Ung;1968-05-02", "K2;Jan de Vries;", "K3;Newly Listed;"],
        header="Client number;Client name;Date of birth",
    )
    added = cli_json(
        "monitor", "add-book", book, "--name", "klanten", "--column", "id=Client number"
    )
    assert (added["name"], added["records"], added["alerts"]) == ("klanten", 3, 1)
    assert added["screened_versions"] == {"un_sc": 1}
    listed = cli_json("monitor", "books")["books"]
    assert [(b["name"], b["open_alerts"]) for b in listed] == [("klanten", 1)]
    table = cli("monitor", "books")
    assert "klanten" in table.stdout and "un_sc #1" in table.stdout

    # a list import re-screens the books by itself, with a one-line summary
    later = un_version(
        tmp_path / "un2.xml", "2026-04-01", add_individual("9000009", "NEWLY", "LISTED")
    )
    imported = cli("lists", "import", later, "--json")
    assert imported.exit_code == 0
    assert json.loads(imported.stdout)[0]["version"]["seq"] == 2  # stdout stays JSON
    assert "monitor: re-screened 1 changed list entities against 1 book(s): 1 new alerts" in (
        imported.stderr
    )
    alerts = cli_json("monitor", "alerts", "--book", "klanten")["alerts"]
    assert [(a["record_key"], a["entity_id"]) for a in alerts] == [
        ("K3", "unsc-9000009"),
        ("K1", "unsc-9000001"),
    ]
    assert alerts[0]["change"]["kind"] == "added"
    shown = cli("monitor", "alerts")
    assert shown.exit_code == 0 and "K3" in shown.stdout

    # decide: the alert is closed; a run with nothing new raises nothing
    db = Database.open(Settings(home=home))
    with db.session() as s:
        create_user(s, "ana@example.org", "analyst")
        create_user(s, "bot@example.org", "screening")
    db.dispose()
    subject = f"book:{added['id']}:K3"
    refused = cli("decide", subject, "unsc-9000009", "--not-match", "--reason", "x", "--user",
                  "bot@example.org")  # fmt: skip
    assert refused.exit_code == 1 and "may not decide" in refused.stderr
    both = cli("decide", subject, "unsc-9000009", "--not-match", "--match", "--reason", "x",
               "--user", "ana@example.org")  # fmt: skip
    assert both.exit_code == 1 and "exactly one of" in both.stderr
    unknown = cli("decide", subject, "unsc-1", "--not-match", "--reason", "x", "--user",
                  "ana@example.org")  # fmt: skip
    assert unknown.exit_code == 1 and "no listed entity 'unsc-1'" in unknown.stderr
    decided = cli_json("decide", subject, "unsc-9000009", "--not-match", "--reason",
                       "other person, born 1990", "--user", "ana@example.org")  # fmt: skip
    assert decided["verdict"] == "not_match" and decided["entity_id"] == "unsc-9000009"
    remaining = cli_json("monitor", "alerts")["alerts"]
    assert [a["record_key"] for a in remaining] == ["K1"]
    done = cli_json("monitor", "alerts", "--status", "decided")["alerts"]
    assert [(a["record_key"], a["decision_id"]) for a in done] == [("K3", decided["id"])]
    run = cli_json("monitor", "run")
    assert (run["changed_entities"], run["alerts"]) == (0, 0)

    # a new alias on the decided entity fires the alert again
    third = un_version(
        tmp_path / "un3.xml",
        "2026-05-01",
        add_individual("9000009", "NEWLY", "LISTED"),
        add_alias("9000009", "Newly Listed Again"),
    )
    assert cli("lists", "import", third).exit_code == 0
    again = cli_json("monitor", "alerts")["alerts"]
    assert [a["record_key"] for a in again] == ["K3", "K1"]
    assert "new alias 'Newly Listed Again'" in again[0]["change"]["summary"]

    removed = cli("monitor", "remove-book", "klanten")
    assert removed.exit_code == 0 and "removed book 'klanten'" in removed.stdout
    assert cli_json("monitor", "books") == {"books": []}
    missing = cli("monitor", "remove-book", "klanten")
    assert missing.exit_code == 1 and "no book 'klanten'" in missing.stderr


def test_bad_book_is_a_clear_cli_error(home: Path, tmp_path: Path) -> None:
    assert cli("lists", "import", UN).exit_code == 0
    book = write_book(tmp_path / "k.csv", ["K1;Jan;", "K1;Piet;"])
    result = cli("monitor", "add-book", book)
    assert result.exit_code == 1
    assert "duplicate customer ids: 'K1' in rows 2, 3" in result.stderr
    assert cli_json("monitor", "books") == {"books": []}


def test_import_without_books_creates_no_database(home: Path) -> None:
    result = cli("lists", "import", UN)
    assert result.exit_code == 0 and "monitor:" not in result.stderr
    assert not (home / "weerbaar.sqlite3").exists()
