"""``weerbaar lists ...``: import, sync, status, changes, links, sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from weerbaar.cli.common import console, err_console, open_lists, print_json, user_errors
from weerbaar.cli.monitor import rescreen_after_update
from weerbaar.core.settings import Settings

if TYPE_CHECKING:  # followthemoney loads slowly: imported only when a command needs it
    from weerbaar.lists import ImportResult

app = typer.Typer(
    help="Import, update and inspect the sanctions lists in the local store.", no_args_is_help=True
)


@app.command("import")
def import_(
    paths: list[Path] = typer.Argument(
        ..., help="List files; companion files (OFAC add/alt/comments) go in the same command."
    ),
    format: str | None = typer.Option(
        None, "--format", help="Force a format instead of detecting it from the content."
    ),
    source: str | None = typer.Option(None, "--source", help="Store under this source id."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Import list files into the store, all or nothing."""
    with open_lists() as lists, err_console.status("Importing") as status:
        results = lists.import_paths(
            paths, format=format, source=source, progress=lambda msg: status.update(msg)
        )
    if as_json:
        print_json([r.to_dict() for r in results])
    else:
        _print_imported(results)
    if any(r.version for r in results):
        rescreen_after_update(lists.settings)


def _print_imported(results: list[ImportResult]) -> None:
    table = Table("source", "file", "list date", "version", "targets", "statements", "warnings")
    for r in results:
        v = r.version
        table.add_row(
            r.source,
            r.path.name if len(r.paths) <= 1 else f"{r.path.name} (+{len(r.paths) - 1} more)",
            v.list_date if v else "-",
            str(v.seq) if v else "unchanged",
            str(sum(v.counts.values())) if v else "-",
            str(v.statements) if v else "-",
            str(sum(r.warnings.values())),
        )
    console.print(table)


@app.command()
def status(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """The newest version of each list: its date and entity counts per schema."""
    with open_lists() as lists:
        versions = lists.status()
    if as_json:
        print_json(
            {
                "sources": [
                    {"id": v.source, "list_date": v.list_date, "counts": v.counts} for v in versions
                ]
            }
        )
        return
    table = Table(
        "source",
        "list date",
        "version",
        "imported",
        "entities",
        "statements",
        "warnings",
        title="Lists in the store",
    )
    for v in versions:
        counts = ", ".join(f"{k} {n}" for k, n in v.counts.items())
        table.add_row(
            v.source,
            v.list_date,
            str(v.seq),
            v.imported_at,
            counts,
            str(v.statements),
            str(sum(v.warnings.values())),
        )
    console.print(table)


@app.command()
def changes(
    source: str = typer.Option(..., "--source", help="Source id, e.g. un_sc."),
    since: str | None = typer.Option(
        None,
        "--since",
        help="Compare with the list as it was on "
        "this date (YYYY-MM-DD); default: the previous version.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Entities added, removed and changed (with the changed properties)."""
    with open_lists() as lists:
        result = lists.changes(source, since)
    if as_json:
        print_json(result.to_dict())
        return
    old = f"version {result.old.seq} ({result.old.list_date})" if result.old else "nothing"
    console.print(f"[bold]{source}[/]: {old} → version {result.new.seq} ({result.new.list_date})")
    table = Table("change", "id", "schema", "name", "properties")
    for kind, items in (
        ("added", result.added),
        ("removed", result.removed),
        ("changed", result.changed),
    ):
        for item in items:
            props = "; ".join(
                f"{p}: +{d['added']} -{d['removed']}" for p, d in item.properties.items()
            )
            table.add_row(kind, item.id, item.schema, item.caption, props)
    console.print(table)
    console.print(
        f"{len(result.added)} added, {len(result.removed)} removed, {len(result.changed)} changed"
    )


@app.command()
def links(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """How many entities are linked across lists, by list pair and by key."""
    with open_lists() as lists:
        summary = lists.links()
    if as_json:
        print_json(summary)
        return
    console.print(
        f"{summary['groups']} linked groups joining {summary['linked_entities']} list entries"
    )
    table = Table("lists", "groups")
    for sources, n in summary["by_sources"].items():  # type: ignore[attr-defined]
        table.add_row(sources, str(n))
    console.print(table)
    keys = Table("key", "links")
    for key, n in summary["by_key"].items():  # type: ignore[attr-defined]
        keys.add_row(key, str(n))
    console.print(keys)


@app.command()
def sync(
    source: list[str] = typer.Option([], "--source", help="Source id (repeat); default: all."),
    url: list[str] = typer.Option(
        [],
        "--url",
        help="Download from this URL instead of the "
        "official one (repeat for multi-file lists); needs --source.",
    ),
    sha256: str | None = typer.Option(
        None, "--sha256", help="Expected checksum of the download (single file)."
    ),
) -> None:
    """Download lists from their official URLs and import them; keep the old on failure."""
    from weerbaar.sync import sync_sources

    with user_errors():
        results = sync_sources(
            Settings.from_env(), source, urls=url, sha256=sha256, console=err_console
        )
    table = Table("source", "result", "list date", "version")
    failed = False
    for r in results:
        failed |= r.error is not None
        table.add_row(
            r.source,
            "failed" if r.error else ("unchanged" if r.version is None else "imported"),
            r.version.list_date if r.version else "-",
            str(r.version.seq) if r.version else "-",
        )
    console.print(table)
    if any(r.version for r in results if r.error is None):
        rescreen_after_update(Settings.from_env())
    for r in results:
        if r.error:
            err_console.print(f"[bold red]Error:[/] {r.source}: {escape(r.error)}", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def sources() -> None:
    """The list sources and file formats weerbaar knows."""
    from weerbaar.sources.registry import load_registry

    reg = load_registry()
    table = Table("source", "title", "formats")
    for sid, spec in sorted(reg.sources.items()):
        fmts = ", ".join(
            f.name
            for f in reg.formats.values()
            if f.source == sid or (f.choose_source and sid in f.name)
        )
        table.add_row(sid, spec.title, fmts)
    console.print(table)
