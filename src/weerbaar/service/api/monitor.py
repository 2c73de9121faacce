"""Decisions, customer books, alerts and the audit log (filled in by the monitor work)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
