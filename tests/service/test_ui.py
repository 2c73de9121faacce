"""The web UI: login with CSRF, languages, search with explanations, entity and list pages,
batch screening (upload, progress, download), hostile uploads, and who may see what."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.service.conftest import PASSWORD, auth
from weerbaar.accounts import create_user
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.db.models import AuditEvent, ScreeningJob, User
from weerbaar.screening import Screener
from weerbaar.service import create_app
from weerbaar.service.ui import i18n

TEMPLATES = Path(i18n.__file__).parent / "templates"
UI_CODE = Path(i18n.__file__).parent
CUSTOMERS = (
    "klantnummer;naam;geboortedatum;nationaliteit\n"
    "C-001;Kim Chol Un;1968-05-02;North Korea\n"
    "C-002;Jan de Vries;1980-01-01;Netherlands\n"
    "C-003;Ocean Fiction;;\n"
)


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Log in through the form; the CSRF token of the new session."""
    token = csrf(client.get("/login").text)
    r = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = client.get("/")
    assert page.status_code == 200
    return csrf(page.text)


def upload(client: TestClient, token: str, name: str, content: bytes, **extra: str) -> Any:
    return client.post(
        "/ui/batch",
        data={"csrf_token": token, **extra},
        files={"file": (name, content, "application/octet-stream")},
        follow_redirects=False,
    )


