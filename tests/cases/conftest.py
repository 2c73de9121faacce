"""Two reporting organisations and a user (with an API key) for every role."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.plugins.service import PASSWORD, auth
from weerbaar.accounts import create_key
from weerbaar.cases.schema import EXAMPLE_FREEZE
from weerbaar.cases.service import add_org, add_user
from weerbaar.db import Database

#: caller -> (role, organisation or None)
CALLERS = {
    "reporter_a": ("reporter", "Bank A"),
    "reporter_admin_a": ("reporter_admin", "Bank A"),
    "reporter_b": ("reporter", "Bank B"),
    "reporter_admin_b": ("reporter_admin", "Bank B"),
    "analyst": ("analyst", None),
    "supervisor": ("supervisor", None),
    "auditor": ("auditor", None),
    "admin": ("admin", None),
    "screening": ("screening", None),
}


@pytest.fixture()
def office(database: Database) -> dict[str, str]:
    """caller name -> API key; e-mail <caller>@example.org, password PASSWORD."""
    out = {}
    with database.session() as s:
        add_org(s, "Bank A")
        add_org(s, "Bank B")
        for caller, (role, org) in CALLERS.items():
            user = add_user(
                s, f"{caller}@example.org", role, org=org, language="en", password=PASSWORD
            )
            _, out[caller] = create_key(s, role, user=user)
    return out


def freeze(**changes: Any) -> dict[str, Any]:
    body = {**EXAMPLE_FREEZE, **changes}
    return body


def submit(client: TestClient, key: str, body: dict[str, Any], idem: str | None = None) -> Any:
    headers = auth(key)
    if idem:
        headers["Idempotency-Key"] = idem
    return client.post("/api/v1/reports", json=body, headers=headers)


def wait_screened(client: TestClient, key: str, report_id: int) -> dict[str, Any]:
    """The report once the background worker has screened it."""
    import time

    deadline = time.monotonic() + 30
    while True:
        r = client.get(f"/api/v1/reports/{report_id}", headers=auth(key))
        assert r.status_code == 200, r.text
        if r.json()["screened"]:
            return dict(r.json())
        assert time.monotonic() < deadline, "the report was not screened within 30 s"
        time.sleep(0.1)
