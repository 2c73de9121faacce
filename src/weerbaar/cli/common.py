"""Shared pieces of the CLI shells: settings, error translation, consoles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click
import typer
from rich.console import Console
from rich.markup import escape

from weerbaar.core.errors import WeerbaarError
from weerbaar.core.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
if TYPE_CHECKING:  # imported when used: followthemoney takes a second to load,
    from weerbaar.lists import Lists  # and `weerbaar match` must answer within two

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """The CLI's one edge: a WeerbaarError is printed as ``Error: ...`` and exits with 1.

    (Typer vendors its own click, so ``click.ClickException`` would not be
    recognised; ``typer.Exit`` is its public equivalent.)
    """
    try:
        yield
    except WeerbaarError as exc:
        err_console.print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from exc


@contextmanager
def open_lists() -> Iterator[Lists]:
    from weerbaar.lists import Lists

    with user_errors(), Lists(Settings.from_env()) as lists:
        yield lists


@contextmanager
def app_session() -> Iterator[Session]:
    """A session on the application database (migrated first), committed when the
    block ends; WeerbaarErrors are translated like every CLI error."""
    from weerbaar.db import Database

    with user_errors():
        db = Database.open(Settings.from_env())
        try:
            with db.session() as session:
                yield session
        finally:
            db.dispose()


def ask_password(given: str | None) -> str:
    """The password from ``--password``, else ``WEERBAAR_PASSWORD``, else asked twice."""
    secret = given or os.environ.get("WEERBAAR_PASSWORD")
    if secret is None:
        secret = str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    return secret


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
