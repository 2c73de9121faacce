"""What every UI page shares: templates, HTML-or-JSON answers, CSRF, errors as pages.

A page answers JSON when asked (``Accept: application/json`` without
``text/html``, or ``?format=json``) with the same data the template shows;
otherwise HTML. ``UIRoute`` turns failures into pages: a missing login
becomes a redirect to ``/login``, other HTTP errors and ``WeerbaarError``
an error page in the user's language (JSON callers get the usual
``{"detail": ...}``).
"""

from __future__ import annotations

import math
import secrets
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from weerbaar.accounts import Permission, Principal
from weerbaar.core.errors import WeerbaarError
from weerbaar.service.auth import current_principal
from weerbaar.service.errors import status_of
from weerbaar.service.state import NotReady
from weerbaar.service.ui.i18n import LANGUAGES, MESSAGES, language_of, translator

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
STATIC = HERE / "static"

#: Sent with every HTML page: nothing from elsewhere, no inline script, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class PageError(HTTPException):
    """An HTTP error whose page text is the message ``key`` (English ``detail`` for JSON)."""

    def __init__(
        self,
        status_code: int,
        detail: str,
        key: str,
        headers: dict[str, str] | None = None,
        **values: Any,
    ) -> None:
        super().__init__(status_code, detail=detail, headers=headers)
        self.key = key
        self.values = values


def wants_json(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt in ("json", "html"):
        return fmt == "json"
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def safe_next(target: str | None, default: str = "/") -> str:
    """A local path to go back to; anything else (``//evil``, ``http:``) becomes ``default``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


# -- CSRF -------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or len(token) < 20:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, token: Any) -> None:
    """403 unless ``token`` (the form's ``csrf_token``, or the ``X-CSRF-Token``
    header) is the session's token.

    Callers using an API key send no cookie, so there is nothing to forge.
    """
    if request.headers.get("authorization"):
        return
    sent = token or request.headers.get("x-csrf-token") or ""
    expected = request.session.get("csrf")
    if (
        not isinstance(sent, str)
        or not isinstance(expected, str)
        or not secrets.compare_digest(sent.encode(), expected.encode())
    ):
        raise PageError(403, "missing or wrong CSRF token: reload the form", "err_csrf")


# -- language ---------------------------------------------------------------


def page_language(request: Request, who: Principal | None) -> str:
    if who is not None and who.key_id is None:
        return language_of(who.language)
    return language_of(request.session.get("lang") if "session" in request.scope else None)


# -- rendering --------------------------------------------------------------


def render(
    request: Request,
    template: str,
    data: dict[str, Any],
    who: Principal | None,
    *,
    status_code: int = 200,
    context: dict[str, Any] | None = None,
) -> Response:
    """``data`` as JSON when asked, else ``template`` with ``data`` and ``context``."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status_code)
    lang = page_language(request, who)
    t = translator(lang)
    table = MESSAGES[lang]

    def label(prefix: str, value: Any) -> str:
        """The text for ``prefix + value`` if there is one, else ``value`` itself."""
        return t(f"{prefix}{value}") if f"{prefix}{value}" in table else str(value)

    ctx: dict[str, Any] = {
        "t": t,
        "label": label,
        "lang": lang,
        "languages": LANGUAGES,
        "user": who,
        "csrf_token": csrf_token(request),
        "path": request.url.path,
        "here": _here(request),
        "json_url": _json_url(request),
        "can_decide": who is not None and who.can(Permission.DECIDE),
        "can_monitor": who is not None and who.can(Permission.MONITOR),
        "can_screen": who is not None and who.can(Permission.SCREEN),
        "can_read_reports": who is not None and who.can(Permission.REPORT_READ),
        "can_cases": who is not None and who.can(Permission.CASES_READ),
        **data,
        **(context or {}),
    }
    response = TEMPLATES.TemplateResponse(request, template, ctx, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _json_url(request: Request) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    params.append(("format", "json"))
    return request.url.path + "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in params)


def error_page(
    request: Request,
    status_code: int,
    message: str,
    *,
    key: str | None,
    values: dict[str, Any] | None = None,
) -> Response:
    try:
        who = current_principal(request)
    except HTTPException:
        who = None
    t = translator(page_language(request, who))
    text = t(key, **(values or {})) if key else message
    data = {"status": status_code, "message": text, "detail": message if key else None}
    return render(request, "error.html", data, who, status_code=status_code)


def login_redirect(request: Request) -> Response:
    target = quote(_here(request), safe="")
    return RedirectResponse(f"/login?next={target}", status_code=303)


class UIRoute(APIRoute):
    """A route whose failures become pages (or redirects to the login) for browsers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def ui_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except HTTPException as exc:
                if wants_json(request):
                    raise
                if exc.status_code == 401:
                    return login_redirect(request)
                key = exc.key if isinstance(exc, PageError) else _key_for(exc.status_code)
                values = exc.values if isinstance(exc, PageError) else None
                code, detail = exc.status_code, str(exc.detail)
                response = await run_in_threadpool(
                    lambda: error_page(request, code, detail, key=key, values=values)
                )
                if exc.headers:
                    response.headers.update(exc.headers)
                return response
            except WeerbaarError as exc:
                if wants_json(request):
                    raise
                code = status_of(exc)
                key = "err_not_ready" if isinstance(exc, NotReady) else None
                response = await run_in_threadpool(error_page, request, code, str(exc), key=key)
                if code == 503:
                    response.headers["Retry-After"] = "5"
                return response

        return ui_handler


def _key_for(status_code: int) -> str | None:
    return {403: "err_forbidden", 404: "err_not_found", 429: "err_rate"}.get(status_code)


# -- failed logins ----------------------------------------------------------


class LoginThrottle:
    """At most ``limit`` failed logins per account (``client_limit`` per client address)
    within ``window`` seconds.

    Past that, logins for that account (or from that client) are refused until
    the oldest failure leaves the window; each failure also costs ``delay``
    seconds, on top of argon2's own cost. Keys are ``email:...`` and ``ip:...``.
    """

    def __init__(
        self, limit: int = 5, client_limit: int = 30, window: float = 300.0, delay: float = 0.3
    ) -> None:
        self.limit = limit
        self.client_limit = client_limit
        self.window = window
        self.delay = delay
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(key, []) if now - t < self.window]
        if kept:
            self._failures[key] = kept
        else:
            self._failures.pop(key, None)
        return kept

    def wait(self, *keys: str) -> int:
        """Seconds until a login for these keys may be tried again (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [
                self.window - (now - recent[-limit])
                for key in keys
                if len(recent := self._recent(key, now))
                >= (limit := self.client_limit if key.startswith("ip:") else self.limit)
            ]
        return math.ceil(max(waits)) if waits else 0

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > 100_000:
                self._failures.clear()
            for key in keys:
                self._failures.setdefault(key, []).append(now)
        time.sleep(self.delay)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


_THROTTLE_LOCK = threading.Lock()


def throttle(request: Request) -> LoginThrottle:
    """The app's login throttle (one per app, made on first use)."""
    with _THROTTLE_LOCK:
        found: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
        if found is None:
            found = LoginThrottle()
            request.app.state.login_throttle = found
        return found
