"""The web UI in a real browser: Debian's headless Chromium driven by Playwright.

A real server (uvicorn on a free loopback port) over the fixture lists; a
user logs in, searches a listed name, opens the entity, uploads a customer
file, waits for the screening and downloads the results.

Skipped with a reason when /usr/bin/chromium is absent, unless the
environment variable CI is set: CI must run it (``.ci/run`` installs it).
"""

from __future__ import annotations

import csv
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.service.conftest import PASSWORD
from weerbaar.accounts import create_user
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.screening import Screener
from weerbaar.service import create_app

CHROMIUM = Path("/usr/bin/chromium")
EMAIL = "browser@example.org"


def _need(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser test: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(
    service_settings: Settings, database: Database, fixture_screener: Screener
) -> Iterator[str]:
    """The service on a free loopback port, with one Dutch-speaking analyst; its base URL."""
    import uvicorn

    with database.session() as s:
        create_user(s, EMAIL, "analyst", name="Browser", language="nl", password=PASSWORD)
    app = create_app(service_settings, screener=fixture_screener, database=database)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def browser() -> Iterator[Any]:
    _need(CHROMIUM.exists(), f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "the playwright package is not installed (pip install -e '.[dev]')")
        raise
    with sync_playwright() as p:
        found = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            yield found
        finally:
            found.close()


def test_log_in_search_upload_and_download_in_chromium(
    server: str, browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(accept_downloads=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(20_000)

    # every page needs a login: the browser lands on the (Dutch) login form
    page.goto(f"{server}/ui/search")
    expect(page).to_have_url(f"{server}/login?next=%2Fui%2Fsearch")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Wachtwoord").fill("not the password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("E-mailadres of wachtwoord onjuist.")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(f"{server}/ui/search")
    expect(page.get_by_text(EMAIL)).to_be_visible()

    # search a listed name; the hit explains its score
    page.get_by_label("Naam", exact=True).fill("Kim Cheol Ung")
    page.get_by_label("Geboortedatum").fill("1968")
    page.get_by_role("button", name="Zoeken").click()
    hit = page.get_by_role("link", name="KIM Chol Ung")
    expect(hit).to_be_visible()
    expect(page.get_by_text("unsc-9000001").first).to_be_visible()
    page.get_by_text("Waarom deze score?").first.click()
    expect(page.get_by_text("Gekoppelde woorden").first).to_be_visible()
    # the reviewer's summary, in Dutch: the verdict, the aligned words, the birth year
    summary = page.locator("p.summary").first
    expect(summary).to_contain_text("een treffer")
    expect(summary).to_contain_text("kim = kim")
    expect(summary).to_contain_text("hetzelfde geboortejaar")
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)

    # the entity page, with provenance per list version
    hit.click()
    expect(page.get_by_role("heading", name="KIM Chol Ung")).to_be_visible()
    expect(page.get_by_role("heading", name="Herkomst per lijstversie")).to_be_visible()

    # batch screening: upload, watch the progress, download the results
    customers = tmp_path / "klanten.csv"
    customers.write_text(
        "klantnummer;naam;geboortedatum\nC-1;Kim Chol Un;1968-05-02\nC-2;Jan de Vries;1980\n",
        encoding="utf-8",
    )
    page.get_by_role("link", name="Batchscreening").click()
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(customers))
    page.get_by_role("button", name="Screening starten").click()
    expect(page.get_by_role("heading", name="klanten.csv")).to_be_visible()
    link = page.get_by_role("link", name="Resultaten downloaden (CSV)")
    expect(link).to_be_visible(timeout=60_000)
    expect(page.get_by_text("2 van 2 rijen")).to_be_visible()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "klanten-results.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))
    with saved.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and rows[0]["input_id"] == "C-1" and rows[0]["entity_id"] == "unsc-9000001"
    assert rows[0]["match"] == "yes" and rows[0]["input_naam"] == "Kim Chol Un"
    assert not [r for r in rows if r["input_id"] == "C-2" and r["match"] == "yes"]

    # switch to English, then log out
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    context.close()
