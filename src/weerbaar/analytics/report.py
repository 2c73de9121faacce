"""The HTML report: per product, supplier shares over time and the flags.

One self-contained file: plotly.js is embedded once (``include_plotlyjs=True``)
so the report opens offline, e.g. on a machine without internet access.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import plotly.graph_objects as go
import polars as pl

from weerbaar.analytics.analyses.base import (
    EXPORT_RATIO_THRESHOLD,
    HHI_THRESHOLD,
    IMPORT_SHARE_THRESHOLD,
    Query,
)
from weerbaar.analytics.analyses.dependencies import dependencies
from weerbaar.analytics.analyses.shares import supplier_shares
from weerbaar.analytics.hs import describe

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th{background:#f3f3f3}td.l,th.l{text-align:left}.flag{color:#b00;font-weight:bold}.ok{color:#070}
.note{color:#555;font-size:.9em}
"""


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def leading_suppliers(shares: pl.DataFrame, top: int = 8, latest: int = 3) -> list[str]:
    """The suppliers drawn as lines: the last year's ``latest`` largest, then the largest
    by average share over the years (each year counts the same, so neither a recent
    supplier nor an early main one is hidden in "other" by years of bigger trade),
    ``top`` in all."""
    if shares.height == 0:
        return []
    last = shares.filter(pl.col("year") == shares["year"].max())
    overall = shares.group_by("exporter").agg(pl.col("share").sum())
    last, overall = (
        f.sort(["share", "exporter"], descending=[True, False]) for f in (last, overall)
    )
    leaders: list[str] = []
    for country in [*last["exporter"].head(latest).to_list(), *overall["exporter"].to_list()]:
        if country not in leaders:
            leaders.append(country)
    return leaders[:top]


def share_figure(shares: pl.DataFrame, names: dict[str, str], top: int = 8) -> go.Figure:
    """Lines of the main suppliers' shares per year; the rest summed as "other"."""
    leaders = leading_suppliers(shares, top)
    fig = go.Figure()
    years = sorted(shares["year"].unique().to_list())
    for country in leaders:
        part = shares.filter(pl.col("exporter") == country)
        by_year = dict(zip(part["year"].to_list(), part["share"].to_list(), strict=True))
        fig.add_trace(
            go.Scatter(
                x=years,
                y=[by_year.get(y, 0.0) * 100 for y in years],
                mode="lines+markers",
                name=f"{country} {names.get(country, '')}".strip(),
            )
        )
    rest = (
        shares.filter(~pl.col("exporter").is_in(leaders))
        .group_by("year")
        .agg(pl.col("share").sum())
    )
    if rest.height:
        by_year = dict(zip(rest["year"].to_list(), rest["share"].to_list(), strict=True))
        fig.add_trace(
            go.Scatter(
                x=years,
                y=[by_year.get(y, 0.0) * 100 for y in years],
                mode="lines",
                name="other",
                line={"dash": "dot", "color": "#999"},
            )
        )
    fig.add_hline(y=65, line_dash="dash", line_color="#b00", annotation_text="CRMA 65%")
    fig.update_layout(
        yaxis_title="share of extra-group imports (%)",
        xaxis_title="year",
        height=420,
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
    )
    return fig


def build_report(
    q: Query,
    importer: str,
    products: Sequence[str],
    years: Sequence[int],
    *,
    extra_of: str | None = None,
) -> str:
    """The report as one HTML string."""
    names = q.store.country_names()
    descriptions = q.store.product_names()
    currency = q.store.currency(q.dataset)
    shares = supplier_shares(q, importer, years, extra_of=extra_of, products=products)
    indicators = dependencies(q, importer, years, extra_of=extra_of, products=products, top=3)
    scope = f"{importer}" + (f", outside {extra_of}" if extra_of else "")
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Strategic dependencies: {html.escape(scope)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Strategic dependencies of {html.escape(scope)}</h1>",
        f"<p class='note'>Dataset <code>{html.escape(q.dataset)}</code>, values in {currency}, "
        f"years {min(years)}–{max(years)}. Indicators after SWD(2021) 352: HHI over outside "
        f"suppliers &gt; {HHI_THRESHOLD}, extra-group / total imports "
        f"&gt; {IMPORT_SHARE_THRESHOLD}, "
        f"extra-group imports / exports &gt; {EXPORT_RATIO_THRESHOLD:g}. A product is dependent "
        "when all three are raised. CRMA benchmark: at most 65% from one third country.</p>",
    ]
    first = True
    for code in products:
        title = describe(code, descriptions)
        parts.append(f"<h2>{code} {html.escape(title)}</h2>")
        own = shares.filter(pl.col("hs6") == code)
        if own.height == 0:
            parts.append("<p>No imports of this product in the years asked.</p>")
            continue
        fig = share_figure(own, names)
        parts.append(fig.to_html(include_plotlyjs=first, full_html=False))
        first = False
        rows = indicators.filter(pl.col("hs6") == code).sort("year", descending=True)
        parts.append(
            "<table><tr><th>year</th><th>extra imports</th><th>HHI (&gt; 0.4)</th>"
            "<th>extra / total (&gt; 0.5)</th><th>imports / exports (&gt; 1)</th>"
            "<th>flags</th><th class='l'>top suppliers</th></tr>"
        )
        for r in rows.iter_rows(named=True):

            def cell(text: str, flagged: bool) -> str:
                return f"<td class='{'flag' if flagged else 'ok'}'>{text}</td>"

            suppliers = ", ".join(
                f"{s['country']} {_pct(s['share'])}" for s in (r["suppliers"] or [])
            )
            ratio = r["import_export_ratio"]
            parts.append(
                f"<tr><td>{r['year']}</td><td>{r['extra_imports']:,.0f}</td>"
                + cell(_num(r["hhi"]), r["flag_hhi"])
                + cell(_num(r["import_share"]), r["flag_import_share"])
                + cell("no exports" if ratio is None else _num(ratio, 2), r["flag_export_ratio"])
                + f"<td>{r['flags']}/3{' dependent' if r['dependent'] else ''}</td>"
                + f"<td class='l'>{html.escape(suppliers)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)
