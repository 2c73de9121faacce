from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, sanction_of, target_counts
from weerbaar.core.errors import EncodingError, ParseError
from weerbaar.sources.base import Context

XML = FIXTURES / "gb_fcdo" / "UK_Sanctions_List.xml"
CSV = FIXTURES / "gb_fcdo" / "UK_Sanctions_List.csv"


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_counts_and_list_date(path: Path) -> None:
    ctx = parse_files(path)
    assert ctx.input.format.name == f"gb_fcdo_{path.suffix[1:]}"
    assert target_counts(ctx) == {"Person": 2, "LegalEntity": 1, "Vessel": 1}
    assert ctx.list_date == "2026-03-02"


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_ship(path: Path) -> None:
    ctx = parse_files(path)
    tanker = entity(ctx, "gb-fcdo-rus9103")
    assert tanker["name"] == ["OCEAN FICTION"]
    assert tanker["alias"] == ["SEA PRETENCE"]
    assert tanker["imoNumber"] == ["IMO9123453"]
    assert tanker["flag"] == ["cm"]
    assert tanker["pastFlags"] == ["pa"]
    assert tanker["type"] == ["Crude Oil Tanker"]
    assert tanker["buildDate"] == ["2004"]
    assert entity(ctx, tanker["owner"][0])["name"] == ["Fiction Maritime Ltd"]
    sanction = sanction_of(ctx, "gb-fcdo-rus9103")
    assert sanction["authorityId"] == ["RUS9103"]
    assert sanction["program"] == ["The Russia (Sanctions) (EU Exit) Regulations 2019"]
    assert sorted(sanction["provisions"]) == ["Prohibition of port entry", "Ship specification"]
    assert sanction["listingDate"] == ["2025-05-20"]
    assert sanction["authority"] == ["Foreign, Commonwealth & Development Office"]


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_entity(path: Path) -> None:
    ctx = parse_files(path)
    trader = entity(ctx, "gb-fcdo-rus9104")
    assert trader["name"] == ["NORTHERN FICTION TRADING LLC"]
    assert sorted(trader["alias"]) == ["OOO SEVERNY VYMYSEL", "ООО СЕВЕРНЫЙ ВЫМЫСЕЛ"]
    assert trader["innCode"] == ["7701234567"]
    assert trader["ogrnCode"] == ["1027700000017"]
    assert trader["email"] == ["info@northern-fiction.example"]
    assert trader["address"] == ["ul. Vymyshlennaya 1, Moscow, 101000, Russia"]
    assert trader["country"] == ["ru"]


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_people(path: Path) -> None:
    ctx = parse_files(path)
    kim = entity(ctx, "gb-fcdo-dpr9990")
    assert kim["name"] == ["Chol Ung KIM"]
    assert kim["weakAlias"] == ["KIM Chol-ung"]
    assert kim["alias"] == ["김철웅"]
    assert kim["passportNumber"] == ["745120012"]
    assert sanction_of(ctx, "gb-fcdo-dpr9990")["unscId"] == ["KPi.990"]
    anna = entity(ctx, "gb-fcdo-ghr9005")
    assert anna["name"] == ["Anna Petrovna VYDUMKINA"]
    assert anna["alias"] == ["Anna VYDUMKINA-ORLOVA"]
    assert anna["weakAlias"] == ["Anya V."]
    assert sorted(anna["birthDate"]) == ["1962", "1978-07"]
    assert anna["gender"] == ["female"]
    assert anna["idNumber"] == ["123-456-789 00"]
    assert anna["birthPlace"] == ["Kazan, Russia"]
    assert anna["birthCountry"] == ["ru"]
    assert "unscId" not in sanction_of(ctx, "gb-fcdo-ghr9005")


def test_xml_and_csv_give_the_same_entities() -> None:
    def dump(ctx: Context) -> dict[str, dict[str, list[str]]]:
        return {
            k: {p: sorted(v) for p, v in e.to_dict()["properties"].items()}
            for k, e in ctx.entities.items()
        }

    assert dump(parse_files(XML)) == dump(parse_files(CSV))


def test_truncated_xml_names_file_and_line(tmp_path: Path) -> None:
    data = XML.read_bytes()
    cut = tmp_path / "UK_Sanctions_List_cut.xml"
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ParseError) as err:
        parse_files(cut)
    assert "UK_Sanctions_List_cut.xml" in str(err.value)
    assert "line" in str(err.value)


def test_csv_in_another_encoding_names_file_and_line(tmp_path: Path) -> None:
    text = CSV.read_text(encoding="utf-8")
    bad = tmp_path / "UK_Sanctions_List_cp1252.csv"
    bad.write_bytes(text.encode("cp1252", errors="replace"))
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "’" in row)
    with pytest.raises(EncodingError) as err:
        parse_files(bad)
    assert "UK_Sanctions_List_cp1252.csv" in str(err.value)
    assert f"line {line}" in str(err.value)


def test_designation_without_unique_id_is_a_parse_error(tmp_path: Path) -> None:
    text = XML.read_text(encoding="utf-8").replace("<UniqueID>RUS9104</UniqueID>", "")
    bad = tmp_path / "UK_Sanctions_List_noid.xml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    assert "UK_Sanctions_List_noid.xml" in str(err.value)
    assert "UniqueID" in str(err.value)
