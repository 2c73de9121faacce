"""The maritime watch page: an offline map (no tile server) of the last scan's tracks,
zone buffers and alerts, with the alert list.

    /ui/maritime              the page (JSON with ``?format=json``)
    /ui/maritime/data         the map data of the last scan (tracks, zones, alerts)
    /static/maritime.js       draws the map as SVG (equirectangular, no coastline, no tiles)
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import FileResponse, JSONResponse

from weerbaar.accounts import Permission, Principal
from weerbaar.service.auth import app_state, require
from weerbaar.service.state import AppState
from weerbaar.service.ui.web import STATIC, UIRoute, render

router = APIRouter(include_in_schema=False, route_class=UIRoute)
Screen = Annotated[Principal, Depends(require(Permission.SCREEN))]


@router.get("/static/maritime.js")
def maritime_script() -> FileResponse:
    return FileResponse(
        STATIC / "maritime.js",
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/ui/maritime")
def maritime_page(
    request: Request, who: Screen, state: Annotated[AppState, Depends(app_state)]
) -> Response:
    from weerbaar.maritime.scan import last_scan

    scan = last_scan(state.settings)
    alerts: list[dict[str, Any]] = (scan or {}).get("alerts", [])
    data = {
        "scan": None if scan is None else scan.get("scan"),
        "summary": None if scan is None else scan.get("summary"),
        "alerts": alerts[:500],
    }
    return render(request, "maritime.html", data, who)


@router.get("/ui/maritime/data")
def maritime_data(who: Screen, state: Annotated[AppState, Depends(app_state)]) -> JSONResponse:
    from weerbaar.maritime.scan import last_scan

    scan = last_scan(state.settings) or {"tracks": [], "zones": None, "alerts": []}
    body = {k: scan.get(k) for k in ("tracks", "zones", "alerts")}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
