"""``POST /match/default`` over the real shared lists: known listed persons and vessels first.

The store holds the UN consolidated list, the full OFAC SDN list (legacy CSV,
about 7,000 people and 850 vessels) and the EU's designated vessels (Annex
XLII). Queries are yente-format bodies spelled the way a client might type
them, not as the list writes them. A person is expected to come first as an
entity holding one of its list entries (its id or one of its ``referents``:
the UN ``DATAID`` and the OFAC ``ent_num`` from the files; a person on both
lists whom the store does not link has two entities); a vessel as the entity
carrying its IMO number. Skipped with a reason when ``../shared/data`` is
absent (fails under CI).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.service.conftest import auth
from weerbaar.accounts import create_key
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.lists import Lists
from weerbaar.screening import Screener
from weerbaar.service import create_app
from weerbaar.service.auth import clear_key_cache

pytestmark = pytest.mark.shared

LISTS = [
    "sanctions/un/un_sc_consolidated_2026-02-27.xml",
    "sanctions/ofac/ofac_sdn_2024-05-03.csv",
    "sanctions/vessels/eu_designated_vessels_annexXLII_2025-10-24.csv",
]

#: (name, birth date, nationality, the list entries of that person, one expected first)
PERSONS = [
    ("Ayman al-Zawahiri", "1951-06-19", "eg", {"unsc-111923"}),  # UN QDi.006
    ("Eric Badege", "1971", None, {"unsc-6907993", "ofac-15718"}),  # UN CDi.001
    ("Yun Ho Jin", "1944-10-13", None, {"unsc-690734"}),  # UN KPi.001
    # UN IRi.001 and his OFAC entry (born 1958 or 1959: no full date, so not linked;
    # the two score the same)
    ("Fereydoon Abbasi Davani", "1958", None, {"unsc-110446", "ofac-15570"}),
    ("Viktor Bout", "1967-01-13", None, {"ofac-8279"}),
    ("Ramzan Kadyrov", "1976-10-05", "ru", {"ofac-23343"}),
]

#: (name, IMO number or None) of vessels on the EU's Annex XLII
VESSELS = [
    ("Angara", None),
    ("Kazan", "9258002"),
    ("Ligovsky Prospekt", None),
    ("SCF Amur", "IMO 9333436"),  # a former name, with the IMO number
]
VESSEL_IMO = {"Angara": "9179842", "Kazan": "9258002", "Ligovsky Prospekt": "9256066",
              "SCF Amur": "9333436"}  # fmt: skip


@pytest.fixture(scope="module")
def real_client(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    home = tmp_path_factory.mktemp("real-lists")
    settings = Settings(home=home, database_url=f"sqlite:///{home / 'app.sqlite3'}", rate_limit=0)
    with Lists(settings) as lists:
        for path in LISTS:
            lists.import_paths([shared / path])
    database = Database.open(settings)
    with database.session() as s:
        _, key = create_key(s, "screening")
    clear_key_cache()
    app = create_app(settings, screener=Screener.open(settings), database=database)
    with TestClient(app) as client:
        yield client, key
    database.dispose()


def top(real_client: Any, schema: str, props: dict[str, list[str]]) -> dict[str, Any]:
    client, key = real_client
    body = {"queries": {"q": {"schema": schema, "properties": props}}}
    r = client.post("/match/default", json=body, headers=auth(key))
    assert r.status_code == 200, r.text
    results = r.json()["responses"]["q"]["results"]
    assert results, props
    first: dict[str, Any] = results[0]
    return first


@pytest.mark.parametrize(("name", "birth_date", "country", "entries"), PERSONS)
def test_listed_person_comes_first(
    real_client: Any, name: str, birth_date: str, country: str | None, entries: set[str]
) -> None:
    props = {"name": [name], "birthDate": [birth_date]}
    if country:
        props["nationality"] = [country]
    first = top(real_client, "Person", props)
    assert entries & {first["id"], *first.get("referents", [])}, first
    assert first["schema"] == "Person" and first["match"] is True, first["explanation"]


@pytest.mark.parametrize(("name", "imo"), VESSELS)
def test_listed_vessel_comes_first(real_client: Any, name: str, imo: str | None) -> None:
    props = {"name": [name]}
    if imo:
        props["imoNumber"] = [imo]
    first = top(real_client, "Vessel", props)
    assert first["schema"] == "Vessel" and first["match"] is True, first
    assert any(VESSEL_IMO[name] in v for v in first["properties"].get("imoNumber", [])), first


def test_a_foreign_name_in_chinese_characters_finds_the_person(real_client: Any) -> None:
    # 维克托·布特: Viktor Bout as a Chinese text writes him, no birth date given
    first = top(real_client, "Person", {"name": ["维克托·布特"]})
    assert "ofac-8279" in {first["id"], *first.get("referents", [])}, first
    assert first["match"] is True, first["explanation"]
