from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, sanction_of, target_counts
from weerbaar.core.errors import InputError, ParseError

FIXTURE = FIXTURES / "eu_oj"
REAL = "sanctions/eu/eu_oj"


def read_rows(folder: Path, kind: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((folder / kind).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


def test_fixture_is_one_list_version_from_its_folder() -> None:
    ctx = parse_files(FIXTURE)
    assert ctx.spec.id == "eu_oj"
    assert len(ctx.input.paths) == 5  # 3 consolidated, 1 amendment, the pins
    # newest of the pins (2026-07-17) and the amending act's listing date
    assert ctx.list_date == "2026-07-24"
    assert target_counts(ctx) == {"Vessel": 3, "Person": 2, "Company": 1, "LegalEntity": 1}


def test_all_files_named_in_one_command_read_the_same() -> None:
    files = sorted(p for p in FIXTURE.rglob("*.csv"))
    assert sorted(parse_files(*files).entities) == sorted(parse_files(FIXTURE).entities)


def test_amendment_replaces_an_entry_and_adds_new_ones() -> None:
    ctx = parse_files(FIXTURE)
    trader = entity(ctx, "eu-oj-32014r0833-iv-901")
    assert "Northern Fiction" in trader["alias"]  # from the amending act
    assert trader["registrationNumber"] == ["7701234567"]
    assert trader["innCode"] == ["7701234567"]  # printed "(Tax ID/INN)"
    assert entity(ctx, "eu-oj-32014r0833-iv-902") == {
        "name": ["FICTION PARTS JSC"],
        "alias": ["FPJ"],  # printed "FICTION PARTS JSC (FPJ)"
        "innCode": ["7702345678"],
        "kppCode": ["770201001"],
    }
    sanction = sanction_of(ctx, "eu-oj-imo9345673")
    assert sanction["startDate"] == ["2026-07-24"]
    assert any("CELEX:32026R9901" in u for u in sanction["sourceUrl"])


def test_person_values_are_cleaned() -> None:
    ctx = parse_files(FIXTURE)
    kim = entity(ctx, "eu-oj-32017r1509-xiii.a-77")
    assert kim["nationality"] == ["kp"]
    assert sorted(kim["birthDate"]) == ["1968-05-02", "1969-05-02"]
    assert kim["passportNumber"] == ["745120012"]
    assert kim["gender"] == ["male"]
    pak = entity(ctx, "eu-oj-32017r1509-xiii.a-78")
    assert sorted(pak["nationality"]) == ["ir", "us"]
    assert sorted(pak["birthDate"]) == ["1960-12-13", "1960-12-30"]
    assert ctx.warnings["unreadable date '(a) 1.3.2024' in startDate"] == 1


def test_sanction_carries_act_annex_programme_measure_reason() -> None:
    ctx = parse_files(FIXTURE)
    sanction = sanction_of(ctx, "eu-oj-32017r1509-xiii.a-77")
    assert sanction["program"] == ["Regulation (EU) 2017/1509, Annex XIII.A"]
    assert sanction["programId"] == ["EU-PRK"]
    assert sanction["provisions"] == ["Asset freeze"]
    assert sanction["reason"] == ["Representative of a DPRK bank abroad."]
    assert sanction["startDate"] == ["2021-03-15"]
    assert sanction["unscId"] == ["KPi.990"]
    assert sanction["authority"] == ["European Union"]


def test_vessels_are_keyed_by_imo_and_a_bad_check_digit_is_noted() -> None:
    ctx = parse_files(FIXTURE)
    assert entity(ctx, "eu-oj-imo9123453")["imoNumber"] == ["IMO9123453"]
    fable = entity(ctx, "eu-oj-32014r0833-xlii-9002")
    assert "imoNumber" not in fable
    assert fable["notes"] == ["IMO number as listed: 9456780"]


def test_amendment_alone_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        parse_files(FIXTURE / "32026R9901.csv")
    assert "import it together with its main file" in str(err.value)


def test_wrong_header_names_the_columns(tmp_path: Path) -> None:
    bad = tmp_path / "32014R0833.csv"
    text = (FIXTURE / "32014R0833.csv").read_text(encoding="utf-8")
    bad.write_text(text.replace(",imoNumber,", ",imo,", 1), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    message = str(err.value)
    assert "32014R0833.csv (line 1)" in message
    assert "missing imoNumber" in message and "unexpected imo" in message
    assert "Fix:" in message


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "32014R0833.csv"
    data = (FIXTURE / "32014R0833.csv").read_bytes()
    bad.write_bytes(data[: data.index(b"OCEAN FICTION")])
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    assert "32014R0833.csv (line 3)" in str(err.value)
    assert "cells instead of 45" in str(err.value)


def test_broken_quote_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "32014R0833.csv"
    text = (FIXTURE / "32014R0833.csv").read_text(encoding="utf-8")
    bad.write_text(text.replace(",FABLE TIDE,", ',"FABLE" TIDE,', 1), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    assert "32014R0833.csv (line 4)" in str(err.value)
    assert "malformed CSV" in str(err.value)


def test_same_act_twice_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "copy.csv"
    copy.write_bytes((FIXTURE / "32014R0833.csv").read_bytes())
    with pytest.raises(ParseError) as err:
        parse_files(FIXTURE, copy)
    assert "act 32014R0833 is also in" in str(err.value)


# -- the real transcriptions ----------------------------------------------------------
def test_real_rows_per_schema(shared: Path) -> None:
    """What the files hold, counted with the csv module alone."""
    folder = shared / REAL
    consolidated = read_rows(folder, "consolidated")
    amendments = read_rows(folder, "amendments")
    assert len(list((folder / "consolidated").glob("*.csv"))) == 45
    assert len(list((folder / "amendments").glob("*.csv"))) == 11
    assert Counter(r["schema"] for r in consolidated) == {
        "Person": 4500,
        "LegalEntity": 2553,
        "Vessel": 708,
        "Company": 200,
        "Asset": 29,
        "Organization": 27,
    }
    assert len(amendments) == 417


def test_real_set_imports_as_one_version(shared: Path) -> None:
    folder = shared / REAL
    ctx = parse_files(folder)
    assert len(ctx.input.paths) == 57
    # newest: the amending acts 32026R1940/1941, listing on 7.8.2026
    assert ctx.list_date == "2026-08-07"
    # entries after the amendments (an entry's rows are one entity; a ship is
    # one entity per IMO number wherever it is listed)
    assert target_counts(ctx) == {
        "Person": 4569,
        "LegalEntity": 2736,
        "Vessel": 734,
        "Company": 303,
        "Asset": 36,
        "Organization": 27,
    }
    vessels = [e for e in ctx.iter_targets() if e.schema.name == "Vessel"]
    # one vessel per IMO number; one listed without a valid one
    assert len({v for e in vessels for v in e.get("imoNumber")}) == 733
    assert sum(1 for e in vessels if not e.get("imoNumber")) == 1


def test_real_amendment_adds_the_july_vessels(shared: Path) -> None:
    folder = shared / REAL
    with (folder / "amendments" / "32026R1848.csv").open(encoding="utf-8", newline="") as fh:
        added = [r for r in csv.DictReader(fh) if r["annex"] == "XLII"]
    ctx = parse_files(folder)
    for row in added:
        found = [
            e
            for e in ctx.iter_targets()
            if f"IMO{row['imoNumber']}" in e.get("imoNumber", quiet=True)
        ]
        assert found, row["name"]


def test_real_entry_with_typed_identifier(shared: Path) -> None:
    ctx = parse_files(shared / REAL)
    sft = entity(ctx, "eu-oj-32014r0833-iv-581")
    assert sft["name"] == ["SFT LLC"]
    assert sft["innCode"] == ["7725842590"]
    sanction = sanction_of(ctx, "eu-oj-32014r0833-iv-581")
    assert sanction["program"] == ["Regulation (EU) No 833/2014, Annex IV"]
    assert sanction["programId"] == ["EU-RUS"]
    assert sanction["provisions"] == ["Export control"]
