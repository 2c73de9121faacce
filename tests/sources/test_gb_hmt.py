from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, sanctions_of, target_counts
from weerbaar.core.errors import EncodingError, ParseError, UnknownFormatError
from weerbaar.sources.base import Context
from weerbaar.sources.gb_hmt.common import split_numbered, uk_dates

CONLIST = "sanctions/uk/uk_ofsi_conlist_2025-04-14.xlsx"
FIXTURE_FILES = [FIXTURES / "gb_hmt" / "ConList.xlsx", FIXTURES / "gb_hmt" / "ConList.csv"]


@pytest.fixture(scope="module")
def conlist(shared: Path) -> Context:
    return parse_files(shared / CONLIST)


def test_conlist_counts_match_manifest(conlist: Context) -> None:
    counts = target_counts(conlist)
    assert counts["Person"] == 3663
    assert counts["LegalEntity"] + counts["Organization"] == 1010
    assert counts["Vessel"] == 15
    assert sum(counts.values()) == 4688
    assert conlist.list_date == "2025-04-14"
    assert conlist.input.format.name == "gb_hmt_xlsx"


def test_conlist_ship_has_imo_and_ship_details(conlist: Context) -> None:
    ship = entity(conlist, "gb-hmt-13651")
    assert ship["name"] == ["SAM JONG 2"]
    assert ship["imoNumber"] == ["IMO7408873"]
    assert ship["flag"] == ["kp"]
    assert ship["pastFlags"] == ["ru"]
    assert ship["type"] == ["Oil tanker"]
    assert ship["buildDate"] == ["1975"]
    owner = entity(conlist, ship["owner"][0])
    assert owner["name"] == ["Korea Samjong Shipping"]
    assert "AKTIVA" in ship["alias"]


def test_conlist_sanction_carries_regime_uk_ref_and_un_ref(conlist: Context) -> None:
    (sanction,) = sanctions_of(conlist, "gb-hmt-13378")
    assert sanction["program"] == ["Central African Republic"]
    assert sanction["authorityId"] == ["CAF0011"]
    assert sanction["unscId"] == ["CFi.010"]
    assert sanction["listingDate"] == ["2016-09-01"]
    assert sanction["startDate"] == ["2016-08-23"]
    assert sanction["modifiedAt"] == ["2021-02-01"]
    kony = entity(conlist, "gb-hmt-13378")
    assert sorted(kony["birthDate"]) == ["1992", "1993", "1994", "1995"]
    assert "1-P" in kony["weakAlias"]


def test_conlist_reasons_and_gender_leave_other_information(conlist: Context) -> None:
    haq = entity(conlist, "gb-hmt-15672")
    assert haq["name"] == ["Mian Abdul HAQ"]
    assert haq["gender"] == ["male"]
    assert "notes" not in haq  # the reference, reasons and gender were all taken out
    (sanction,) = sanctions_of(conlist, "gb-hmt-15672")
    assert sanction["program"] == ["Global Human Rights"]
    assert sanction["authorityId"] == ["GHR0086"]
    assert sanction["reason"][0].startswith("Mian Abdul HAQ is a cleric")


def test_conlist_target_under_two_regimes_has_two_sanctions(conlist: Context) -> None:
    sanctions = sanctions_of(conlist, "gb-hmt-11241")
    assert sorted(s["program"][0] for s in sanctions) == ["Iran (Nuclear)", "Syria"]
    assert all(sorted(s["authorityId"]) == ["INU0082", "SYR0310"] for s in sanctions)


def test_conlist_numbered_passports_are_split(conlist: Context) -> None:
    target = entity(conlist, "gb-hmt-13312")
    assert sorted(target["passportNumber"]) == ["223611", "C00146605"]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=["xlsx", "csv"])
def test_fixture_kim(path: Path) -> None:
    ctx = parse_files(path)
    assert ctx.list_date == "2026-01-20"
    assert target_counts(ctx) == {"Person": 2, "LegalEntity": 1, "Vessel": 1}
    kim = entity(ctx, "gb-hmt-90101")
    assert kim["name"] == ["Chol Ung KIM"]
    assert kim["firstName"] == ["Chol"]
    assert kim["lastName"] == ["KIM"]
    assert sorted(kim["alias"]) == ["Kim Cheol Woong", "김철웅"]
    assert kim["weakAlias"] == ["KIM Chol-ung"]
    assert kim["birthDate"] == ["1968-05-02"]
    assert kim["nationality"] == ["kp"]
    assert kim["passportNumber"] == ["745120012"]
    assert kim["gender"] == ["male"]
    (sanction,) = sanctions_of(ctx, "gb-hmt-90101")
    assert sanction["unscId"] == ["KPi.990"]
    assert sanction["authorityId"] == ["DPR9990"]
    assert sanction["program"] == ["Democratic People's Republic of Korea"]
    assert sanction["listingDate"] == ["2021-03-15"]
    assert sanction["startDate"] == ["2020-12-31"]
    assert sanction["authority"] == ["HM Treasury, Office of Financial Sanctions Implementation"]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=["xlsx", "csv"])
