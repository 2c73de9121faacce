"""The report audit log: every read and write is chained; any change is detected."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.cases.conftest import freeze, submit
from tests.cli_helpers import cli
from tests.plugins.service import auth
from weerbaar.cases import auditlog
from weerbaar.core.settings import Settings
from weerbaar.db import Database


def _fill(client: TestClient, office: dict[str, str]) -> int:
    rid = int(submit(client, office["reporter_a"], freeze(), "k").json()["id"])
    submit(client, office["reporter_a"], freeze(), "k")
    client.get(f"/api/v1/reports/{rid}", headers=auth(office["reporter_a"]))
    client.get(f"/api/v1/reports/{rid}", headers=auth(office["reporter_b"]))  # refused: logged
    client.get(f"/api/v1/reports/{rid}", headers=auth(office["analyst"]))
    client.get("/api/v1/reports", headers=auth(office["auditor"]))
    return rid


def _verify(database: Database) -> auditlog.Problem | None:
    with database.session() as s:
        return auditlog.verify(s)[1]


def test_reads_and_writes_are_logged_in_a_valid_chain(
    client: TestClient, office: dict[str, str], database: Database
) -> None:
    rid = _fill(client, office)
    with database.session() as s:
        rows = s.execute(text("SELECT action, report_id, actor FROM report_audit ORDER BY seq"))
        log = [tuple(r) for r in rows if r[0] != "report.screen"]  # the worker's, any time
    assert log[:6] == [
        ("report.submit", rid, "reporter_a@example.org"),
        ("report.resubmit", rid, "reporter_a@example.org"),
        ("report.read", rid, "reporter_a@example.org"),
        ("report.read_refused", rid, "reporter_b@example.org"),
        ("report.read", rid, "analyst@example.org"),
        ("report.list", None, "auditor@example.org"),
    ]
    assert _verify(database) is None
    r = client.get("/api/v1/audit/verify", headers=auth(office["auditor"]))
    assert r.json()["ok"] is True and r.json()["rows"] >= 6


TAMPER = {
    "changed": ["UPDATE report_audit SET actor = 'someone@else' WHERE seq = 3"],
    "changed detail": ["UPDATE report_audit SET detail = '{}' WHERE seq = 1"],
    "changed time": ["UPDATE report_audit SET at = '2020-01-01 00:00:00' WHERE seq = 2"],
    "deleted": ["DELETE FROM report_audit WHERE seq = 2"],
    "deleted last": ["DELETE FROM report_audit WHERE seq = (SELECT MAX(seq) FROM report_audit)"],
    "deleted first": ["DELETE FROM report_audit WHERE seq = 1"],
    "reordered": [
        "UPDATE report_audit SET seq = -1 WHERE seq = 2",
        "UPDATE report_audit SET seq = 2 WHERE seq = 3",
        "UPDATE report_audit SET seq = 3 WHERE seq = -1",
    ],
    "rehashed": [  # a changed row with its own hash recomputed still breaks the next link
        "UPDATE report_audit SET actor = 'x', hash = 'f' || substr(hash, 2) WHERE seq = 2"
    ],
}


@pytest.mark.parametrize("how", sorted(TAMPER))
def test_any_change_is_detected(
    client: TestClient,
    office: dict[str, str],
    database: Database,
    service_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    _fill(client, office)
    monkeypatch.setenv("WEERBAAR_HOME", str(service_settings.home))
    monkeypatch.setenv("WEERBAAR_DATABASE_URL", service_settings.database)
    ok = cli("audit", "verify")
    assert ok.exit_code == 0 and "OK" in ok.output
    with database.session() as s:
        for statement in TAMPER[how]:
            s.execute(text(statement))
    problem = _verify(database)
    assert problem is not None, how
    broken = cli("audit", "verify")
    assert broken.exit_code == 1 and "BROKEN" in broken.output, broken.output
    r = client.get("/api/v1/audit/verify", headers=auth(office["auditor"]))
    assert r.json()["ok"] is False and r.json()["problem"]


def test_recomputed_chain_is_still_caught_by_the_head(
    office: dict[str, str], client: TestClient, database: Database
) -> None:
    """Rewriting a row and every hash after it needs the head too: without it, detected."""
    _fill(client, office)
    with database.session() as s:
        rows = s.execute(text("SELECT seq FROM report_audit ORDER BY seq")).scalars().all()
        prev = auditlog.GENESIS
        for seq in rows:
            row = (
                s.execute(
                    text(
                        "SELECT seq, at, user_id, actor, action, report_id, detail, prev_hash "
                        "FROM report_audit WHERE seq = :s"
                    ),
                    {"s": seq},
                )
                .mappings()
                .one()
            )
            detail = (
                row["detail"]
                if isinstance(row["detail"], dict)
                else __import__("json").loads(row["detail"])
            )
            at = row["at"]
            if isinstance(at, str):
                from datetime import datetime

                at = datetime.fromisoformat(at)
            actor = "forged" if seq == 1 else row["actor"]
            digest = auditlog.row_hash(
                seq=seq,
                at=at,
                user_id=row["user_id"],
                actor=actor,
                action=row["action"],
                report_id=row["report_id"],
                detail=detail,
                prev_hash=prev,
            )
            s.execute(
                text(
                    "UPDATE report_audit SET actor = :a, prev_hash = :p, hash = :h WHERE seq = :s"
                ),
                {"a": actor, "p": prev, "h": digest, "s": seq},
            )
            prev = digest
    problem = _verify(database)
    assert problem is not None and problem.seq is None  # only the head disagrees
