"""``weerbaar cases ...`` and ``weerbaar audit verify`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.cases.conftest import freeze, submit
from tests.cli_helpers import cli
from tests.plugins.service import auth
from weerbaar.cases import auditlog
from weerbaar.core.settings import Settings
from weerbaar.db import Database


@pytest.fixture()
def env(service_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("WEERBAAR_HOME", str(service_settings.home))
    monkeypatch.setenv("WEERBAAR_DATABASE_URL", service_settings.database)
    return service_settings


def test_org_add_and_user_add_print_a_working_key(
    env: Settings, database: Database, client: TestClient
) -> None:
    assert cli("cases", "org-add", "Trustkantoor X").exit_code == 0
    dup = cli("cases", "org-add", "Trustkantoor X")
    assert dup.exit_code == 1 and "already exists" in dup.output
    r = cli("cases", "user-add", "ana@tk.nl", "--org", "Trustkantoor X", "--role", "reporter",
            "--api-key")  # fmt: skip
    assert r.exit_code == 0, r.output
    key = r.stdout.strip()
    assert key.startswith("wb_") and "\n" not in key
    created = submit(client, key, freeze())
    assert created.status_code == 201
    assert (
        client.get(f"/api/v1/reports/{created.json()['id']}", headers=auth(key)).status_code == 200
    )
    no_org = cli("cases", "user-add", "bob@tk.nl", "--role", "reporter", "--api-key")
    assert no_org.exit_code == 1 and "--org" in no_org.output
    office_org = cli("cases", "user-add", "eva@office.nl", "--org", "Trustkantoor X",
                     "--role", "analyst")  # fmt: skip
    assert office_org.exit_code == 1
    unknown = cli("cases", "user-add", "x@tk.nl", "--org", "Nope", "--role", "reporter")
    assert unknown.exit_code == 1 and "no organisation" in unknown.output
    orgs = cli("cases", "orgs", "--json")
    assert '"reports": 1' in orgs.stdout


def test_backup_and_restore_into_a_new_database(
    env: Settings, client: TestClient, office: dict[str, str], tmp_path: Path
) -> None:
    a = submit(client, office["reporter_a"], freeze(), "k1").json()
    client.post(f"/api/v1/reports/{a['id']}/attachments", headers=auth(office["reporter_a"]),
                files={"file": ("scan.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")})  # fmt: skip
    client.post(f"/api/v1/cases/{a['case_id']}/assign", headers=auth(office["analyst"]),
                json={"assignee": "analyst@example.org", "deadline": "2026-12-01"})  # fmt: skip
    backup = tmp_path / "office.tar.gz"
    r = cli("cases", "backup", backup)
    assert r.exit_code == 0 and backup.exists(), r.output

    other = Settings(home=tmp_path / "other")  # a fresh SQLite database
    target = Database.open(other)
    from weerbaar.cases.backup import restore

    counts = restore(target, other, backup)
    assert counts["reports"] == 1 and counts["attachments"] == 1
    with target.session() as s:
        rows, problem = auditlog.verify(s)
    assert problem is None and rows >= 3
    assert (other.home / "attachments").is_dir()
    from weerbaar.accounts import Principal
    from weerbaar.cases.service import list_cases

    auditor = Principal(1, "auditor@example.org", "auditor", "en")
    cases = list_cases(target, auditor)
    assert cases[0]["receipt"] == a["receipt"] and cases[0]["deadline"] == "2026-12-01"
    with pytest.raises(Exception, match="not empty"):
        restore(target, other, backup)
    target.dispose()
    # restoring over the live (non-empty) database is refused by the command too
    again = cli("cases", "restore", backup)
    assert again.exit_code == 1 and "not empty" in again.output


def test_every_cases_command_is_in_the_readme() -> None:
    from tests.conftest import ROOT
    from weerbaar.cli.cases import app, audit_app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for group, typer_app in (("cases", app), ("audit", audit_app)):
        for cmd in typer_app.registered_commands:
            assert f"weerbaar {group} {cmd.name}" in readme, cmd.name
