"""``weerbaar trade``: the strategic-dependency monitor (thin shell over ``weerbaar.analytics``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from weerbaar.cli.common import console, print_json, user_errors

app = typer.Typer(
    help="Strategic dependencies: load bilateral trade, HHI, flags, raw materials, reports.",
    no_args_is_help=True,
)

DATASET = typer.Option("main", "--dataset", help="Name of the loaded dataset to use.")
IMPORTER = typer.Option(
    "EU27", "--importer", help="ISO3 country or group (EU27, EU, EU27_2020...)."
)
EXTRA_OF = typer.Option(
    None, "--extra-of", help="Also leave out suppliers inside this group (e.g. EU27 for NLD)."
)
GROUPS = typer.Option(None, "--groups", help="CSV of custom groups: group,country[,from,to].")


def _query(dataset: str, groups: Path | None) -> Any:
    from weerbaar.analytics.analyses import Query, load_all
    from weerbaar.analytics.store import TradeStore

    load_all()
    store = TradeStore.from_settings()
    return Query(store, dataset, store.groups(groups))


def _years(q: Any, spec: str | None, default_all: bool = False) -> list[int]:
    """``2023``, ``2015-2023`` or ``2019,2023``; default: the latest loaded year (or all)."""
    loaded: list[int] = q.years()
    if not spec:
        return loaded if default_all else loaded[-1:]
    years: list[int] = []
    try:
        for part in spec.split(","):
            a, _, b = part.strip().partition("-")
            years += list(range(int(a), int(b or a) + 1))
    except ValueError:
        raise typer.BadParameter("give a year, a range 2015-2023 or a list 2019,2023") from None
    return years


def _hs6(code: str) -> str:
    from weerbaar.analytics.codes import hs6

    try:
        return hs6(code)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _emit(frame: Any, as_json: bool, as_csv: bool) -> bool:
    """Print ``frame`` as JSON or CSV if asked; True when done."""
    from weerbaar.analytics.analyses.dependencies import flat

    if as_json:
        print_json(frame.to_dicts())
        return True
    if as_csv:
        sys.stdout.write(flat(frame).write_csv())
        return True
    return False


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


@app.command("load")
def load(
    files: list[Path] = typer.Argument(..., help="Data files; BACI code lists may be among them."),
    format: str | None = typer.Option(
        None, "--format", help="baci, comext, comtrade or columns (default: from the header)."
    ),
    columns: str | None = typer.Option(
        None,
        "--columns",
        help="year=COL,importer=COL,exporter=COL,product=COL,value=COL[,quantity=COL][,flow=COL]",
    ),
    dataset: str = DATASET,
    countries: Path | None = typer.Option(None, "--countries", help="BACI country_codes_V*.csv."),
    products: Path | None = typer.Option(
        None, "--products", help="Product list with descriptions."
    ),
    hs: str | None = typer.Option(None, "--hs", help="HS vintage of the data (HS92...HS22)."),
    correspondence: Path | None = typer.Option(
        None, "--correspondence", help="Old,new HS6 table: convert the data to the --hs vintage."
    ),
    scale: float = typer.Option(1.0, "--scale", help="Multiply values (1000 for thousand USD)."),
    currency: str = typer.Option("USD", "--currency", help="Currency of mapped values."),
) -> None:
    """Load trade files (all or nothing) into WEERBAAR_HOME/trade."""
    from weerbaar.analytics import readers
    from weerbaar.analytics.hs import read_product_list
    from weerbaar.analytics.store import TradeStore

    if format and format not in readers.FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(readers.FORMATS)}", param_hint="--format")
    data: list[Path] = []
    for f in files:
        if f.name.startswith("country_codes_") and countries is None:
            countries = f
        elif f.name.startswith("product_codes_") and products is None:
            products = f
        else:
            data.append(f)
    with user_errors():
        mapping = readers.parse_columns(columns) if columns else None
        batches = []
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
        ) as progress:
            for path in data:
                task = progress.add_task(f"reading {path.name}", total=None)
                kind = format or ("columns" if mapping else readers.detect_format(path))
                if kind == "baci":
                    batch = readers.read_baci(path, countries, products)
                elif kind == "comext":
                    batch = readers.read_comext(path)
                elif kind == "comtrade":
                    batch = readers.read_comtrade(path)
                else:
                    if mapping is None:
                        raise typer.BadParameter(
                            "--format columns needs --columns", param_hint="--columns"
                        )
                    batch = readers.read_columns(
                        path, mapping, scale=scale, currency=currency, countries=countries
                    )
                if products is not None and not batch.products:
                    batch.products = read_product_list(products)
                batches.append(batch)
                progress.update(
                    task,
                    description=f"read {path.name}: {batch.frame.height:,} flows",
                    total=1,
                    completed=1,
                )
            task = progress.add_task("storing", total=None)
            result = TradeStore.from_settings().load(
                batches, dataset, hs=hs.upper() if hs else None, correspondence=correspondence
            )
            progress.update(task, description="stored", total=1, completed=1)
    years = f"{result.years[0]}-{result.years[-1]}" if result.years else "none"
    console.print(
        f"loaded {result.rows:,} flows into dataset [bold]{result.dataset}[/] "
        f"(years {years}, {result.currency}, {result.hs or 'HS vintage unknown'})"
    )
    for note in result.notes:
        console.print(f"  note: {note}")


@app.command("datasets")
def datasets() -> None:
    """List the loaded trade datasets with their years, currency and HS vintage."""
    from weerbaar.analytics.store import TradeStore

    store = TradeStore.from_settings()
    table = Table("dataset", "years", "currency", "HS", "files", title=str(store.root))
    with user_errors():
        for name in store.datasets():
            m = store.manifest(name)
            ys = sorted(int(y) for y in m["years"])
            span = f"{ys[0]}-{ys[-1]}" if ys else ""
            table.add_row(name, span, m["currency"], m.get("hs") or "", str(len(m["sources"])))
    console.print(table)


@app.command("dependencies")
def dependencies_cmd(
    importer: str = IMPORTER,
    year: str | None = typer.Option(None, "--year", help="Year, range or list (default: latest)."),
    extra_of: str | None = EXTRA_OF,
    dataset: str = DATASET,
    groups: Path | None = GROUPS,
    only_dependent: bool = typer.Option(False, "--dependent", help="Only products with 3 flags."),
    limit: int = typer.Option(40, "--limit", help="Rows in the table (JSON/CSV give all)."),
    top: int = typer.Option(3, "--top", help="Top suppliers per product."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
) -> None:
    """Per HS6 product: HHI, top suppliers, the Commission's three indicators and flags."""
    import polars as pl

    from weerbaar.analytics.analyses.dependencies import dependencies
    from weerbaar.analytics.hs import describe

    with user_errors():
        q = _query(dataset, groups)
        years = _years(q, year)
        frame = dependencies(q, importer, years, extra_of=extra_of, top=top)
        currency = q.store.currency(dataset)
        names = q.store.product_names()
    if only_dependent:
        frame = frame.filter(pl.col("dependent"))
    if _emit(frame, as_json, as_csv):
        return
    table = Table(
        "year", "hs6", "product", f"extra imports ({currency})", "HHI>0.4", "extra/total>0.5",
        "imp/exp>1", "flags", "top suppliers",
        title=f"{importer} dependencies ({frame.height} products; "
        f"{frame['dependent'].sum()} with all three flags)",
    )  # fmt: skip
    for r in frame.head(limit).iter_rows(named=True):

        def mark(text: str, on: bool) -> str:
            return f"[bold red]{text}[/]" if on else text

        ratio = r["import_export_ratio"]
        table.add_row(
            str(r["year"]),
            r["hs6"],
            describe(r["hs6"], names)[:40],
            f"{r['extra_imports']:,.0f}",
            mark(f"{r['hhi'] or 0:.3f}", r["flag_hhi"]),
            mark(f"{r['import_share']:.2f}", r["flag_import_share"]),
            mark("∞" if ratio is None else f"{ratio:.2f}", r["flag_export_ratio"]),
            f"{r['flags']}/3",
            ", ".join(f"{s['country']} {_pct(s['share'])}" for s in r["suppliers"] or []),
        )
    console.print(table)