def wait_for(client: TestClient, job_url: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(job_url, params={"format": "json"}).json()
        if job["status"] not in ("queued", "running") or time.monotonic() > deadline:
            return dict(job)
        time.sleep(0.1)


def events(database: Database, action: str) -> list[AuditEvent]:
    with database.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# -- messages -----------------------------------------------------------------


def test_both_languages_have_every_key_and_templates_use_known_keys() -> None:
    nl, en = i18n.MESSAGES["nl"], i18n.MESSAGES["en"]
    assert set(nl) == set(en), set(nl) ^ set(en)
    assert all(v.strip() for lang in (nl, en) for v in lang.values())
    used: set[str] = set()
    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""")
    prefixes = re.compile(r"""\b(?:t|label)\(\s*["']([a-z0-9_]+_)["']\s*[~,]""")
    for path in [*TEMPLATES.glob("*.html"), *UI_CODE.glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        used |= set(pattern.findall(text))
        for prefix in prefixes.findall(text):  # keys built in the template: "status_" ~ status
            assert any(k.startswith(prefix) for k in nl), prefix
    # keys built in templates: "schema_" ~ s, "role_" ~ role, "lang_" ~ code, "status_" ~ status
    used |= {f"status_{s}" for s in ("queued", "running", "done", "failed", "interrupted")}
    used |= {f"schema_{s}" for s in ("Person", "Organization", "Company", "Vessel", "LegalEntity")}
    used |= {"role_admin", "role_analyst", "role_screening", "lang_nl", "lang_en"}
    assert len(used) > 100
    assert not used - set(nl), f"keys used but not defined: {sorted(used - set(nl))}"
    # the same placeholders in both languages
    for key in nl:
        assert re.findall(r"{(\w+)}", nl[key]) == re.findall(r"{(\w+)}", en[key]), key


# -- login --------------------------------------------------------------------


def test_pages_need_a_login(client: TestClient, keys: dict[str, str]) -> None:
    for path in ("/", "/ui/search", "/ui/batch", "/ui/lists", "/ui/entities/unsc-9000001"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), path
        r = client.get(path, headers={"Accept": "application/json"})
        assert r.status_code == 401, path
    # an API key works for the JSON form
    r = client.get("/ui/lists", params={"format": "json"}, headers=auth(keys["screening"]))
    assert r.status_code == 200 and r.json()["lists"]
    # the login page itself, the stylesheet and the script need nothing
    assert client.get("/login").status_code == 200
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/progress.js").status_code == 200


def test_login_checks_csrf_and_password_and_slows_down_guessing(
    client: TestClient, users: dict[str, str], database: Database
) -> None:
    page = client.get("/login")
    assert 'lang="nl"' in page.text and "Inloggen" in page.text  # Dutch by default
    token = csrf(page.text)
    email = users["screening"]
    r = client.post("/login", data={"email": email, "password": PASSWORD})
    assert r.status_code == 403 and "formulier is verlopen" in r.text
    r = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": "x" * 40})
    assert r.status_code == 403
    r = client.post(
        "/login", data={"email": email, "password": "wrong password", "csrf_token": token}
    )
    assert r.status_code == 401 and "E-mailadres of wachtwoord onjuist." in r.text
    assert client.get("/", follow_redirects=False).status_code == 303  # still logged out
    assert events(database, "ui.login_failed")
    # after five failures the account is locked for a while, even with the right password
    for _ in range(4):
        client.post("/login", data={"email": email, "password": "nope nope!", "csrf_token": token})
    r = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and "Te veel mislukte pogingen" in r.text
    assert int(r.headers["retry-after"]) > 0
    # another account still logs in; the redirect goes to the page asked for, never elsewhere
    r = client.post(
        "/login",
        data={
            "email": users["analyst"],
            "password": PASSWORD,
            "csrf_token": token,
            "next": "/ui/lists",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/ui/lists"
    assert "Log out" in client.get("/ui/lists").text  # the analyst's language is English


def test_login_never_redirects_off_site(client: TestClient, users: dict[str, str]) -> None:
    token = csrf(client.get("/login").text)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        r = client.post(
            "/login",
            data={
                "email": users["screening"],
                "password": PASSWORD,
                "csrf_token": token,
                "next": target,
            },
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/", target
        token = csrf(client.get("/ui/search").text)
        client.post("/logout", data={"csrf_token": token})
        token = csrf(client.get("/login").text)


def test_logout_ends_the_session(client: TestClient, users: dict[str, str]) -> None:
    token = login(client, users["screening"])
    assert client.post("/logout", data={}).status_code == 403  # CSRF checked
    r = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_language_switch_is_stored_on_the_user(
    client: TestClient, users: dict[str, str], database: Database
) -> None:
    token = login(client, users["screening"])
    home = client.get("/").text
    assert 'lang="en"' in home and "Log out" in home and "Batch screening" in home
    assert client.post("/ui/language", data={"lang": "nl"}).status_code == 403
    r = client.post(
        "/ui/language",
        data={"lang": "nl", "csrf_token": token, "next": "/ui/batch"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/ui/batch"
    page = client.get("/ui/batch").text
    assert 'lang="nl"' in page and "Uitloggen" in page and "Batchscreening" in page
    search = client.get("/ui/search", params={"q": "Zzyzx Qwrtplk"}).text
    assert "Geen treffers" in search
    with database.session() as s:
        user = s.scalar(select(User).where(User.email == users["screening"]))
        assert user is not None and user.language == "nl"
    client.post("/ui/language", data={"lang": "en", "csrf_token": token})
    assert "No hits" in client.get("/ui/search", params={"q": "Zzyzx Qwrtplk"}).text
    r = client.post("/ui/language", data={"lang": "fr", "csrf_token": token})
    assert r.status_code == 400


# -- search, entity, lists ----------------------------------------------------


def test_search_shows_hits_with_the_explanation_of_each_score(
    client: TestClient, users: dict[str, str], database: Database
) -> None:
    login(client, users["screening"])
    params = {"q": "Kim Cheol Ung", "schema": "Person", "birth_date": "1968"}
    page = client.get("/ui/search", params=params)
    assert page.status_code == 200
    html = page.text
    assert "unsc-9000001" in html and 'href="/ui/entities/unsc-9000001"' in html
    assert "Why this score?" in html and "Aligned words" in html
    assert "birth_date_year" in html and "<meter" in html
    # a plain summary, and the features and alignments in words (the page is English)
    assert "Score 0." in html and "Aligned: " in html and "kim = kim" in html
    assert "the same year of birth" in html
    assert "Record as not a match" not in html  # screening users may not decide
    body = client.get("/ui/search", params={**params, "format": "json"}).json()
    top = body["hits"][0]
    assert top["entity_id"] == "unsc-9000001" and top["match"] is True
    assert "un_sc" in top["lists"] and 0.5 < top["score"] < 1.0
    cmp = top["comparison"]
    assert cmp["aligned"] and {"query", "candidate", "similarity", "how"} <= set(cmp["aligned"][0])
    assert any(e["feature"].startswith("birth_date") for e in cmp["evidence"])
    assert cmp["name_features"] and all("effect" in f and "doc" in f for f in cmp["name_features"])
    assert all(f["text"] and f["text"] != f["feature"] for f in cmp["name_features"])
    assert cmp["summary"].startswith("Score ") and "threshold" in cmp["summary"]
    assert body["list_versions"]["un_sc"]
    # same data by Accept header
    same = client.get("/ui/search", params=params, headers={"Accept": "application/json"}).json()
    assert [h["entity_id"] for h in same["hits"]] == [h["entity_id"] for h in body["hits"]]
    logged = events(database, "ui.search")
    assert logged and logged[0].list_versions and logged[0].detail["results"]
    # a date that cannot be read is a message on the page, not a crash
    bad = client.get("/ui/search", params={"q": "Kim", "birth_date": "next tuesday"})
    assert bad.status_code == 422 and "cannot read the date" in bad.text


def test_analyst_marks_a_hit_not_a_match(
    client: TestClient, users: dict[str, str], database: Database
) -> None:
    token = login(client, users["analyst"])
    params = {"q": "Kim Cheol Ung", "schema": "Person", "customer": "C-001"}
    html = client.get("/ui/search", params=params).text
    assert "Record as not a match" in html and 'name="reason"' in html
    form = {
        "entity_id": "unsc-9000001",
        "subject": "C-001",
        "reason": "other birth date",
        "back": "/ui/search?q=Kim+Cheol+Ung&schema=Person&customer=C-001",
    }
    assert client.post("/ui/decisions", data=form).status_code == 403  # no CSRF token
    r = client.post("/ui/decisions", data={**form, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and "decided=unsc-9000001" in r.headers["location"]
    page = client.get(r.headers["location"]).text
    assert "The decision has been recorded." in page and "Decided: not a match" in page
    body = client.get("/ui/search", params={**params, "format": "json"}).json()
    top = body["hits"][0]
    assert top["entity_id"] == "unsc-9000001" and top["match"] is False
    assert top["decision"]["reason"] == "other birth date"
    assert events(database, "decision.create")
    # an empty reason is refused with a message
    r = client.post("/ui/decisions", data={**form, "reason": " ", "csrf_token": token})
    assert r.status_code == 400 and "needs a reason" in r.text


def test_screening_role_may_not_decide(client: TestClient, users: dict[str, str]) -> None:
    token = login(client, users["screening"])
    r = client.post(
        "/ui/decisions",
        data={"entity_id": "unsc-9000001", "subject": "C-1", "reason": "x", "csrf_token": token},
    )
    assert r.status_code == 403 and "You may not see this page or do this." in r.text


def test_entity_page_shows_properties_sanctions_provenance_and_links(
    client: TestClient, users: dict[str, str]
) -> None:
    login(client, users["screening"])
    html = client.get("/ui/entities/unsc-9000001").text
    assert "KIM Chol Ung" in html and "Provenance per list version" in html
    assert "Sanctions" in html and "EU.9001.90" in html and "745120012" in html
    assert "gb-hmt-90101" in html and "Why they were merged" in html
    body = client.get("/ui/entities/ofac-90001", params={"format": "json"}).json()
    assert body["id"] == "unsc-9000001"  # any member id finds the merged entity
    assert {"properties", "sanctions", "provenance", "members", "links", "related"} <= set(body)
    seen = body["provenance"][0]["seen"][0]
    assert {"source", "first_seen", "last_seen", "current"} <= set(seen)
    missing = client.get("/ui/entities/nope-1")
    assert missing.status_code == 404 and "no entity" in missing.text
    assert client.get("/ui/entities/nope-1", params={"format": "json"}).status_code == 404


def test_lists_page_shows_versions_and_changes(client: TestClient, users: dict[str, str]) -> None:
    login(client, users["screening"])
    html = client.get("/ui/lists").text
    assert "Recent changes" in html and "un_sc" in html and "List date" in html
    body = client.get("/ui/lists", headers={"Accept": "application/json"}).json()
    un = next(x for x in body["lists"] if x["source"] == "un_sc")
    assert un["list_date"] and un["counts"] and un["version"] >= 1
    assert {"added", "removed", "changed"} <= set(un["changes"]["summary"])
    home = client.get("/", params={"format": "json"}).json()
    assert home["index"] == "ready" and "un_sc" in home["lists"]


# -- batch screening ----------------------------------------------------------


def test_batch_upload_progress_and_download(
    client: TestClient, users: dict[str, str], database: Database, service_settings: Settings
) -> None:
    token = login(client, users["screening"])
    r = upload(client, token, "klanten.csv", CUSTOMERS.encode("cp1252"))
    assert r.status_code == 303, r.text
    job_url = r.headers["location"]
    page = client.get(job_url).text
    assert "<progress" in page and "klanten.csv" in page
    job = wait_for(client, job_url)
    assert job["status"] == "done", job
    assert job["rows"] == 3 and job["done"] == 3 and job["hits"] >= 2 and job["matches"] >= 2
    page = client.get(job_url).text
    assert "Download results (CSV)" in page and 'http-equiv="refresh"' not in page
    got = client.get(job["download"])
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "klanten-results.csv" in got.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(got.text)))
    kim = [r for r in rows if r["input_id"] == "C-001"]
    assert kim and kim[0]["entity_id"] == "unsc-9000001" and kim[0]["match"] == "yes"
    assert kim[0]["input_naam"] == "Kim Chol Un" and kim[0]["row"] == "2"
    assert not [r for r in rows if r["input_id"] == "C-002" and r["match"] == "yes"]
    # the upload is kept in the jobs folder, the job is listed, every step is audited
    folder = service_settings.jobs_dir / str(job["id"])
    assert (folder / "input.csv").is_file() and (folder / "results.csv").is_file()
    listing = client.get("/ui/batch", params={"format": "json"}).json()
    assert listing["jobs"][0]["id"] == job["id"] and listing["max_upload_mb"] == 50
    for action in ("batch.upload", "batch.screen", "batch.download"):
        found = events(database, action)
        assert found and found[0].list_versions, action


def test_batch_accepts_xlsx_by_content(client: TestClient, users: dict[str, str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Client ID", "Full name", "Date of birth"])
    sheet.append(["K-9", "Kim Chol Un", "1968-05-02"])
    data = io.BytesIO()
    book.save(data)
    token = login(client, users["screening"])
    # the name says CSV, the content is a workbook: the content decides
    r = upload(client, token, "customers.csv", data.getvalue())
    assert r.status_code == 303, r.text
    job = wait_for(client, r.headers["location"])
    assert job["status"] == "done" and job["rows"] == 1 and job["matches"] >= 1
    rows = list(csv.DictReader(io.StringIO(client.get(job["download"]).text)))
    assert rows[0]["input_id"] == "K-9" and rows[0]["entity_id"] == "unsc-9000001"


def test_hostile_and_broken_uploads_get_clear_messages(
    client: TestClient, users: dict[str, str], service_settings: Settings
) -> None:
    token = login(client, users["screening"])
    jobs = service_settings.jobs_dir
    # path traversal in the file name: only the last part is kept, and only for display
    r = upload(client, token, "../../../etc/cron.d/evil.csv", CUSTOMERS.encode())
    assert r.status_code == 303
    job = client.get(r.headers["location"], params={"format": "json"}).json()
    assert job["filename"] == "evil.csv"
    assert not (service_settings.home.parent / "etc").exists()
    assert (jobs / str(job["id"]) / "input.csv").is_file()
    assert not list(service_settings.home.rglob("evil*"))
    r = upload(client, token, "..\\..\\windows\\evil.xlsx", CUSTOMERS.encode())
    assert r.status_code == 303
    assert client.get(r.headers["location"], params={"format": "json"}).json()["filename"] == (
        "evil.xlsx"
    )
    cases: list[tuple[str, bytes, int, str]] = [
        ("junk.csv", bytes(range(256)) * 40, 415, "neither CSV text nor an Excel workbook"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 500, 415, "neither CSV text"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, 415, "old Excel format"),
        ("utf16.csv", "naam\nKim\n".encode("utf-16"), 415, "UTF-16"),
        ("bad.csv", b"naam\n\x81\x8d\x8f\x90 \xc3\x28\n", 415, "neither UTF-8 nor Windows-1252"),
        ("empty.csv", b"", 422, "The file is empty."),
    ]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    cases.append(("data.xlsx", archive.getvalue(), 415, "ZIP file, but not an Excel workbook"))
    for name, content, code, message in cases:
        r = upload(client, token, name, content)
        assert r.status_code == code, (name, r.status_code)
        assert message in r.text, (name, r.text[-2000:])
        assert 'role="alert"' in r.text  # shown on the upload page
        j = upload(client, token, name, content, format="json")
        assert j.status_code == code
    r = client.post("/ui/batch", data={"csrf_token": token}, files={"file": ("", b"")})
    assert r.status_code == 422 and "Choose a file to upload." in r.text
    r = client.post("/ui/batch", files={"file": ("a.csv", CUSTOMERS.encode())})
    assert r.status_code == 403
    # nothing left behind from the rejected uploads
    assert not [p for p in jobs.iterdir() if p.name.startswith(".upload-")]


def test_upload_size_limit(
    service_settings: Settings,
    database: Database,
    fixture_screener: Screener,
    users: dict[str, str],
) -> None:
    app = create_app(
        replace(service_settings, max_upload_mb=1), screener=fixture_screener, database=database
    )
    with TestClient(app) as client:
        token = login(client, users["screening"])
        big = CUSTOMERS.encode() + b"C-9;Name;;\n" * 200_000
        r = upload(client, token, "big.csv", big)
        assert r.status_code == 413 and "larger than 1 MB" in r.text
        # a small workbook that unpacks to far more than allowed (a zip bomb)
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("xl/worksheets/sheet1.xml", b"0" * (30 << 20))
        assert len(bomb.getvalue()) < 1 << 20
        r = upload(client, token, "bomb.xlsx", bomb.getvalue())
        assert r.status_code == 413 and "unpacks to more than allowed" in r.text


def test_errors_in_the_file_show_on_the_job_page(client: TestClient, users: dict[str, str]) -> None:
    token = login(client, users["screening"])
    r = upload(client, token, "columns.csv", b"colour;size\nred;big\n")
    job = wait_for(client, r.headers["location"])
    assert job["status"] == "failed" and job["download"] is None
    assert "columns.csv" in job["error"] and "/jobs/" not in job["error"]
    page = client.get(r.headers["location"]).text
    assert "The screening failed:" in page and "columns.csv" in page
    assert client.get(f"/ui/batch/{job['id']}/results.csv").status_code == 404


def test_only_the_owner_or_an_admin_sees_a_job(
    app: FastAPI, users: dict[str, str], database: Database
) -> None:
    with database.session() as s:
        create_user(s, "other@example.org", "screening", language="en", password=PASSWORD)
    with TestClient(app) as owner, TestClient(app) as other, TestClient(app) as admin:
        token = login(owner, users["screening"])
        r = upload(owner, token, "mine.csv", CUSTOMERS.encode())
        job_url = r.headers["location"]
        job = wait_for(owner, job_url)
        assert job["status"] == "done"
        login(other, "other@example.org")
        for url in (job_url, job["download"]):
            r = other.get(url)
            assert r.status_code == 403 and "Only the owner" in r.text, url
            assert other.get(url, params={"format": "json"}).status_code == 403
        assert other.get("/ui/batch", params={"format": "json"}).json()["jobs"] == []
        login(admin, users["admin"])
        assert admin.get(job["download"]).status_code == 200
        listed = admin.get("/ui/batch", params={"format": "json"}).json()["jobs"]
        assert listed[0]["owner"] == users["screening"]
    with database.session() as s:
        assert s.get(ScreeningJob, job["id"]) is not None


def test_every_page_answers_json(client: TestClient, users: dict[str, str]) -> None:
    login(client, users["admin"])
    for path in (
        "/",
        "/ui/search?q=Kim",
        "/ui/entities/unsc-9000001",
        "/ui/batch",
        "/ui/lists",
        "/ui/alerts",
        "/login",
    ):
        r = client.get(path, headers={"Accept": "application/json"})
        assert r.status_code == 200 and r.headers["content-type"] == "application/json", path
        html = client.get(path)
        assert html.headers["content-type"].startswith("text/html"), path
        assert "default-src 'self'" in html.headers["content-security-policy"], path


def test_alerts_page_lists_open_alerts_and_decides_them(
    client: TestClient, users: dict[str, str], database: Database
) -> None:
    from weerbaar.db.models import Alert, Book

    with database.session() as s:
        book = Book(name="klanten-2026")
        s.add(book)
        s.flush()
        alert = Alert(
            book_id=book.id,
            record_key="C-001",
            entity_id="unsc-9000001",
            score=0.93,
            explanation="'Kim Chol Un' vs 'KIM Chol Ung'",
        )
        s.add(alert)
        s.flush()
        alert_id = alert.id
    login(client, users["screening"])
    assert client.get("/ui/alerts").status_code == 403  # screening users do not monitor
    client.post("/logout", data={"csrf_token": csrf(client.get("/").text)})
    token = login(client, users["analyst"])
    html = client.get("/ui/alerts").text
    assert "klanten-2026" in html and "C-001" in html and "Record as not a match" in html
    body = client.get("/ui/alerts", params={"format": "json"}).json()
    assert body["alerts"][0]["id"] == alert_id
    subject = body["alerts"][0]["subject"]
    r = client.post(
        "/ui/decisions",
        data={
            "entity_id": "unsc-9000001",
            "subject": subject,
            "reason": "different person",
            "csrf_token": token,
            "back": "/ui/alerts",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/ui/alerts?decided=")
    assert "The decision has been recorded." in client.get(r.headers["location"]).text
    assert client.get("/ui/alerts", params={"format": "json"}).json()["alerts"] == []
    with database.session() as s:
        found = s.get(Alert, alert_id)
        assert found is not None and found.status == "decided"
