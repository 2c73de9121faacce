"""Settings, read once from the environment (prefix ``WEERBAAR_``).

Each setting has a default and one line of help; ``SETTINGS_HELP`` is the
documented list (the docs test checks the README names every one).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SETTINGS_HELP: dict[str, str] = {
    "WEERBAAR_HOME": "Folder for the local store, downloads and archived list files "
    "(default: ~/.local/share/weerbaar).",
    "WEERBAAR_SHARED_DATA": "Folder of the shared real data used by tests and benchmarks "
    "(default: ../shared/data from the repository root).",
    "WEERBAAR_HTTP_TIMEOUT": "Seconds before a list download gives up on a silent server "
    "(default: 60).",
    "WEERBAAR_HTTP_RETRIES": "How often a failed list download is retried (default: 3).",
}


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "weerbaar"


@dataclass(frozen=True)
class Settings:
    """Typed settings; pass this object in, never read the environment elsewhere."""

    home: Path = field(default_factory=_default_home)
    http_timeout: float = 60.0
    http_retries: int = 3

    @property
    def store_path(self) -> Path:
        return self.home / "store.sqlite3"

    @property
    def archive_dir(self) -> Path:
        return self.home / "archive"

    @property
    def download_dir(self) -> Path:
        return self.home / "downloads"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        home = env.get("WEERBAAR_HOME")
        return cls(
            home=Path(home).expanduser() if home else _default_home(),
            http_timeout=float(env.get("WEERBAAR_HTTP_TIMEOUT", "60")),
            http_retries=int(env.get("WEERBAAR_HTTP_RETRIES", "3")),
        )


def shared_data_dir() -> Path:
    """``$WEERBAAR_SHARED_DATA``, else ``../shared/data`` beside the repository
    (real data for tests and benchmarks; it may be absent)."""
    env = os.environ.get("WEERBAAR_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "data"
