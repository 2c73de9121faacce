"""Who may do what in the reporting office: every role, every action, on its own
organisation's reports and on another's. (The generic 401/403 matrix over every
API route is tests/service/test_access.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.cases.conftest import CALLERS, freeze, submit
from tests.plugins.service import auth

OFFICE = {"analyst", "supervisor", "auditor", "admin"}
WORKERS = {"analyst", "supervisor", "admin"}
A = {"reporter_a", "reporter_admin_a"}
B = {"reporter_b", "reporter_admin_b"}
PDF = b"%PDF-1.4\n%%EOF\n"


def expected(action: str, caller: str) -> set[int]:
    """The status codes ``caller`` may get for ``action`` (on Bank A's report)."""
    ok = {200, 201}
    if caller == "screening":
        return {403}
    if action == "submit":
        return ok if caller in A | B else ({400} if caller == "admin" else {403})
    if action in ("read", "attach", "update", "reply"):
        if action in ("attach", "update", "reply") and caller in OFFICE:
            return {403} if caller != "admin" else {404, 400}
        return ok if caller in A | OFFICE else {404}
    if action == "list":
        return ok
    if action in ("cases", "case", "dashboard", "csv"):
        return ok if caller in OFFICE else {403}
    if action in ("status", "note"):
        return ok if caller in WORKERS else {403}
    if action == "verify":
        return ok if caller in OFFICE else {403}
    if action == "orgs":
        return ok if caller == "admin" else {403}
    if action == "invite":
        return ok if caller in {"reporter_admin_a", "reporter_admin_b", "admin"} else {403}
    raise AssertionError(action)


@pytest.fixture()
def world(client: TestClient, office: dict[str, str]) -> dict[str, Any]:
    a = submit(client, office["reporter_a"], freeze(), "a-1").json()
    b = submit(client, office["reporter_b"], freeze(), "b-1").json()
    analyst = auth(office["analyst"])
    q = client.post(
        f"/api/v1/cases/{a['case_id']}/notes",
        headers=analyst,
        json={"text": "Question?", "question": True},
    ).json()
    return {"a": a, "b": b, "question": q["id"]}


def test_every_role_on_own_and_other_organisation(
    client: TestClient, office: dict[str, str], world: dict[str, Any]
) -> None:
    a, b = world["a"], world["b"]
    case = a["case_id"]
    status = {"value": "received"}

    def act(action: str, caller: str) -> Any:
        h = auth(office[caller])
        n = f"{caller}-{action}"
        if action == "submit":
            return submit(client, office[caller], freeze(), n)
        if action == "read":
            return client.get(f"/api/v1/reports/{a['id']}", headers=h)
        if action == "attach":
            return client.post(
                f"/api/v1/reports/{a['id']}/attachments",
                headers=h,
                files={"file": ("x.pdf", PDF, "application/pdf")},
            )
        if action == "update":
            return submit(
                client, office[caller], {"kind": "update", "report": a["id"], "description": "more"}
            )
        if action == "reply":
            r = submit(
                client,
                office[caller],
                {"kind": "reply", "question": world["question"], "text": "yes"},
            )
            if r.status_code == 201:  # answered: ask again for the next caller
                q = client.post(
                    f"/api/v1/cases/{case}/notes",
                    headers=auth(office["analyst"]),
                    json={"text": "And?", "question": True},
                ).json()
                world["question"] = q["id"]
            return r
        if action == "list":
            return client.get("/api/v1/reports", headers=h)
        if action == "cases":
            return client.get("/api/v1/cases", headers=h)
        if action == "case":
            return client.get(f"/api/v1/cases/{case}", headers=h)
        if action == "dashboard":
            return client.get("/api/v1/dashboard", headers=h)
        if action == "csv":
            return client.get("/api/v1/dashboard.csv", headers=h)
        if action == "status":
            to = "triage" if status["value"] != "triage" else "investigation"
            r = client.post(f"/api/v1/cases/{case}/status", headers=h, json={"status": to})
            if r.status_code == 200:
                status["value"] = to
            return r
        if action == "note":
            return client.post(f"/api/v1/cases/{case}/notes", headers=h, json={"text": "n"})
        if action == "verify":
            return client.get("/api/v1/audit/verify", headers=h)
        if action == "orgs":
            return client.get("/api/v1/orgs", headers=h)
        if action == "invite":
            body = {"email": f"{n}@example.org"}
            if caller == "admin":
                body["organisation"] = "Bank A"
            return client.post("/api/v1/orgs/users", headers=h, json=body)
        raise AssertionError(action)

    actions = [
        "submit",
        "read",
        "attach",
        "update",
        "reply",
        "list",
        "cases",
        "case",
        "dashboard",
        "csv",
        "status",
        "note",
        "verify",
        "orgs",
        "invite",
    ]
    failures = []
    for caller in CALLERS:
        for action in actions:
            r = act(action, caller)
            if r.status_code not in expected(action, caller):
                failures.append((caller, action, r.status_code, r.text[:200]))
            if action == "list" and r.status_code == 200:
                ids = {x["id"] for x in r.json()["reports"]}
                if caller in A:
                    assert b["id"] not in ids and a["id"] in ids, (caller, ids)
                elif caller in B:
                    assert a["id"] not in ids and b["id"] in ids, (caller, ids)
                else:
                    assert {a["id"], b["id"]} <= ids, (caller, ids)
            if action == "read" and r.status_code == 200:
                office_view = r.json().get("hits") is not None
                assert office_view == (caller in OFFICE), caller
    assert failures == []


def test_other_organisation_cannot_learn_a_report_exists(
    client: TestClient, office: dict[str, str], world: dict[str, Any]
) -> None:
    h = auth(office["reporter_b"])
    missing = client.get("/api/v1/reports/999999", headers=h)
    other = client.get(f"/api/v1/reports/{world['a']['id']}", headers=h)
    assert missing.status_code == other.status_code == 404
    assert "detail" in other.json() and str(world["a"]["receipt"]) not in other.text
