"""The ``weerbaar lists`` commands end to end on fixture lists (no shared data needed)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.cli_helpers import cli, cli_json, snapshot
from tests.conftest import FIXTURES
from weerbaar.sources.os_targets.parse import HEADER

UN = FIXTURES / "un_sc" / "un_consolidated.xml"


def derive_un(src: Path, dest: Path, date: str) -> None:
    """A later UN list: one person removed, one added, one alias and a birth date changed."""
    tree = etree.parse(str(src))
    root = tree.getroot()
    root.set("dateGenerated", f"{date}T00:00:00.000Z")
    individuals = root.find("INDIVIDUALS")
    abu = next(i for i in individuals if i.findtext("DATAID") == "9000002")
    individuals.remove(abu)
    kim = next(i for i in individuals if i.findtext("DATAID") == "9000001")
    kim.find("INDIVIDUAL_DATE_OF_BIRTH/DATE").text = "1968-05-03"
    alias = etree.SubElement(kim, "INDIVIDUAL_ALIAS")
    etree.SubElement(alias, "QUALITY").text = "Good"
    etree.SubElement(alias, "ALIAS_NAME").text = "Kim Cheol-ung"
    new = etree.SubElement(individuals, "INDIVIDUAL")
    etree.SubElement(new, "DATAID").text = "9000009"
    etree.SubElement(new, "FIRST_NAME").text = "NEWLY"
    etree.SubElement(new, "SECOND_NAME").text = "LISTED"
    etree.SubElement(new, "REFERENCE_NUMBER").text = "KPi.999"
    tree.write(str(dest), xml_declaration=True, encoding="UTF-8")


def test_status_json_has_the_exact_shape(home: Path) -> None:
    assert cli("lists", "import", UN).exit_code == 0
    data = cli_json("lists", "status")
    assert data == {
        "sources": [
            {"id": "un_sc", "list_date": "2026-03-01", "counts": {"Company": 1, "Person": 2}}
        ]
    }


def test_reimporting_the_same_file_adds_no_version(home: Path) -> None:
    cli("lists", "import", UN)
    before = snapshot(home)
    result = cli("lists", "import", UN)
    assert result.exit_code == 0
    assert "unchanged" in result.stdout
    assert snapshot(home)[:3] == before[:3]


def test_changes_between_two_versions_are_exact(home: Path, tmp_path: Path) -> None:
    later = tmp_path / "un_later.xml"
    derive_un(UN, later, "2026-04-01")
    cli("lists", "import", UN)
    cli("lists", "import", later)
    data = cli_json("lists", "changes", "--source", "un_sc")
    assert data["from"] == {"seq": 1, "list_date": "2026-03-01"}
    assert data["to"] == {"seq": 2, "list_date": "2026-04-01"}
    assert [e["id"] for e in data["added"]] == ["unsc-9000009"]
    assert [e["id"] for e in data["removed"]] == ["unsc-9000002"]
    assert [e["id"] for e in data["changed"]] == ["unsc-9000001"]
    props = data["changed"][0]["properties"]
    assert props == {
        "alias": {"added": ["Kim Cheol-ung"], "removed": []},
        "birthDate": {"added": ["1968-05-03"], "removed": ["1968-05-02"]},
    }


def test_changes_since_a_date_before_any_version_lists_everything(
    home: Path, tmp_path: Path
) -> None:
    later = tmp_path / "un_later.xml"
    derive_un(UN, later, "2026-04-01")
    cli("lists", "import", UN, later)  # one command, two versions, stored in date order
    data = cli_json("lists", "changes", "--source", "un_sc", "--since", "2020-01-01")
    assert data["from"] is None
    assert data["summary"] == {"added": 3, "removed": 0, "changed": 0}
    same = cli_json("lists", "changes", "--source", "un_sc", "--since", "2026-03-15")
    assert same["from"]["seq"] == 1


def test_past_state_is_kept_with_first_and_last_seen(home: Path, tmp_path: Path) -> None:
    later = tmp_path / "un_later.xml"
    derive_un(UN, later, "2026-04-01")
    cli("lists", "import", UN, later)
    report = cli_json("entity", "unsc-9000001")
    dob = {s["value"]: s for s in report["statements"] if s["prop"] == "birthDate"}
    assert dob["1968-05-02"]["first_seen"] == "2026-03-01"
    assert dob["1968-05-02"]["last_seen"] == "2026-03-01"
    assert dob["1968-05-02"]["current"] is False
    assert dob["1968-05-03"]["current"] is True
    removed = cli_json("entity", "unsc-9000002")
    assert all(not s["current"] for s in removed["statements"])


def test_unknown_entity_is_a_clear_error(home: Path) -> None:
    cli("lists", "import", UN)
    result = cli("entity", "nope-1")
    assert result.exit_code == 1
    assert "no entity 'nope-1'" in result.stderr


def test_export_ftm_and_csv(home: Path, tmp_path: Path) -> None:
    cli("lists", "import", UN)
    out = tmp_path / "all.ftm.json"
    assert cli("export", "--format", "ftm", "-o", out).exit_code == 0
    lines = out.read_text().splitlines()
    assert any('"unsc-9000001"' in line and '"Person"' in line for line in lines)
    csv_out = tmp_path / "all.csv"
    assert cli("export", "--format", "csv", "-o", csv_out).exit_code == 0
    rows = csv_out.read_text().splitlines()
    assert rows[0] == ",".join(f'"{c}"' for c in HEADER)  # targets.simple.csv
    assert len(rows) == 1 + 3


def test_ftm_file_under_a_source_named_by_the_user(home: Path) -> None:
    ftm = FIXTURES / "ftm" / "entities.ftm.json"
    assert cli("lists", "import", "--source", "os_partner", ftm).exit_code == 0
    ids = [s["id"] for s in cli_json("lists", "status")["sources"]]
    assert ids == ["os_partner"]
    bad = cli("lists", "import", "--source", "Bad Name!", ftm)
    assert bad.exit_code == 1
    assert "not a usable source id" in bad.stderr


def test_named_source_is_refused_for_official_formats(home: Path) -> None:
    result = cli("lists", "import", "--source", "my_un", UN)
    assert result.exit_code == 1
    assert "no list source 'my_un'" in result.stderr


def test_the_import_table_counts_every_file_of_a_folder(home: Path) -> None:
    folder = FIXTURES / "eu_oj"
    result = cli("lists", "import", folder)
    assert result.exit_code == 0, result.output
    files = len([p for p in folder.iterdir() if p.suffix == ".csv"])
    assert f"(+{files - 1} more)" in result.stdout
    data = cli_json("lists", "import", folder, "--json")
    assert data[0]["version"] is None  # unchanged, and still every file named
    assert len(data[0]["paths"]) == files
