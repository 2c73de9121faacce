from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, target_counts
from weerbaar.core.errors import EncodingError, InputError, ParseError

YENTE = "sanctions/opensanctions/os_yente_fixture_entities.ftm_2026-06-03.json"
FIXTURE = FIXTURES / "ftm" / "entities.ftm.json"


def test_yente_fixture_targets(shared: Path) -> None:
    ctx = parse_files(shared / YENTE)
    assert ctx.input.format.name == "ftm_jsonl"
    assert ctx.spec.id == "ftm"
    assert len(ctx.entities) == 91
    assert Counter(e.schema.name for e in ctx.entities.values()) == {
        "Sanction": 41,
        "Ownership": 14,
        "Company": 11,
        "Address": 11,
        "Person": 6,
        "Family": 4,
        "Directorship": 3,
        "Passport": 1,
    }
    # The records' own "target" flags: three Companies are only registry
    # context (ext_ru_egrul owners), not list entries.
    assert target_counts(ctx) == {"Company": 8, "Person": 6}
    assert "ru-inn-5920040846" in ctx.entities
    assert "ru-inn-5920040846" not in ctx.targets
    assert ctx.list_date == "2026-04-29"  # the latest last_seen
    assert not ctx.warnings


def test_yente_fixture_sanctions_stay_linked(shared: Path) -> None:
    ctx = parse_files(shared / YENTE)
    sanctions = [e for e in ctx.entities.values() if e.schema.name == "Sanction"]
    linked = Counter(e.get("entity")[0] for e in sanctions)
    assert linked == {"NK-abdzbEBkqyT29GyREbiURZ": 28, "NK-aU5ybkbRFJucf8YMwsJvDw": 13}
    assert all(target in ctx.targets for target in linked)
    zakharov = entity(ctx, "NK-aU5ybkbRFJucf8YMwsJvDw")
    assert "Alexander Vyacheslavovich ZAKHAROV" in zakharov["name"]
    dfat = entity(ctx, "au-dfat-56600015954691cece058c2a3b0e3b27740701e6")
    assert dfat["entity"] == ["NK-abdzbEBkqyT29GyREbiURZ"]
    assert dfat["program"] == ["Autonomous (Russia)"]
    assert dfat["authority"] == ["Department of Foreign Affairs and Trade"]


def test_fixture_entities() -> None:
    ctx = parse_files(FIXTURE)
    assert ctx.list_date == "2026-02-27"
    assert target_counts(ctx) == {"Person": 1, "Company": 1}
    assert sorted(ctx.targets) == ["fx-company-shipping", "fx-person-ivan"]
    ivan = entity(ctx, "fx-person-ivan")
    assert ivan["name"] == ["Ivan Petrovich FIKTIVNY"]
    assert ivan["passportNumber"] == ["FX7654321"]
    assert ivan["birthDate"] == ["1971-09-30"]
    assert entity(ctx, "fx-sanction-ivan")["entity"] == ["fx-person-ivan"]
    assert entity(ctx, "fx-ownership-1")["asset"] == ["fx-company-holding"]
    assert entity(ctx, "fx-company-shipping")["imoNumber"] == ["IMO5987654"]


def _write(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_records_without_a_target_flag_go_by_schema(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "plain.json",
        [
            {"id": "x-1", "schema": "Vessel", "properties": {"name": ["FICTION"]}},
            {"id": "x-2", "schema": "Address", "properties": {"full": ["1 Fiction Road"]}},
            {"id": "x-3", "schema": "PublicBody", "properties": {"name": ["Fiction Ministry"]}},
        ],
    )
    ctx = parse_files(path)
    assert sorted(ctx.targets) == ["x-1", "x-3"]
    assert ctx.list_date is not None


def test_unknown_property_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "newer.json",
        [
            {
                "id": "x-1",
                "schema": "Person",
                "target": True,
                "properties": {"name": ["Fiction"], "futureProp": ["x"]},
            },
        ],
    )
    ctx = parse_files(path)
    assert entity(ctx, "x-1") == {"name": ["Fiction"]}
    assert ctx.warnings["unknown property Person:futureProp (skipped)"] == 1


def test_broken_line_names_the_line(tmp_path: Path) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][: len(lines[2]) // 2]
    path = tmp_path / "broken.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_files(path)
    assert "broken.ftm.json" in str(err.value)
    assert "line 3" in str(err.value)


def test_unknown_schema_names_the_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "odd.json",
        [
            {"id": "x-1", "schema": "Person", "properties": {"name": ["Fiction"]}},
            {"id": "x-2", "schema": "Spaceship", "properties": {"name": ["Fiction"]}},
        ],
    )
    with pytest.raises(ParseError) as err:
        parse_files(path)
    assert "line 2" in str(err.value)
    assert "Spaceship" in str(err.value)


def test_bad_utf8_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"id": "x-1", "schema": "Person", "properties": {"name": ["Jos\xe9"]}}\n')
    with pytest.raises(EncodingError) as err:
        parse_files(path)
    assert "line 1" in str(err.value)


def test_other_json_is_not_taken_for_ftm(tmp_path: Path) -> None:
    path = _write(tmp_path / "list.json", [[{"imo": "9123453", "names": ["FICTION"]}]])
    with pytest.raises(InputError) as err:
        parse_files(path)
    assert "not a list format" in str(err.value)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.ftm.json"
    path.write_bytes(b"\n\n")
    with pytest.raises(InputError) as err:
        parse_files(path, format="ftm_jsonl")
    assert "empty" in str(err.value)
