"""Roles and what each may do: the one table every front end checks."""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    SCREEN = "screen"  # match, search, entities, lists, batch screening
    DECIDE = "decide"  # record decisions on hits
    MONITOR = "monitor"  # customer books, re-screening, alerts
    AUDIT = "audit"  # read the audit log
    ADMIN = "admin"  # users and keys


#: role -> permissions. ``screening`` is for systems that only screen.
PERMISSIONS: dict[str, frozenset[Permission]] = {
    "screening": frozenset({Permission.SCREEN}),
    "analyst": frozenset(
        {Permission.SCREEN, Permission.DECIDE, Permission.MONITOR, Permission.AUDIT}
    ),
    "admin": frozenset(Permission),
}
ROLES = tuple(PERMISSIONS)


def allowed(role: str, permission: Permission) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())
