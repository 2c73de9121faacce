"""``weerbaar monitor ...`` and ``weerbaar decide``: thin shells over ``weerbaar.monitor``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from weerbaar.cli.common import console, err_console, print_json, user_errors
from weerbaar.core.settings import Settings

if TYPE_CHECKING:
    from weerbaar.accounts import Principal
    from weerbaar.db import Database

app = typer.Typer(
    help="Customer books re-screened when lists change: books, runs, alerts.",
    no_args_is_help=True,
)


def _db(settings: Settings) -> Database:
    from weerbaar.db import Database

    return Database.open(settings)


def _principal(db: Database, email: str | None) -> Principal | None:
    """The user acting (for the audit log), or None when not given."""
    from weerbaar.accounts import Principal, find_user
    from weerbaar.core.errors import NotFoundError

    if email is None:
        return None
    with db.session() as s:
        user = find_user(s, email)
        if user is None or not user.active:
            raise NotFoundError(f"no active user {email}", hint="add it: weerbaar users add")
        return Principal(user.id, user.email, user.role, user.language)


@app.command("add-book")
def add_book(
    path: Path = typer.Argument(..., help="Customer file: CSV, Excel workbook or Parquet."),
    name: str | None = typer.Option(None, "--name", help="Book name (default: the file name)."),
    column: list[str] = typer.Option(
        [], "--column", help="Map a field to a column: id='Klantnummer' (repeatable)."
    ),
    replace: bool = typer.Option(False, "--replace", help="Replace the book of that name."),
    no_screen: bool = typer.Option(
        False, "--no-screen", help="Skip the first screening: alert only on list changes."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Processes for the first screening (default: every core)."
    ),
    user: str | None = typer.Option(None, "--user", help="E-mail of the user registering it."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Register a customer book (all or nothing) and screen it once against every list."""
    from weerbaar.monitor import books
    from weerbaar.screening.inputs import parse_mapping

    with user_errors():
        settings = Settings.from_env()
        db = _db(settings)
        result = books.register(
            settings,
            db,
            path,
            name=name,
            mapping=parse_mapping(column) or None,
            who=_principal(db, user),
            replace=replace,
            workers=workers,
            progress=not as_json,
            screen=not no_screen,
        )
    if as_json:
        print_json(result.as_dict())
        return
    for warning in result.warnings[:20]:
        err_console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    verb = "replaced" if result.replaced else "registered"
    console.print(
        f"{verb} book {result.book.name!r} (id {result.book.id}): {result.records} customers, "
        f"{len(result.skipped)} rows skipped, {result.alerts} alerts, "
        f"{result.suppressed} suppressed by decisions ({result.seconds:.1f} s)"
    )


