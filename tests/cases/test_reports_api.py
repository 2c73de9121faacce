"""The reporting office's API: receipts, idempotency, hostile input, screening, links,
the case workflow and the dashboard."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.cases.conftest import freeze, submit, wait_screened
from tests.plugins.service import auth
from weerbaar.cases.schema import EXAMPLE_VIOLATION, parse_report

KIM = {"name": "Kim Cheol Ung", "type": "person", "birth_date": "1968"}


def test_schema_examples_are_valid_reports(client: TestClient, office: dict[str, str]) -> None:
    r = client.get("/api/v1/reports/schema", headers=auth(office["reporter_a"]))
    assert r.status_code == 200
    schema = r.json()
    assert schema["examples"] and any(e["kind"] == "freeze" for e in schema["examples"])
    for example in schema["examples"]:
        parse_report(example)
        assert submit(client, office["reporter_a"], example).status_code == 201


def test_receipt_and_idempotency(client: TestClient, office: dict[str, str]) -> None:
    first = submit(client, office["reporter_a"], freeze(), "key-1")
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["id"] and body["receipt"].startswith("MK-")
    again = submit(client, office["reporter_a"], freeze(), "key-1")
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert again.json()["receipt"] == body["receipt"]
    other = submit(client, office["reporter_a"], freeze(amount="1.00"), "key-1")
    assert other.status_code == 409 and "Idempotency-Key" in other.json()["detail"]
    # the same key in another organisation is another report
    b = submit(client, office["reporter_b"], freeze(), "key-1")
    assert b.status_code == 201 and b.json()["id"] != body["id"]
    r = client.get("/api/v1/reports", headers=auth(office["reporter_a"]))
    assert [x["id"] for x in r.json()["reports"]] == [body["id"]]


def test_hostile_input_is_refused_with_clear_errors(
    client: TestClient, office: dict[str, str]
) -> None:
    key = office["reporter_a"]
    r = client.post(
        "/api/v1/reports",
        content=b'{"kind": "freeze",',
        headers={**auth(key), "Content-Type": "application/json"},
    )
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "json_invalid"
    r = submit(client, key, freeze(notes="<script>alert(1)</script>"))
    assert r.status_code == 422
    problem = r.json()["detail"][0]
    assert problem["loc"][-1] == "notes" and "script" in problem["msg"]
    r = submit(client, key, freeze(party={"name": "<img src=x onerror=alert(1)>"}))
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-2:] == ["party", "name"]
    r = submit(client, key, freeze(currency="euro", amount="-5"))
    assert r.status_code == 422
    assert {p["loc"][-1] for p in r.json()["detail"]} == {"currency", "amount"}
    r = submit(client, key, {**freeze(), "unknown": 1})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "unknown"
    r = submit(client, key, {"kind": "gift"})
    assert r.status_code == 422
    r = submit(client, key, freeze(notes="a\x00b"))
    assert r.status_code == 422 and "control" in r.json()["detail"][0]["msg"]
    huge = b'{"kind": "freeze", "notes": "' + b"x" * (5 << 20) + b'"}'
    r = client.post("/api/v1/reports", content=huge,
                    headers={**auth(key), "Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 413, r.text
    r = submit(client, key, freeze(), idem="bad key\n")
    assert r.status_code in (400, 422)
    assert client.get("/api/v1/reports", headers=auth(key)).json()["reports"] == []


def test_reporter_without_organisation_is_told(client: TestClient, keys: dict[str, str]) -> None:
    from weerbaar.accounts import create_key  # noqa: F401

    r = submit(client, keys["admin"], freeze())
    assert r.status_code == 400 and "organisation" in r.json()["detail"]


def test_screening_hits_links_and_workflow(client: TestClient, office: dict[str, str]) -> None:
    a = submit(client, office["reporter_a"], freeze(party=KIM)).json()
    b = submit(
        client,
        office["reporter_b"],
        freeze(
            party={**KIM, "name": "KIM, Cheol Ung"}, asset={"type": "funds", "identifier": "X1"}
        ),
    ).json()
    report = wait_screened(client, office["analyst"], a["id"])
    assert any(h["match"] for h in report["hits"]), report["hits"]
    report_b = wait_screened(client, office["analyst"], b["id"])
    assert [link["report_id"] for link in report_b["links"]] == [a["id"]]
    assert any(k.startswith("name:") for k in report_b["links"][0]["keys"])
    # the reporter sees neither hits nor links
    mine = client.get(f"/api/v1/reports/{a['id']}", headers=auth(office["reporter_a"])).json()
    assert "hits" not in mine or mine["hits"] is None

    analyst, case = auth(office["analyst"]), a["case_id"]
    cases = client.get("/api/v1/cases", params={"status": "open"}, headers=analyst).json()
    assert {c["id"] for c in cases["cases"]} >= {case}
    r = client.post(
        f"/api/v1/cases/{case}/assign",
        headers=analyst,
        json={"assignee": "analyst@example.org", "deadline": "2026-12-31"},
    )
    assert r.status_code == 200 and r.json()["assignee"] == "analyst@example.org"
    r = client.post(
        f"/api/v1/cases/{case}/assign", headers=analyst, json={"assignee": "supervisor@example.org"}
    )
    assert r.status_code == 403
    assert (
        client.post(
            f"/api/v1/cases/{case}/status", headers=analyst, json={"status": "triage"}
        ).json()["status"]
        == "triage"
    )
    r = client.post(
        f"/api/v1/cases/{case}/status", headers=analyst, json={"status": "forwarded_prosecutor"}
    )
    assert r.status_code == 403
    r = client.post(
        f"/api/v1/cases/{case}/status",
        headers=auth(office["supervisor"]),
        json={"status": "forwarded_prosecutor", "note": "OM"},
    )
    assert r.status_code == 200
    r = client.post(f"/api/v1/cases/{case}/status", headers=analyst, json={"status": "triage"})
    assert r.status_code == 409
    # a question, the reporter's reply and an update
    q = client.post(
        f"/api/v1/cases/{case}/notes",
        headers=analyst,
        json={"text": "Which account?", "question": True},
    )
    assert q.status_code == 201
    qid = q.json()["id"]
    open_q = client.get("/api/v1/questions", headers=auth(office["reporter_a"])).json()
    assert [x["id"] for x in open_q["questions"]] == [qid]
    assert client.get("/api/v1/questions", headers=auth(office["reporter_b"])).json() == {
        "questions": []
    }
    reply = {"kind": "reply", "question": qid, "text": "NL91ABNA0417164300"}
    assert submit(client, office["reporter_b"], reply).status_code == 404
    r = submit(client, office["reporter_a"], reply)
    assert r.status_code == 201 and r.json()["case_id"] == case
    assert submit(client, office["reporter_a"], reply).status_code == 409
    update = {
        "kind": "update",
        "report": a["receipt"],
        "description": "partly released",
        "freeze": {"amount": "100000", "currency": "EUR"},
    }
    assert submit(client, office["reporter_b"], update).status_code == 404
    r = submit(client, office["reporter_a"], update)
    assert r.status_code == 201 and r.json()["case_id"] == case
    detail = client.get(f"/api/v1/cases/{case}", headers=analyst).json()
    assert [x["kind"] for x in detail["reports"]] == ["freeze", "reply", "update"]
    assert [n["kind"] for n in detail["notes"]] == ["assign", "status", "status", "question"]
    assert (
        client.post(
            f"/api/v1/cases/{case}/status", headers=analyst, json={"status": "closed"}
        ).status_code
        == 200
    )

    dash = client.get("/api/v1/dashboard", headers=auth(office["auditor"])).json()
    assert dash["cases_by_status"]["closed"] == 1 and dash["open_cases"] == 1
    assert dash["frozen"] == [
        {"regime": "RUS", "currency": "EUR", "amount": "225000.00", "reports": 2}
    ]
    text = client.get("/api/v1/dashboard.csv", headers=auth(office["auditor"])).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [{"regime": "RUS", "currency": "EUR", "amount": "225000.00", "reports": "2"}]


def test_violation_report_with_vessels(client: TestClient, office: dict[str, str]) -> None:
    r = submit(client, office["reporter_b"], EXAMPLE_VIOLATION)
    assert r.status_code == 201
    report = wait_screened(client, office["analyst"], r.json()["id"])
    assert report["data"]["vessels"][0]["imo"] == "9123456"


def test_attachments_checked_by_content(
    client: TestClient, office: dict[str, str], app: object
) -> None:
    rid = submit(client, office["reporter_a"], freeze()).json()["id"]
    url = f"/api/v1/reports/{rid}/attachments"
    key = auth(office["reporter_a"])
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    r = client.post(url, headers=key, files={"file": ("scan.pdf", pdf, "application/pdf")})
    assert r.status_code == 201, r.text
    att = r.json()
    assert att["media_type"] == "application/pdf"
    again = client.post(url, headers=key, files={"file": ("copy.pdf", pdf, "application/pdf")})
    assert again.json()["id"] == att["id"]
    csv_bytes = b"iban;bedrag\nNL91ABNA0417164300;125000\n"
    r = client.post(url, headers=key, files={"file": ("a.csv", csv_bytes, "text/csv")})
    assert r.status_code == 201 and r.json()["media_type"] == "text/csv"
    # mislabelled: an executable called .pdf, HTML called .csv
    r = client.post(
        url,
        headers=key,
        files={"file": ("scan.pdf", b"MZ\x90\x00\x03" + bytes(100), "application/pdf")},
    )
    assert r.status_code == 415 and "PDF" in r.json()["detail"]
    r = client.post(
        url, headers=key, files={"file": ("a.csv", b"<html><script>x</script>,a", "text/csv")}
    )
    assert r.status_code == 415
    # someone else's report
    r = client.post(
        url,
        headers=auth(office["reporter_b"]),
        files={"file": ("scan.pdf", pdf, "application/pdf")},
    )
    assert r.status_code == 404
    got = client.get(f"{url}/{att['id']}", headers=key)
    assert got.status_code == 200 and got.content == pdf
    assert "attachment" in got.headers["content-disposition"]
    assert client.get(f"{url}/{att['id']}", headers=auth(office["reporter_b"])).status_code == 404


def test_oversized_upload_is_refused(
    client: TestClient, office: dict[str, str], app: object
) -> None:
    from dataclasses import replace

    state = app.state.weerbaar  # type: ignore[attr-defined]
    state.settings = replace(state.settings, max_upload_mb=1)
    rid = submit(client, office["reporter_a"], freeze()).json()["id"]
    big = b"%PDF-1.4\n" + b"0" * (2 << 20)
    r = client.post(
        f"/api/v1/reports/{rid}/attachments",
        headers=auth(office["reporter_a"]),
        files={"file": ("big.pdf", big, "application/pdf")},
    )
    assert r.status_code == 413 and "1 MB" in r.json()["detail"]


def test_reporter_admin_invites_to_own_organisation(
    client: TestClient, office: dict[str, str]
) -> None:
    r = client.post(
        "/api/v1/orgs/users",
        headers=auth(office["reporter_admin_a"]),
        json={"email": "new@bank-a.nl"},
    )
    assert r.status_code == 201 and r.json()["organisation"] == "Bank A"
    new_key = r.json()["api_key"]
    rid = submit(client, new_key, freeze()).json()["id"]
    assert (
        client.get(f"/api/v1/reports/{rid}", headers=auth(office["reporter_a"])).status_code == 200
    )
    r = client.post(
        "/api/v1/orgs/users",
        headers=auth(office["reporter_admin_a"]),
        json={"email": "x@bank-b.nl", "organisation": "Bank B"},
    )
    assert r.status_code == 403
    r = client.post(
        "/api/v1/orgs/users",
        headers=auth(office["reporter_admin_a"]),
        json={"email": "boss@bank-a.nl", "role": "analyst"},
    )
    assert r.status_code == 422


def test_reports_left_unscreened_are_screened_at_start_up(
    service_settings: object, database: object, fixture_screener: object, office: dict[str, str]
) -> None:
    """A report committed by a server that died before screening it is screened by the next."""
    from weerbaar.accounts import Principal
    from weerbaar.cases.schema import parse_report
    from weerbaar.cases.service import submit as store
    from weerbaar.db import Database
    from weerbaar.service import create_app

    assert isinstance(database, Database)
    with database.session() as s:
        from weerbaar.accounts import find_user

        user = find_user(s, "reporter_a@example.org")
        assert user is not None
        who = Principal(user.id, user.email, user.role, user.language)
    done = store(database, who, parse_report(freeze(party=KIM)), "before-restart")
    app = create_app(service_settings, screener=fixture_screener, database=database)  # type: ignore[arg-type]
    with TestClient(app) as client:
        report = wait_screened(client, office["analyst"], done.id)
    assert any(h["match"] for h in report["hits"])


def test_concurrent_retries_with_one_key_store_one_report(
    database: object, office: dict[str, str]
) -> None:
    """Eight threads send the same report with the same key at once: one report, one receipt."""
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import func, select

    from weerbaar.accounts import Principal, find_user
    from weerbaar.cases.models import Report
    from weerbaar.cases.schema import parse_report
    from weerbaar.cases.service import submit as store
    from weerbaar.db import Database

    assert isinstance(database, Database)
    with database.session() as s:
        user = find_user(s, "reporter_a@example.org")
        assert user is not None
        who = Principal(user.id, user.email, user.role, user.language)
    report = parse_report(freeze())
    with ThreadPoolExecutor(8) as pool:
        done = list(pool.map(lambda _: store(database, who, report, "same-key"), range(8)))
    assert len({d.id for d in done}) == 1 and len({d.receipt for d in done}) == 1
    assert sum(d.created for d in done) == 1
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Report)) == 1