@app.command("product")
def product(
    code: str = typer.Argument(..., help="HS6 code (2709 and 270900 both work)."),
    importer: str = IMPORTER,
    years: str | None = typer.Option(None, "--years", help="Years (default: all loaded)."),
    extra_of: str | None = EXTRA_OF,
    exclude: str = typer.Option(
        "RUS,BLR,IRN,PRK,SYR", "--exclude", help="High-risk countries left out of the options."
    ),
    dataset: str = DATASET,
    groups: Path | None = GROUPS,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One product: supplier shares per year, their trend, indicators and other exporters."""
    import polars as pl

    from weerbaar.analytics.analyses.dependencies import dependencies
    from weerbaar.analytics.analyses.diversification import diversification
    from weerbaar.analytics.analyses.shares import share_trend, supplier_shares
    from weerbaar.analytics.hs import describe

    hs6 = _hs6(code)
    with user_errors():
        q = _query(dataset, groups)
        ys = _years(q, years, default_all=True)
        shares = supplier_shares(q, importer, ys, extra_of=extra_of, products=[hs6])
        trend = share_trend(q, importer, ys, extra_of=extra_of, products=[hs6])
        ind = dependencies(q, importer, ys, extra_of=extra_of, products=[hs6])
        latest = int(shares["year"].max()) if shares.height else ys[-1]  # type: ignore[arg-type]
        options = diversification(
            q,
            importer,
            latest,
            [hs6],
            exclude=[c for c in exclude.split(",") if c],
            extra_of=extra_of,
        )
        names = q.store.country_names()
        title = describe(hs6, q.store.product_names())
    if as_json:
        print_json(
            {
                "hs6": hs6,
                "description": title,
                "importer": importer,
                "indicators": ind.to_dicts(),
                "shares": shares.to_dicts(),
                "trend": trend.to_dicts(),
                "diversification": options.to_dicts(),
            }
        )
        return
    console.print(f"[bold]{hs6}[/] {title} — importer {importer}")
    recent = ind.sort("year", descending=True).head(10)
    t1 = Table(
        "year", "HHI", "extra/total", "imp/exp", "flags", "top suppliers", title="Indicators"
    )
    for r in recent.iter_rows(named=True):
        ratio = r["import_export_ratio"]
        t1.add_row(
            str(r["year"]),
            f"{r['hhi'] or 0:.3f}",
            f"{r['import_share']:.2f}",
            "∞" if ratio is None else f"{ratio:.2f}",
            f"{r['flags']}/3",
            ", ".join(f"{s['country']} {_pct(s['share'])}" for s in r["suppliers"] or []),
        )
    console.print(t1)
    t2 = Table("supplier", "name", "first", "last", "change", "slope/yr", title="Share trend")
    for r in trend.filter(pl.col("last") > 0.01).head(12).iter_rows(named=True):
        t2.add_row(
            r["exporter"], names.get(r["exporter"], ""), _pct(r["first"]), _pct(r["last"]),
            _pct(r["change"]), _pct(r["slope"]),
        )  # fmt: skip
    console.print(t2)
    t3 = Table(
        "exporter", "name", "world exports", "world share", "to importer",
        title=f"Other exporters in {latest} (without {exclude})",
    )  # fmt: skip
    for r in options.iter_rows(named=True):
        t3.add_row(
            r["exporter"], names.get(r["exporter"], ""), f"{r['world_exports']:,.0f}",
            _pct(r["world_share"]), f"{r['to_importer']:,.0f}",
        )  # fmt: skip
    console.print(t3)


@app.command("raw-materials")
def raw_materials_cmd(
    importer: str = IMPORTER,
    year: str | None = typer.Option(None, "--year", help="Year, range or list (default: latest)."),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="material,stage,hs6 CSV (default: see README)."
    ),
    dataset: str = DATASET,
    groups: Path | None = GROUPS,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
) -> None:
    """CRMA benchmark: the top third-country share per raw material (indicative HS mapping)."""
    from weerbaar.analytics.analyses.raw_materials import default_mapping, raw_materials

    with user_errors():
        q = _query(dataset, groups)
        table_map, origin = default_mapping(q, mapping)
        frame = raw_materials(q, importer, _years(q, year), mapping=table_map)
        names = q.store.country_names()
    if _emit(frame, as_json, as_csv):
        return
    table = Table(
        "year", "material", "stage", "hs6", "third-country imports", "top supplier", "share",
        "≤ 65%",
        title=f"{importer}: CRMA single-supplier benchmark (indicative; mapping: {origin})",
    )  # fmt: skip
    for r in frame.iter_rows(named=True):
        table.add_row(
            str(r["year"]), r["material"], r["stage"] or "", r["hs6"],
            f"{r['third_country_imports']:,.0f}",
            f"{r['top_supplier']} {names.get(r['top_supplier'], '')}",
            _pct(r["top_share"]),
            "[bold red]no[/]" if r["above_benchmark"] else "yes",
        )  # fmt: skip
    console.print(table)
    if frame.height == 0:
        console.print("no imports of the mapped HS codes in this dataset")


@app.command("supplier")
def supplier(
    country: str | None = typer.Argument(None, help="Supplier ISO3 (default: any)."),
    importer: str = IMPORTER,
    year: int | None = typer.Option(None, "--year", help="Year (default: latest)."),
    min_share: float = typer.Option(0.5, "--min-share", help="Share above which to list."),
    extra_of: str | None = EXTRA_OF,
    dataset: str = DATASET,
    groups: Path | None = GROUPS,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
) -> None:
    """Every product where one country holds more than --min-share of the imports."""
    from weerbaar.analytics.analyses.suppliers import supplier_view
    from weerbaar.analytics.hs import describe

    with user_errors():
        q = _query(dataset, groups)
        y = year or q.years()[-1]
        frame = supplier_view(
            q, importer, y, supplier=country, min_share=min_share, extra_of=extra_of
        )
        descriptions = q.store.product_names()
    if _emit(frame, as_json, as_csv):
        return
    table = Table("hs6", "product", "supplier", "value", "share", title=f"{importer} {y}")
    for r in frame.head(100).iter_rows(named=True):
        table.add_row(
            r["hs6"], describe(r["hs6"], descriptions)[:50], r["exporter"],
            f"{r['value']:,.0f}", _pct(r["share"]),
        )  # fmt: skip
    console.print(table)


@app.command("report")
def report(
    codes: list[str] = typer.Argument(..., help="HS6 codes."),
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write."),
    importer: str = IMPORTER,
    years: str | None = typer.Option(None, "--years", help="Years (default: all loaded)."),
    extra_of: str | None = EXTRA_OF,
    dataset: str = DATASET,
    groups: Path | None = GROUPS,
) -> None:
    """An offline HTML report: supplier shares over time (plots) and flags with thresholds."""
    from weerbaar.analytics.report import build_report

    products = [_hs6(c) for c in codes]
    with user_errors():
        q = _query(dataset, groups)
        text = build_report(q, importer, products, _years(q, years, True), extra_of=extra_of)
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {output} ({len(text) // 1024} KiB, works offline)")


@app.command("analyses")
def analyses() -> None:
    """List the registered analyses."""
    from weerbaar.analytics.analyses import load_all

    table = Table("name", "what")
    for a in load_all().values():
        table.add_row(a.name, a.help)
    console.print(table)
