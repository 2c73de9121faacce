"""A NUL character anywhere in a request is refused with a 4xx naming it, never a 500.

PostgreSQL cannot store NUL in text (SQLite can): in the URL it is refused
before any route runs; in a body, wherever the database would refuse it.
Found by schemathesis (``GET /audit?action=%00`` answered 500 on PostgreSQL).
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.service.conftest import auth

URLS = [
    "/audit?action=a%00b",
    "/search/default?q=kim%00",
    "/monitor/alerts?book=x%00&status=open",
    "/decisions?subject=c%00&entity_id=unsc-9000001",
    "/ui/search?q=kim%00&format=json",
    "/entities/unsc-9000001%00",
    "/api/v1/reports?kind=%00",
]


@pytest.mark.parametrize("url", URLS)
def test_nul_in_the_url_is_refused(app: FastAPI, keys: dict[str, str], url: str) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get(url, headers=auth(keys["admin"]))
    assert r.status_code == 422, r.text
    assert "NUL" in r.json()["detail"]


def test_nul_in_a_body_is_never_a_server_error(app: FastAPI, keys: dict[str, str]) -> None:
    person = {"schema": "Person", "properties": {"name": ["Kim Cheol Ung"]}}
    bodies: list[tuple[str, dict[str, Any]]] = [
        ("/match/default", {"queries": {"q": {**person, "id": "customer\x00-1"}}}),
        ("/decisions", {"subject": "customer\x00-1", "entity_id": "unsc-9000001",
                        "verdict": "not_match", "reason": "other\x00 person"}),
    ]  # fmt: skip
    with TestClient(app, raise_server_exceptions=False) as client:
        for path, body in bodies:
            r = client.post(path, json=body, headers=auth(keys["admin"]))
            # SQLite stores the value; PostgreSQL refuses it, and so do we
            assert r.status_code in (200, 201, 422), (path, r.text)
            if r.status_code == 422:
                assert "NUL" in str(r.json()["detail"]), r.text