def test_fixture_partial_dates_and_numbered_cells(path: Path) -> None:
    ctx = parse_files(path)
    pavel = entity(ctx, "gb-hmt-90105")
    assert sorted(pavel["birthDate"]) == ["1968-05", "1970"]
    assert sorted(pavel["passportNumber"]) == ["7101234567", "C00146605"]
    assert pavel["idNumber"] == ["770100112233"]
    assert sorted(pavel["nationality"]) == ["ru", "ua"]
    assert sorted(pavel["birthPlace"]) == ["Kalinin", "Tver"]
    assert pavel["previousName"] == ["Pavel PRIDUMANNY"]
    assert pavel["alias"] == ["Pavel FIKTIVNYI"]
    passports = {
        e.first("number"): e.first("description")
        for e in ctx.entities.values()
        if e.schema.name == "Passport" and e.first("holder") == "gb-hmt-90105"
    }
    assert passports == {"7101234567": "Russia", "C00146605": "Ukraine, issued 2015"}


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=["xlsx", "csv"])
def test_fixture_ship_and_entity(path: Path) -> None:
    ctx = parse_files(path)
    tanker = entity(ctx, "gb-hmt-90103")
    assert tanker["imoNumber"] == ["IMO9123453"]
    assert tanker["previousName"] == ["SEA PRETENCE"]
    assert tanker["flag"] == ["cm"]
    assert sorted(tanker["pastFlags"]) == ["lr", "pa"]
    assert tanker["tonnage"] == ["81000"]
    assert tanker["notes"] == ["Length of ship: 244"]
    trader = entity(ctx, "gb-hmt-90104")
    assert trader["innCode"] == ["7701234567"]
    assert trader["ogrnCode"] == ["1027700000017"]
    assert trader["country"] == ["ru"]
    assert "ООО СЕВЕРНЫЙ ВЫМЫСЕЛ" in trader["alias"]
    assert trader["legalForm"] == ["Limited Liability Company"]


def test_fixture_xlsx_and_csv_give_the_same_entities() -> None:
    xlsx, csv = (parse_files(p) for p in FIXTURE_FILES)

    def dump(ctx: Context) -> dict[str, dict[str, list[str]]]:
        return {
            k: {p: sorted(v) for p, v in e.to_dict()["properties"].items()}
            for k, e in ctx.entities.items()
        }

    assert dump(xlsx) == dump(csv)


def test_uk_date_wording() -> None:
    assert uk_dates("00/00/1994") == (("1994",), ())
    assert uk_dates("00/05/1994") == (("1994-05",), ())
    assert uk_dates("dd/07/1978") == (("1978-07",), ())
    assert uk_dates("05/1994") == (("1994-05",), ())
    assert uk_dates("1994") == (("1994",), ())
    assert uk_dates("(1) 01/02/1970 (2) 00/00/1971") == (("1970-02-01", "1971"), ())
    assert uk_dates("15/08/19yy") == ((), ("15/08/19yy",))
    assert split_numbered("(1) 223611 (2) C00146605") == ["223611", "C00146605"]
    assert split_numbered("(1) 20645897 (2) -") == ["20645897"]


def test_truncated_xlsx_is_a_parse_error_naming_the_file(tmp_path: Path) -> None:
    data = FIXTURE_FILES[0].read_bytes()
    cut = tmp_path / "ConList_cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ParseError) as err:
        parse_files(cut, format="gb_hmt_xlsx")
    assert "ConList_cut.xlsx" in str(err.value)
    assert "damaged or truncated" in str(err.value)


def test_csv_in_another_encoding_names_file_and_line(tmp_path: Path) -> None:
    text = FIXTURE_FILES[1].read_text(encoding="utf-8")
    bad = tmp_path / "ConList_cp1252.csv"
    bad.write_bytes(text.encode("cp1252", errors="replace"))
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "‘" in row)
    with pytest.raises(EncodingError) as err:
        parse_files(bad)
    assert "ConList_cp1252.csv" in str(err.value)
    assert f"line {line}" in str(err.value)


def test_other_workbook_is_not_detected(tmp_path: Path) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Invoice", "Amount", "Name 6"])
    sheet.append(["2026-001", 12.5, "ACME"])
    other = tmp_path / "invoices.xlsx"
    wb.save(other)
    with pytest.raises(UnknownFormatError) as err:
        parse_files(other)
    assert "invoices.xlsx" in str(err.value)


def test_conlist_without_header_is_a_parse_error(tmp_path: Path) -> None:
    text = FIXTURE_FILES[1].read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace("Group ID", "Group Number")
    bad = tmp_path / "ConList_noid.csv"
    bad.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_files(bad, format="gb_hmt_csv")
    assert "ConList_noid.csv" in str(err.value)
    assert "Group ID" in str(err.value)
