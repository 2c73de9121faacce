"""Shared pieces of the CLI shells: settings, error translation, consoles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click
import typer
from rich.console import Console
from rich.markup import escape

from weerbaar.core.errors import WeerbaarError
from weerbaar.core.settings import Settings

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


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
