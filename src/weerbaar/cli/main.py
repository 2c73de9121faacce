"""The ``weerbaar`` command: thin shells over the library (``weerbaar.lists``)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from weerbaar.cli import cases as cases_cli
from weerbaar.cli import lists as lists_cli
from weerbaar.cli import maritime as maritime_cli
from weerbaar.cli import monitor as monitor_cli
from weerbaar.cli import screening as screening_cli
from weerbaar.cli import service as service_cli
from weerbaar.cli import trade as trade_cli
from weerbaar.cli.common import console, open_lists, print_json

app = typer.Typer(
    help="weerbaar: sanctions lists, screening and economic-security tooling.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(lists_cli.app, name="lists")
app.command("match")(screening_cli.match)
app.command("screen")(screening_cli.screen)
app.command("compare-pairs")(screening_cli.compare_pairs)
app.command("serve")(service_cli.serve)
app.add_typer(service_cli.keys_app, name="keys")
app.add_typer(service_cli.users_app, name="users")
app.add_typer(monitor_cli.app, name="monitor")
app.add_typer(maritime_cli.app, name="maritime")
app.add_typer(trade_cli.app, name="trade")
app.command("decide")(monitor_cli.decide)
app.add_typer(cases_cli.app, name="cases")
app.add_typer(cases_cli.audit_app, name="audit")


@app.command()
def entity(
    entity_id: str = typer.Argument(..., help="Any list entity id or canonical id."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Everything known about one entity, with the list versions that said it."""
    from weerbaar.store.views import entity_report

    with open_lists() as lists:
        report = entity_report(lists.store, entity_id)
    if as_json:
        print_json(report)
        return
    console.print(f"[bold]{report['caption']}[/] ({report['schema']}, {report['id']})")
    console.print(f"lists: {', '.join(report['members'])}")
    for link in report["links"]:
        console.print(f"  linked {link['left']} = {link['right']} by {link['key']} {link['value']}")
    for title, rows in (("Statements", report["statements"]), ("Related", report["related"])):
        table = Table("property", "value", "source", "first seen", "last seen", "now", title=title)
        for s in rows:
            prop = s["prop"] if title == "Statements" else f"{s['schema']}:{s['prop']}"
            table.add_row(
                prop,
                s["value"],
                s["source"],
                s["first_seen"],
                s["last_seen"],
                "yes" if s["current"] else "no",
            )
        console.print(table)


@app.command("export")
def export(
    format: str = typer.Option(
        "ftm", "--format", help="ftm (JSON lines) or csv (OpenSanctions targets.simple.csv)."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="File to write (default: standard output)."
    ),
) -> None:
    """Export the current merged entities as followthemoney JSON lines or CSV.

    The CSV has one row per target in OpenSanctions' targets.simple.csv
    columns (id, schema, name, aliases, birth_date, countries, addresses,
    identifiers, sanctions, phones, emails, program_ids, dataset, first_seen,
    last_seen, last_change), so it imports again as an os_targets list; the
    member list ids (referents) are only in the ftm export.
    """
    from weerbaar.store.views import export_csv, export_ftm

    if format not in ("ftm", "csv"):
        raise typer.BadParameter("use ftm or csv", param_hint="--format")
    with open_lists() as lists:
        if format == "ftm":
            if output is None:
                count = export_ftm(lists.store, sys.stdout.buffer)
            else:
                with output.open("wb") as fb:
                    count = export_ftm(lists.store, fb)
        elif output is None:
            count = export_csv(lists.store, sys.stdout)
        else:
            with output.open("w", newline="", encoding="utf-8") as ft:
                count = export_csv(lists.store, ft)
    if output:
        console.print(f"wrote {count} entities to {output}")


def main() -> None:
    app()
