"""HTTP benchmark: `weerbaar serve` on loopback, driven with yente-format /match requests.

Usage: python benchmarks/api.py [--home STORE_HOME] [--shared PATH] [--workers 2]
                                [--connections 8] [--seconds 20] [--queries 400]

Starts the real server (``weerbaar serve --workers N``) over a store holding
the shared lists (``--home``, or the lists of ``benchmarks/import.py``
imported into a temporary home), with its own temporary application database
and an API key without rate limit. It measures the start-up time (process
start to ``/readyz`` ready), then drives ``POST /match/default`` with one
query per request at ``--connections`` concurrent clients for ``--seconds``
with wrk (Debian package ``wrk``; a Lua script rotates through the query
bodies and reports percentiles). Without wrk a Python thread-pool client is
used instead (it competes with the server for the same cores).

Queries: list names of persons and vessels (perturbed: a typo or words in
another order) with their entity as the expected first result, and synthetic
negatives. It prints p50, p95, p99 latency and requests/s, the share of
listed queries answered with their entity first, and the peer's figures as
documented by yente (about 4 requests/s per vCPU; 10-12 s to start).

Targets (issue 4): p95 <= 50 ms at 8 concurrent clients, >= 200 requests/s
on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from weerbaar.core.settings import Settings, shared_data_dir

ROOT = Path(__file__).resolve().parent.parent
YENTE_RPS_PER_VCPU = 4.0
YENTE_START_S = (10.0, 12.0)

LUA = r"""
local bodies = {}
local n = 0
for line in io.lines(os.getenv("WB_BODIES")) do n = n + 1; bodies[n] = line end
local i = 0
local key = os.getenv("WB_KEY")
request = function()
  i = i % n + 1
  return wrk.format("POST", "/match/default",
    {["Content-Type"] = "application/json", ["Authorization"] = "ApiKey " .. key}, bodies[i])
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format(
    'WBJSON {"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, '
    .. '"non2xx": %d, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_queries(home: Path, shared: Path, count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Listed persons and vessels (perturbed) with their expected entity, and negatives."""
    from weerbaar.screening.index import load_index

    rng = random.Random(seed)
    index = load_index(Settings(home=home))
    listed: list[dict[str, Any]] = []
    numbers = list(range(len(index)))
    rng.shuffle(numbers)
    for n in numbers:
        entry = index.entry(n)
        if entry.schema not in ("Person", "Vessel") or not entry.record.names:
            continue
        name = entry.record.names[0]
        words = name.replace(",", " ").split()
        if len(words) > 1 and rng.random() < 0.5:
            words = words[1:] + words[:1]
        if words and len(words[-1]) > 4 and rng.random() < 0.5:
            w = words[-1]
            i = rng.randrange(1, len(w) - 1)
            words[-1] = w[:i] + w[i + 1 :]
        props: dict[str, list[str]] = {"name": [" ".join(words)]}
        listed.append({"schema": entry.schema, "properties": props, "expect": entry.id})
        if len(listed) >= count * 3 // 4:
            break
    negatives: list[dict[str, Any]] = []
    path = shared / "matching" / "yente_screening_negatives_global_dev.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                props = {"name": [row["full_name"]]}
                if row.get("date_of_birth"):
                    props["birthDate"] = [row["date_of_birth"]]
                negatives.append({"schema": "Person", "properties": props, "expect": None})
                if len(negatives) >= count - len(listed):
                    break
    queries = listed + negatives
    rng.shuffle(queries)
    return queries


def body(query: dict[str, Any]) -> str:
    example = {"schema": query["schema"], "properties": query["properties"]}
    return json.dumps({"queries": {"q": example}}, ensure_ascii=False)


def start_server(home: Path, db_url: str, port: int, workers: int) -> tuple[Any, float]:
    env = dict(os.environ, WEERBAAR_HOME=str(home), WEERBAAR_DATABASE_URL=db_url)
    exe = Path(sys.executable).parent / "weerbaar"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--workers", str(workers),
         "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/readyz"
    while time.perf_counter() - t0 < 300:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return proc, time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("server not ready within 300 s")


def wait_warm(port: int, seconds: float = 120) -> float:
    """Wait until every worker has filled its entity cache (``/readyz``), as in steady
    operation; returns the seconds waited. Both workers answer /readyz in turn, so
    several consecutive answers must say ready."""
    t0 = time.perf_counter()
    ready = 0
    while time.perf_counter() - t0 < seconds and ready < 6:
        r = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
        ready = ready + 1 if r.json()["checks"].get("entity_cache") == "ready" else 0
        time.sleep(0.2)
    return time.perf_counter() - t0


def make_key(home: Path, db_url: str) -> str:
    env = dict(os.environ, WEERBAAR_HOME=str(home), WEERBAAR_DATABASE_URL=db_url)
    exe = Path(sys.executable).parent / "weerbaar"
    out = subprocess.run([str(exe), "keys", "create", "--role", "screening", "--rate-limit", "0"],
                         env=env, check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


def correctness(port: int, key: str, queries: list[dict[str, Any]]) -> tuple[float, float]:
    """Share of listed queries with their entity first; share of negatives with a match."""
    first = listed = neg = alerts = 0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30,
                      headers={"Authorization": f"ApiKey {key}"}) as client:  # fmt: skip
        for q in queries:
            r = client.post("/match/default", content=body(q).encode(),
                            headers={"Content-Type": "application/json"})  # fmt: skip
            r.raise_for_status()
            results = r.json()["responses"]["q"]["results"]
            if q["expect"]:
                listed += 1
                first += bool(results) and results[0]["id"] == q["expect"]
            else:
                neg += 1
                alerts += any(x["match"] for x in results)
    return first / max(listed, 1), alerts / max(neg, 1)


def run_wrk(port: int, key: str, bodies: Path, connections: int, seconds: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(LUA)
        script = fh.name
    env = dict(os.environ, WB_BODIES=str(bodies), WB_KEY=key)
    out = subprocess.run(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "-s", script,
         "--timeout", "10s", f"http://127.0.0.1:{port}"],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    os.unlink(script)
    line = next(x for x in out.stdout.splitlines() if x.startswith("WBJSON "))
    data: dict[str, Any] = json.loads(line[7:])
    data["rps"] = data["requests"] / data["seconds"]
    data["client"] = "wrk"
    return data


def run_python(
    port: int, key: str, bodies: list[str], connections: int, seconds: int
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    def worker(k: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10,
                          headers={"Authorization": f"ApiKey {key}",
                                   "Content-Type": "application/json"}) as client:  # fmt: skip
            i = k
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                r = client.post("/match/default", content=bodies[i % len(bodies)].encode())
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += r.status_code != 200
                i += connections

    t0 = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(worker, range(connections)))
    elapsed = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    return {"requests": len(latencies), "seconds": elapsed, "rps": len(latencies) / elapsed,
            "p50": pct(50), "p95": pct(95), "p99": pct(99), "non2xx": errors, "errors": 0,
            "client": "python threads"}  # fmt: skip


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (the uvicorn workers), MiB."""
    total = 0
    pids = [pid]
    try:
        kids = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
        pids += [int(x) for x in kids.split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(shared_data_dir()))
    parser.add_argument("--home", default=None, help="A store home with the shared lists.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=5, help="Seconds of load not counted.")
    args = parser.parse_args()
    shared = Path(args.shared)
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        if args.home:
            home.mkdir()
            shutil.copyfile(Path(args.home) / "store.sqlite3", home / "store.sqlite3")
            if (Path(args.home) / "index").is_dir():
                shutil.copytree(Path(args.home) / "index", home / "index")
        else:
            if not (shared / "sanctions").is_dir():
                print(f"shared data not found at {shared}; pass --home", file=sys.stderr)
                return 2
            bench = _load("bench_screening", ROOT / "benchmarks" / "screening.py")
            bench.import_lists(shared, home)
        db_url = f"sqlite:///{Path(tmp) / 'app.sqlite3'}"
        queries = make_queries(home, shared, args.queries)  # also builds the index cache
        bodies_path = Path(tmp) / "bodies.jsonl"
        bodies = [body(q) for q in queries]
        bodies_path.write_text("\n".join(bodies) + "\n", encoding="utf-8")
        key = make_key(home, db_url)
        port = free_port()
        proc, startup = start_server(home, db_url, port, args.workers)
        try:
            first, alerts = correctness(port, key, queries)
            warm = startup + wait_warm(port)
            if shutil.which("wrk"):
                run_wrk(port, key, bodies_path, args.connections, args.warmup)  # not counted
                load = run_wrk(port, key, bodies_path, args.connections, args.seconds)
            else:
                run_python(port, key, bodies, args.connections, args.warmup)
                load = run_python(port, key, bodies, args.connections, args.seconds)
            rss = rss_mib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    peer_rps = YENTE_RPS_PER_VCPU * (os.cpu_count() or 2)
    table = Table(title=f"POST /match/default, 1 query per request, {args.connections} "
                  f"concurrent clients, {args.workers} workers, {load['client']}")  # fmt: skip
    table.add_column("figure")
    table.add_column("weerbaar", justify="right")
    table.add_column("yente (documented)", justify="right")
    table.add_column("ratio", justify="right")
    table.add_row("requests/s", f"{load['rps']:.0f}", f"~{peer_rps:.0f}",
                  f"{load['rps'] / peer_rps:.0f}x")  # fmt: skip
    table.add_row("p50 latency ms", f"{load['p50']:.1f}", "", "")
    table.add_row("p95 latency ms", f"{load['p95']:.1f}", "", "")
    table.add_row("p99 latency ms", f"{load['p99']:.1f}", "", "")
    table.add_row("requests (non-200, socket errors)",
                  f"{load['requests']} ({load['non2xx']}, {load['errors']})", "", "")  # fmt: skip
    table.add_row("start to ready s", f"{startup:.1f}", f"{YENTE_START_S[0]:.0f}-"
                  f"{YENTE_START_S[1]:.0f}", f"{YENTE_START_S[0] / startup:.1f}x")  # fmt: skip
    table.add_row("start to entity cache filled s", f"{warm:.1f}", "", "")
    table.add_row("listed queries with their entity first", f"{first:.3f}", "", "")
    table.add_row("negatives with a match", f"{alerts:.3f}", "", "")
    table.add_row("server RSS MiB (all workers)", f"{rss:.0f}", "", "")
    console.print(table)
    ok = load["p95"] <= 50 and load["rps"] >= 200
    console.print(f"targets p95 <= 50 ms and >= 200 requests/s: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
