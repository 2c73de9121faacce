"""The HTTP edge of the error family: every failure becomes a 4xx/5xx JSON ``{"detail": ...}``.

WeerbaarError subclasses map to status codes here and nowhere else;
request validation errors keep FastAPI's 422 shape (a list of problems, each
with its location and message); a text value with a NUL character, which
PostgreSQL refuses to store, is a 422 (``service.guard`` refuses one in the
URL before any route runs; this catches one in a body); anything unexpected
is logged and answered 500 with a reference number, never a traceback.
"""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError

from weerbaar.core.errors import (
    ConfigError,
    InputError,
    NotFoundError,
    StoreError,
    WeerbaarError,
)
from weerbaar.service.state import NotReady

log = logging.getLogger("weerbaar.service")

STATUS: list[tuple[type[WeerbaarError], int]] = [
    (NotFoundError, 404),
    (NotReady, 503),
    (InputError, 422),
    (ConfigError, 400),
    (StoreError, 503),
    (WeerbaarError, 400),
]


def status_of(exc: WeerbaarError) -> int:
    """The error's ``http_status`` if its class sets one, else the table above."""
    own = getattr(exc, "http_status", None)
    if isinstance(own, int):
        return own
    return next(code for kind, code in STATUS if isinstance(exc, kind))


def install(app: FastAPI) -> None:
    @app.exception_handler(WeerbaarError)
    async def weerbaar_error(request: Request, exc: WeerbaarError) -> JSONResponse:
        code = status_of(exc)
        headers = {"Retry-After": "5"} if code == 503 else None
        return JSONResponse({"detail": str(exc)}, status_code=code, headers=headers)

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError) -> JSONResponse:
        if "NUL" in str(exc.orig):
            return JSONResponse({"detail": NUL_IN_TEXT}, status_code=422)
        return internal_error(request, exc)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return internal_error(request, exc)


NUL_IN_TEXT = "a text value contains a NUL character (\\u0000), which cannot be stored; remove it"


def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """A 500 with a reference number; the traceback goes to the log only."""
    ref = uuid.uuid4().hex[:12]
    log.error("unexpected error %s on %s %s", ref, request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        {"detail": f"internal error (reference {ref}); it has been logged"},
        status_code=500,
    )
