from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.helpers import entity, parse_files, sanction_of, target_counts
from weerbaar.core.errors import ParseError
from weerbaar.sources.detect import plan
from weerbaar.sources.registry import Registry, load_registry
from weerbaar.sources.runner import parse_input

FIXTURE = FIXTURES / "os_targets" / "targets.simple.csv"
REAL = "sanctions/opensanctions/os_ua_war_sanctions_targets.simple_2026-03-13.csv"


def test_fixture_targets() -> None:
    ctx = parse_files(FIXTURE)
    assert ctx.spec.id == "os_targets"
    assert ctx.input.format.name == "os_targets_csv"
    assert ctx.list_date == "2026-03-13"
    assert target_counts(ctx) == {"Vessel": 1, "Company": 1, "Person": 1}


def test_ids_are_prefixed_and_identifiers_typed() -> None:
    ctx = parse_files(FIXTURE)
    assert entity(ctx, "os-NK-fxTanker1")["imoNumber"] == ["IMO9123453"]
    person = entity(ctx, "os-NK-fxPerson1")
    assert person["innCode"] == ["500123456750"]  # valid INN check digits
    assert person["idNumber"] == ["FX1234567"]
    assert person["birthDate"] == ["1975-04-12"]
    # the cast's numbers have no valid check digits: kept as registration numbers
    assert sorted(entity(ctx, "os-NK-fxTrader1")["registrationNumber"]) == [
        "1027700000017",
        "7701234567",
    ]


def test_sanction_has_programme_and_dataset() -> None:
    ctx = parse_files(FIXTURE)
    sanction = sanction_of(ctx, "os-NK-fxTrader1")
    assert sanction["programId"] == ["UA-WS-MILIND"]
    assert sanction["authority"] == ["Fiction War and Sanctions"]
    assert sanction["program"] == ["Fiction Regime - Ministry of Fiction - 2023-02-24"]


def test_another_dataset_under_its_own_source() -> None:
    base = load_registry()  # a private copy: the named source must not leak
    registry = Registry(dict(base.sources), dict(base.formats))
    ((inp, source),) = plan([FIXTURE], registry, source="os_fiction")
    ctx = parse_input(inp, registry.source(source))
    assert ctx.spec.id == "os_fiction"
    assert "os-fiction-NK-fxTanker1" in ctx.entities


def test_wrong_header(tmp_path: Path) -> None:
    bad = tmp_path / "targets.csv"
    bad.write_text(FIXTURE.read_text().replace('"emails"', '"email"', 1))
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    assert "targets.csv (line 1)" in str(err.value) and "missing emails" in str(err.value)


def test_truncated_row(tmp_path: Path) -> None:
    bad = tmp_path / "targets.csv"
    text = FIXTURE.read_text()
    bad.write_text(text[: text.index("NORTHERN FICTION")])
    with pytest.raises(ParseError) as err:
        parse_files(bad)
    assert "line 3" in str(err.value)


def test_real_counts(shared: Path) -> None:
    path = shared / REAL
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_schema = Counter(r["schema"] for r in rows)
    assert by_schema == {"Person": 1543, "Company": 1524, "Vessel": 1340, "LegalEntity": 1193}
    ctx = parse_files(path)
    assert target_counts(ctx) == by_schema
    assert ctx.list_date == "2026-03-13"
    with_imo = sum(1 for r in rows if "IMO" in r["identifiers"])
    assert with_imo == 2851
    assert sum(1 for e in ctx.iter_targets() if e.get("imoNumber", quiet=True)) == with_imo
    assert entity(ctx, "os-NK-24cf2zYe7LEKhr2zFck73j")["imoNumber"] == ["IMO9253325"]
