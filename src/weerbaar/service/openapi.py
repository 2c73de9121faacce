"""The OpenAPI document, with the error responses every route can give.

FastAPI documents only 200 and its own 422 (``detail`` as a list of field
problems). Our error family answers ``{"detail": "<message>"}`` with a 4xx
(``service.errors``), and the auth dependency 401/403/429; this adds those
responses to every operation and lets a 422's ``detail`` be either form, so
the document tells clients the truth (schemathesis checks it does).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_SCHEMA = {
    "title": "ErrorResponse",
    "type": "object",
    "properties": {"detail": {"type": "string", "title": "Detail"}},
    "required": ["detail"],
}
COMMON = {
    "400": "Invalid request",
    "401": "Not authenticated",
    "403": "Role may not do this",
    "404": "Not found",
    "409": "Conflict with the current state",
    "413": "Upload too large",
    "415": "Unsupported file type",
    "422": "Malformed or invalid request",
    "429": "Rate limit reached",
    "503": "Not ready (lists loading or missing)",
}
OPEN = {"/healthz", "/readyz"}


def custom_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, summary=app.summary, routes=app.routes
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ErrorResponse"] = ERROR_SCHEMA
    validation = components.get("HTTPValidationError")
    if validation is not None:
        detail = validation["properties"]["detail"]
        validation["properties"]["detail"] = {"anyOf": [detail, {"type": "string"}],
                                              "title": "Detail"}  # fmt: skip
    error_ref = {"$ref": "#/components/schemas/ErrorResponse"}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, text in COMMON.items():
                if path in OPEN and code != "503":
                    continue
                if code == "422" and "422" in responses:
                    continue
                responses.setdefault(
                    code, {"description": text, "content": {"application/json": {"schema":
                                                                                  error_ref}}}
                )  # fmt: skip
    app.openapi_schema = schema
    return schema
