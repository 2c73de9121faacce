"""Who may call what: every authenticated route, every kind of caller (a matrix).

The matrix is read off the app itself: each route that declares
``require(<permission>)`` is called with no credentials, a malformed header,
an unknown key, a revoked key and a key of every role. Nothing but the
health checks and the login page may answer an anonymous caller.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.service.conftest import auth
from weerbaar.accounts import PERMISSIONS, Permission, create_key, revoke_key
from weerbaar.db import Database

OPEN = {"/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def _permission(route: APIRoute) -> Permission | None:
    for dep in route.dependant.dependencies:
        name = getattr(dep.call, "__name__", "")
        if name.startswith("require_"):
            return Permission(name.removeprefix("require_"))
    return None


def api_routes(app: FastAPI) -> list[APIRoute]:
    """Every APIRoute, including those of included routers (kept nested by FastAPI)."""
    out: list[APIRoute] = []

    def walk(routes: list[Any], prefix: str) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                out.append(route)
            elif hasattr(route, "original_router"):
                walk(route.original_router.routes, prefix)

    walk(list(app.routes), "")
    return out


def guarded(app: FastAPI) -> list[tuple[str, str, Permission]]:
    out = []
    for route in api_routes(app):
        if not route.include_in_schema:  # web pages: tests/service/test_ui.py
            continue
        perm = _permission(route)
        if perm is None:
            continue
        path = re.sub(r"\{[^}]+\}", "x1", route.path)
        for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
            out.append((method, path, perm))
    return out


def call(client: TestClient, method: str, path: str, headers: dict[str, str]) -> Any:
    return client.request(method, path, headers=headers, json={} if method != "GET" else None)


def test_api_routes_all_declare_a_permission(app: FastAPI) -> None:
    unguarded = [
        r.path
        for r in api_routes(app)
        if r.include_in_schema and r.path not in OPEN and _permission(r) is None
    ]  # fmt: skip
    assert unguarded == []
    assert len(guarded(app)) >= 4


def test_anonymous_and_bad_credentials_are_refused(app: FastAPI, client: TestClient,
                                                   database: Database) -> None:  # fmt: skip
    with database.session() as s:
        key, revoked = create_key(s, "admin")
        revoke_key(s, key.prefix)
    bad = [{}, {"Authorization": "Bearer abc"}, {"Authorization": "ApiKey"},
           auth("wb_" + "x" * 43), auth("not-a-key"), auth(revoked)]  # fmt: skip
    for method, path, _ in guarded(app):
        for headers in bad:
            r = call(client, method, path, headers)
            assert r.status_code == 401, (method, path, headers, r.status_code, r.text)
            assert "detail" in r.json()


@pytest.mark.parametrize("role", sorted(PERMISSIONS))
def test_each_role_gets_exactly_its_permissions(
    app: FastAPI, client: TestClient, keys: dict[str, str], role: str
) -> None:
    for method, path, perm in guarded(app):
        r = call(client, method, path, auth(keys[role]))
        if perm in PERMISSIONS[role]:
            assert r.status_code not in (401, 403), (role, method, path, r.text)
        else:
            assert r.status_code == 403, (role, method, path, r.status_code, r.text)
            assert role in r.json()["detail"]
        assert r.status_code < 500, (role, method, path, r.text)


def test_rate_limit_per_key(client: TestClient, database: Database) -> None:
    with database.session() as s:
        _, limited = create_key(s, "screening", rate_limit=3)
        _, other = create_key(s, "screening", rate_limit=3)
    codes = [client.get("/lists", headers=auth(limited)).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    r = client.get("/lists", headers=auth(limited))
    assert int(r.headers["Retry-After"]) >= 1
    assert client.get("/lists", headers=auth(other)).status_code == 200


def test_key_roles_cannot_exceed_their_user(database: Database) -> None:
    from weerbaar.accounts import create_user
    from weerbaar.core.errors import ConfigError

    with database.session() as s:
        user = create_user(s, "a@example.org", "analyst")
        create_key(s, "screening", user=user)
        with pytest.raises(ConfigError, match="cannot hold"):
            create_key(s, "admin", user=user)
        with pytest.raises(ConfigError, match="unknown role"):
            create_key(s, "superuser")
