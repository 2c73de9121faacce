"""Who is calling, and may they: the dependencies every route declares.

    principal: Principal = Depends(require(Permission.SCREEN))

A caller is identified by ``Authorization: ApiKey <key>`` or, in the web UI,
by the signed session cookie set at login. Unauthenticated requests get 401,
authenticated ones without the permission 403, callers over their rate limit
429 with ``Retry-After``. Successful key lookups are cached for
``KEY_CACHE_SECONDS`` (a revoked key stops working within that time).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request, status

from weerbaar.accounts import Permission, Principal, authenticate_key, hash_key
from weerbaar.db.models import User
from weerbaar.service.state import AppState

KEY_CACHE_SECONDS = 5.0
_CACHE: dict[str, tuple[float, Principal | None]] = {}
_CACHE_LOCK = threading.Lock()


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.weerbaar
    return state


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=message, headers={"WWW-Authenticate": "ApiKey"}
    )


def _from_key(state: AppState, token: str) -> Principal | None:
    digest = hash_key(token)
    now = time.monotonic()
    with _CACHE_LOCK:
        cached = _CACHE.get(digest)
    if cached is not None and now - cached[0] < KEY_CACHE_SECONDS:
        return cached[1]
    with state.db.session() as s:
        found = authenticate_key(s, token)
    with _CACHE_LOCK:
        if len(_CACHE) > 10_000:
            _CACHE.clear()
        _CACHE[digest] = (now, found)
    return found


def clear_key_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _from_session(state: AppState, request: Request) -> Principal | None:
    if "session" not in request.scope:
        return None
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        return None
    with state.db.session() as s:
        user = s.get(User, user_id)
        if user is None or not user.active:
            return None
        return Principal(user.id, user.email, user.role, user.language)


def current_principal(request: Request) -> Principal | None:
    """The caller, or None; raises 401 for a malformed or unknown key."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    state = app_state(request)
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "apikey" or not token.strip():
            raise _unauthorized("use the header `Authorization: ApiKey <key>`")
        found = _from_key(state, token.strip())
        if found is None:
            raise _unauthorized("unknown or revoked API key")
    else:
        found = _from_session(state, request)
    if found is not None:
        request.state.principal = found
    return found


def _check_rate(request: Request, who: Principal) -> None:
    state = app_state(request)
    limit = who.rate_limit if who.rate_limit is not None else state.settings.rate_limit
    caller = f"key:{who.key_id}" if who.key_id is not None else f"user:{who.user_id}"
    wait = request.app.state.limiter.take(caller, limit)
    if wait > 0:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"rate limit of {limit} requests per minute reached",
            headers={"Retry-After": str(math.ceil(wait))},
        )


def require(permission: Permission) -> Callable[[Request], Any]:
    """A dependency: the authenticated caller holding ``permission``."""

    def dependency(request: Request) -> Principal:
        who = current_principal(request)
        if who is None:
            raise _unauthorized("authentication required: send `Authorization: ApiKey <key>`")
        if not who.can(permission):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                detail=f"the role {who.role!r} may not {permission.value}",
            )
        if not getattr(request.state, "rate_checked", False):
            request.state.rate_checked = True
            _check_rate(request, who)
        return who

    dependency.__name__ = f"require_{permission.value}"
    return dependency


def require_on_loop(permission: Permission) -> Callable[[Request], Any]:
    """``require`` as an async dependency, for routes that run on the event loop.

    FastAPI runs sync dependencies and routes in a thread pool; for a short
    CPU-bound route (``/match``) the hops and the GIL contention between
    threads cost more than they give. Such a route is ``async def`` and
    takes this dependency: one worker process then serves one request at a
    time, in arrival order, and several workers use several cores.
    """
    check = require(permission)

    async def dependency(request: Request) -> Principal:
        result: Principal = check(request)
        return result

    dependency.__name__ = check.__name__
    return dependency
