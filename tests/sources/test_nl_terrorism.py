from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.fixtures.generators.nl_terrorism import DUTCH_HEADER, entries, write_ods
from tests.sources.helpers import entity, parse_files, sanction_of, target_counts
from weerbaar.core.errors import ParseError, UnknownFormatError

ODS = FIXTURES / "nl_terrorism" / "eng-terrorismelijst.ods"
TESTER_ID = "nl-terr-de-tester-jan-pieter-1990-07-14"


def test_fixture_person() -> None:
    ctx = parse_files(ODS)
    assert ctx.input.format.name == "nl_terrorism_ods"
    assert target_counts(ctx) == {"Person": 2, "Organization": 1}
    tester = entity(ctx, TESTER_ID)
    assert tester["name"] == ["Jan Pieter de Tester"]
    assert tester["firstName"] == ["Jan Pieter"]
    assert tester["lastName"] == ["de Tester"]
    assert tester["alias"] == ["Abu Jan"]
    assert tester["birthDate"] == ["1990-07-14"]
    assert tester["birthPlace"] == ["Utrecht, Nederland"]
    assert tester["birthCountry"] == ["nl"]


def test_fixture_sanction_links_the_staatscourant_notice() -> None:
    ctx = parse_files(ODS)
    sanction = sanction_of(ctx, TESTER_ID)
    assert sanction["authority"] == ["Minister van Buitenlandse Zaken"]
    assert sanction["country"] == ["nl"]
    assert sanction["program"] == ["Sanctieregeling terrorisme 2007-II"]
    assert sanction["listingDate"] == ["2019-09-03"]
    assert sanction["provisions"] == ["Stcrt. 2019, 48123"]
    assert "https://zoek.officielebekendmakingen.nl/stcrt-2019-48123.html" in sanction["sourceUrl"]


def test_fixture_text_dates_aliases_and_organisation() -> None:
    ctx = parse_files(ODS)
    samira_id = "nl-terr-el-verzonnen-samira-1988-03"
    samira = entity(ctx, samira_id)
    assert samira["birthDate"] == ["1988-03"]
    assert sorted(samira["alias"]) == ["Samira V.", "Umm Fictie"]
    assert sanction_of(ctx, samira_id)["listingDate"] == ["2021-11-12"]
    org = entity(ctx, "nl-terr-stichting-fictieve-steun")
    assert org["name"] == ["Stichting Fictieve Steun"]
    assert org["alias"] == ["SFS"]
    assert org["country"] == ["nl"]
    assert "birthDate" not in org


def test_list_date_comes_from_the_file_name(tmp_path: Path) -> None:
    dated = tmp_path / "eng-terrorismelijst_2026-03-01.ods"
    shutil.copy(ODS, dated)
    assert parse_files(dated).list_date == "2026-03-01"


def test_dutch_headers_and_updated_date(tmp_path: Path) -> None:
    ned = tmp_path / "ned-terrorismelijst.ods"
    write_ods(
        ned,
        DUTCH_HEADER,
        entries(),
        ["Nationale sanctielijst terrorisme", "Bijgewerkt op 3 maart 2026"],
    )
    ctx = parse_files(ned)
    assert ctx.list_date == "2026-03-03"
    english = parse_files(ODS)
    assert sorted(ctx.targets) == sorted(english.targets)
    assert entity(ctx, TESTER_ID) == entity(english, TESTER_ID)
    assert sanction_of(ctx, TESTER_ID)["provisions"] == ["Stcrt. 2019, 48123"]


def test_truncated_ods_is_a_parse_error_naming_the_file(tmp_path: Path) -> None:
    data = ODS.read_bytes()
    cut = tmp_path / "eng-terrorismelijst_cut.ods"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ParseError) as err:
        parse_files(cut, format="nl_terrorism_ods")
    assert "eng-terrorismelijst_cut.ods" in str(err.value)
    assert "damaged or truncated" in str(err.value)


def test_other_spreadsheet_is_not_detected(tmp_path: Path) -> None:
    other = tmp_path / "begroting.ods"
    write_ods(other, ["Post", "Bedrag", "Opmerking"], [["Huur", "1200", "maand"]], ["Begroting"])
    with pytest.raises(UnknownFormatError) as err:
        parse_files(other)
    assert "begroting.ods" in str(err.value)


def test_sheet_without_the_list_header_is_a_parse_error(tmp_path: Path) -> None:
    odd = tmp_path / "eng-terrorismelijst_odd.ods"
    header = ["Surname", "First name(s)", "Remarks"]
    write_ods(odd, header, [["de Tester", "Jan", "x"]], ["National Terrorism Sanctions List"])
    with pytest.raises(UnknownFormatError):
        parse_files(odd)  # a people sheet, but not the ministry's list
    with pytest.raises(ParseError) as err:
        parse_files(odd, format="nl_terrorism_ods")
    assert "eng-terrorismelijst_odd.ods" in str(err.value)
    assert "header" in str(err.value)
