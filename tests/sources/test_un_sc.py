from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, target_counts
from weerbaar.core.errors import ParseError

UN = "sanctions/un/un_sc_consolidated_2026-02-27.xml"


def test_un_counts_match_manifest(shared: Path) -> None:
    ctx = parse_files(shared / UN)
    counts = target_counts(ctx)
    assert counts["Person"] == 730
    assert counts["LegalEntity"] + counts["Company"] == 273
    assert ctx.list_date == "2026-02-27"


def test_un_entity_with_imo_in_comments_is_a_company(shared: Path) -> None:
    ctx = parse_files(shared / UN)
    omm = entity(ctx, "unsc-6908046")
    assert omm["imoNumber"] == ["IMO1790183"]
    assert "East Sea Shipping Company" in omm["alias"]
    assert omm["country"] == ["kp"]


def test_un_sanction_carries_reference_and_regime(shared: Path) -> None:
    ctx = parse_files(shared / UN)
    sanctions = [
        e
        for e in ctx.entities.values()
        if e.schema.name == "Sanction" and "unsc-6907993" in e.get("entity")
    ]
    assert len(sanctions) == 1
    assert sanctions[0].get("unscId") == ["CDi.001"]
    assert sanctions[0].get("program") == ["DRC"]
    assert sanctions[0].get("listingDate") == ["2012-12-31"]


def test_un_fixture_person() -> None:
    ctx = parse_files(FIXTURES / "un_sc" / "un_consolidated.xml")
    kim = entity(ctx, "unsc-9000001")
    assert kim["birthDate"] == ["1968-05-02"]
    assert kim["nationality"] == ["kp"]
    assert kim["passportNumber"] == ["745120012"]
    assert "김철웅" in kim["alias"]
    assert "KIM Chol-ung" in kim["weakAlias"]


def test_un_year_range_becomes_every_year() -> None:
    ctx = parse_files(FIXTURES / "un_sc" / "un_consolidated.xml")
    assert sorted(entity(ctx, "unsc-9000002")["birthDate"]) == ["1970", "1971", "1972"]


def test_un_truncated_xml_names_line(tmp_path: Path) -> None:
    data = (FIXTURES / "un_sc" / "un_consolidated.xml").read_bytes()
    cut = tmp_path / "un_cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ParseError) as err:
        parse_files(cut)
    assert "un_cut.xml" in str(err.value)
    assert "line" in str(err.value)
