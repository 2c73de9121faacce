"""A freeze report from submission to a closed case, in headless Chromium.

A reporter of Bank A logs in, fills in the freeze report form and gets a
receipt number; an analyst logs in, finds the case (screened, with the hit on
the listed person), moves it through triage and investigation and closes it.
Skipped with a reason when /usr/bin/chromium is absent, unless CI is set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.plugins.service import PASSWORD
from tests.service.test_browser import browser, server  # noqa: F401  (fixtures)


def _login(page: Any, base: str, email: str, target: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}{target}")
    expect(page.locator("#email")).to_be_visible()
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form[action='/login'] button[type=submit]").click()
    expect(page).to_have_url(f"{base}{target}")


def test_freeze_report_from_submission_to_closed_case(
    server: str,  # noqa: F811
    browser: Any,  # noqa: F811
    office: dict[str, str],
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)

    # the reporter: the form, a validation error, then the receipt
    _login(page, server, "reporter_a@example.org", "/ui/reports/new")
    expect(page.get_by_role("heading", name="Report a freeze")).to_be_visible()
    page.locator("#reference").fill("FRZ-77")
    page.locator("#party_name").fill("Kim Cheol Ung")
    page.locator("#party_type").select_option("person")
    page.locator("#party_birth_date").fill("1968")
    page.locator("#relation").select_option("beneficial_owner")
    page.locator("#asset_type").select_option("bank_account")
    page.locator("#asset_identifier").fill("NL91ABNA0417164300")
    page.locator("#amount").fill("not a number")
    page.locator("#currency").fill("EUR")
    page.locator("#date_frozen").fill("2026-11-02")
    page.locator("#regime").fill("DPRK")
    page.locator("#instrument").fill("Regulation (EU) 2017/1509")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("alert")).to_contain_text("amount")
    page.locator("#amount").fill("48000.00")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("status")).to_contain_text("has been received and stored")
    receipt = page.locator("#receipt-number").inner_text()
    assert receipt.startswith("MK-")
    page.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()

    # the analyst: the case list, the case with its hit, the workflow to closed
    _login(page, server, "analyst@example.org", "/ui/cases")
    expect(page.locator("#cases")).to_contain_text(receipt)
    expect(page.locator("#frozen")).to_contain_text("48000.00")
    page.locator("#cases a").first.click()
    expect(page.locator("#case-status")).to_have_text("received")
    for _ in range(100):  # the screening worker attaches the hits within moments
        if page.get_by_text("KIM Chol Ung").count():
            break
        page.wait_for_timeout(200)
        page.reload()
    expect(page.get_by_text("KIM Chol Ung").first).to_be_visible()
    for status in ("triage", "investigation", "closed"):
        page.locator("#new-status").select_option(status)
        page.locator("#status-note").fill(f"to {status}")
        page.locator("#change-status").click()
        expect(page.locator("#case-status")).to_have_text(status)
    expect(page.get_by_text("investigation -> closed: to closed")).to_be_visible()
    page.screenshot(path=str(tmp_path / "closed.png"), full_page=True)
    context.close()
