"""``create_app(settings)``: the one place the HTTP service is assembled.

Routers: ``api.health`` (``/healthz``, ``/readyz``), ``api.yente``
(yente-compatible ``/match``, ``/search``, ``/entities``, ``/lists``),
``api.monitor`` (decisions, customer books, alerts, audit) and ``ui`` (the
web pages, Dutch and English). Each route declares the permission it needs
(``service.auth.require``).
"""

from __future__ import annotations

import importlib
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import TYPE_CHECKING

from fastapi import FastAPI
from starlette.middleware.sessions import SessionMiddleware

from weerbaar import __version__
from weerbaar.core.settings import Settings
from weerbaar.db import Database
from weerbaar.service import errors
from weerbaar.service.guard import RefuseNul
from weerbaar.service.openapi import custom_openapi
from weerbaar.service.ratelimit import RateLimiter
from weerbaar.service.state import AppState, ScreenerHolder

if TYPE_CHECKING:
    from weerbaar.screening import Screener


def secret_key(settings: Settings) -> str:
    """WEERBAAR_SECRET_KEY, else a random key kept in WEERBAAR_HOME/secret.key."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.home / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(secrets.token_urlsafe(48))
        tmp.chmod(0o600)
        tmp.replace(path)
    return path.read_text().strip()


def create_app(
    settings: Settings | None = None,
    *,
    screener: Screener | None = None,
    database: Database | None = None,
) -> FastAPI:
    """The service for ``settings``; ``screener``/``database`` may be given (tests)."""
    from weerbaar.service import ui
    from weerbaar.service.api import health, monitor, reports, yente

    settings = settings or Settings.from_env()
    db = database or Database.open(settings)
    holder = ScreenerHolder(settings, screener)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        holder.start()
        reports.start_worker(app)  # screens reports left unscreened by a crash
        yield
        reports.stop_worker(app)

    app = FastAPI(
        title="weerbaar",
        version=__version__,
        summary="Sanctions screening (yente-compatible), decisions and re-screening.",
        lifespan=lifespan,
    )
    app.state.weerbaar = AppState(settings=settings, db=db, screeners=holder)
    app.state.limiter = RateLimiter()
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key(settings),
        session_cookie="weerbaar_session",
        same_site="lax",
        https_only=False,
        max_age=12 * 3600,
    )
    app.add_middleware(RefuseNul)  # outermost: runs first
    errors.install(app)
    app.openapi = partial(custom_openapi, app)  # type: ignore[method-assign]
    app.include_router(health.router)
    app.include_router(yente.router)
    app.include_router(monitor.router)
    app.include_router(reports.router)
    app.include_router(ui.router)
    app.include_router(importlib.import_module("weerbaar.service.api.maritime").router)
    app.include_router(importlib.import_module("weerbaar.service.ui.maritime").router)
    app.include_router(importlib.import_module("weerbaar.service.ui.trade").router)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (each worker process builds its own app)."""
    return create_app(Settings.from_env())
