"""Schemathesis over the reporting office's operations (``/api/v1``): no 500s,
responses as documented, malformed input refused with a 4xx; run as a reporter
(whose valid reports are stored) and as an analyst of the office.

(tests/service/test_schemathesis.py runs every operation as an administrator.)
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.plugins.service import auth

EXAMPLES = int(os.environ.get("WEERBAAR_SCHEMATHESIS_EXAMPLES", "30"))


def _check(operation: Any, headers: dict[str, str]) -> Any:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

    return run


def test_reporting_api_never_fails_on_any_input(
    app: Any, database: Any, office: dict[str, str]
) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex="^/api/v1")
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for caller in ("reporter_admin_a", "analyst"):
            _check(operation, auth(office[caller]))()
        checked.append(operation.label)
    assert "POST /api/v1/reports" in checked, checked
    assert len(checked) >= 15
