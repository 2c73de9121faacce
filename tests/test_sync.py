"""``weerbaar lists sync`` against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tests.cli_helpers import cli, cli_json, snapshot
from tests.conftest import FIXTURES

UN = FIXTURES / "un_sc" / "un_consolidated.xml"


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.hits[self.path] += 1
        body = UN.read_bytes()
        if self.path == "/flaky.xml" and Handler.hits[self.path] == 1:
            self.send_response(503)
            self.end_headers()
            return
        if self.path == "/missing.xml":
            self.send_response(404)
            self.end_headers()
            return
        if self.path == "/cut.xml":  # a complete response whose content is cut XML
            body = body[: len(body) // 2]
        if self.path == "/un.xml.sha256":
            import hashlib

            body = f"{hashlib.sha256(body).hexdigest()}  un.xml\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path == "/short.xml":  # the connection drops half way, every time
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.close()
            return
        self.wfile.write(body)


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("WEERBAAR_HTTP_RETRIES", "2")
    monkeypatch.setattr("weerbaar.sync.BACKOFF", 0.01)
    Handler.hits.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_sync_downloads_and_imports(home: Path, server: str) -> None:
    result = cli("lists", "sync", "--source", "un_sc", "--url", f"{server}/un.xml")
    assert result.exit_code == 0, result.output
    assert cli_json("lists", "status")["sources"][0]["list_date"] == "2026-03-01"


def test_sync_retries_a_server_error(home: Path, server: str) -> None:
    result = cli("lists", "sync", "--source", "un_sc", "--url", f"{server}/flaky.xml")
    assert result.exit_code == 0, result.output
    assert Handler.hits["/flaky.xml"] == 2


def test_sync_short_download_keeps_previous_version(home: Path, server: str) -> None:
    assert cli("lists", "sync", "--source", "un_sc", "--url", f"{server}/un.xml").exit_code == 0
    before = snapshot(home)
    result = cli("lists", "sync", "--source", "un_sc", "--url", f"{server}/short.xml")
    assert result.exit_code == 1
    assert "3 attempts" in result.stderr
    assert Handler.hits["/short.xml"] == 3
    assert snapshot(home) == before


def test_sync_of_a_malformed_list_changes_nothing(home: Path, server: str) -> None:
    before = snapshot(home)
    result = cli("lists", "sync", "--source", "un_sc", "--url", f"{server}/cut.xml")
    assert result.exit_code == 1
    assert "line" in result.stderr
    assert snapshot(home) == before


def test_sync_http_404_is_not_retried(home: Path, server: str) -> None:
    result = cli("lists", "sync", "--source", "un_sc", "--url", f"{server}/missing.xml")
    assert result.exit_code == 1
    assert "HTTP 404" in result.stderr
    assert Handler.hits["/missing.xml"] == 1


def test_sync_checksum_mismatch_is_refused(home: Path, server: str) -> None:
    result = cli(
        "lists", "sync", "--source", "un_sc", "--url", f"{server}/un.xml", "--sha256", "0" * 64
    )
    assert result.exit_code == 1
    assert "checksum mismatch" in result.stderr
    assert snapshot(home)[0] == []


def test_sync_checksum_match_is_accepted(home: Path, server: str) -> None:
    import hashlib

    digest = hashlib.sha256(UN.read_bytes()).hexdigest()
    result = cli(
        "lists", "sync", "--source", "un_sc", "--url", f"{server}/un.xml", "--sha256", digest
    )
    assert result.exit_code == 0, result.output
