"""``weerbaar match``, ``screen`` and ``compare-pairs``: thin shells over ``weerbaar.screening``.

Heavy modules are imported inside the commands, so ``weerbaar match`` answers
within two seconds of starting.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from weerbaar.cli.common import console, err_console, print_json, user_errors
from weerbaar.core.errors import ConfigError
from weerbaar.core.settings import Settings

if TYPE_CHECKING:  # the matcher is imported inside the commands (start-up time)
    from weerbaar.matching.texts import Language


LANGUAGE_HELP = (
    "Write each explanation as plain sentences in this language (en or nl) instead of"
    " the technical line."
)


def _language(value: str | None) -> Language | None:
    """The explanation language of a ``--language`` option (a UserError if unknown)."""
    if value is None:
        return None
    lowered = value.lower()
    if lowered == "en":
        return "en"
    if lowered == "nl":
        return "nl"
    raise ConfigError(f"unknown --language {value!r}", hint="use en (English) or nl (Dutch)")


def match(
    name: str = typer.Argument(..., help="The name to look for, in any script and order."),
    schema: str = typer.Option(
        "LegalEntity", "--schema", help="Person, Organization, Company, Vessel or LegalEntity."
    ),
    birth_date: list[str] = typer.Option(
        [], "--birth-date", help="Birth (or incorporation) date, YYYY[-MM[-DD]]; repeatable."
    ),
    country: list[str] = typer.Option(
        [], "--country", help="Nationality or country, ISO code or name; repeatable."
    ),
    identifier: list[str] = typer.Option(
        [], "--identifier", help="Passport, IMO, registration number...; repeatable."
    ),
    limit: int = typer.Option(10, "--limit", min=1, help="Show at most this many hits."),
    threshold: float | None = typer.Option(
        None, "--threshold", min=0.0, max=1.0, help="Match threshold (default: the model's)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    language: str | None = typer.Option(
        None, "--language", help=LANGUAGE_HELP, case_sensitive=False
    ),
) -> None:
    """Screen one name against every list: hits with score, lists and explanation."""
    from weerbaar.matching import Record
    from weerbaar.screening.screen import Screener

    with user_errors():
        record = Record(
            schema=_schema(schema),
            names=[name],
            birth_dates=birth_date,
            countries=_countries(country),
            identifiers=identifier,
        )
        lang = _language(language)
        screener = Screener.open(Settings.from_env(), progress=not as_json)
        hits = screener.match_record(record, limit=limit, threshold=threshold)
    if lang is not None:
        hits = [
            replace(h, explanation=h.comparison.describe(lang)) if h.comparison else h for h in hits
        ]
    if as_json:
        print_json(
            {"query": {"name": name, "schema": record.schema}, "hits": [h.as_dict() for h in hits]}
        )
        return
    table = Table("score", "match", "name", "schema", "lists", "entity", "explanation")
    table.columns[0].no_wrap = table.columns[5].no_wrap = True
    for h in hits:
        table.add_row(
            f"{h.score:.2f}",
            "yes" if h.match else "no",
            h.caption,
            h.schema,
            ", ".join(h.lists),
            h.entity_id,
            h.explanation,
        )
    console.print(table)
    if not hits:
        console.print(f"no hits for {name!r}")


def screen(
    input: Path = typer.Argument(..., help="Customer file: CSV, Excel workbook or Parquet."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="Results file to write (.csv or .jsonl)."
    ),
    column: list[str] = typer.Option(
        [], "--column", help="Map a field to a column: name='Client Name' (repeatable)."
    ),
    threshold: float | None = typer.Option(
        None, "--threshold", min=0.0, max=1.0, help="Match threshold (default: the model's)."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Processes to screen with (default: every core)."
    ),
    schema: str = typer.Option(
        "LegalEntity", "--schema", help="Schema for rows without a type column."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    language: str | None = typer.Option(
        None, "--language", help=LANGUAGE_HELP, case_sensitive=False
    ),
) -> None:
    """Screen every row of a customer file; write each hit (score, match, lists, why)."""
    from weerbaar.screening.inputs import parse_mapping
    from weerbaar.screening.screen import screen as run

    with user_errors():
        summary = run(
            input,
            output,
            settings=Settings.from_env(),
            mapping=parse_mapping(column) or None,
            threshold=threshold,
            workers=workers,
            progress=not as_json,
            default_schema=schema,
            language=_language(language),
        )
    if as_json:
        print_json(summary.as_dict())
        return
    for warning in summary.warnings[:20]:
        err_console.print(f"[yellow]Warning:[/] {warning}", highlight=False)
    table = Table("rows", "skipped", "hits", "matches", "rows with a match", "seconds", "rows/s")
    table.add_row(
        str(summary.rows),
        str(summary.skipped),
        str(summary.hits),
        str(summary.matches),
        str(summary.rows_with_match),
        f"{summary.seconds:.1f}",
        f"{summary.rows_per_second:.0f}",
    )
    console.print(table)
    console.print(f"results written to {summary.output}")


def compare_pairs(
    input: Path = typer.Argument(..., help="CSV with the columns schema, name1, name2."),
    output: Path = typer.Option(..., "-o", "--output", help="CSV to write: the rows plus score."),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Processes to score with (default: every core)."
    ),
) -> None:
    """Score name pairs: every input row, in order, with a score column added."""
    from weerbaar.screening.pairs import compare_pairs as run

    with user_errors(), err_console.status("Scoring name pairs"):
        count = run(input, output, workers=workers)
    console.print(f"scored {count} pairs; written to {output}")


def _countries(values: list[str]) -> list[str]:
    if not values:  # the country tables load followthemoney: only when asked
        return []
    from weerbaar.core.countries import country_code
    from weerbaar.core.errors import ConfigError

    codes = [country_code(v) for v in values]
    unknown = [v for v, c in zip(values, codes, strict=True) if c is None]
    if unknown:
        raise ConfigError(f"unknown country {unknown[0]!r}", hint="give an ISO code, e.g. NL")
    return [c for c in codes if c]


def _schema(value: str) -> str:
    from weerbaar.core.errors import ConfigError

    known = ("Person", "Organization", "Company", "Vessel", "LegalEntity", "Airplane")
    for schema in known:
        if schema.lower() == value.strip().lower():
            return schema
    raise ConfigError(f"unknown schema {value!r}", hint=f"use one of: {', '.join(known)}")
