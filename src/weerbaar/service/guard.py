"""Refuse a NUL character in a request's path or query string, before any route runs.

PostgreSQL cannot store NUL in text (SQLite can), so a ``%00`` in a search,
a filter or an id would otherwise reach the database and fail there. A pure
ASGI middleware: it only looks at the already parsed path and query string,
so it costs nothing measurable on ``/match``.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

NUL_IN_URL = "the URL contains a NUL character (%00); remove it"


class RefuseNul:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (
            b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", "")
        ):
            await JSONResponse({"detail": NUL_IN_URL}, status_code=422)(scope, receive, send)
            return
        await self.app(scope, receive, send)
