"""An app over the fixture lists, a test client, and one API key per role.

The application database is SQLite in the test's home, or PostgreSQL when
``WEERBAAR_TEST_DATABASE_URL`` is set (each test then gets a fresh schema).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from weerbaar.accounts import ROLES, create_key, create_user
from weerbaar.core.settings import Settings
from weerbaar.db import Database, make_engine
from weerbaar.screening import Screener
from weerbaar.service import create_app
from weerbaar.service.auth import clear_key_cache

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def fixture_screener(fixture_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The screener over the fixture lists, built once per test session."""
    home = tmp_path_factory.mktemp("screener-home")
    shutil.copyfile(fixture_store, home / "store.sqlite3")
    return Screener.open(Settings(home=home))


def _database_url(home: Path) -> tuple[str, str | None]:
    base = os.environ.get("WEERBAAR_TEST_DATABASE_URL")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("CI must run the database tests on PostgreSQL: WEERBAAR_TEST_DATABASE_URL "
                        "is not set (see scripts/test-postgres.sh)")  # fmt: skip
        return f"sqlite:///{home / 'weerbaar.sqlite3'}", None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = make_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


@pytest.fixture()
def service_settings(listed: Settings) -> Iterator[Settings]:
    url, schema = _database_url(listed.home)
    yield replace(listed, database_url=url, rate_limit=0)
    if schema is not None:
        engine = make_engine(os.environ["WEERBAAR_TEST_DATABASE_URL"])
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture()
def database(service_settings: Settings) -> Iterator[Database]:
    db = Database.open(service_settings)
    yield db
    db.dispose()


@pytest.fixture()
def app(service_settings: Settings, database: Database, fixture_screener: Screener) -> FastAPI:
    clear_key_cache()
    return create_app(service_settings, screener=fixture_screener, database=database)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def keys(database: Database) -> dict[str, str]:
    """role -> a new API key of that role."""
    out = {}
    with database.session() as s:
        for role in ROLES:
            _, out[role] = create_key(s, role)
    return out


@pytest.fixture()
def users(database: Database) -> dict[str, str]:
    """role -> e-mail of a user of that role who logs in with ``PASSWORD``."""
    out = {}
    with database.session() as s:
        for role in ROLES:
            email = f"{role}@example.org"
            create_user(s, email, role, name=role.title(), language="en", password=PASSWORD)
            out[role] = email
    return out


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"ApiKey {key}"}
