"""The CSV export is OpenSanctions' ``targets.simple.csv``: it imports again as ``os_targets``."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from followthemoney.statement import StatementEntity

from weerbaar.core.settings import Settings
from weerbaar.lists import Lists
from weerbaar.sources.os_targets.parse import HEADER
from weerbaar.store.views import IDENT_PROPS, NAME_PROPS, current_entities, export_csv

#: What a target must keep through export and re-import: schema, names,
#: birth dates, identifiers (split as the re-import splits them).
Kept = tuple[str, frozenset[str], frozenset[str], frozenset[str]]


def values(entity: StatementEntity, *props: str) -> frozenset[str]:
    """An entity's values of ``props``, each split at ``;`` as a CSV cell is."""
    got = [v for p in props for v in entity.get(p, quiet=True)]
    return frozenset(v.strip() for g in got for v in g.split(";") if v.strip())


def targets(settings: Settings) -> dict[str, Kept]:
    """Every current target of a store by id, with what a round trip must keep."""
    with Lists(settings) as lists:
        return {
            entity.id or "": (
                entity.schema.name,
                values(entity, *NAME_PROPS),
                values(entity, "birthDate"),
                values(entity, *IDENT_PROPS),
            )
            for entity, target in current_entities(lists.store)
            if target
        }


def cells(row: dict[str, str], columns: list[str]) -> dict[str, list[str]]:
    return {c: sorted(v.strip() for v in row[c].split(";")) for c in columns}


def export(settings: Settings, path: Path) -> list[dict[str, str]]:
    with Lists(settings) as lists, path.open("w", newline="", encoding="utf-8") as out:
        export_csv(lists.store, out)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_header_is_the_os_targets_header(listed: Settings, tmp_path: Path) -> None:
    path = tmp_path / "targets.simple.csv"
    export(listed, path)
    with path.open(encoding="utf-8", newline="") as fh:
        assert tuple(next(csv.reader(fh))) == HEADER
    assert path.read_text(encoding="utf-8").startswith('"id","schema","name","aliases",')


def test_rows_carry_programmes_lists_and_dates(listed: Settings, tmp_path: Path) -> None:
    rows = {r["id"]: r for r in export(listed, tmp_path / "targets.simple.csv")}
    trader = next(r for r in rows.values() if r["name"] == "NORTHERN FICTION TRADING LLC")
    assert "UA-WS-MILIND" in trader["program_ids"].split(";")
    assert "Fiction Regime - Ministry of Fiction - 2023-02-24" in trader["sanctions"].split(";")
    assert {"os_targets", "us_ofac_sdn"} <= set(trader["dataset"].split(";"))
    assert "OOO SEVERNY VYMYSEL" in trader["aliases"].split(";")
    assert trader["name"] not in trader["aliases"].split(";")
    assert trader["phones"] and trader["emails"] and trader["addresses"]
    for row in rows.values():
        dates = [row["first_seen"], row["last_change"], row["last_seen"]]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates), row
        assert dates == sorted(dates), row


def test_export_imports_again_as_os_targets(listed: Settings, tmp_path: Path) -> None:
    path = tmp_path / "targets.simple.csv"
    rows = export(listed, path)
    again = Settings(home=tmp_path / "again")
    with Lists(again) as lists:
        (result,) = lists.import_paths([path])
    assert result.source == "os_targets" and result.version is not None
    assert result.warnings == {}
    assert result.version.list_date == max(r["last_seen"] for r in rows)
    before = targets(listed)
    assert len(before) == len(rows) > 20
    assert targets(again) == {f"os-{key}": value for key, value in before.items()}
    # and exporting the re-imported store gives the same rows (ids, lists, dates aside)
    second = export(again, tmp_path / "again.csv")
    own = ("id", "dataset", "first_seen", "last_seen", "last_change")
    same = [c for c in HEADER if c not in own]
    assert [cells(r, same) for r in second] == [cells(r, same) for r in rows]
