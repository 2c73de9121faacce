"""Reporting-office benchmark: 10,000 reports from 50 clients while the server is killed.

Usage: python benchmarks/reporting.py [--reports 10000] [--clients 50] [--kills 2]
                                      [--workers 2] [--sqlite]

Starts the real server (``weerbaar serve``) on a free loopback port with a
fresh application database: a new schema in the PostgreSQL test database
(``WEERBAAR_TEST_DATABASE_URL``, else ``scripts/test-postgres.sh``), or a
SQLite file with ``--sqlite`` or when PostgreSQL is not available. One
organisation and one reporter (API key without rate limit) are created.
``--clients`` threads send ``--reports`` freeze reports, each with its own
Idempotency-Key, and retry the same key (and body) on connection errors,
timeouts and 5xx answers until they get a receipt. Meanwhile the server's
process group is killed with SIGKILL ``--kills`` times (after a third and
two thirds of the reports) and restarted.

Then it counts in the database: lost = reports that were acknowledged (or
attempted) but are not stored, duplicates = stored reports beyond one per
idempotency key or per client reference, receipt mismatches = keys whose
stored receipt differs from the one the client got; it also verifies the
audit chain. It prints reports/s (wall clock, restarts included), p50/p95/
p99 latency of the successful requests and the retry count. Targets (issue
5): lost = 0, duplicates = 0.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
console = Console()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database_url(home: Path, sqlite: bool) -> tuple[str, str | None, str | None]:
    """(url, PostgreSQL base url, schema) for a fresh database."""
    if not sqlite:
        base = os.environ.get("WEERBAAR_TEST_DATABASE_URL")
        if not base:
            try:
                base = subprocess.run(
                    [str(ROOT / "scripts" / "test-postgres.sh")],
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=300,
                ).stdout.strip()
            except (subprocess.SubprocessError, OSError):
                base = None
        if base:
            from weerbaar.db import make_engine

            schema = f"bench_{uuid.uuid4().hex[:10]}"
            engine = make_engine(base)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            engine.dispose()
            sep = "&" if "?" in base else "?"
            return f"{base}{sep}options=-csearch_path%3D{schema}", base, schema
        console.print("[yellow]PostgreSQL not available: using SQLite[/]")
    return f"sqlite:///{home / 'weerbaar.sqlite3'}", None, None


class Server:
    def __init__(self, env: dict[str, str], port: int, workers: int) -> None:
        self.env, self.port, self.workers = env, port, workers
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = open(Path(env["WEERBAAR_HOME"]) / "server.log", "ab")  # noqa: SIM115

    def start(self) -> float:
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "weerbaar"),
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            env=self.env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = t0 + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    return time.monotonic() - t0
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                raise SystemExit(f"the server exited ({self.proc.returncode}); see server.log")
            time.sleep(0.1)
        raise SystemExit("the server did not start within 120 s")

    def kill(self) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def body(i: int) -> dict[str, Any]:
    return {
        "kind": "freeze",
        "reference": f"BENCH-{i}",
        "party": {"name": f"Test Person {i % 997}", "type": "person"},
        "relation": "customer",
        "asset": {"type": "bank_account", "identifier": f"NL00BANK{i:010d}"},
        "amount": f"{1000 + i}.50",
        "currency": ("EUR", "USD", "GBP")[i % 3],
        "date_frozen": "2026-11-02",
        "legal_basis": {"regime": ("RUS", "BLR", "DPRK")[i % 3], "instrument": "benchmark"},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sqlite", action="store_true", help="Use SQLite, not PostgreSQL.")
    args = parser.parse_args()

    from weerbaar.accounts import create_key
    from weerbaar.cases import auditlog
    from weerbaar.cases.models import Report
    from weerbaar.cases.service import add_org, add_user
    from weerbaar.core.settings import Settings
    from weerbaar.db import Database, make_engine

    home = Path(tempfile.mkdtemp(prefix="weerbaar-reporting-"))
    url, pg_base, schema = database_url(home, args.sqlite)
    settings = Settings(home=home, database_url=url, rate_limit=0)
    db = Database.open(settings)
    with db.session() as s:
        add_org(s, "Benchmark Bank")
        user = add_user(s, "bench@bank.example", "reporter", org="Benchmark Bank")
        _, key = create_key(s, "reporter", user=user, rate_limit=0)
    port = free_port()
    env = {
        **os.environ,
        "WEERBAAR_HOME": str(home),
        "WEERBAAR_DATABASE_URL": url,
        "WEERBAAR_RATE_LIMIT": "0",
    }
    server = Server(env, port, args.workers)
    engine_name = "PostgreSQL" if pg_base else "SQLite"
    console.print(f"{engine_name} database, {args.workers} server worker(s) on port {port}")
    server.start()

    run = uuid.uuid4().hex[:8]
    todo: queue.Queue[int] = queue.Queue()
    for i in range(args.reports):
        todo.put(i)
    acked: dict[str, str] = {}  # idempotency key -> receipt
    latencies: list[float] = []
    stats = {"retries": 0, "replays": 0, "errors_4xx": 0}
    lock = threading.Lock()
    done_count = [0]

    def client() -> None:
        headers = {"Authorization": f"ApiKey {key}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            while True:
                try:
                    i = todo.get_nowait()
                except queue.Empty:
                    return
                idem = f"{run}-{i}"
                while True:
                    t0 = time.perf_counter()
                    try:
                        r = http.post(
                            "/api/v1/reports",
                            json=body(i),
                            headers={**headers, "Idempotency-Key": idem},
                        )
                    except httpx.HTTPError:
                        with lock:
                            stats["retries"] += 1
                        time.sleep(0.2)
                        continue
                    if r.status_code >= 500 or r.status_code == 429:
                        with lock:
                            stats["retries"] += 1
                        time.sleep(0.2)
                        continue
                    break
                elapsed = time.perf_counter() - t0
                with lock:
                    if r.status_code in (200, 201):
                        acked[idem] = r.json()["receipt"]
                        latencies.append(elapsed)
                        stats["replays"] += r.status_code == 200
                    else:
                        stats["errors_4xx"] += 1
                        console.print(f"[red]{r.status_code}[/] {r.text[:200]}")
                    done_count[0] += 1

    restarts: list[float] = []

    def killer() -> None:
        for k in range(1, args.kills + 1):
            target = args.reports * k // (args.kills + 1)
            while done_count[0] < target:
                time.sleep(0.01)
            server.kill()
            console.print(f"SIGKILL at {done_count[0]} reports acknowledged")
            restarts.append(server.start())

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    kill_thread = threading.Thread(target=killer)
    for t in [*threads, kill_thread]:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    kill_thread.join()
    server.stop()

    with db.session() as s:
        rows = s.query(Report.idempotency_key, Report.receipt, Report.data).all()
        chain_rows, problem = auditlog.verify(s)
    stored: dict[str, list[str]] = {}
    refs: dict[str, int] = {}
    for idem, receipt, data in rows:
        stored.setdefault(str(idem), []).append(receipt)
        refs[data["reference"]] = refs.get(data["reference"], 0) + 1
    attempted = {f"{run}-{i}" for i in range(args.reports)}
    lost = len([k for k in attempted | set(acked) if k not in stored])
    duplicates = sum(len(v) - 1 for v in stored.values()) + sum(n - 1 for n in refs.values())
    mismatched = sum(1 for k, receipt in acked.items() if stored.get(k, [None])[0] != receipt)
    latencies.sort()

    def pct(p: float) -> str:
        if not latencies:
            return "-"
        return f"{latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000:.1f} ms"

    table = Table(
        title=f"Reporting office: {args.reports} reports, {args.clients} clients, "
        f"{args.kills} SIGKILLs ({engine_name})"
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_row("reports acknowledged", str(len(acked)), str(args.reports))
    table.add_row("seconds (restarts included)", f"{seconds:.1f}", "")
    table.add_row("reports/s", f"{len(acked) / seconds:.0f}", "")
    table.add_row("latency p50", pct(50), "")
    table.add_row("latency p95", pct(95), "")
    table.add_row("latency p99", pct(99), "")
    table.add_row("restarts (s to healthy)", ", ".join(f"{r:.1f}" for r in restarts), "")
    table.add_row("retries (connection errors, 5xx)", str(stats["retries"]), "")
    table.add_row("answered as repeats (200)", str(stats["replays"]), "")
    table.add_row("refused (4xx)", str(stats["errors_4xx"]), "0")
    table.add_row("lost", str(lost), "0")
    table.add_row("duplicates", str(duplicates), "0")
    table.add_row("receipt mismatches", str(mismatched), "0")
    table.add_row(
        "audit chain", f"{'OK' if problem is None else problem} ({chain_rows} rows)", "OK"
    )
    console.print(table)
    db.dispose()
    if pg_base and schema:
        engine = make_engine(pg_base)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()
    shutil.rmtree(home, ignore_errors=True)
    ok = lost == 0 and duplicates == 0 and mismatched == 0 and problem is None
    sys.exit(0 if ok and len(acked) == args.reports else 1)


if __name__ == "__main__":
    main()
