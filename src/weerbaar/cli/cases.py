"""``weerbaar cases ...`` and ``weerbaar audit verify``: thin shells over ``weerbaar.cases``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from weerbaar.cli.common import (
    app_session,
    ask_password,
    console,
    err_console,
    print_json,
    user_errors,
)
from weerbaar.core.settings import Settings

app = typer.Typer(
    help="The Central Sanctions Reporting Office: organisations, users, backups.",
    no_args_is_help=True,
)
audit_app = typer.Typer(help="The hash-chained audit log of reports.", no_args_is_help=True)


@app.command("org-add")
def org_add(name: str = typer.Argument(..., help="The organisation's name.")) -> None:
    """Add a reporting organisation (an obliged entity)."""
    from weerbaar.cases.service import add_org

    with app_session() as s:
        org = add_org(s, name)
        org_id = org.id
    console.print(f"added organisation {name} (id {org_id})")


@app.command("orgs")
def orgs(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """The organisations, with their numbers of users and reports."""
    from weerbaar.cases.service import list_orgs

    with app_session() as s:
        rows = list_orgs(s)
    if as_json:
        print_json({"organisations": rows})
        return
    table = Table("id", "name", "users", "reports")
    for r in rows:
        table.add_row(str(r["id"]), r["name"], str(r["users"]), str(r["reports"]))
    console.print(table)


@app.command("user-add")
def user_add(
    email: str = typer.Argument(..., help="The user's e-mail (login name)."),
    org: str | None = typer.Option(None, "--org", help="Organisation (reporters only)."),
    role: str = typer.Option(
        "reporter",
        "--role",
        help="reporter, reporter_admin, analyst, supervisor, auditor or admin.",
    ),
    name: str = typer.Option("", "--name", help="Display name."),
    language: str = typer.Option("nl", "--language", help="nl or en."),
    api_key: bool = typer.Option(False, "--api-key", help="Create an API key and print it."),
    password: bool = typer.Option(
        False, "--password", help="Set a web password (asked; or env WEERBAAR_PASSWORD)."
    ),
) -> None:
    """Add a user; with --api-key print a new API key for it (only this once)."""
    from weerbaar.accounts import create_key
    from weerbaar.cases.service import add_user

    secret = ask_password(None) if password else None
    with app_session() as s:
        user = add_user(s, email, role, org=org, name=name, language=language, password=secret)
        key = (
            create_key(s, role, user=user, label="weerbaar cases user-add")[1] if api_key else None
        )
    if key:
        typer.echo(key)
    else:
        err_console.print(f"added {email} ({role})")


@app.command("backup")
def backup(
    output: Path = typer.Argument(..., help="The backup file to write (.tar.gz)."),
) -> None:
    """Back up the reporting office: its tables, users, keys and attachments."""
    from weerbaar.cases.backup import backup as run
    from weerbaar.db import Database

    with user_errors():
        settings = Settings.from_env()
        db = Database.open(settings)
        counts = run(db, settings, output)
        db.dispose()
    console.print(f"wrote {output}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))


@app.command("restore")
def restore(
    backup_file: Path = typer.Argument(..., help="A file written by `weerbaar cases backup`."),
) -> None:
    """Restore a backup into an empty reporting office (same or another database)."""
    from weerbaar.cases.backup import restore as run
    from weerbaar.db import Database

    with user_errors():
        settings = Settings.from_env()
        db = Database.open(settings)
        counts = run(db, settings, backup_file)
        db.dispose()
    console.print("restored " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))


@audit_app.command("verify")
def verify(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Recompute the report audit log's hash chain: OK, or the first broken row (exit 1)."""
    from weerbaar.cases.auditlog import verify as run

    with app_session() as s:
        rows, problem = run(s)
    if as_json:
        print_json(
            {"ok": problem is None, "rows": rows, "problem": str(problem) if problem else None}
        )
    elif problem is None:
        console.print(f"OK: {rows} audit rows, chain intact")
    else:
        err_console.print(f"[bold red]BROKEN[/] at {problem} ({rows} rows verified before it)")
    if problem is not None:
        raise typer.Exit(1)
