from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, sanction_of, target_counts
from weerbaar.core.errors import EncodingError, InputError, ParseError
from weerbaar.sources.base import Context

EXCERPT = "sanctions/eu/eu_fsf_excerpt_7entities_2020-04-15.xml"
XML = FIXTURES / "eu_fsf" / "eu_fsf.xml"
CSV = FIXTURES / "eu_fsf" / "eu_fsf.csv"


def original_values(ctx: Context, entity_id: str, prop: str) -> dict[str, str | None]:
    return {s.value: s.original_value for s in ctx.entities[entity_id].statements if s.prop == prop}


def langs(ctx: Context, entity_id: str, prop: str) -> dict[str, str | None]:
    return {s.value: s.lang for s in ctx.entities[entity_id].statements if s.prop == prop}


# -- the real FSF excerpt ----------------------------------------------------
def test_excerpt_lists_persons_and_merges_the_repeated_logical_id(shared: Path) -> None:
    path = shared / EXCERPT
    assert path.read_text(encoding="utf-8").count("<sanctionEntity ") == 7
    ctx = parse_files(path)
    assert ctx.input.format.name == "eu_fsf_xml"
    assert ctx.spec.id == "eu_fsf"
    assert ctx.list_date == "2020-04-15"
    # Seven sanctionEntity elements, but logicalId 5468 appears twice (a test
    # entry added to the sample): one Person per logicalId, and a warning.
    assert target_counts(ctx) == {"Person": 6}
    assert sorted(ctx.targets) == [
        "eu-fsf-191",
        "eu-fsf-5295",
        "eu-fsf-5463",
        "eu-fsf-5468",
        "eu-fsf-5807",
        "eu-fsf-927",
    ]
    assert ctx.warnings["sanctionEntity logicalId 5468 appears more than once (merged)"] == 1
    assert sorted(entity(ctx, "eu-fsf-5468")["name"]) == ["Sok-hwa Hwang", "TestOneWord"]


def test_excerpt_names_birth_dates_and_citizenship(shared: Path) -> None:
    ctx = parse_files(shared / EXCERPT)
    zeid = entity(ctx, "eu-fsf-5295")
    assert zeid["name"] == ["Abid Hammadou"]
    assert zeid["firstName"] == ["Abid"]
    assert zeid["lastName"] == ["Hammadou"]
    assert sorted(zeid["alias"]) == [
        "Abdelhamid Abou Zeid",
        "Abou Abdellah",
        "Amor Mohamed Ghedeir",
        "Youcef Adel",
    ]
    assert sorted(zeid["birthDate"]) == ["1958", "1965-12-12"]
    assert original_values(ctx, "eu-fsf-5295", "birthDate")["1958"] == "circa 1958"
    assert zeid["nationality"] == ["dz"]
    assert zeid["birthCountry"] == ["dz"]
    assert "Touggourt, Wilaya (province) of Ouargla, ALGERIA" in zeid["birthPlace"]
    assert any("Benarouba Bachira" in n for n in zeid["notes"])

    manzi = entity(ctx, "eu-fsf-5807")
    assert manzi["name"] == ["Leo Manzi"]
    assert sorted(manzi["birthDate"]) == ["1953", "1954"]
    assert manzi["nationality"] == ["rw"]
    assert manzi["country"] == ["cd"]
    assert manzi["address"] == [
        "Kikoma forest, Bogoyi, Walikale, North Kivu, CONGO, Democratic Republic of (was Zaire)"
    ]

    han = entity(ctx, "eu-fsf-5463")
    assert han["position"] == ["Director of Korea Ryongaksan General Trading Corporation"]