@app.command("books")
def list_books(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """The registered books: customers, lists screened against, open alerts."""
    from sqlalchemy import func, select

    from weerbaar.db.models import Alert
    from weerbaar.monitor import books

    with user_errors():
        db = _db(Settings.from_env())
        with db.session() as s:
            open_ = {
                book_id: n
                for book_id, n in s.execute(
                    select(Alert.book_id, func.count(Alert.id))
                    .where(Alert.status == "open")
                    .group_by(Alert.book_id)
                )
            }
            rows = [
                {**books.book_dict(b), "open_alerts": open_.get(b.id, 0)} for b in books.books(s)
            ]
    if as_json:
        print_json({"books": rows})
        return
    table = Table("id", "name", "customers", "open alerts", "screened against", "file")
    for r in rows:
        versions = ", ".join(f"{k} #{v}" for k, v in sorted(r["screened_versions"].items()))
        table.add_row(
            str(r["id"]),
            r["name"],
            str(r["records"]),
            str(r["open_alerts"]),
            versions,
            r["source_file"],
        )
    console.print(table)
    if not rows:
        console.print("no books yet: weerbaar monitor add-book FILE")


@app.command("remove-book")
def remove_book(
    name: str = typer.Argument(..., help="Book name or id."),
    user: str | None = typer.Option(None, "--user", help="E-mail of the user removing it."),
) -> None:
    """Remove a book with its customers and alerts (decisions and the audit log stay)."""
    from weerbaar.monitor import books

    with user_errors():
        settings = Settings.from_env()
        db = _db(settings)
        removed = books.remove(settings, db, name, who=_principal(db, user))
    console.print(f"removed book {removed!r}")


def _run_line(run: dict[str, Any]) -> str:
    return (
        f"re-screened {run['changed_entities']} changed list entities against "
        f"{run['books']} book(s): {run['alerts']} new alerts, {run['suppressed']} suppressed "
        f"by decisions, {run['withdrawn']} withdrawn ({run['seconds']:.1f} s)"
    )


@app.command("run")
def run(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Re-screen every book against what the lists changed since it was last screened."""
    from weerbaar.monitor import rescreen

    with user_errors():
        settings = Settings.from_env()
        result = rescreen.run_dict(rescreen.run(settings, _db(settings), progress=not as_json))
    if as_json:
        print_json(result)
        return
    console.print(_run_line(result))


def alert_dict(alert: Any, book_names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": alert.id,
        "book": book_names.get(alert.book_id, str(alert.book_id)),
        "book_id": alert.book_id,
        "record_key": alert.record_key,
        "entity_id": alert.entity_id,
        "score": alert.score,
        "status": alert.status,
        "run_id": alert.run_id,
        "decision_id": alert.decision_id,
        "created_at": alert.created_at.isoformat(timespec="seconds"),
        "change": {k: v for k, v in alert.change.items() if k != "facts"},
        "explanation": alert.explanation,
    }


@app.command("alerts")
def alerts(
    book: str | None = typer.Option(None, "--book", help="Only this book (name or id)."),
    status: str | None = typer.Option(
        "open", "--status", help="open, decided, withdrawn, superseded or all."
    ),
    limit: int = typer.Option(200, "--limit", min=1, help="Show at most this many."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Alerts, newest first: customer, list entity, score, what changed and why it fired."""
    from weerbaar.core.errors import ConfigError
    from weerbaar.monitor import books
    from weerbaar.monitor.alerts import STATUSES
    from weerbaar.monitor.alerts import alerts as find_alerts

    with user_errors():
        if status not in (*STATUSES, "all"):
            raise ConfigError(f"unknown status {status!r}", hint=f"use {', '.join(STATUSES)}, all")
        db = _db(Settings.from_env())
        with db.session() as s:
            book_id = books.find(s, book).id if book else None
            names = {b.id: b.name for b in books.books(s)}
            rows = [
                alert_dict(a, names)
                for a in find_alerts(
                    s, book_id=book_id, status=None if status == "all" else status, limit=limit
                )
            ]
    if as_json:
        print_json({"alerts": rows})
        return
    table = Table("id", "book", "customer", "entity", "score", "status", "what changed", "why")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["book"],
            r["record_key"],
            r["entity_id"],
            f"{r['score']:.2f}",
            r["status"],
            r["change"].get("summary", ""),
            r["explanation"],
        )
    console.print(table)
    if not rows:
        console.print("no alerts")


def decide(
    subject: str = typer.Argument(
        ..., help="The customer record: book:<book id>:<customer key>, or your own id."
    ),
    entity_id: str = typer.Argument(..., help="The list entity (any list id or canonical id)."),
    not_match: bool = typer.Option(False, "--not-match", help="The customer is not this entity."),
    match: bool = typer.Option(False, "--match", help="The customer is this entity."),
    reason: str = typer.Option(..., "--reason", help="Why (kept in the audit log)."),
    user: str = typer.Option(..., "--user", help="E-mail of the analyst deciding."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Record an analyst's decision on a hit; "not a match" suppresses its alert until the
    entity gets a new name, birth date or identifier."""
    from weerbaar.accounts import Permission
    from weerbaar.core.errors import ConfigError, NotFoundError
    from weerbaar.monitor.books import current_versions, version_labels
    from weerbaar.monitor.decisions import take
    from weerbaar.monitor.listed import current_entries
    from weerbaar.store.store import Store

    with user_errors():
        if not_match == match:
            raise ConfigError("give exactly one of --not-match and --match")
        settings = Settings.from_env()
        db = _db(settings)
        who = _principal(db, user)
        assert who is not None
        if not who.can(Permission.DECIDE):
            raise ConfigError(f"the role {who.role!r} of {user} may not decide on hits")
        if not settings.store_path.exists():
            raise NotFoundError("no lists have been imported yet")
        store = Store(settings.store_path)
        try:
            entry = current_entries(store, [entity_id])[entity_id]
        finally:
            store.close()
        if entry is None:
            raise NotFoundError(
                f"no listed entity {entity_id!r}",
                hint="give the entity id shown with the hit (weerbaar monitor alerts)",
            )
        labels = version_labels(current_versions(settings), settings)
        with db.session() as s:
            decision = take(
                s,
                who,
                subject,
                entry.id,
                entry.record,
                "match" if match else "not_match",
                reason,
                list_versions=labels,
            )
            result = {
                "id": decision.id,
                "subject": decision.subject,
                "entity_id": decision.entity_id,
                "verdict": decision.verdict,
                "reason": decision.reason,
                "user": user,
            }
    if as_json:
        print_json(result)
        return
    console.print(
        f"decision {result['id']}: {subject} is {'' if match else 'not '}"
        f"{entry.caption} ({entry.id})"
    )


def rescreen_after_update(settings: Settings) -> None:
    """After a list import or sync changed the store: re-screen the books, if there are any.

    Prints one line on standard error (standard output may hold JSON). A home
    without an application database has no books and is left as it is.
    """
    from sqlalchemy import func, select

    from weerbaar.db.models import Book
    from weerbaar.monitor import rescreen

    if settings.database_url is None and not (settings.home / "weerbaar.sqlite3").exists():
        return
    with user_errors():
        db = _db(settings)
        try:
            with db.session() as s:
                count = s.scalar(select(func.count(Book.id))) or 0
            if not count:
                return
            result = rescreen.run_dict(rescreen.run(settings, db, progress=True))
        finally:
            db.dispose()
    err_console.print(f"monitor: {_run_line(result)}", highlight=False)
