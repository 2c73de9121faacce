"""``/ui/trade``: the strategic-dependency monitor in the browser.

    /ui/trade            product search and the dependencies table for an importer and year
    /ui/trade/report     the offline HTML report (plotly inline) as a download

The page also answers JSON (``?format=json``). The report is sent as an
attachment: it carries inline script, which the pages' CSP does not allow.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from weerbaar.accounts import Permission, Principal
from weerbaar.core.errors import NotFoundError
from weerbaar.service.auth import app_state, require
from weerbaar.service.state import AppState
from weerbaar.service.ui.web import UIRoute, render

router = APIRouter(include_in_schema=False, route_class=UIRoute)

Screen = Annotated[Principal, Depends(require(Permission.SCREEN))]
ROWS_SHOWN = 100


def _query(state: AppState, dataset: str) -> Any:
    from weerbaar.analytics.analyses import Query as TradeQuery
    from weerbaar.analytics.analyses import load_all
    from weerbaar.analytics.store import TradeStore

    load_all()
    store = TradeStore(state.settings.home / "trade")
    return TradeQuery(store, dataset, store.groups())


@router.get("/ui/trade")
def trade_page(
    request: Request,
    who: Screen,
    state: Annotated[AppState, Depends(app_state)],
    importer: Annotated[str, Query(max_length=20)] = "EU27",
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    q: Annotated[str, Query(max_length=100)] = "",
    dataset: Annotated[str, Query(max_length=50)] = "main",
    dependent: bool = False,
) -> Response:
    import polars as pl

    from weerbaar.analytics.analyses.dependencies import dependencies
    from weerbaar.analytics.hs import describe

    tq = _query(state, dataset)
    data: dict[str, Any] = {
        "importer": importer.upper(),
        "q": q,
        "dataset": dataset,
        "dependent": dependent,
        "years": [],
        "year": year,
        "rows": [],
        "total": 0,
        "currency": "",
    }
    try:
        years = tq.years()
    except NotFoundError:
        return render(request, "trade.html", data, who)
    year = year if year in years else years[-1]
    frame = dependencies(tq, importer.upper(), [year])
    if dependent:
        frame = frame.filter(pl.col("dependent"))
    names = tq.store.product_names()
    frame = frame.with_columns(
        pl.col("hs6")
        .map_elements(lambda c: describe(c, names), return_dtype=pl.String)
        .alias("description")
    )
    if q.strip():
        needle = q.strip().lower()
        frame = frame.filter(
            pl.col("hs6").str.starts_with(needle)
            | pl.col("description").str.to_lowercase().str.contains(needle, literal=True)
        )
    data.update(
        years=years,
        year=year,
        total=frame.height,
        currency=tq.store.currency(dataset),
        rows=frame.head(ROWS_SHOWN).to_dicts(),
    )
    return render(request, "trade.html", data, who)


@router.get("/ui/trade/report")
def trade_report(
    who: Screen,
    state: Annotated[AppState, Depends(app_state)],
    hs6: Annotated[list[str], Query(max_length=10)],
    importer: Annotated[str, Query(max_length=20)] = "EU27",
    dataset: Annotated[str, Query(max_length=50)] = "main",
) -> Response:
    from weerbaar.analytics.codes import hs6 as normalize
    from weerbaar.analytics.report import build_report

    tq = _query(state, dataset)
    try:
        codes = [normalize(c) for c in hs6]
    except ValueError as exc:
        raise NotFoundError(str(exc)) from None
    text = build_report(tq, importer.upper(), codes, tq.years())
    name = f"weerbaar-trade-{importer.lower()}-{'-'.join(codes)}.html"
    return Response(
        text,
        media_type="text/html; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