def test_excerpt_documents(shared: Path) -> None:
    ctx = parse_files(shared / EXCERPT)
    khalid = entity(ctx, "eu-fsf-191")
    assert khalid["name"] == ["Fahd Bin Adballah BIN KHALID"]
    assert "Khalid Shaikh MOHAMMED" in khalid["alias"]
    assert khalid["gender"] == ["male"]
    assert sorted(khalid["birthDate"]) == ["1964-03-01", "1965-04-14"]
    assert khalid["passportNumber"] == ["488555"]
    passport = entity(ctx, "eu-fsf-eu-fsf-191-doc-488555")
    assert passport["holder"] == ["eu-fsf-191"]
    assert "country" not in passport  # countryIso2Code="00": unknown

    aouadi = entity(ctx, "eu-fsf-927")
    assert aouadi["passportNumber"] == ["L191609"]
    assert aouadi["idNumber"] == ["04643632"]
    assert aouadi["address"] == ["23 50th Street, Zehrouni, Tunis, TUNISIA"]
    assert aouadi["notes"] == ["Italian Fiscal Code: DAOMMD74T11Z352Z"]
    card = entity(ctx, "eu-fsf-eu-fsf-927-doc-04643632")
    assert card["type"] == ["National identification card"]
    assert card["country"] == ["tn"]
    assert ctx.entities["eu-fsf-eu-fsf-927-doc-04643632"].schema.name == "Identification"
    assert ctx.entities["eu-fsf-eu-fsf-927-doc-l191609"].schema.name == "Passport"


def test_excerpt_sanctions(shared: Path) -> None:
    ctx = parse_files(shared / EXCERPT)
    sanction = sanction_of(ctx, "eu-fsf-191")
    assert sanction["authorityId"] == ["EU.3579.2"]
    assert sanction["program"] == ["TERR"]
    assert sanction["provisions"] == ["2020/19 (OJ L8I)"]
    assert sanction["startDate"] == ["2020-01-15"]
    assert sanction["authority"] == ["European Union"]
    assert sanction_of(ctx, "eu-fsf-5295")["listingDate"] == ["2008-07-03"]
    # Every unitedNationId in the excerpt is empty: no Sanction claims a UN reference.
    assert not any(e.get("unscId") for e in ctx.entities.values() if e.schema.name == "Sanction")


# -- the fixture, XML and CSV --------------------------------------------------
@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_kim_quotes_the_un_reference(path: Path) -> None:
    ctx = parse_files(path)
    assert ctx.list_date == "2026-03-01"
    assert target_counts(ctx) == {"Person": 2, "Organization": 2}
    kim = entity(ctx, "eu-fsf-900001")
    assert kim["name"] == ["KIM Chol Ung"]
    assert kim["firstName"] == ["Chol Ung"]
    assert kim["lastName"] == ["KIM"]
    assert sorted(kim["alias"]) == ["Kim Cheol Woong", "김철웅"]
    assert kim["weakAlias"] == ["KIM Chol-ung"]
    assert kim["birthDate"] == ["1968-05-02"]
    assert kim["nationality"] == ["kp"]
    assert kim["passportNumber"] == ["745120012"]
    assert kim["gender"] == ["male"]
    assert kim["position"] == ["Director, Fictional Trading Bureau"]
    assert langs(ctx, "eu-fsf-900001", "alias") == {"Kim Cheol Woong": "eng", "김철웅": "kor"}
    sanction = sanction_of(ctx, "eu-fsf-900001")
    assert sanction["unscId"] == ["KPi.990"]
    assert sanction["authorityId"] == ["EU.9001.90"]
    assert sanction["program"] == ["PRK"]
    assert sanction["listingDate"] == ["2021-03-15"]
    passport = entity(ctx, "eu-fsf-eu-fsf-900001-doc-745120012")
    assert passport["country"] == ["kp"]
    assert passport["type"] == ["National passport"]


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_trader_numbers(path: Path) -> None:
    ctx = parse_files(path)
    trader = entity(ctx, "eu-fsf-900004")
    assert ctx.entities["eu-fsf-900004"].schema.name == "Organization"
    assert trader["name"] == ["NORTHERN FICTION TRADING LLC"]
    assert "OOO SEVERNY VYMYSEL" in trader["alias"]
    assert trader["taxNumber"] == ["7701234567"]
    assert trader["innCode"] == ["7701234567"]
    assert trader["registrationNumber"] == ["1027700000017"]
    assert trader["ogrnCode"] == ["1027700000017"]
    assert trader["country"] == ["ru"]
    assert trader["address"] == ["ul. Vymyshlennaya 1, 101000, Moscow, RUSSIAN FEDERATION"]
    assert sanction_of(ctx, "eu-fsf-900004")["reason"] == [
        "Trading company supplying fictional goods."
    ]


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_enterprise_imo_from_remark(path: Path) -> None:
    ctx = parse_files(path)
    bureau = entity(ctx, "eu-fsf-900003")
    assert bureau["imoNumber"] == ["IMO5912345"]
    assert sanction_of(ctx, "eu-fsf-900003")["unscId"] == ["KPe.992"]


