"""``weerbaar serve``, ``weerbaar keys ...`` and ``weerbaar users ...``: thin shells."""

from __future__ import annotations

import os

import typer
from rich.table import Table

from weerbaar.cli.common import app_session, ask_password, console, print_json, user_errors
from weerbaar.core.settings import Settings

keys_app = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)
users_app = typer.Typer(help="Users of the web UI and API.", no_args_is_help=True)


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(
        1, help="Worker processes (each loads the index; use the number of cores for load)."
    ),
    log_level: str = typer.Option("info", help="uvicorn log level."),
) -> None:
    """Run the HTTP API and web UI (OpenAPI document at /openapi.json, docs at /docs)."""
    import uvicorn

    from weerbaar.db import Database

    with user_errors():
        settings = Settings.from_env()
        Database.open(settings).dispose()  # migrate once, before workers start
    os.environ.setdefault("WEERBAAR_HOME", str(settings.home))
    uvicorn.run(
        "weerbaar.service.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=False,
    )


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(..., "--role", help="admin, analyst or screening."),
    user: str | None = typer.Option(None, "--user", help="E-mail of the key's user."),
    label: str = typer.Option("", "--label", help="What the key is for."),
    rate_limit: int | None = typer.Option(
        None, "--rate-limit", help="Requests per minute (default WEERBAAR_RATE_LIMIT; 0 none)."
    ),
) -> None:
    """Create an API key and print it (only this once: it is stored hashed)."""
    from weerbaar.accounts import create_key, find_user
    from weerbaar.core.errors import NotFoundError

    with app_session() as s:
        holder = None
        if user is not None:
            holder = find_user(s, user)
            if holder is None:
                raise NotFoundError(f"no user {user}", hint="add it: weerbaar users add")
        _, plaintext = create_key(s, role, user=holder, label=label, rate_limit=rate_limit)
    typer.echo(plaintext)


@keys_app.command("list")
def keys_list(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Every key: prefix, role, user, created, revoked (never the key itself)."""
    from weerbaar.accounts import list_keys

    with app_session() as s:
        rows: list[dict[str, str]] = [
            {
                "prefix": k.prefix,
                "role": k.role,
                "user": u.email,
                "label": k.label,
                "rate_limit": "" if k.rate_limit is None else str(k.rate_limit),
                "created": k.created_at.isoformat(timespec="seconds"),
                "revoked": k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else "",
            }
            for k, u in list_keys(s)
        ]
    if as_json:
        print_json({"keys": rows})
        return
    table = Table("prefix", "role", "user", "label", "created", "revoked")
    for r in rows:
        table.add_row(r["prefix"], r["role"], r["user"], r["label"], r["created"], r["revoked"])
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(prefix: str = typer.Argument(..., help="The key's prefix (keys list).")) -> None:
    """Revoke a key (within seconds on running servers)."""
    from weerbaar.accounts import revoke_key

    with app_session() as s:
        revoke_key(s, prefix)
    console.print(f"revoked {prefix}")


@users_app.command("add")
def users_add(
    email: str = typer.Argument(..., help="The user's e-mail (login name)."),
    role: str = typer.Option(..., "--role", help="admin, analyst or screening."),
    name: str = typer.Option("", "--name", help="Display name."),
    language: str = typer.Option("nl", "--language", help="nl or en."),
    password: str | None = typer.Option(
        None, "--password", help="Web UI password (default: asked; env WEERBAAR_PASSWORD)."
    ),
) -> None:
    """Add a user who can log in to the web UI."""
    from weerbaar.accounts import create_user

    secret = ask_password(password)
    with app_session() as s:
        create_user(s, email, role, name=name, language=language, password=secret)
    console.print(f"added {email} ({role})")


@users_app.command("password")
def users_password(
    email: str = typer.Argument(..., help="The user's e-mail."),
    password: str | None = typer.Option(None, "--password", help="New password (default: asked)."),
) -> None:
    """Set a user's web UI password."""
    from weerbaar.accounts import set_password

    secret = ask_password(password)
    with app_session() as s:
        set_password(s, email, secret)
    console.print(f"password set for {email}")
