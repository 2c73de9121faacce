"""Liveness and readiness: the only routes that need no authentication."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from weerbaar.service.auth import app_state

router = APIRouter(tags=["System"])


@router.get("/healthz", summary="The process is alive")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="Ready to screen: database reachable and screening index loaded",
    responses={503: {"description": "Not ready; `checks` says what is missing"}},
)
def readyz(request: Request) -> JSONResponse:
    state = app_state(request)
    checks: dict[str, Any] = {}
    try:
        with state.db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means not ready
        checks["database"] = f"unavailable: {exc.__class__.__name__}"
    checks["index"] = state.screeners.status
    # informative only: without it, entities are read from the store on demand
    checks["entity_cache"] = "ready" if state.screeners.entities.filled else "filling"
    ready = checks["database"] == "ok" and checks["index"] == "ready"
    return JSONResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status_code=200 if ready else 503,
    )
