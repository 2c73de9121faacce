"""The monitoring API: decisions, customer books, re-screening, alerts and the audit log."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.monitor.conftest import add_alias, add_individual, un_version
from tests.service.conftest import auth
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.lists import Lists
from weerbaar.screening import Screener
from weerbaar.service import create_app

BOOK = (
    "klantnummer;naam;geboortedatum\n"
    "K1;Kim Chol Ung;1968-05-02\n"
    "K2;Jan de Vries;1980-01-01\n"
    "K3;Newly Listed;\n"
)


def upload(
    client: TestClient,
    key: str,
    content: bytes | str = BOOK,
    filename: str = "klanten.csv",
    **form: Any,
) -> Any:
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        "/monitor/books",
        files={"file": (filename, io.BytesIO(data), "application/octet-stream")},
        data=form,
        headers=auth(key),
    )


def uploads(settings: Settings) -> list[Path]:
    folder = settings.books_dir / "uploads"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_roles_and_authentication(client: TestClient, keys: dict[str, str]) -> None:
    screening = auth(keys["screening"])
    calls = [
        ("post", "/decisions", {"json": {"subject": "c1", "entity_id": "unsc-9000001",
                                         "verdict": "not_match", "reason": "x"}}),
        ("get", "/decisions", {}),
        ("get", "/monitor/books", {}),
        ("get", "/monitor/books/1", {}),
        ("delete", "/monitor/books/1", {}),
        ("post", "/monitor/run", {}),
        ("get", "/monitor/alerts", {}),
        ("post", "/monitor/alerts/1/decision", {"json": {"verdict": "match", "reason": "x"}}),
        ("get", "/audit", {}),
    ]  # fmt: skip
    for method, url, kwargs in calls:
        assert getattr(client, method)(url, **kwargs).status_code == 401, url
        r = getattr(client, method)(url, headers=screening, **kwargs)
        assert r.status_code == 403, (url, r.text)
    assert upload(client, keys["screening"]).status_code == 403
    assert client.get("/monitor/books", headers=auth(keys["analyst"])).status_code == 200


def test_book_upload_rescreen_decide_and_audit(
    client: TestClient, keys: dict[str, str], service_settings: Settings, tmp_path: Path
) -> None:
    analyst = keys["analyst"]
    r = upload(client, analyst, name="klanten")
    assert r.status_code == 201, r.text
    book = r.json()
    assert (book["name"], book["records"], book["alerts"], book["file"]) == (
        "klanten", 3, 1, "klanten.csv"
    )  # fmt: skip
    assert book["screened_versions"]["un_sc"] == 1
    assert book["mapping"]["id"] == ["klantnummer"]
    assert [p.name for p in uploads(service_settings)] == ["klanten.csv"]
    got = client.get(f"/monitor/books/{book['id']}", headers=auth(analyst)).json()
    assert got["open_alerts"] == 1
    assert client.get("/monitor/books/999", headers=auth(analyst)).status_code == 404
    again = upload(client, analyst, name="klanten")
    assert again.status_code == 400 and "already exists" in again.json()["detail"]

    # a list update, then re-screening: only the new person is screened, K3 alerts
    later = un_version(
        tmp_path / "un2.xml", "2026-04-01", add_individual("9000009", "NEWLY", "LISTED")
    )
    with Lists(service_settings) as lists:
        lists.import_paths([later])
    run = client.post("/monitor/run", headers=auth(analyst))
    assert run.status_code == 200, run.text
    assert (run.json()["changed_entities"], run.json()["alerts"]) == (1, 1)
    assert run.json()["versions"]["un_sc"] == [1, 2]
    alerts = client.get("/monitor/alerts", params={"book": "klanten"}, headers=auth(analyst))
    found = {a["record_key"]: a for a in alerts.json()["alerts"]}
    assert set(found) == {"K1", "K3"}
    new = found["K3"]
    assert new["entity_id"] == "unsc-9000009" and new["change"]["kind"] == "added"
    assert new["change"]["versions"]["un_sc"] == ["2026-03-01 #1", "2026-04-01 #2"]
    assert "facts" not in new["change"] and new["subject"] == f"book:{book['id']}:K3"

    # decide on the alert: closed, and it stays closed through a run without new facts
    body = {"verdict": "not_match", "reason": "different person, born 1990"}
    url = f"/monitor/alerts/{new['id']}/decision"
    decided = client.post(url, json=body, headers=auth(analyst))
    assert decided.status_code == 201, decided.text
    assert decided.json()["alerts_closed"] == [new["id"]]
    assert client.post(url, json=body, headers=auth(analyst)).status_code == 409
    open_now = client.get("/monitor/alerts", headers=auth(analyst)).json()["alerts"]
    assert [a["record_key"] for a in open_now] == ["K1"]
    listed = client.get("/decisions", params={"subject": new["subject"]}, headers=auth(analyst))
    assert [d["id"] for d in listed.json()["decisions"]] == [decided.json()["id"]]

    # a new alias on the entity makes it fire again
    third = un_version(
        tmp_path / "un3.xml",
        "2026-05-01",
        add_individual("9000009", "NEWLY", "LISTED"),
        add_alias("9000009", "Newly Listed Again"),
    )
    with Lists(service_settings) as lists:
        lists.import_paths([third])
    assert client.post("/monitor/run", headers=auth(analyst)).json()["alerts"] == 1
    open_now = client.get("/monitor/alerts", headers=auth(analyst)).json()["alerts"]
    assert [a["record_key"] for a in open_now] == ["K3", "K1"]

    log = client.get("/audit", params={"limit": 200}, headers=auth(keys["analyst"]))
    assert log.status_code == 200
    actions = [e["action"] for e in log.json()["events"]]
    for action in ("book.add", "alert.create", "monitor.run", "decision.create"):
        assert action in actions, action
    decision_event = client.get(
        "/audit", params={"action": "decision.create"}, headers=auth(analyst)
    ).json()["events"][0]
    assert decision_event["list_versions"]["un_sc"] == "2026-04-01 #2"
    assert decision_event["detail"]["alerts"] == [new["id"]]

    removed = client.delete(f"/monitor/books/{book['id']}", headers=auth(analyst))
    assert removed.status_code == 200 and removed.json()["name"] == "klanten"
    assert client.get("/monitor/books", headers=auth(analyst)).json() == {"books": []}
    assert uploads(service_settings) == []


def test_decisions_api(client: TestClient, keys: dict[str, str]) -> None:
    analyst = auth(keys["analyst"])
    body = {"subject": "client-42", "entity_id": "unsc-9000001", "verdict": "not_match",
            "reason": "born in 1990"}  # fmt: skip
    r = client.post("/decisions", json=body, headers=analyst)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["entity_id"] == "unsc-9000001" and out["alerts_closed"] == []
    assert "1968-05-02" in out["facts"]["birth_dates"]
    unknown = client.post("/decisions", json={**body, "entity_id": "nope-1"}, headers=analyst)
    assert unknown.status_code == 404 and "nope-1" in unknown.json()["detail"]
    for bad in ({"verdict": "maybe"}, {"reason": ""}, {"subject": ""}, {"subject": "x" * 401}):
        assert client.post("/decisions", json={**body, **bad}, headers=analyst).status_code == 422
    listed = client.get("/decisions", params={"subject": "client-42"}, headers=analyst).json()
    assert [d["reason"] for d in listed["decisions"]] == ["born in 1990"]
    # the decision shows in /match for a query with that id
    query = {"id": "client-42", "schema": "Person", "properties": {"name": ["Kim Chol Ung"]}}
    match = client.post("/match/default", json={"queries": {"q": query}}, headers=analyst)
    top = match.json()["responses"]["q"]["results"][0]
    assert top["id"] == "unsc-9000001" and top["match"] is False
    assert top["decision"]["id"] == out["id"]


def test_uploads_are_checked_by_content(
    client: TestClient, keys: dict[str, str], service_settings: Settings
) -> None:
    analyst = keys["analyst"]
    png = upload(client, analyst, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", filename="k.csv")
    assert png.status_code == 415 and "checked by its content" in png.json()["detail"]
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["Klantnummer", "Naam"])
    workbook.active.append(["X1", "Kim Chol Ung"])
    data = io.BytesIO()
    workbook.save(data)
    xlsx = upload(client, analyst, data.getvalue(), filename="named-wrongly.csv", name="xl")
    assert xlsx.status_code == 201, xlsx.text
    assert xlsx.json()["file"] == "named-wrongly.xlsx" and xlsx.json()["alerts"] == 1
    dup = upload(client, analyst, "klantnummer;naam\nA;Jan\nA;Piet\n", name="dup")
    assert dup.status_code == 422
    detail = dup.json()["detail"]
    assert detail.startswith("klanten.csv (column 'klantnummer'): duplicate customer ids: 'A'")
    assert str(service_settings.home) not in detail
    empty = upload(client, analyst, b"", name="empty")
    assert empty.status_code == 422
    bad_map = upload(client, analyst, name="m", column="nosuchfield=naam")
    assert bad_map.status_code == 400 and "unknown field" in bad_map.json()["detail"]
    names = [b["name"] for b in client.get("/monitor/books", headers=auth(analyst)).json()["books"]]
    assert names == ["xl"]
    assert [p.name for p in uploads(service_settings)] == ["named-wrongly.xlsx"]


def test_upload_size_limit(
    service_settings: Settings,
    database: Database,
    fixture_screener: Screener,
    keys: dict[str, str],
) -> None:
    small = replace(service_settings, max_upload_mb=0)
    app = create_app(small, screener=fixture_screener, database=database)
    with TestClient(app) as client:
        r = upload(client, keys["analyst"])
    assert r.status_code == 413 and "larger than 0 MB" in r.json()["detail"]
    assert uploads(small) == []