@pytest.mark.parametrize("path", [XML, CSV], ids=["xml", "csv"])
def test_fixture_partial_and_ranged_birth_dates_and_weak_alias(path: Path) -> None:
    ctx = parse_files(path)
    petra = entity(ctx, "eu-fsf-900011")
    assert petra["weakAlias"] == ["Petya"]
    assert langs(ctx, "eu-fsf-900011", "alias") == {"Петра Ивановна ФИКТИВНАЯ": "rus"}
    assert sorted(petra["birthDate"]) == ["1974", "1975", "1975-03", "1976"]
    assert original_values(ctx, "eu-fsf-900011", "birthDate")["1974"] == "circa 1974"
    assert "nationality" not in petra  # countryIso2Code="00"
    assert sorted(petra["title"]) == ["Doctor", "Judge"]
    assert petra["idNumber"] == ["KH1234567"]
    card = entity(ctx, "eu-fsf-eu-fsf-900011-doc-kh1234567")
    assert card["description"] == ["known to be false"]
    assert card["authority"] == ["Ministry of Fiction"]


def test_csv_and_xml_give_the_same_entities() -> None:
    from_xml = parse_files(XML)
    from_csv = parse_files(CSV)
    assert from_csv.input.format.name == "eu_fsf_csv"
    assert from_xml.targets == from_csv.targets
    assert from_xml.list_date == from_csv.list_date
    assert sorted(from_xml.entities) == sorted(from_csv.entities)
    for eid, ent in from_xml.entities.items():
        other = from_csv.entities[eid]
        assert ent.schema == other.schema
        assert ent.to_dict()["properties"] == other.to_dict()["properties"], eid
        assert {(s.prop, s.value, s.lang) for s in ent.statements} == {
            (s.prop, s.value, s.lang) for s in other.statements
        }


# -- bad input ---------------------------------------------------------------------
def test_truncated_xml_names_file_and_line(tmp_path: Path) -> None:
    data = XML.read_bytes()
    cut = tmp_path / "eu_cut.xml"
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ParseError) as err:
        parse_files(cut)
    assert "eu_cut.xml" in str(err.value)
    assert "line" in str(err.value)


def test_utf16_csv_is_an_encoding_error(tmp_path: Path) -> None:
    text = CSV.read_bytes().decode("utf-8-sig")
    path = tmp_path / "eu_utf16.csv"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(EncodingError) as err:
        parse_files(path)
    assert "eu_utf16.csv" in str(err.value)
    assert "utf-8" in str(err.value)


def test_header_only_csv_has_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "eu_header.csv"
    path.write_bytes(CSV.read_bytes().splitlines(keepends=True)[0])
    with pytest.raises(ParseError) as err:
        parse_files(path)
    assert "no list entries" in str(err.value)


def test_csv_row_without_logical_id_names_the_row(tmp_path: Path) -> None:
    lines = CSV.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[2].split(";")
    cells[1] = ""
    lines[2] = ";".join(cells)
    path = tmp_path / "eu_noid.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_files(path)
    assert "row 3" in str(err.value)
    assert "Entity_LogicalId" in str(err.value)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "eu_empty.xml"
    path.write_bytes(b"")
    with pytest.raises(InputError) as err:
        parse_files(path, format="eu_fsf_xml")
    assert "empty" in str(err.value)
