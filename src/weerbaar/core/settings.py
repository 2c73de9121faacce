"""Settings, read once from the environment (prefix ``WEERBAAR_``).

Each setting has a default and one line of help; ``SETTINGS_HELP`` is the
documented list (the docs test checks the README names every one).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from weerbaar.core.errors import ConfigError

N = TypeVar("N", int, float)

SETTINGS_HELP: dict[str, str] = {
    "WEERBAAR_HOME": "Folder for the local store, downloads and archived list files "
    "(default: ~/.local/share/weerbaar).",
    "WEERBAAR_SHARED_DATA": "Folder of the shared real data used by tests and benchmarks "
    "(default: ../shared/data from the repository root).",
    "WEERBAAR_HTTP_TIMEOUT": "Seconds before a list download gives up on a silent server "
    "(default: 60).",
    "WEERBAAR_HTTP_RETRIES": "How often a failed list download is retried (default: 3).",
    "WEERBAAR_DATABASE_URL": "SQLAlchemy URL of the application database: users, keys, "
    "decisions, customer books, alerts, audit (default: SQLite `weerbaar.sqlite3` in "
    "WEERBAAR_HOME; production: `postgresql+psycopg://...`).",
    "WEERBAAR_SECRET_KEY": "Key that signs web sessions (default: a random key kept in "
    "WEERBAAR_HOME/secret.key).",
    "WEERBAAR_RATE_LIMIT": "Requests per minute allowed to one API key or user, unless the "
    "key sets its own (default: 1200; 0 = no limit).",
    "WEERBAAR_MAX_UPLOAD_MB": "Largest file accepted for upload, in MiB (default: 50).",
}


def _number(env: dict[str, str], name: str, default: N, kind: Callable[[str], N]) -> N:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(
            f"{name}={raw!r} is not a number", hint=f"set {name} to a number, e.g. {default}"
        ) from None
    if value < 0:
        raise ConfigError(f"{name}={raw!r} is negative", hint=f"set {name} to 0 or more")
    return value


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "weerbaar"


@dataclass(frozen=True)
class Settings:
    """Typed settings; pass this object in, never read the environment elsewhere."""

    home: Path = field(default_factory=_default_home)
    http_timeout: float = 60.0
    http_retries: int = 3
    #: None: SQLite in ``home`` (see ``database``)
    database_url: str | None = None
    secret_key: str | None = None
    rate_limit: int = 1200
    max_upload_mb: int = 50

    @property
    def store_path(self) -> Path:
        return self.home / "store.sqlite3"

    @property
    def archive_dir(self) -> Path:
        return self.home / "archive"

    @property
    def download_dir(self) -> Path:
        return self.home / "downloads"

    @property
    def database(self) -> str:
        """The application database URL (SQLite in ``home`` unless one is set)."""
        return self.database_url or f"sqlite:///{self.home / 'weerbaar.sqlite3'}"

    @property
    def books_dir(self) -> Path:
        return self.home / "books"

    @property
    def jobs_dir(self) -> Path:
        return self.home / "jobs"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        home = env.get("WEERBAAR_HOME")
        return cls(
            home=Path(home).expanduser() if home else _default_home(),
            http_timeout=_number(env, "WEERBAAR_HTTP_TIMEOUT", 60.0, float),
            http_retries=_number(env, "WEERBAAR_HTTP_RETRIES", 3, int),
            database_url=env.get("WEERBAAR_DATABASE_URL") or None,
            secret_key=env.get("WEERBAAR_SECRET_KEY") or None,
            rate_limit=_number(env, "WEERBAAR_RATE_LIMIT", 1200, int),
            max_upload_mb=_number(env, "WEERBAAR_MAX_UPLOAD_MB", 50, int),
        )


def shared_data_dir() -> Path:
    """``$WEERBAAR_SHARED_DATA``, else ``../shared/data`` beside the repository
    (real data for tests and benchmarks; it may be absent)."""
    env = os.environ.get("WEERBAAR_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "data"
