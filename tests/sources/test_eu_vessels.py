from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, target_counts
from weerbaar.core.errors import EncodingError, InputError
from weerbaar.sources.base import Context

ANNEX = "sanctions/vessels/eu_designated_vessels_annexXLII_2025-10-24.csv"
FIXTURE = FIXTURES / "eu_vessels" / "eu_vessels.csv"


def sanctions(ctx: Context) -> list[dict[str, list[str]]]:
    return [e.to_dict()["properties"] for e in ctx.entities.values() if e.schema.name == "Sanction"]


def test_annex_counts_and_date(shared: Path) -> None:
    path = shared / ANNEX
    assert len(path.read_bytes().splitlines()) == 558  # header and 557 rows
    ctx = parse_files(path)
    assert ctx.input.format.name == "eu_vessels_csv"
    assert ctx.list_date == "2025-10-24"
    # 557 rows, but "Aura 1" (IMO 9472634) is listed twice on 24.10.2025.
    assert target_counts(ctx) == {"Vessel": 556}
    assert ctx.warnings["vessel IMO9472634 is listed more than once"] == 1
    assert len(sanctions(ctx)) == 556
    assert all(e.get("imoNumber") for e in ctx.iter_targets())


def test_annex_names_and_former_names(shared: Path) -> None:
    ctx = parse_files(shared / ANNEX)
    assert entity(ctx, "eu-vessels-imo9179842") == {"name": ["Angara"], "imoNumber": ["IMO9179842"]}
    apar = entity(ctx, "eu-vessels-imo9402471")
    assert apar["name"] == ["Apar"]
    assert sorted(apar["previousName"]) == ["Andromeda Star", "Feng Shou"]
    # cp1252 no-break spaces inside names become plain spaces
    assert entity(ctx, "eu-vessels-imo9290828")["previousName"] == ["E Mei Shan"]
    # the closing bracket is missing in the file
    assert entity(ctx, "eu-vessels-imo9247443") == {
        "name": ["Quartanus"],
        "previousName": ["Morpheus"],
        "imoNumber": ["IMO9247443"],
    }
    assert entity(ctx, "eu-vessels-imo9385233")["previousName"] == ["San Severus"]
    names = [n for e in ctx.iter_targets() for n in e.get("name") + e.get("previousName")]
    assert not [n for n in names if "\xa0" in n or "\ufffd" in n or "(" in n]


def test_annex_sanction_dates(shared: Path) -> None:
    ctx = parse_files(shared / ANNEX)
    found = [s for s in sanctions(ctx) if s["entity"] == ["eu-vessels-imo9179842"]]
    assert len(found) == 1
    assert found[0]["startDate"] == ["2024-06-25"]
    assert found[0]["program"] == ["Regulation (EU) No 833/2014, Annex XLII"]
    assert found[0]["authority"] == ["European Union"]
    starts = sorted(s["startDate"][0] for s in sanctions(ctx))
    assert starts[0] == "2024-06-25"
    assert starts[-1] == "2025-10-24"


def test_fixture_vessels() -> None:
    ctx = parse_files(FIXTURE)
    assert ctx.list_date == "2025-10-24"
    assert target_counts(ctx) == {"Vessel": 4}
    tanker = entity(ctx, "eu-vessels-imo9123453")
    assert tanker == {
        "name": ["OCEAN FICTION"],
        "previousName": ["SEA PRETENCE"],
        "imoNumber": ["IMO9123453"],
    }
    etoile = entity(ctx, "eu-vessels-imo9234563")
    assert etoile["name"] == ["MER ÉTOILE"]
    assert etoile["previousName"] == ["CÔTE FICTIVE"]
    assert sorted(entity(ctx, "eu-vessels-imo9345673")["previousName"]) == ["Legend Star", "Myth"]
    (sanction,) = [s for s in sanctions(ctx) if s["entity"] == ["eu-vessels-imo9123453"]]
    assert sanction["startDate"] == ["2025-05-20"]


def test_bad_check_digit_is_kept_in_notes() -> None:
    ctx = parse_files(FIXTURE)
    broken = entity(ctx, "eu-vessels-imo9456780")
    assert "imoNumber" not in broken
    assert broken["notes"] == ["IMO number as listed: 9456780 (its check digit does not match)"]
    assert ctx.warnings["IMO number '9456780' of 'Broken Digit' fails its check digit"] == 1


def test_utf8_copy_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "vessels_utf8.csv"
    path.write_bytes(FIXTURE.read_bytes().decode("cp1252").encode("utf-8"))
    ctx = parse_files(path)
    assert entity(ctx, "eu-vessels-imo9234563")["name"] == ["MER ÉTOILE"]
    assert sorted(ctx.entities) == sorted(parse_files(FIXTURE).entities)


def test_undecodable_bytes_are_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "vessels_bad.csv"
    # 0x81 is neither UTF-8 nor defined in Windows-1252
    path.write_bytes(FIXTURE.read_bytes() + b"Bad \x81 name;9123453;01.01.2026\r\n")
    with pytest.raises(EncodingError) as err:
        parse_files(path)
    assert "vessels_bad.csv" in str(err.value)
    assert "line 6" in str(err.value)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vessels_empty.csv"
    path.write_bytes(b"\r\n")
    with pytest.raises(InputError) as err:
        parse_files(path, format="eu_vessels_csv")
    assert "empty" in str(err.value)
