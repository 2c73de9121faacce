"""The web UI (server-rendered, Dutch and English)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
