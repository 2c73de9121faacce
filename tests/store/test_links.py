"""Cross-list links: explicit keys only, never two entries of one list, schema-compatible."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import cli, cli_json
from tests.conftest import FIXTURES

UN = "sanctions/un/un_sc_consolidated_2026-02-27.xml"
UK = "sanctions/uk/uk_ofsi_conlist_2025-04-14.xlsx"
SDN = "sanctions/ofac/ofac_sdn_2024-05-03.csv"


def test_un_and_uk_link_by_un_reference(home: Path, shared: Path) -> None:
    assert cli("lists", "import", shared / UN, shared / UK).exit_code == 0
    summary = cli_json("lists", "links")
    assert summary["by_key"]["unsc"] > 600
    assert summary["by_sources"]["gb_hmt+un_sc"] > 600
    # every group holds at most one entry per list
    report = cli_json("entity", "unsc-6908046")  # Ocean Maritime Management, KPe.020
    sources = [m.split("-")[0] for m in report["members"]]
    assert len(sources) == len(set(sources)) == 2
    assert any(link["key"] == "unsc" and link["value"] == "KPE.020" for link in report["links"])


def test_ofac_and_eu_vessels_link_by_imo(home: Path, shared: Path) -> None:
    vessels = shared / "sanctions/vessels/eu_designated_vessels_annexXLII_2025-10-24.csv"
    assert cli("lists", "import", shared / SDN, vessels).exit_code == 0
    summary = cli_json("lists", "links")
    assert summary["by_key"]["imo"] == summary["by_sources"]["eu_vessels+us_ofac_sdn"] > 10


def test_fixture_cast_is_linked_across_lists(home: Path) -> None:
    files = sorted(p for p in FIXTURES.glob("*/*") if p.is_file())
    assert cli("lists", "import", *files).exit_code == 0
    kim = cli_json("entity", "unsc-9000001")
    kim_sources = {s["source"] for s in kim["statements"]}
    assert {"un_sc", "eu_fsf"} <= kim_sources
    assert kim["schema"] == "Person"
    # the entity report works from any member id and gives the same group
    other = next(m for m in kim["members"] if not m.startswith("unsc-"))
    assert cli_json("entity", other)["id"] == "unsc-9000001"


def test_identical_passport_without_a_shared_name_does_not_link(home: Path, tmp_path: Path) -> None:
    """Passport numbers are only unique per country: a name token must be shared too."""
    maria = tmp_path / "a.ftm.json"
    maria.write_text(
        '{"id": "a-1", "schema": "Person", "properties": {"name": '
        '["Maria Gonzalez"], "passportNumber": ["745120012"]}, "target": true}\n'
    )
    kim = tmp_path / "b.ftm.json"
    kim.write_text(
        '{"id": "b-1", "schema": "Person", "properties": {"name": '
        '["Chol Ung Kim"], "passportNumber": ["745-120-012"]}, "target": true}\n'
    )
    assert cli("lists", "import", FIXTURES / "un_sc" / "un_consolidated.xml").exit_code == 0
    assert cli("lists", "import", "--source", "list_a", maria).exit_code == 0
    assert cli("lists", "import", "--source", "list_b", kim).exit_code == 0
    report = cli_json("entity", "unsc-9000001")
    assert sorted(report["members"]) == ["b-1", "unsc-9000001"]
    assert cli_json("entity", "a-1")["members"] == ["a-1"]


def test_a_key_twice_in_one_list_is_not_used(home: Path, tmp_path: Path) -> None:
    twins = tmp_path / "twins.ftm.json"
    twins.write_text(
        '{"id": "t-1", "schema": "Person", "properties": {"name": ["Kim Chol"], '
        '"passportNumber": ["745120012"]}, "target": true}\n'
        '{"id": "t-2", "schema": "Person", "properties": {"name": ["Kim Ung"], '
        '"passportNumber": ["745120012"]}, "target": true}\n'
    )
    assert cli("lists", "import", FIXTURES / "un_sc" / "un_consolidated.xml").exit_code == 0
    assert cli("lists", "import", "--source", "twins", twins).exit_code == 0
    assert cli_json("entity", "unsc-9000001")["members"] == ["unsc-9000001"]


def _person(path: Path, eid: str, name: str, birth: str) -> Path:
    path.write_text(
        f'{{"id": "{eid}", "schema": "Person", "properties": {{"name": ["{name}"], '
        f'"birthDate": ["{birth}"]}}, "target": true}}\n'
    )
    return path


def test_a_person_links_by_full_name_and_birth_date(home: Path, tmp_path: Path) -> None:
    """The same name, word for word in any order and script-folded, and the same
    full birth date join two lists' entries; a year alone or another day does not."""
    pairs = {
        "list_a": ("a-1", "BAZILEVSKY, Andrey Alexandrovich", "1972-11-26"),
        "list_b": ("b-1", "Andrey Alexandrovich Bazilevsky", "1972-11-26"),
        "list_c": ("c-1", "Andrey Alexandrovich BAZILEVSKY", "1972"),
        "list_d": ("d-1", "Andrey Alexandrovich BAZILEVSKY", "1972-11-27"),
    }
    for source, (eid, name, birth) in pairs.items():
        path = _person(tmp_path / f"{source}.ftm.json", eid, name, birth)
        assert cli("lists", "import", "--source", source, path).exit_code == 0
    report = cli_json("entity", "a-1")
    assert sorted(report["members"]) == ["a-1", "b-1"]
    assert any(link["key"] == "name-dob" for link in report["links"])
    assert cli_json("entity", "c-1")["members"] == ["c-1"]
    assert cli_json("entity", "d-1")["members"] == ["d-1"]


def test_one_word_names_do_not_link_by_birth_date(home: Path, tmp_path: Path) -> None:
    for source, eid in (("list_a", "a-1"), ("list_b", "b-1")):
        path = _person(tmp_path / f"{source}.ftm.json", eid, "Kony", "1961-01-01")
        assert cli("lists", "import", "--source", source, path).exit_code == 0
    assert cli_json("entity", "a-1")["members"] == ["a-1"]
