"""``weerbaar match``, ``screen`` and ``compare-pairs`` as a user runs them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.cli_helpers import cli, cli_json
from tests.conftest import FIXTURES
from weerbaar.cli import common


def import_fixtures() -> None:
    result = cli("lists", "import", *sorted(p for p in FIXTURES.glob("*/*") if p.is_file()))
    assert result.exit_code == 0, result.output


def test_match_json_has_the_query_and_scored_hits(home: Path) -> None:
    import_fixtures()
    data = cli_json("match", "Kim Cheol Woong", "--schema", "person", "--birth-date", "1968")
    assert data["query"] == {"name": "Kim Cheol Woong", "schema": "Person"}
    hit = data["hits"][0]
    assert set(hit) == {
        "entity_id", "caption", "schema", "lists", "list_dates", "score", "match",
        "matched_name", "explanation",
    }  # fmt: skip
    assert hit["entity_id"] == "unsc-9000001"
    assert hit["match"] is True
    assert 0.0 <= hit["score"] <= 1.0


def test_match_prints_a_table(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_fixtures()
    # wide enough that rich does not wrap the name and id cells
    monkeypatch.setattr(common.console, "width", 250)
    result = cli("match", "OCEAN FICTION", "--schema", "vessel")
    assert result.exit_code == 0, result.output
    # the vessel is linked across six lists by its IMO number; the EU Official
    # Journal entry gives the group its id (the table may wrap the id's tail)
    assert "OCEAN FICTION" in result.stdout
    assert "eu-oj-imo9123453" in result.stdout


def test_match_without_lists_says_how_to_import(home: Path) -> None:
    result = cli("match", "Anyone")
    assert result.exit_code == 1
    assert "weerbaar lists import" in result.output


def test_screen_writes_results_and_a_summary(home: Path, tmp_path: Path) -> None:
    import_fixtures()
    source = tmp_path / "customers.csv"
    source.write_text(
        "id,name,type\nC1,Petra Ivanovna Fiktivnaya,person\nC2,Hendrika Bakker,person\n"
    )
    out = tmp_path / "results.csv"
    summary = cli_json("screen", source, "-o", out, "--workers", "1")
    assert summary["rows"] == 2
    assert summary["rows_with_match"] == 1
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["input_id"] for r in rows} == {"C1"}


def test_screen_with_an_unknown_column_is_an_error(home: Path, tmp_path: Path) -> None:
    import_fixtures()
    source = tmp_path / "customers.csv"
    source.write_text("id,name\nC1,Someone\n")
    result = cli("screen", source, "-o", tmp_path / "r.csv", "--column", "name=Client")
    assert result.exit_code == 1
    assert "no column 'Client'" in result.output


def test_compare_pairs_adds_a_score_column(tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text(
        "schema,name1,name2,label\nPerson,Ivan Petrov,Petrov Ivan,1\n"
        "Company,Acme LLC,Zenith Bank,0\n"
    )
    out = tmp_path / "scores.csv"
    result = cli("compare-pairs", source, "-o", out)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["label"] for r in rows] == ["1", "0"]
    assert float(rows[0]["score"]) > float(rows[1]["score"])


def test_compare_pairs_names_the_missing_columns(tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text("schema,left,right\nPerson,a,b\n")
    result = cli("compare-pairs", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert "'name1', 'name2'" in result.output


def test_compare_pairs_refuses_a_truncated_quote_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text('schema,name1,name2\nPerson,"unclosed,x\n')
    out = tmp_path / "out.csv"
    result = cli("compare-pairs", source, "-o", out)
    assert result.exit_code == 1
    assert "line 2" in result.output and "malformed CSV" in result.output
    assert not out.exists()


def test_match_and_screen_explain_in_plain_dutch(home: Path, tmp_path: Path) -> None:
    import_fixtures()
    data = cli_json("match", "Kim Cheol Woong", "--birth-date", "1968", "--language", "nl")
    top = data["hits"][0]["explanation"]
    assert top.startswith("Score 0,") and "een treffer" in top and "Gekoppeld:" in top
    customers = tmp_path / "klanten.csv"
    customers.write_text("name,birth_date\nKim Cheol Woong,1968\n", encoding="utf-8")
    out = tmp_path / "results.csv"
    result = cli("screen", str(customers), "-o", str(out), "--language", "en", "--workers", "1")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "a match (threshold" in text and "Aligned:" in text
    bad = cli("match", "Kim", "--language", "fr")
    assert bad.exit_code == 1 and "use en (English) or nl (Dutch)" in bad.output
