"""Screening a customer file: every hit, in input order, and nothing for clean names."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from weerbaar.core.settings import Settings
from weerbaar.matching import Record
from weerbaar.screening import Screener, screen
from weerbaar.screening.pairs import compare_pairs

CUSTOMERS = [
    ("Klantnummer", "Naam", "Geboortedatum", "Type", "IMO"),
    ("K1", "Kim Chol Un", "1968-05-02", "persoon", ""),
    ("K2", "Hendrika Bakker", "1980-01-01", "persoon", ""),
    ("K3", "Sea Pretense", "", "vessel", "IMO 9123453"),
    ("K4", "FIKTIVNAYA, Petra Ivanovna", "1975-03-10", "persoon", ""),
]


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_match_record_ranks_the_listed_person_first(listed: Settings) -> None:
    hits = Screener.open(listed).match_record(Record(schema="Person", names=["Kim Cheol Woong"]))
    assert hits[0].entity_id == "unsc-9000001"
    assert hits[0].match
    assert "un_sc" in hits[0].lists
    assert "Kim" in hits[0].explanation


def test_a_clean_name_has_no_hits(listed: Settings) -> None:
    record = Record(schema="Person", names=["Hendrika Bakker"])
    assert Screener.open(listed).match_record(record) == []


def test_a_customer_file_gives_its_hits_in_input_order(listed: Settings, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "klanten.csv", CUSTOMERS)
    out = tmp_path / "results.csv"
    summary = screen(source, out, settings=listed, progress=False)
    rows = [r for r in read_csv(out) if r["match"] == "yes"]
    firsts = list(dict.fromkeys((r["row"], r["input_id"], r["entity_id"]) for r in rows))
    assert [f[:2] for f in firsts][:1] == [("2", "K1")]
    assert ("2", "K1", "unsc-9000001") in firsts
    assert ("4", "K3", "eu-oj-imo9123453") in firsts
    assert ("5", "K4", "eu-fsf-900011") in firsts
    assert not [r for r in read_csv(out) if r["input_id"] == "K2"]
    assert [int(r["row"]) for r in read_csv(out)] == sorted(int(r["row"]) for r in read_csv(out))
    assert summary.rows == 4
    assert summary.rows_with_match == 3
    assert read_csv(out)[0]["input_Klantnummer"] == "K1"


def test_parallel_screening_keeps_input_order(listed: Settings, tmp_path: Path) -> None:
    body = [row for _ in range(60) for row in CUSTOMERS[1:]]
    source = write_csv(tmp_path / "many.csv", [CUSTOMERS[0], *body])
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    screen(source, one, settings=listed, workers=1, progress=False)
    summary = screen(source, two, settings=listed, workers=2, progress=False)
    assert summary.rows == 240
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_compare_pairs_keeps_rows_and_order(tmp_path: Path) -> None:
    pairs = [("id", "schema", "name1", "name2")]
    pairs += [(str(i), "Person", f"Ivan Petrov {i}", "Ivan Petrov") for i in range(30)]
    pairs.append(("x", "Organization", "Acme Trading LLC", "Zenith Bank"))
    out = tmp_path / "scores.csv"
    assert compare_pairs(write_csv(tmp_path / "pairs.csv", pairs), out) == 31
    rows = read_csv(out)
    assert [r["id"] for r in rows] == [p[0] for p in pairs[1:]]
    assert all(0.0 <= float(r["score"]) <= 1.0 for r in rows)
    assert float(rows[0]["score"]) > float(rows[-1]["score"])


def test_a_hit_scores_as_compare_does_over_names_the_index_folded_together() -> None:
    # The index keeps one of two names with one Latin form (a Cyrillic original and
    # its transliteration); the hit is scored on both, as compare() scores the entity.
    from weerbaar.matching import compare
    from weerbaar.screening.entities import Entry
    from weerbaar.screening.index import CandidateIndex

    record = Record("Person", names=["Sergey Vladimirovich ILIN", "Сергей Владимирович ИЛЬИН"])
    index = CandidateIndex.build([Entry("x-1", "ILIN", "Person", ["x"], record)])
    query = Record("Person", names=["ILIN Vladimirovich Sergey"])
    hits = Screener(index).match_record(query, threshold=0.0)
    assert [h.entity_id for h in hits] == ["x-1"]
    assert hits[0].score == compare(query, record).score


def test_of_equal_scores_the_name_spelled_like_the_query_comes_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two entities whose names score the same against the query (the matcher
    # reads "Mahan-Air" as "MAHAN AIR"); the one spelled as the query is written
    # is shown first, whatever order the index offers them in.
    from weerbaar.matching import compare
    from weerbaar.screening.entities import Entry
    from weerbaar.screening.index import CandidateIndex

    query = Record("Company", names=["MAHAN AIR"])
    exact = Entry("x-exact", "MAHAN AIR", "Company", ["x"], Record("Company", names=["MAHAN AIR"]))
    other = Entry("x-other", "Mahan-Air", "Company", ["x"], Record("Company", names=["Mahan-Air"]))
    assert compare(query, exact.record).score == compare(query, other.record).score
    offered = Screener._worth_scoring
    for backwards in (False, True):

        def worth_scoring(self: Screener, record: Record, backwards: bool = backwards) -> Any:
            found = list(offered(self, record))
            return reversed(found) if backwards else found

        monkeypatch.setattr(Screener, "_worth_scoring", worth_scoring)
        hits = Screener(CandidateIndex.build([exact, other])).match_record(query, threshold=0.0)
        assert [h.entity_id for h in hits] == ["x-exact", "x-other"]
