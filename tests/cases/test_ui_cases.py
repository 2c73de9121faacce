"""The reporting office's web pages: reporters submit and see their reports, the office
works the cases; forms need the session's CSRF token; Dutch and English."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.cases.conftest import freeze, submit
from tests.plugins.service import PASSWORD, auth
from tests.service.test_ui import csrf

FORM = {
    "kind": "freeze",
    "reference": "R-1",
    "party_name": "Ivan Sidorov",
    "party_type": "person",
    "party_birth_date": "1961-04-12",
    "party_country": "ru",
    "relation": "customer",
    "asset_type": "bank_account",
    "asset_identifier": "NL91ABNA0417164300",
    "amount": "1 250,50",
    "currency": "eur",
    "date_frozen": "2026-11-02",
    "regime": "RUS",
    "instrument": "269/2014",
}


def login(client: TestClient, email: str) -> str:
    token = csrf(client.get("/login").text)
    r = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return csrf(client.get("/ui/reports").text)  # the session's new token


def test_reporter_submits_the_form_once_and_sees_the_receipt(
    client: TestClient, office: dict[str, str]
) -> None:
    login(client, "reporter_a@example.org")
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"] == "/ui/reports"
    page = client.get("/ui/reports")
    assert page.status_code == 200 and "Report a freeze" in page.text
    assert "/ui/search" not in page.text  # no screening menu for reporters
    form = client.get("/ui/reports/new")
    token = csrf(form.text)
    idem = re.search(r'name="idempotency_key" value="([^"]+)"', form.text)
    assert idem
    data = {**FORM, "csrf_token": token, "idempotency_key": idem.group(1)}
    r = client.post("/ui/reports", data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    again = client.post("/ui/reports", data=data, follow_redirects=False)
    assert again.headers["location"] == r.headers["location"]  # a double click: one report
    shown = client.get(r.headers["location"])
    assert "has been received and stored" in shown.text
    receipt = re.search(r'id="receipt-number">([^<]+)<', shown.text)
    assert receipt and receipt.group(1).startswith("MK-")
    listed = client.get("/api/v1/reports", headers=auth(office["reporter_a"])).json()["reports"]
    assert len(listed) == 1 and listed[0]["title"] == "Ivan Sidorov: 1250.50 EUR"
    # without the CSRF token: refused
    bad = client.post("/ui/reports", data={**FORM, "csrf_token": "nope"}, follow_redirects=False)
    assert bad.status_code == 403


def test_form_errors_are_shown_next_to_the_form(client: TestClient, office: dict[str, str]) -> None:
    token = login(client, "reporter_a@example.org")
    data = {**FORM, "csrf_token": token, "amount": "veel", "party_name": "<script>x</script>"}
    r = client.post("/ui/reports", data=data)
    assert r.status_code == 422
    assert "party.name" in r.text and "amount" in r.text and "&lt;script&gt;" in r.text
    assert "<script>x" not in r.text


def test_office_works_a_case_in_the_browser_forms(
    client: TestClient, office: dict[str, str]
) -> None:
    report = submit(client, office["reporter_a"], freeze()).json()
    login(client, "analyst@example.org")
    page = client.get("/ui/cases")
    assert page.status_code == 200 and report["receipt"] in page.text
    assert "RUS" in page.text and "125000.00" in page.text
    case_url = f"/ui/cases/{report['case_id']}"
    token = csrf(client.get(case_url).text)
    for status in ("triage", "investigation", "closed"):
        r = client.post(
            f"{case_url}/status",
            data={"status": status, "csrf_token": token},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
    r = client.post(
        f"{case_url}/notes",
        data={"text": "Welke rekening?", "question": "1", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    shown = client.get(case_url)
    assert 'id="case-status">closed<' in shown.text and "Welke rekening?" in shown.text
    wrong = client.post(f"{case_url}/status", data={"status": "triage", "csrf_token": token})
    assert wrong.status_code == 409
    # the reporter sees the question and answers it on the report page
    client.post("/logout", data={"csrf_token": token})
    token = login(client, "reporter_a@example.org")
    mine = client.get(f"/ui/reports/{report['id']}")
    assert "Welke rekening?" in mine.text
    qid = re.search(r'name="question" value="(\d+)"', mine.text)
    assert qid
    r = client.post(
        f"/ui/reports/{report['id']}/reply",
        follow_redirects=False,
        data={"question": qid.group(1), "text": "NL91", "csrf_token": token},
    )
    assert r.status_code == 303
    assert "Answered." in client.get(f"/ui/reports/{report['id']}").text
    # and cannot open the office's pages
    assert client.get("/ui/cases").status_code == 403


def test_pages_in_dutch(client: TestClient, office: dict[str, str]) -> None:
    token = login(client, "reporter_b@example.org")
    client.post("/ui/language", data={"lang": "nl", "csrf_token": token})
    page = client.get("/ui/reports/new")
    assert "Bevriezing melden" in page.text and "Datum bevriezing" in page.text
    assert "Meldingen sancties" in page.text
