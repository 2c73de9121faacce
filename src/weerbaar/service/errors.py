"""The HTTP edge of the error family: every failure becomes a 4xx/5xx JSON ``{"detail": ...}``.

WeerbaarError subclasses map to status codes here and nowhere else;
request validation errors keep FastAPI's 422 shape (a list of problems, each
with its location and message); anything unexpected is logged and answered
500 with a reference number, never a traceback.
"""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

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

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:12]
        log.exception("unexpected error %s on %s %s", ref, request.method, request.url.path)
        return JSONResponse(
            {"detail": f"internal error (reference {ref}); it has been logged"},
            status_code=500,
        )
