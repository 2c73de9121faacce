"""Roles and what each may do: the one table every front end checks."""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    SCREEN = "screen"  # match, search, entities, lists, batch screening
    DECIDE = "decide"  # record decisions on hits
    MONITOR = "monitor"  # customer books, re-screening, alerts
    AUDIT = "audit"  # read the audit log
    ADMIN = "admin"  # users and keys
    REPORT = "report"  # submit reports, updates, replies and attachments (own organisation)
    REPORT_READ = "report_read"  # read reports: the own organisation's, or all with CASES_READ
    ORG_ADMIN = "org_admin"  # manage the users of the own organisation
    CASES_READ = "cases_read"  # every report, case and the dashboard (reporting office)
    CASES = "cases"  # case workflow: status, assignment, deadlines, notes, questions
    SUPERVISE = "supervise"  # forward cases to a supervisor or prosecutor, reassign


_OFFICE_READ = {Permission.REPORT_READ, Permission.CASES_READ}

#: role -> permissions. ``screening`` is for systems that only screen; ``reporter``
#: and ``reporter_admin`` belong to an obliged entity (an organisation) and see only
#: its reports; ``analyst``, ``supervisor`` and ``auditor`` work at the reporting office.
PERMISSIONS: dict[str, frozenset[Permission]] = {
    "screening": frozenset({Permission.SCREEN}),
    "analyst": frozenset(
        {
            Permission.SCREEN,
            Permission.DECIDE,
            Permission.MONITOR,
            Permission.AUDIT,
            Permission.CASES,
            *_OFFICE_READ,
        }
    ),
    "admin": frozenset(Permission),
    "reporter": frozenset({Permission.REPORT, Permission.REPORT_READ}),
    "reporter_admin": frozenset({Permission.REPORT, Permission.REPORT_READ, Permission.ORG_ADMIN}),
    "supervisor": frozenset(
        {Permission.SCREEN, Permission.AUDIT, Permission.CASES, Permission.SUPERVISE, *_OFFICE_READ}
    ),
    "auditor": frozenset({Permission.AUDIT, *_OFFICE_READ}),
}
ROLES = tuple(PERMISSIONS)
#: Roles that belong to a reporting organisation (and see only its reports).
REPORTER_ROLES = ("reporter", "reporter_admin")


def allowed(role: str, permission: Permission) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())
